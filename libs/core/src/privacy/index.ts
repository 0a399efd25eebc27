export { PrivacyModule } from './privacy.module.js';
export {
  PiiMasker,
  MASKING_REFRESH_MS,
  MASKING_SETTING_KEYS,
  type MaskingPolicy,
  type MaskedScope,
} from './pii-masker.service.js';
export { PiiMaskingRegistry } from './pii-masking.registry.js';
export { PiiRevealPolicy, PII_REVEAL, type RevealTarget } from './pii-reveal.policy.js';
export { MaskingInterceptor } from './masking.interceptor.js';
export { maskPayloadWith, isStructuralKey, mayHoldPii } from './payload-walker.js';
export { MASKING_MODES, NOOP_MASKING_ENGINE, type MaskingMode, type PiiMaskingEngine } from './masking-engine.js';
