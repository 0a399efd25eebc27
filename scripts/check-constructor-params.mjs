// Fails (exit 1) when a class constructor in libs/, apps/api or plugins/ takes more than 8
// parameters: a service that needs more is doing more than one thing (architecture.md, "services
// of one intent"). Parsed with the TypeScript compiler API, so comments and strings cannot fool it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const MAX_PARAMS = 8;
const ROOTS = ['libs', 'apps/api', 'plugins'];

function* tsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (
      /\.tsx?$/.test(entry.name) &&
      !/\.(spec|e2e-spec)\.tsx?$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
    )
      yield path;
  }
}

/** Every class (declarations and class expressions) with the parameter count of its constructor. */
function constructorsOf(path) {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const ctor = node.members.find((m) => ts.isConstructorDeclaration(m) && m.body);
      if (ctor) found.push({ name: node.name?.text ?? '(anonymous class)', count: ctor.parameters.length });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const offenders = [];
for (const root of ROOTS.filter((r) => existsSync(r))) {
  for (const file of tsFiles(root)) {
    for (const { name, count } of constructorsOf(file)) {
      if (count > MAX_PARAMS) offenders.push({ name, file: relative('.', file), count });
    }
  }
}

if (offenders.length) {
  console.error(`Constructors with more than ${MAX_PARAMS} parameters (split the class by use case):`);
  for (const o of offenders) console.error(`  ${o.name} (${o.file}): ${o.count} parameters`);
  process.exit(1);
}
console.log(`check-constructor-params: no constructor takes more than ${MAX_PARAMS} parameters`);
