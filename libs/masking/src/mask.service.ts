import { Injectable } from '@nestjs/common';
import { DetectedEntity, DetectOptions, MaskOptions, MaskResult } from './masking.types.js';
import { mask } from './pii.masker.js';
import { detect } from './pii.detector.js';

// Injectable facade so Nest consumers can depend on (and mock) masking; the logic stays in pure functions.
@Injectable()
export class MaskingService {
  detect(text: string, options?: DetectOptions): DetectedEntity[] {
    return detect(text, options);
  }

  mask(text: string, options?: MaskOptions): MaskResult {
    return mask(text, options);
  }
}
