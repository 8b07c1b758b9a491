/**
 * Splits a total in proportion to drivers so that the parts add up exactly to the total rounded to
 * `decimals` places (half away from zero, Excel's ROUND) — the largest-remainder (Hamilton) method:
 * each part is first truncated to whole units of 10^-decimals, then the units left over go one each
 * to the largest remainders, ties to the earlier driver. No part moves more than one unit from its
 * exact share. Remainders are compared exactly, as integer numerators over the same denominator.
 * A negative total is split as its absolute value and negated.
 */
import { Dec, ZERO, sum } from "./decimal";
import { Err } from "./errors";

export const DECIMALS_MAX = 6;

/** `drivers` in row-major order; null is a blank driver, which counts as 0 and gets 0. */
export function allocate(total: Dec, drivers: readonly (Dec | null)[], decimals: number): Dec[] {
  const scale = new Dec(10).pow(decimals);
  const units = total.abs().toDecimalPlaces(decimals, Dec.ROUND_HALF_UP).times(scale);
  const weights = drivers.map((d) => d ?? ZERO);
  const totalWeight = sum(weights);
  if (totalWeight.isZero()) throw Err.driversSumZero();

  const whole: Dec[] = [];
  const remainders: { numerator: Dec; index: number }[] = [];
  let given = ZERO;
  weights.forEach((w, index) => {
    const product = units.times(w);
    const q = product.divToInt(totalWeight);
    whole.push(q);
    given = given.plus(q);
    remainders.push({ numerator: product.minus(q.times(totalWeight)), index });
  });
  const leftover = units.minus(given).toNumber();
  remainders.sort((a, b) => b.numerator.comparedTo(a.numerator) || a.index - b.index);
  for (let i = 0; i < leftover; i++) whole[remainders[i].index] = whole[remainders[i].index].plus(1);

  const sign = total.isNegative() ? -1 : 1;
  return whole.map((u) => u.div(scale).times(sign));
}
