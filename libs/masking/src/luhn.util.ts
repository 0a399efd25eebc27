// Luhn (mod 10) checksum over a string of ASCII digits; no allocation, called on every card candidate.
export function luhn(digits: string): boolean {
  return digits.length > 0 && luhnRange(digits, 0, digits.length);
}

/** Luhn over digits[from, to) (false on a non-digit), so windows of a longer string need no substring. */
export function luhnRange(digits: string, from: number, to: number): boolean {
  let sum = 0;
  let double = false;
  for (let i = to - 1; i >= from; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
