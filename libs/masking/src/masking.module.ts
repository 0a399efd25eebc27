import { Module, OnModuleInit, Optional } from '@nestjs/common';
import { PiiMaskingRegistry, SettingsRegistry } from '@switchboard/core';
import { detectorMaskingEngine } from './masking.engine.js';
import { ENTITY_TYPES } from './masking.types.js';
import { MaskingService } from './mask.service.js';

// Exposes the pure masking functions as an injectable service and, inside the app, plugs them
// into the core's masking port and defines the admin settings (`masking.mode`, `masking.types`).
// The core dependencies are optional so the module also compiles on its own (unit tests).
@Module({
  providers: [MaskingService],
  exports: [MaskingService],
})
export class MaskingModule implements OnModuleInit {
  constructor(
    @Optional() private readonly registry?: PiiMaskingRegistry,
    @Optional() private readonly settings?: SettingsRegistry,
  ) {}

  onModuleInit(): void {
    this.settings?.define({
      key: 'masking.mode',
      description:
        'PII/PCI masking: off; display (stored as received, masked in everything technicians and plugins see, revealed with pii.reveal); ingest (masked before it is stored)',
      type: 'enum',
      options: ['off', 'display', 'ingest'],
      scopes: ['global', 'company'],
      default: 'off',
    });
    this.settings?.define({
      key: 'masking.types',
      description: 'Entity types masked (default all)',
      type: 'list',
      options: ENTITY_TYPES,
      scopes: ['global', 'company'],
      default: [...ENTITY_TYPES],
    });
    this.registry?.use(detectorMaskingEngine);
  }
}
