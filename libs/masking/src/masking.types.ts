// Public types of the masking library. Kept in one file so detectors and callers share one vocabulary.

export const ENTITY_TYPES = ['CREDIT_CARD', 'IBAN', 'US_SSN', 'EMAIL', 'PHONE'] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

export interface DetectedEntity {
  type: EntityType;
  /** Offset into the original text (inclusive). */
  start: number;
  /** Offset into the original text (exclusive). */
  end: number;
  /** The original substring `text.slice(start, end)`. */
  value: string;
}

export interface MaskOptions {
  /** Entity types to look for; all of them when omitted. */
  types?: readonly EntityType[];
  /** ISO 3166 country codes whose national phone formats are recognised (default US, GB, FR, DE). */
  regions?: readonly string[];
}

/** Alias kept for readability at call sites that only detect. */
export type DetectOptions = MaskOptions;

export interface MaskResult {
  text: string;
  entities: DetectedEntity[];
}

export const DEFAULT_REGIONS: readonly string[] = Object.freeze(['US', 'GB', 'FR', 'DE']);
