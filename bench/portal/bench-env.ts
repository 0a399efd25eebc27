// Imported first: column types are fixed from the environment when entities load.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The server in this process runs with the production Node flags (package.json "start:prod", e.g.
// the young-generation size): when they are missing, run again with them.
const startProd: string = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).scripts['start:prod'];
const productionFlags = startProd.split(/\s+/).filter((a) => a.startsWith('--'));
if (productionFlags.some((f) => !process.execArgv.includes(f))) {
  const rerun = spawnSync(process.execPath, [...productionFlags, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(rerun.status ?? 1);
}

// BENCH_DB=postgres uses TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); else SQLite.
if (process.env.BENCH_DB === 'postgres') process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
else delete process.env.TEST_DATABASE_URL;
process.env.LOG_LEVEL ??= 'silent';
