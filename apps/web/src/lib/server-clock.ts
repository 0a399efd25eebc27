// The server's "now" as seen from this browser. Durations (waiting time, chat time, "5 min ago")
// compare server timestamps with now; a skewed client clock would make them wrong, so every API
// response carries X-Server-Time and we keep the offset.

let offsetMs = 0;

export function noteServerTime(header: string | null): void {
  const at = header ? Date.parse(header) : NaN;
  if (Number.isFinite(at)) offsetMs = at - Date.now();
}

export function serverNow(): number {
  return Date.now() + offsetMs;
}
