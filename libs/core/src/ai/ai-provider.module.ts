import { Global, Module } from '@nestjs/common';
import { AiProviderRegistry } from './ai-provider.registry.js';

/** The AI ports only: the plugin host fills the registry, libs/ai-compose calls it. */
@Global()
@Module({
  providers: [AiProviderRegistry],
  exports: [AiProviderRegistry],
})
export class AiProviderModule {}
