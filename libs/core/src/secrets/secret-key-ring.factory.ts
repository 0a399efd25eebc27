import type { AppConfig } from '../config/app-config.js';
import { readOrCreateKeyFile } from './secret-key-file.js';
import { SecretKeyRing } from './secret-key-ring.js';

/**
 * The key ring from SWITCHBOARD_SECRET_KEY(+_PREVIOUS), or from the key generated into the data
 * folder, with the warnings an operator needs: back the generated key up, and never rely on it
 * with several instances (Redis configured), which must all share one key from the environment.
 */
export function secretKeyRingFrom(config: AppConfig, logger: { warn(message: string): void }): SecretKeyRing {
  if (config.secretKey) return new SecretKeyRing(config.secretKey, config.previousSecretKeys);
  const file = readOrCreateKeyFile(config.dataDir);
  if (file.created)
    logger.warn(
      `SWITCHBOARD_SECRET_KEY is not set: generated a key into ${file.path}. Secrets in the database are ` +
        'encrypted with it: back this file up with the database (without it they cannot be read), or set ' +
        'SWITCHBOARD_SECRET_KEY to its content.',
    );
  if (config.redisUrl)
    logger.warn(
      'SWITCHBOARD_SECRET_KEY is not set but Redis is configured (several instances?): every instance must use ' +
        `the same key; set SWITCHBOARD_SECRET_KEY on all of them (the key in ${file.path} serves only this folder).`,
    );
  return new SecretKeyRing(file.key, config.previousSecretKeys);
}
