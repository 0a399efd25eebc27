// Compiles every first-party plugin under plugins/* that has a tsconfig.build.json (into plugins/<name>/dist).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const dir = 'plugins';
const plugins = existsSync(dir) ? readdirSync(dir).filter((p) => existsSync(join(dir, p, 'tsconfig.build.json'))) : [];
for (const p of plugins) {
  const r = spawnSync('npx', ['tsc', '-p', join(dir, p, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log(plugins.length ? `built plugins: ${plugins.join(', ')}` : 'no plugins to build');
