import { Module } from '@nestjs/common';
import { MaskingService } from './mask.service.js';

// Exposes the pure masking functions as an injectable service.
@Module({
  providers: [MaskingService],
  exports: [MaskingService],
})
export class MaskingModule {}
