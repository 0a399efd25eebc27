// Runs TypeScript sources directly (benchmarks, scripts): swc transpiles on require, with the
// repo's path aliases and ESM-style ".js" relative imports resolved to the .ts sources.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
// Every lib under libs/ but the SDK (which is aliased to its own entry points below).
const libs = fs
  .readdirSync(path.join(root, 'libs'))
  .filter((l) => l !== 'plugin-sdk' && fs.existsSync(path.join(root, 'libs', l, 'src', 'index.ts')));
const aliases = new Map(libs.map((l) => [`@switchboard/${l}`, path.join(root, 'libs', l, 'src', 'index.ts')]));
aliases.set('@switchboard/plugin-sdk', path.join(root, 'libs/plugin-sdk/src/index.ts'));
aliases.set('@switchboard/plugin-sdk/testing', path.join(root, 'libs/plugin-sdk/src/testing/index.ts'));

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const alias = aliases.get(request);
  if (alias) return alias;
  if (
    parent &&
    parent.filename &&
    parent.filename.endsWith('.ts') &&
    request.startsWith('.') &&
    request.endsWith('.js')
  ) {
    const candidate = path.resolve(path.dirname(parent.filename), request.slice(0, -3) + '.ts');
    if (fs.existsSync(candidate)) return candidate;
  }
  const pluginDist = /^(.*)\/plugins\/([^/]+)\/dist\/(.*)\.js$/.exec(request);
  if (pluginDist) {
    const src = `${pluginDist[1]}/plugins/${pluginDist[2]}/src/${pluginDist[3]}.ts`;
    if (fs.existsSync(src)) return src;
  }
  return originalResolve.call(this, request, parent, ...rest);
};

const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, { ...swcrc, filename, swcrc: false, sourceMaps: 'inline' });
  module._compile(code, filename);
};
