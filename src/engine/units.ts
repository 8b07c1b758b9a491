/**
 * Exact arithmetic in plain JS numbers, for the functions' fast paths. A cell's number that is a
 * whole count of 10^-k units (k ≤ 6: cents, a rate in basis points…) is, read as its shortest decimal
 * string — the value the contract reads — exactly u / 10^k; sums and products of such counts stay
 * exact while they are safe integers (below 2^53), and one final division u / 10^k, correctly
 * rounded by IEEE arithmetic, is the double nearest the exact result: what converting the exact
 * decimal result to a number gives. Where that does not hold, the callers use decimals.
 */
const MAX_SCALE_DIGITS = 6;
/** Below 2^50 units, doubles are at most a quarter unit apart: one k-decimal number per double. */
const MAX_UNITS = 2 ** 50;
export const POWERS_OF_TEN = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/** The count of 10^-k units `a` is, or null (not a whole count for this k, or too many units). */
export function unitsAt(a: number, k: number): number | null {
  const scale = POWERS_OF_TEN[k];
  const u = Math.round(a * scale);
  return u / scale === a && Math.abs(u) < MAX_UNITS ? u : null;
}

/** The fewest decimal places k ≤ 6 at which every amount is a whole count of units, or -1. */
export function commonScale(amounts: readonly number[], from = 0): number {
  let k = from;
  for (let i = 0; i < amounts.length; i++) {
    while (unitsAt(amounts[i], k) === null) if (++k > MAX_SCALE_DIGITS) return -1;
  }
  // A later amount may have raised k: the earlier ones are checked again at the final scale.
  for (let i = 0; i < amounts.length; i++) if (unitsAt(amounts[i], k) === null) return -1;
  return k;
}

/** The amounts as whole units of 10^-k at their common scale, or null. */
export function wholeUnits(amounts: readonly number[]): { units: number[]; scale: number; k: number } | null {
  const k = commonScale(amounts);
  if (k < 0) return null;
  return { units: amounts.map((a) => unitsAt(a, k) as number), scale: POWERS_OF_TEN[k], k };
}

/** `u / 10^k` for a safe integer u: the double nearest the exact quotient, never −0. */
export function fromUnits(u: number, k: number): number {
  if (k === 0) return u === 0 ? 0 : u;
  const n = u / POWERS_OF_TEN[k];
  return n === 0 ? 0 : n;
}
