/** How masking applies to a company: nothing, what technicians are shown, or what is stored. */
export type MaskingMode = 'off' | 'display' | 'ingest';
export const MASKING_MODES: readonly MaskingMode[] = ['off', 'display', 'ingest'];
export const MASKING_MODE_RANK: Record<MaskingMode, number> = { off: 0, display: 1, ingest: 2 };

/**
 * The port the masking library implements (the core may not import it: lib order). Pure and
 * synchronous: it runs on the socket emit path. `types` narrows the entity types (all when omitted).
 */
export interface PiiMaskingEngine {
  readonly name: string;
  /** Every entity type the engine knows (the options of the `masking.types` setting). */
  readonly types: readonly string[];
  mask(text: string, types?: readonly string[]): string;
  /**
   * Where the entities are (offsets into `text`, end exclusive, no overlaps, in order): for callers
   * that replace them with something else than the display mask, such as the stable placeholders of
   * AI prompts (#17). Optional so an engine without it still masks; such callers then refuse.
   */
  detect?(text: string, types?: readonly string[]): Array<{ type: string; start: number; end: number }>;
}

/** Default until the masking library registers itself: masks nothing (mode `off` everywhere is the default anyway). */
export const NOOP_MASKING_ENGINE: PiiMaskingEngine = { name: 'noop', types: [], mask: (text) => text };
