import Decimal from "decimal.js";
import { Err } from "./errors";

/**
 * The project's one Decimal constructor. A clone, never `Decimal.set`, so no other code sharing the
 * decimal.js module (HyperFormula's host page, a user's script) can change our precision or rounding.
 * 40 significant digits keeps products of two full-precision doubles (17 digits each) exact and
 * leaves ~20 guard digits for the divisions by 360/365 and the fractional powers of rate conversion.
 * ROUND_HALF_UP is "half away from zero", Excel's ROUND.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = Decimal;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/**
 * A cell's number as a Decimal. decimal.js reads a JS number through its shortest round-trip string,
 * so 0.1 becomes exactly 0.1 (what the user typed), not 0.1000000000000000055511151231257827.
 */
export function dec(n: number): Dec {
  return new Dec(Object.is(n, -0) ? 0 : n);
}

/** Σ of Decimals, exact. */
export function sum(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/**
 * The JS number nearest the exact result, the last step before a value goes back to a cell. A result
 * beyond what a double holds is #NUM!, as Excel gives for an overflowing calculation.
 */
export function toNumber(d: Dec): number {
  const n = d.toNumber();
  if (!Number.isFinite(n)) throw Err.overflow();
  return Object.is(n, -0) ? 0 : n;
}
