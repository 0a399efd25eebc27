#!/usr/bin/env node
// Builds the helpdesk agent as ONE executable for the platform it runs on (Node's single executable
// application support): end users need no Node.js. Steps: bundle src/main.ts and its dependencies
// into one CommonJS file (rolldown), embed the window's files and the tray helper of this platform
// as assets (node --experimental-sea-config), copy this Node binary and inject the blob (postject).
//
//   npm run build:agent-sea            → apps/agent/dist/sea/switchboard-agent[.exe]
//   node apps/agent/scripts/build-sea.mjs --out <dir>
//
// Build on each platform you ship (Windows, macOS, Linux): a SEA is the Node binary it was built with.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const agentDir = resolve(here, '..');
const require = createRequire(join(agentDir, 'package.json'));
const outFlag = process.argv.indexOf('--out');
const out = resolve(outFlag >= 0 ? process.argv[outFlag + 1] : join(agentDir, 'dist', 'sea'));
const exeName = process.platform === 'win32' ? 'switchboard-agent.exe' : 'switchboard-agent';
const exe = join(out, exeName);
const started = Date.now();
const step = (what) => console.log(`[build-sea ${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);

function resolvable(name) {
  try {
    require.resolve(name);
    return true;
  } catch {
    return false;
  }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// 1. One CommonJS file. ws's native speed-ups are optional requires it guards itself; systray2 is
// optional too: without it the executable simply has no tray icon.
step('bundling src/main.ts');
const { build } = await import('rolldown');
const external = ['bufferutil', 'utf-8-validate'];
const tray = resolvable('systray2');
if (!tray) {
  console.warn('[build-sea] systray2 is not installed: the executable will run without a tray icon.');
  external.push('systray2');
}
const bundle = join(out, 'switchboard-agent.cjs');
await build({
  input: join(agentDir, 'src', 'main.ts'),
  platform: 'node',
  external,
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
  // ws skips its optional native add-ons with these set: a SEA's require() loads built-ins only.
  output: {
    file: bundle,
    format: 'cjs',
    codeSplitting: false,
    banner: "process.env.WS_NO_BUFFER_UTIL ??= '1'; process.env.WS_NO_UTF_8_VALIDATE ??= '1';",
  },
  logLevel: 'warn',
});

// 2. The blob: the bundle, the window's files and this platform's tray helper as assets.
const assets = {};
for (const name of ['index.html', 'app.js', 'app.css', 'icon.png'])
  assets[`page/${name}`] = join(agentDir, 'page', name);
const trayBin = { win32: 'tray_windows_release.exe', darwin: 'tray_darwin_release', linux: 'tray_linux_release' }[
  process.platform
];
if (tray && trayBin) {
  const helper = join(dirname(require.resolve('systray2/package.json')), 'traybin', trayBin);
  if (existsSync(helper)) assets[`traybin/${trayBin}`] = helper;
}
const blob = join(out, 'sea-prep.blob');
const seaConfig = join(out, 'sea-config.json');
writeFileSync(
  seaConfig,
  JSON.stringify(
    { main: bundle, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, assets },
    null,
    2,
  ),
);
step('writing the SEA blob');
execFileSync(process.execPath, ['--experimental-sea-config', seaConfig], { stdio: 'inherit' });

// 3. A copy of this Node binary with the blob injected.
step(`injecting into a copy of ${process.execPath}`);
copyFileSync(process.execPath, exe);
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', exe]);
const { inject } = require('postject');
await inject(exe, 'NODE_SEA_BLOB', readFileSync(blob), {
  sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2',
  ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
  overwrite: true,
});
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', exe]);
if (process.platform !== 'win32') execFileSync('chmod', ['755', exe]);
rmSync(blob, { force: true });
rmSync(seaConfig, { force: true });

const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
step(
  `done: ${exe} (${mb(statSync(exe).size)}; bundle ${mb(statSync(bundle).size)}; tray ${assets[`traybin/${trayBin}`] ? 'included' : 'not included'})`,
);
