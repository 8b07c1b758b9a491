/**
 * The formulas that differ between the two modes: the add-in's custom functions, or native Excel
 * that computes the same numbers (FUNCTIONS.md semantics). Everything else in the plan is native
 * in both modes. Portable formulas are canonical Excel: newer functions carry their `_xlfn.`
 * prefix, as they are stored in a file; hosts that need the bare name strip it.
 *
 * No blank cell reaches a custom function (some Excel platforms pass a blank as 0): a PC's terms
 * are resolved to numbers first (on the MSO sheet for the fee billed, and separately on the PC's
 * sheet for the fee it owes), the cap and floor are applied by native formulas around the fee, and
 * the benchmarks are passed as the filled part of their block only.
 */
import { FormulaMode } from "./plan";
import { FMT, SheetWriter } from "./writer";

/** Where the FMV range (low, median, high) lives: Checks!B5:D5. */
export const FMV_RANGE_CELLS = { sheet: "Checks", low: "$B$5", median: "$C$5", high: "$D$5" } as const;

/** True when the fee structure typed on Inputs is one of the three (else the fee is #N/A). */
const KNOWN_STRUCTURE = `OR(Fee_Structure="cost-plus",Fee_Structure="fixed",Fee_Structure="hybrid")`;

/**
 * MSA fee before cap and floor: cost-plus `base × (1 + markup) + pt`; fixed `fixed + pt`; hybrid
 * both — MSA.COSTPLUS without its cap and floor. The structure is read from the Inputs cell so the
 * user can switch it; anything else (a typo, a trailing space) gives #N/A, which fails the checks.
 * `markup` and `fixed` are the PC's resolved terms (never blank).
 */
export function feeBeforeCap(
  mode: FormulaMode,
  base: string,
  passThrough: string,
  markup: string,
  fixed: string,
): string {
  const costBase = `IF(Fee_Structure="fixed",0,${base})`;
  const fixedPart = `IF(Fee_Structure="cost-plus",0,${fixed})`;
  const fee =
    mode === "addin"
      ? `MSA.COSTPLUS(${costBase},${markup},${passThrough},${fixedPart})`
      : `${costBase}*(1+${markup})+${passThrough}+${fixedPart}`;
  return `=IF(${KNOWN_STRUCTURE},${fee},NA())`;
}

/**
 * The fee raised to the floor and lowered to the cap, natively in both modes (MSA.COSTPLUS
 * semantics: floor first, then cap). `hasCap` is TRUE when the PC or the group has a cap.
 */
export function capAndFloor(pre: string, floor: string, hasCap: string, cap: string): string {
  return `=IF(${hasCap},MIN(${cap},MAX(${floor},${pre})),MAX(${floor},${pre}))`;
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
 * The benchmarks as a custom function's argument: the block's first cell to its last filled one
 * (`C_b:INDEX(block, MAX(1, COUNT(block)))`), so no blank reaches the function. Native functions
 * skip blanks and read the whole block (`FMV_Benchmarks`).
 */
export function benchmarksArg(first: string): string {
  return `Inputs!${first}:INDEX(FMV_Benchmarks,MAX(1,COUNT(FMV_Benchmarks)))`;
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

/** A method other than the four gives #N/A, as FMV.RANGE refuses it. */
function percentile(p: string, minOrMax: "MIN" | "MAX"): string {
  return (
    `=IF(FMV_Method="MINMAX",${minOrMax}(FMV_Benchmarks),IF(FMV_Method="INC",_xlfn.PERCENTILE.INC(FMV_Benchmarks,${p}),` +
    `IF(FMV_Method="EXC",_xlfn.PERCENTILE.EXC(FMV_Benchmarks,${p}),IF(FMV_Method="IRS",${irsPercentile(p)},NA()))))`
  );
}

/** Writes the FMV range into B..D of `row`: one spilled FMV.RANGE, or three native formulas. */
export function fmvRangeCells(mode: FormulaMode, w: SheetWriter, row: number, firstBenchmark: string): void {
  if (mode === "addin") {
    w.set(`B${row}`, {
      formula: `=FMV.RANGE(${benchmarksArg(firstBenchmark)},FMV_LowPct,FMV_HighPct,FMV_Method)`,
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
export function fmvStatus(mode: FormulaMode, value: string, firstBenchmark: string): string {
  if (mode === "addin")
    return `=FMV.TEST(${value},${benchmarksArg(firstBenchmark)},FMV_LowPct,FMV_HighPct,FMV_Method)`;
  const { sheet, low, high } = FMV_RANGE_CELLS;
  return `=IF(${value}<${sheet}!${low},"BELOW",IF(${value}>${sheet}!${high},"ABOVE","WITHIN"))`;
}

/**
 * The AFR restated as a monthly-compounded nominal rate (the note's compounding), rounded to
 * RoundDecimals like the markup: the exact conversion (LOC.AFRCONVERT) and the floating-point one
 * then agree, so both modes decide a near-tie the same way.
 */
export function afrMonthly(mode: FormulaMode, afr: string): string {
  if (mode === "addin")
    return `=ROUND(LOC.AFRCONVERT(${afr},LOC_AfrCompounding,MonthsPerYear),RoundDecimals)`;
  return `=ROUND(MonthsPerYear*((1+${afr}/LOC_AfrCompounding)^(LOC_AfrCompounding/MonthsPerYear)-1),RoundDecimals)`;
}

/**
 * The AFR test: the note's yield (monthly compounding) at least the AFR's, against the AFR restated
 * monthly (`afrMonthly`). LOC.AFRTEST with both sides monthly is exactly rate ≥ that rate.
 */
export function afrTest(mode: FormulaMode, afrMonthlyCell: string): string {
  if (mode === "addin") return `LOC.AFRTEST(LOC_Rate,MonthsPerYear,${afrMonthlyCell},MonthsPerYear)`;
  // Excel ranks any text above every number: a rate typed as text must not pass.
  return `AND(ISNUMBER(LOC_Rate),LOC_Rate>=${afrMonthlyCell})`;
}

/** OK only when the test is TRUE: FALSE or any error value is FAIL (MODEL.md v2.1). */
export function okWhen(test: string): string {
  return `=IF(ISERROR(${test}),"FAIL",IF(${test},"OK","FAIL"))`;
}
