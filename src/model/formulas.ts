/**
 * The formulas that differ between the two modes: the add-in's custom functions, or native Excel
 * that computes the same numbers (FUNCTIONS.md semantics). Everything else in the plan is native
 * in both modes. Portable formulas are canonical Excel: newer functions carry their `_xlfn.`
 * prefix, as they are stored in a file; hosts that need the bare name strip it.
 */
import { ModelInputs } from "./inputs";
import { FormulaMode } from "./plan";
import { FMT, SheetWriter } from "./writer";

/** Where the FMV range (low, median, high) lives: Checks!B5:D5. */
export const FMV_RANGE_CELLS = { sheet: "Checks", low: "$B$5", median: "$C$5", high: "$D$5" } as const;

/**
 * MSA fee: cost-plus `base × (1 + markup) + pt`; fixed `fixed + pt`; hybrid both; then raised to
 * the floor and lowered to the cap — exactly MSA.COSTPLUS. The structure is read from the Inputs
 * cell so the user can switch it; whether a cap or floor exists is fixed when the model is built
 * (an omitted argument and a blank cell are not the same thing on every Excel platform).
 */
export function fee(mode: FormulaMode, terms: ModelInputs["fee"], base: string, passThrough: string): string {
  const costBase = `IF(Fee_Structure="fixed",0,${base})`;
  const fixed = `IF(Fee_Structure="cost-plus",0,Fee_Fixed)`;
  const hasCap = terms.monthlyCap !== null;
  const hasFloor = terms.monthlyFloor !== null;
  if (mode === "addin") {
    const args = [costBase, "Fee_Markup", passThrough, fixed];
    if (hasCap || hasFloor) args.push(hasCap ? "Fee_Cap" : "");
    if (hasFloor) args.push("Fee_Floor");
    return `=MSA.COSTPLUS(${args.join(",")})`;
  }
  let x = `${costBase}*(1+Fee_Markup)+${passThrough}+${fixed}`;
  if (hasFloor) x = `MAX(${x},Fee_Floor)`;
  if (hasCap) x = `MIN(${x},Fee_Cap)`;
  return `=${x}`;
}

/**
 * One month's interest on the opening balance, Actual/365: `open × rate × d / 365`. LOC.INTEREST
 * gives the same number for a balance held from the first of the month to the first of the next.
 */
export function interest(mode: FormulaMode, open: string, monthStart: string, days: string): string {
  if (mode === "addin") return `=LOC.INTEREST(${open},${monthStart},LOC_Rate,${monthStart}+${days})`;
  return `=${open}*LOC_Rate*${days}/DaysPerYear`;
}

/**
 * IRS percentile (Treas. Reg. §1.482-1(e)(2)(iii)(C)) from native functions: k = p × n; a whole k
 * averages the k-th and (k+1)-th smallest, otherwise the ⌈k⌉-th. k is rounded to RoundDecimals (10)
 * places first so that e.g. 0.1 × 10 = 1.0000000000000002 counts as whole, as it is in decimal;
 * with percentiles of at most 6 decimal places (validated) that is FMV.RANGE's exact decimal k.
 */
function irsPercentile(p: string): string {
  const k = `ROUND(${p}*COUNT(FMV_Benchmarks),RoundDecimals)`;
  return `IF(${k}=INT(${k}),(SMALL(FMV_Benchmarks,${k})+SMALL(FMV_Benchmarks,${k}+1))/2,SMALL(FMV_Benchmarks,ROUNDUP(${k},0)))`;
}

function percentile(p: string, minOrMax: "MIN" | "MAX"): string {
  return (
    `=IF(FMV_Method="MINMAX",${minOrMax}(FMV_Benchmarks),IF(FMV_Method="INC",_xlfn.PERCENTILE.INC(FMV_Benchmarks,${p}),` +
    `IF(FMV_Method="EXC",_xlfn.PERCENTILE.EXC(FMV_Benchmarks,${p}),${irsPercentile(p)})))`
  );
}

/** Writes the FMV range into B..D of `row`: one spilled FMV.RANGE, or three native formulas. */
export function fmvRangeCells(mode: FormulaMode, w: SheetWriter, row: number): void {
  if (mode === "addin") {
    w.set(`B${row}`, {
      formula: "=FMV.RANGE(FMV_Benchmarks,FMV_LowPct,FMV_HighPct,FMV_Method)",
      spill: `B${row}:D${row}`,
      role: "formula",
      format: FMT.pct4,
    });
    w.set(`C${row}`, { role: "formula", format: FMT.pct4 });
    w.set(`D${row}`, { role: "formula", format: FMT.pct4 });
    return;
  }
  w.formula(`B${row}`, percentile("FMV_LowPct", "MIN"), "formula", FMT.pct4);
  w.formula(`C${row}`, "=MEDIAN(FMV_Benchmarks)", "formula", FMT.pct4);
  w.formula(`D${row}`, percentile("FMV_HighPct", "MAX"), "formula", FMT.pct4);
}

/** FMV status of a realised markup: BELOW, WITHIN (bounds inclusive) or ABOVE. */
export function fmvStatus(mode: FormulaMode, value: string): string {
  if (mode === "addin") return `=FMV.TEST(${value},FMV_Benchmarks,FMV_LowPct,FMV_HighPct,FMV_Method)`;
  const { sheet, low, high } = FMV_RANGE_CELLS;
  return `=IF(${value}<${sheet}!${low},"BELOW",IF(${value}>${sheet}!${high},"ABOVE","WITHIN"))`;
}

/**
 * LOC.AFRTEST: the note's effective annual yield at least the AFR's. With the same compounding
 * the test is exactly rate ≥ AFR, which floating point decides without error (two decimal inputs
 * compare as their doubles do); only then the yields are compared, where a float near-tie would
 * need rates that agree to about 15 digits.
 */
export function afrTest(mode: FormulaMode): string {
  if (mode === "addin") return "=LOC.AFRTEST(LOC_Rate,LOC_RateCompounding,LOC_Afr,LOC_AfrCompounding)";
  return (
    "=OR(AND(LOC_RateCompounding=LOC_AfrCompounding,LOC_Rate>=LOC_Afr)," +
    "AND(LOC_RateCompounding<>LOC_AfrCompounding," +
    "(1+LOC_Rate/LOC_RateCompounding)^LOC_RateCompounding>=(1+LOC_Afr/LOC_AfrCompounding)^LOC_AfrCompounding))"
  );
}
