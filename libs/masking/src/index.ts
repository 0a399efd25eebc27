export { MaskingModule } from './masking.module.js';
export { MaskingService } from './mask.service.js';
export { detect } from './pii.detector.js';
export { mask, maskEmail, maskNumber } from './pii.masker.js';
export { ENTITY_TYPES, DEFAULT_REGIONS } from './masking.types.js';
export type {
  EntityType,
  DetectedEntity,
  DetectedEntity as Entity,
  DetectOptions,
  MaskOptions,
  MaskResult,
} from './masking.types.js';
