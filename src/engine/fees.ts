/**
 * The cost-plus MSA fee (DOMAIN.md §3.4; OECD TPG 7.34 and 7.61 for keeping pass-through costs out
 * of the marked-up base):
 *   fee = Σ costBase × (1 + markup) + Σ passThrough + fixedFee,
 * then raised to the floor and lowered to the cap when they are given.
 * Worked example (DOMAIN.md TV-CP-1): base 2,100,000 + 900,000 at 8% plus 1,000,000 at cost
 * = 3,000,000 × 1.08 + 1,000,000 = 4,240,000.
 */
import { Dec, ONE, sum } from "./decimal";
import { Err } from "./errors";
import { POWERS_OF_TEN, commonScale, fromUnits, unitsAt } from "./units";

export const MARKUP_MAX = 10;

export interface CostPlusTerms {
  costBase: readonly Dec[];
  markup: Dec;
  passThrough: readonly Dec[];
  fixedFee: Dec;
  cap: Dec | null;
  floor: Dec | null;
}

/** The terms other than the amounts, checked before any cost is read (arguments before data). */
export function checkCostPlusTerms(t: Pick<CostPlusTerms, "markup" | "cap" | "floor">): void {
  if (t.markup.isNegative() || t.markup.greaterThan(MARKUP_MAX))
    throw Err.between("markup", 0, MARKUP_MAX, t.markup.toNumber(), "0% to 1000%");
  if (t.cap && t.cap.isNegative()) throw Err.notNegative("cap", t.cap.toNumber());
  if (t.floor && t.floor.isNegative()) throw Err.notNegative("floor", t.floor.toNumber());
  if (t.cap && t.floor && t.floor.greaterThan(t.cap))
    throw Err.floorAboveCap(t.floor.toString(), t.cap.toString());
}

export function costPlusFee(t: CostPlusTerms): Dec {
  checkCostPlusTerms(t);
  let fee = sum(t.costBase).times(ONE.plus(t.markup)).plus(sum(t.passThrough)).plus(t.fixedFee);
  if (t.floor && fee.lessThan(t.floor)) fee = t.floor;
  if (t.cap && fee.greaterThan(t.cap)) fee = t.cap;
  return fee;
}

/**
 * The fee from the cells' numbers in whole units (units.ts), when every amount is a whole count of
 * 10^-k units, the markup of 10^-b, and every sum and product stays a safe integer: then
 *   fee × 10^(k+b) = Σ base × (10^b + markup units) + (Σ pass-through + fixed fee) × 10^b
 * exactly, and one division gives the double nearest the exact fee — the same number as the decimal
 * path gives. null where that does not hold. The terms must have been checked (checkCostPlusTerms).
 */
export function costPlusFeeInUnits(
  costBase: readonly number[],
  markup: number,
  passThrough: readonly number[],
  fixedFee: number,
  cap: number | null,
  floor: number | null,
): number | null {
  const b = commonScale([markup]);
  if (b < 0) return null;
  const k = commonScale([...costBase, ...passThrough, fixedFee, cap ?? 0, floor ?? 0]);
  if (k < 0 || k + b > 15) return null;
  const base = sumUnits(costBase, k);
  const pass = sumUnits(passThrough, k);
  if (base === null || pass === null) return null;
  const mScale = POWERS_OF_TEN[b];
  const a = base * (mScale + (unitsAt(markup, b) as number));
  const c = (pass + (unitsAt(fixedFee, k) as number)) * mScale;
  let fee = a + c;
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(c) || !Number.isSafeInteger(fee)) return null;
  if (floor !== null) {
    const f = (unitsAt(floor, k) as number) * mScale;
    if (!Number.isSafeInteger(f)) return null;
    if (fee < f) fee = f;
  }
  if (cap !== null) {
    const cp = (unitsAt(cap, k) as number) * mScale;
    if (!Number.isSafeInteger(cp)) return null;
    if (fee > cp) fee = cp;
  }
  return fromUnits(fee, k + b);
}

/** Σ of the amounts in units of 10^-k, or null when the sum is not a safe integer. */
function sumUnits(amounts: readonly number[], k: number): number | null {
  let total = 0;
  for (const a of amounts) {
    const u = unitsAt(a, k);
    if (u === null || !Number.isSafeInteger((total += u))) return null;
  }
  return total;
}
