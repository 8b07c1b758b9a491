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
