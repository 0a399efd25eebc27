import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MaskingInterceptor } from './masking.interceptor.js';
import { PiiMasker } from './pii-masker.service.js';
import { PiiMaskingRegistry } from './pii-masking.registry.js';
import { PiiRevealPolicy } from './pii-reveal.policy.js';

/** PII masking ports of the core; the masking library registers the engine. */
@Global()
@Module({
  providers: [
    PiiMaskingRegistry,
    PiiMasker,
    PiiRevealPolicy,
    { provide: APP_INTERCEPTOR, useClass: MaskingInterceptor },
  ],
  exports: [PiiMaskingRegistry, PiiMasker, PiiRevealPolicy],
})
export class PrivacyModule {}
