import { Injectable, Logger } from '@nestjs/common';
import { NOOP_MASKING_ENGINE, PiiMaskingEngine } from './masking-engine.js';

/**
 * Which engine masks text. The masking library calls `use(engine)` from its module's
 * `onModuleInit` (same pattern as MailTransportRegistry); until then the no-op engine is used.
 */
@Injectable()
export class PiiMaskingRegistry {
  private readonly logger = new Logger('Masking');
  private engine: PiiMaskingEngine = NOOP_MASKING_ENGINE;

  use(engine: PiiMaskingEngine): void {
    this.engine = engine;
    this.logger.log(`PII masking engine: ${engine.name}`);
  }

  get current(): PiiMaskingEngine {
    return this.engine;
  }

  get registered(): boolean {
    return this.engine !== NOOP_MASKING_ENGINE;
  }
}
