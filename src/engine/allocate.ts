/**
 * Splits a total in proportion to drivers so that the parts add up exactly to the total rounded to
 * `decimals` places (half away from zero, Excel's ROUND) — the largest-remainder (Hamilton) method:
 * each part is first truncated to whole units of 10^-decimals, then the units left over go one each
 * to the largest remainders, ties to the earlier driver. No part moves more than one unit from its
 * exact share. A negative total is split as its absolute value and negated.
 *
 * The shares are whole numbers: the drivers over a common power of ten and the total in units, so
 * units × driver / Σ drivers is an integer division whose remainders compare exactly however many
 * digits the products need (a 34-digit total times a 17-digit driver is beyond 40-digit decimals).
 */
import { Dec, decimalParts } from "./decimal";
import { Err } from "./errors";

export const DECIMALS_MAX = 6;

/** The contract's limit: a total of 10^34 units or more is beyond the engine's digits (#NUM!). */
const MAX_UNITS = new Dec(10).pow(34);

/** Drivers as whole numbers over one common power of ten (their ratios unchanged). */
function wholeWeights(drivers: readonly (Dec | null)[]): bigint[] {
  const parts = drivers.map((d) => (d === null || d.isZero() ? null : decimalParts(d)));
  const least = Math.min(0, ...parts.map((p) => p?.exponent ?? 0));
  return parts.map((p) => (p === null ? 0n : p.digits * 10n ** BigInt(p.exponent - least)));
}

/** `drivers` in row-major order; null is a blank driver, which counts as 0 and gets 0. */
export function allocate(total: Dec, drivers: readonly (Dec | null)[], decimals: number): Dec[] {
  const scale = new Dec(10).pow(decimals);
  const unitsDec = total.abs().toDecimalPlaces(decimals, Dec.ROUND_HALF_UP).times(scale);
  if (unitsDec.greaterThanOrEqualTo(MAX_UNITS)) throw Err.beyondDigits("total", decimals);
  const weights = wholeWeights(drivers);
  const totalWeight = weights.reduce((a, w) => a + w, 0n);
  if (totalWeight === 0n) throw Err.driversSumZero();

  const units = BigInt(unitsDec.toString());
  const whole: bigint[] = [];
  const remainders: { remainder: bigint; index: number }[] = [];
  let given = 0n;
  weights.forEach((w, index) => {
    const product = units * w;
    const q = product / totalWeight; // both positive: truncation is the floor
    whole.push(q);
    given += q;
    remainders.push({ remainder: product - q * totalWeight, index });
  });
  // Σ remainders < drivers × Σ weights, so fewer units are left than there are drivers.
  const leftover = Number(units - given);
  remainders.sort((a, b) =>
    a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : a.index - b.index,
  );
  for (let i = 0; i < leftover; i++) whole[remainders[i].index] += 1n;

  const sign = total.isNegative() ? -1 : 1;
  return whole.map((u) => new Dec(u.toString()).div(scale).times(sign));
}
