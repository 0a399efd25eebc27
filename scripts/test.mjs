// `npm test`: architecture checks (dependencies, constructor sizes), web UI build (browser tests serve it), then jest (unit + e2e).
// Runs on SQLite by default; set TEST_DATABASE_URL=postgres://... to run the same suites on PostgreSQL.
// Extra arguments go to jest, e.g. `npm test -- test/foundation`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const driver = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
console.log(`\n== Switchboard tests on ${driver} ==\n`);
run('npx', [
  'depcruise',
  ...['apps', 'libs', 'plugins', 'test'].filter((d) => existsSync(d)),
  '--config',
  '.dependency-cruiser.cjs',
  '--output-type',
  'err',
]);
// Services of one intent: no constructor takes more than 8 parameters.
run('node', ['scripts/check-constructor-params.mjs']);
run('npx', ['vite', 'build', '--config', 'apps/web/vite.config.mjs', '--logLevel', 'warn']);

mkdirSync('.tmp', { recursive: true });
const results = '.tmp/jest-results.json';
rmSync(results, { force: true });
const jest = spawnSync(
  'npx',
  ['jest', '--ci', '--maxWorkers=2', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: process.env },
);
// One plain closing line (jest's own summary is not a format every CI reader knows).
if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  console.log(
    `\n${driver}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
  );
}
process.exit(jest.status ?? 1);
