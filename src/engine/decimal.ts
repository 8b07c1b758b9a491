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

/** A Decimal's exact value as a whole number `digits` times 10^`exponent`, for integer arithmetic. */
export function decimalParts(d: Dec): { digits: bigint; exponent: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(d.toString());
  if (!m) throw new Error(`internal: cannot read the digits of ${d.toString()}`);
  const fraction = m[3] ?? "";
  const digits = BigInt(m[1] + m[2] + fraction);
  return { digits, exponent: Number(m[4] ?? 0) - fraction.length };
}

/** A double's exact value as a whole number `mantissa` times 2^`exponent` (finite doubles only). */
function binaryParts(n: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  const sign = bits >> 63n ? -1n : 1n;
  return biased === 0
    ? { mantissa: sign * fraction, exponent: -1074 }
    : { mantissa: sign * (fraction | (1n << 52n)), exponent: biased - 1075 };
}

/** −1, 0 or 1 as the exact value of `d` is below, equal to or above the exact value of double `n`. */
function compareExact(d: Dec, n: number): number {
  const a = decimalParts(d);
  const b = binaryParts(n);
  // a.digits × 10^a.exponent against b.mantissa × 2^b.exponent, both sides scaled to whole numbers.
  let left = a.digits * (a.exponent > 0 ? 10n ** BigInt(a.exponent) : 1n);
  let right = b.mantissa * (b.exponent > 0 ? 2n ** BigInt(b.exponent) : 1n);
  if (a.exponent < 0) right *= 10n ** BigInt(-a.exponent);
  if (b.exponent < 0) left *= 2n ** BigInt(-b.exponent);
  return left > right ? 1 : left < right ? -1 : 0;
}

/** The next double above `n` (n finite and not negative). */
function nextDoubleUp(n: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/**
 * The smallest double at or above the exact result, for an amount that must cover what it bounds (a
 * credit limit): the nearest double can lie half a unit in the last place below it.
 */
export function toNumberAtLeast(d: Dec): number {
  const n = toNumber(d);
  if (n < 0 || compareExact(d, n) <= 0) return n;
  const up = nextDoubleUp(n);
  if (!Number.isFinite(up)) throw Err.overflow();
  return up;
}
