// US Social Security Numbers. "AAA-GG-SSSS" is distinctive enough on its own; the same nine digits
// bare or space-separated look like any id, so those forms need an SSN word nearby.
import { classifyContext, Ctx, Kw } from './context.util.js';
import type { Span } from './credit-card.detector.js';
import { NumericRun } from './numeric-run.scanner.js';

/** Area 000, 666 and 900-999, group 00 and serial 0000 are never issued. */
export function isValidSsnDigits(d: string): boolean {
  if (d.length !== 9) return false;
  const area = +d.slice(0, 3);
  if (area === 0 || area === 666 || area >= 900) return false;
  return d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

const glen = (run: NumericRun, g: number): number => run.groupEnd[g] - run.groupStart[g];

export function detectSsnInRun(text: string, run: NumericRun, out: (s: Span) => void): void {
  if (run.plus) return;
  const groups = run.groups;
  for (let g = 0; g < groups; g++) {
    if (run.paren[g]) continue;
    let last = -1;
    let dashed = false;
    if (glen(run, g) === 9) {
      last = g;
    } else if (g + 2 < groups && glen(run, g) === 3 && glen(run, g + 1) === 2 && glen(run, g + 2) === 4) {
      const s1 = run.sep[g + 1];
      if (s1 !== run.sep[g + 2] || s1 === '' || run.paren[g + 1] || run.paren[g + 2]) continue;
      last = g + 2;
      dashed = s1 === '-';
    } else continue;
    // Must be the whole run, or at least not glued by the same separator to neighbouring groups.
    const sepBefore = g > 0 ? run.sep[g] : ' ';
    const sepAfter = last + 1 < groups ? run.sep[last + 1] : ' ';
    if (sepBefore !== ' ' || sepAfter !== ' ') continue;
    if (groups > last - g + 1 && !dashed) continue;
    const start = run.groupStart[g];
    const end = run.groupEnd[last];
    const d =
      last === g
        ? text.slice(start, end)
        : text.slice(start, start + 3) +
          text.slice(run.groupStart[g + 1], run.groupStart[g + 1] + 2) +
          text.slice(run.groupStart[last], end);
    if (!isValidSsnDigits(d)) continue;
    const ctx = classifyContext(text, start, end, Kw.Ssn);
    if (ctx === Ctx.Negative) continue;
    if (!dashed && ctx !== Ctx.Positive) continue;
    out({ start, end });
    g = last;
  }
}
