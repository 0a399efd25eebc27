import { ValidationFailedError } from '@switchboard/core';
import Handlebars from 'handlebars';

/** Placeholders a quick reply may use; anything else is an error naming it. */
export const QUICK_REPLY_PLACEHOLDERS = [
  'contact.firstName',
  'contact.lastName',
  'contact.name',
  'contact.email',
  'ticket.number',
  'ticket.title',
  'ticket.status',
  'ticket.priority',
  'technician.name',
  'technician.email',
  'company.name',
] as const;

const ALLOWED = new Set<string>(QUICK_REPLY_PLACEHOLDERS);
const BLOCK_HELPERS = new Set(['if', 'unless']);

/** Walks the template's AST and returns the paths it references. Only simple paths and if/unless blocks are supported. */
export function placeholdersOf(template: string): { paths: string[]; unsupported: string[] } {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(template);
  } catch (error) {
    throw new ValidationFailedError('The template does not parse', { body: [(error as Error).message.split('\n')[0]] });
  }
  const paths: string[] = [];
  const unsupported: string[] = [];
  const visitNode = (node: hbs.AST.Node): void => {
    switch (node.type) {
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (m.params.length || m.hash) unsupported.push(describe(m.path));
        else if (m.path.type === 'PathExpression') paths.push((m.path as hbs.AST.PathExpression).original);
        else unsupported.push(describe(m.path));
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const helper = describe(b.path);
        if (!BLOCK_HELPERS.has(helper) || b.params.length !== 1 || b.params[0].type !== 'PathExpression')
          unsupported.push(helper);
        else paths.push((b.params[0] as hbs.AST.PathExpression).original);
        if (b.program) b.program.body.forEach(visitNode);
        if (b.inverse) b.inverse.body.forEach(visitNode);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement':
      case 'DecoratorBlock':
      case 'Decorator':
        unsupported.push('>partial');
        return;
      default:
        return;
    }
  };
  ast.body.forEach(visitNode);
  return { paths, unsupported };
}

/** 400 naming every unknown placeholder. */
/** `field`: the request field the template came from (the 400 names it). */
export function assertKnownPlaceholders(template: string, field = 'body'): void {
  const { paths, unsupported } = placeholdersOf(template);
  const unknown = [...new Set(paths.filter((p) => !ALLOWED.has(p)))];
  const problems = [
    ...unknown.map((p) => `unknown placeholder {{${p}}}; known: ${QUICK_REPLY_PLACEHOLDERS.join(', ')}`),
    ...[...new Set(unsupported)].map(
      (h) => `unsupported expression "${h}": use plain placeholders and {{#if}}/{{#unless}}`,
    ),
  ];
  if (problems.length) {
    throw new ValidationFailedError(
      unknown.length
        ? `Unknown placeholder ${unknown.map((p) => `{{${p}}}`).join(', ')}`
        : 'Unsupported template expression',
      { [field]: problems },
    );
  }
}

/** Renders with strict lookups (a missing value is an error, never an empty string); output is plain text. */
export function renderTemplate(template: string, context: Record<string, unknown>): string {
  assertKnownPlaceholders(template);
  return Handlebars.compile(template, {
    noEscape: true,
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: { if: true, unless: true },
  })(context);
}

function describe(node: hbs.AST.Expression): string {
  return node.type === 'PathExpression' ? (node as hbs.AST.PathExpression).original : node.type;
}
