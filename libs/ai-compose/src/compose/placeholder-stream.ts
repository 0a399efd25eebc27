import type { PromptPlaceholders } from './prompt-placeholders.js';

/** A placeholder is at most this long (`[PHONE-9999]`); a longer `[` run is plain text. */
const HOLD_MAX = 14;

/**
 * Restores placeholders in streamed text: a delta may end in the middle of one (`… [CA` then
 * `RD-1] …`), so the tail from an unclosed `[` is held back until the next delta or the end.
 */
export class PlaceholderStream {
  private pending = '';

  constructor(
    private readonly placeholders: PromptPlaceholders,
    private readonly reveal: (value: string) => string,
    private readonly emit: (text: string) => void,
  ) {}

  push(delta: string): void {
    this.pending += delta;
    const open = this.pending.lastIndexOf('[');
    const cut =
      open >= 0 && !this.pending.includes(']', open) && this.pending.length - open <= HOLD_MAX
        ? open
        : this.pending.length;
    const ready = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    if (ready) this.emit(this.placeholders.restore(ready, this.reveal));
  }

  end(): void {
    if (this.pending) this.emit(this.placeholders.restore(this.pending, this.reveal));
    this.pending = '';
  }
}
