import type { PiiMaskingEngine } from '@switchboard/core';
import { ENTITY_TYPES, EntityType } from './masking.types.js';
import { detect } from './pii.detector.js';
import { mask } from './pii.masker.js';

const KNOWN = new Set<string>(ENTITY_TYPES);

/** The core's masking port over the pure detectors (registered by MaskingModule). */
export const detectorMaskingEngine: PiiMaskingEngine = {
  name: 'switchboard-masking',
  types: ENTITY_TYPES,
  mask(text: string, types?: readonly string[]): string {
    if (types && types.length === 0) return text;
    return mask(text, types ? { types: types.filter((t) => KNOWN.has(t)) as EntityType[] } : undefined).text;
  },
  detect(text: string, types?: readonly string[]) {
    if (types && types.length === 0) return [];
    const found = detect(text, types ? { types: types.filter((t) => KNOWN.has(t)) as EntityType[] } : undefined);
    return found.map(({ type, start, end }) => ({ type, start, end }));
  },
};
