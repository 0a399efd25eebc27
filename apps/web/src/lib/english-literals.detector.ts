// The guard's detector (#16): English sentences in string literals outside the catalogues (error
// fallbacks put into state, confirm() texts, document.title…). The JSX text and attributes have their
// own check in i18n-catalogues.spec.ts. Used by the specs only, never bundled (it needs typescript).
import ts from 'typescript';

/** Small words that make a run of lowercase words read as an English sentence. */
const STOP_WORDS = new Set(
  'the a an to is are was not no of and or you your for in on this that it be can cannot could please try again with from has have'.split(
    ' ',
  ),
);

/**
 * The explicit allowlist: strings that look visible but never are, or read the same in every
 * language (product name, HTTP tokens). Ids, CSS classes, URLs and event names never read as a
 * sentence, so they need no entry.
 */
export const NOT_VISIBLE = new Set<string>(['Switchboard', 'Content-Type', 'Bearer', 'Portal', 'Portal x']);

const bare = (token: string) => token.replace(/^[("'“]+|[)"'”,.!?:;…]+$/g, '');

/** Whether a string reads as English text meant for a reader. */
export function isEnglishSentence(raw: string): boolean {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!/[A-Za-z]{2}/.test(text) || NOT_VISIBLE.has(text)) return false;
  // URLs, paths, selectors, markup and CSS values: no sentence in them.
  if (/^(https?:|mailto:|data:|\/|\.|#|\[|@|x \/)/.test(text) || /[{}<>=]|\b\d+(px|rem|em|ms|s|%)\b/.test(text))
    return false;
  const tokens = text.split(' ');
  const words = tokens.map(bare).filter((t) => /^[A-Za-zÀ-ÿ'’]+$/.test(t));
  // "Saving…", "Failed!": one capitalized word that is a phrase by its punctuation.
  if (tokens.length === 1) return /^[A-Z][a-z]+(…|\.\.\.|!)$/.test(text);
  // Class lists, keys, mime types: tokens joined by - _ . : are no words.
  if (words.length < 2) return false;
  if (words.some((w) => STOP_WORDS.has(w.toLowerCase()))) return true;
  // A capitalized word followed by another word: "New live chat", "Upload failed".
  return /^[A-Z][a-z'’]+$/.test(bare(tokens[0])) && words.length >= 2;
}

/** A text without its placeholders and the names of the allowlist. */
const withoutNames = (t: string) =>
  t
    .split(/\s+/)
    .filter((w) => w !== 'x' && !NOT_VISIBLE.has(w))
    .join(' ');

/** Where any text is shown as it is, a single word too: the tab's title, a dialog. */
function visibleSink(node: ts.Node, sf: ts.SourceFile): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)
    return /(^document\.title|\.textContent|\.innerText)$/.test(parent.left.getText(sf));
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression))
    return /^(window\.)?(confirm|alert|prompt)$/.test(parent.expression.getText(sf));
  return false;
}

export interface EnglishLiteral {
  line: number;
  text: string;
}

/** The literal's text, a template's pieces joined by a placeholder. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' x ');
  return null;
}

/** Where a literal is no visible text: an import, a type, a comparison, a console line. */
function invisibleContext(node: ts.Node, sf: ts.SourceFile): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent))
    return true;
  if (ts.isLiteralTypeNode(parent) || (ts.isPropertyAssignment(parent) && parent.name === node)) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isCaseClause(parent)) return true;
  if (
    ts.isBinaryExpression(parent) &&
    [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(
      parent.operatorToken.kind,
    )
  )
    return true;
  // A JSX attribute's plain string: the JSX check's.
  if (ts.isJsxAttribute(parent)) return true;
  for (let n: ts.Node | undefined = parent; n; n = n.parent)
    if (ts.isCallExpression(n) && /^console\./.test(n.expression.getText(sf))) return true;
  return false;
}

/** The English sentences in one file's string literals (outside catalogues, types and comparisons). */
export function findEnglishLiterals(fileName: string, source: string): EnglishLiteral[] {
  // A catalogue's tables are the translated texts themselves.
  if (/\.i18n\.ts$/.test(fileName) || /\bdefineMessages\(/.test(source)) return [];
  const sf = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: EnglishLiteral[] = [];
  const visit = (node: ts.Node) => {
    const text = literalText(node);
    const shown = (t: string) => isEnglishSentence(t) || (visibleSink(node, sf) && /[A-Za-z]{2}/.test(withoutNames(t)));
    if (text !== null && !invisibleContext(node, sf) && shown(text)) {
      found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
