import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The generated key in the data folder (used only when SWITCHBOARD_SECRET_KEY is unset): created
 * once with mode 0600 (exclusive create, so two processes racing on one folder keep one key).
 */
export function readOrCreateKeyFile(dataDir: string): { key: string; path: string; created: boolean } {
  const path = join(dataDir, SECRET_KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
    return { key: readFileSync(path, 'utf8').trim(), path, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { key: readFileSync(path, 'utf8').trim(), path, created: false };
  }
}
