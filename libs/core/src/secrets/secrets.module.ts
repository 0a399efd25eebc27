import { Global, Logger, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { SecretBox } from './secret-box.service.js';
import { SecretKeyRing } from './secret-key-ring.js';
import { secretKeyRingFrom } from './secret-key-ring.factory.js';

/** The key ring and the box that seals secrets at rest (every module that stores a secret uses it). */
@Global()
@Module({
  providers: [
    {
      provide: SecretKeyRing,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => secretKeyRingFrom(config, new Logger('Secrets')),
    },
    SecretBox,
  ],
  exports: [SecretBox],
})
export class SecretsModule {}
