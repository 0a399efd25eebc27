import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { SecretBox } from './secret-box.service.js';
import { readOrCreateKeyFile } from './secret-key-file.js';
import { SecretKeyRing } from './secret-key-ring.js';

function keyRingOf(config: AppConfig): SecretKeyRing {
  const logger = new Logger('Secrets');
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
      `SWITCHBOARD_SECRET_KEY is not set but Redis is configured (several instances?): every instance must use ` +
        `the same key; set SWITCHBOARD_SECRET_KEY on all of them (the key in ${file.path} serves only this folder).`,
    );
  return new SecretKeyRing(file.key, config.previousSecretKeys);
}

/** The key ring and the box that seals secrets at rest (every module that stores a secret uses it). */
@Global()
@Module({
  providers: [{ provide: SecretKeyRing, inject: [AppConfig], useFactory: keyRingOf }, SecretBox],
  exports: [SecretBox],
})
export class SecretsModule {}
