// The translation layer's guard (#16): every catalogue's keys are used somewhere in the web app,
// and no screen shows English text that skips the catalogues. (A key missing in one language
// already fails the build: defineMessages types French by English.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { findEnglishLiterals } from './english-literals.detector';

const ROOT = join(__dirname, '..');

function sources(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.spec\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const files = sources().map((path) => ({
  path,
  name: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));
const parse = (f: { path: string; text: string }) =>
  ts.createSourceFile(
    f.path,
    f.text,
    ts.ScriptTarget.Latest,
    true,
    f.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );

/** The keys of each `defineMessages(en, …)` call's English table (an object literal or a const). */
function catalogues(): { file: string; keys: string[] }[] {
  const found: { file: string; keys: string[] }[] = [];
  for (const f of files) {
    if (!f.text.includes('defineMessages(') || f.name === 'lib/i18n.ts') continue;
    const sf = parse(f);
    const consts = new Map<string, ts.ObjectLiteralExpression>();
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const init = ts.isAsExpression(node.initializer) ? node.initializer.expression : node.initializer;
        if (ts.isObjectLiteralExpression(init)) consts.set(node.name.text, init);
      }
      if (ts.isCallExpression(node) && node.expression.getText(sf) === 'defineMessages') {
        const first = node.arguments[0];
        const table = first && ts.isObjectLiteralExpression(first) ? first : consts.get(first?.getText(sf) ?? '');
        if (table)
          found.push({
            file: f.name,
            keys: table.properties.flatMap((p) =>
              p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : [],
            ),
          });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** Prefixes format.ts joins as `${field}_${key}` (priority, impact, type). */
const DYNAMIC_PREFIXES = ['priority_', 'impact_', 'type_'];
/** Catalogues looked up by a value that is the whole key (plugin permissions by name, API error codes). */
const KEYED_BY_VALUE = ['lib/plugin-permissions.i18n.ts', 'lib/api-errors.i18n.ts'];

/** `activity_waiting_for_contact` → `activity_`, `activity_waiting_`, …; `typeLiveChat` → `type`, `typeLive`. */
function prefixesOf(key: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < key.length; i++) {
    if (key[i - 1] === '_' || key[i - 1] === '.') out.push(key.slice(0, i));
    else if (/[A-Z]/.test(key[i])) out.push(key.slice(0, i));
  }
  return out;
}

describe('web catalogues', () => {
  const all = catalogues();

  it('finds the catalogues', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('uses every key (as a literal, or through a prefix built at run time)', () => {
    const code = files.map((f) => f.text).join('\n');
    const unused = all.flatMap(({ file, keys }) =>
      (KEYED_BY_VALUE.includes(file) ? [] : keys)
        .filter((key) => {
          const k = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          // Quoted ('key'), or read as a property (S.key: the portal's string tables).
          if (new RegExp(`['"\`]${k}['"\`]|\\.${k}\\b`).test(code)) return false;
          // Built at run time from a value: `status.${x}`, `activity_${key}`, `type${capital(t)}`,
          // `${field}_${k}` (format.ts): a key whose prefix is followed by `${` somewhere is used.
          return !prefixesOf(key).some((p) => code.includes(`${p}\${`) || DYNAMIC_PREFIXES.includes(p));
        })
        .map((key) => `${file}: ${key}`),
    );
    expect(unused).toEqual([]);
  });

  it('shows no English text in JSX that skips the catalogues', () => {
    // Names, symbols and tokens that read the same in every language.
    const allowed = new Set(['Switchboard', 'English', 'Français', 'Cc', 'Ko', 'MB', 'KB', 'OK']);
    const literals = files
      .filter((f) => f.name.endsWith('.tsx'))
      .flatMap((f) => {
        const sf = parse(f);
        const out: string[] = [];
        const visit = (node: ts.Node) => {
          const text = ts.isJsxText(node)
            ? node.text.trim()
            : ts.isJsxAttribute(node) &&
                ['aria-label', 'title', 'placeholder', 'alt', 'label'].includes(node.name.getText(sf)) &&
                node.initializer &&
                ts.isStringLiteral(node.initializer)
              ? node.initializer.text.trim()
              : '';
          if (/[A-Za-zÀ-ÿ]{2,}/.test(text) && !allowed.has(text) && !/^https?:/.test(text))
            out.push(`${f.name}: ${JSON.stringify(text)}`);
          ts.forEachChild(node, visit);
        };
        visit(sf);
        return out;
      });
    expect(literals).toEqual([]);
  });

  it('shows no English sentence in string literals outside the catalogues (errors, dialogs, titles)', () => {
    const found = files
      .filter((f) => !f.name.endsWith('english-literals.detector.ts'))
      .flatMap((f) => findEnglishLiterals(f.name, f.text).map((l) => `${f.name}:${l.line}: ${JSON.stringify(l.text)}`));
    expect(found).toEqual([]);
  });
});
