/**
 * The worksheet functions. Each is a thin, documented entry point: Excel's values go to an adapter
 * (./adapters), which reads the arguments and calls the exact-decimal engine; failures become
 * CustomFunctions.Error. custom-functions-metadata-plugin reads these JSDoc blocks to write
 * functions.json (names, descriptions, parameter help for autocomplete) and appends the
 * CustomFunctions.associate calls to the bundle, so none are written here.
 *
 * Range parameters are declared any[][] (matrix): Excel then passes even one cell as a 1×1 array
 * instead of calling the function once per cell, and a blank cell can be told apart from 0.
 */
import * as adapt from "./adapters";
import { excelCall } from "./excel-errors";

/**
 * Cost-plus MSA fee: the marked-up cost base plus pass-through costs at cost plus a fixed fee, then floor and cap. Exact decimal arithmetic.
 * @customfunction MSA.COSTPLUS MSA.COSTPLUS
 * @helpurl https://localhost:3000/docs/functions.html#msacostplus
 * @param {any[][]} costBase MSO costs that earn the markup (a range or a number; blanks skipped, text is an error).
 * @param {number} markup Markup on the cost base as a fraction, 0 to 10 (0.08 = 8%).
 * @param {any[][]} [passThrough] Costs billed at cost with no markup, such as rent or supplies paid for the PC (range or number).
 * @param {number} [fixedFee] Fixed amount added after the markup. Default 0.
 * @param {number} [cap] Maximum fee; omit for none. Must be 0 or more and not below floor.
 * @param {number} [floor] Minimum fee; omit for none. Must be 0 or more.
 * @returns {number} The MSA fee for the period of the costs given.
 */
export function msaCostplus(
  costBase: any[][],
  markup: number,
  passThrough?: any[][],
  fixedFee?: number,
  cap?: number,
  floor?: number,
): number {
  return excelCall("MSA.COSTPLUS", () =>
    adapt.msaCostPlus(costBase, markup, passThrough, fixedFee, cap, floor),
  );
}

/**
 * Splits a total in proportion to drivers so the parts add up exactly to the rounded total (largest remainder, ties to the earlier cell).
 * @customfunction MSA.ALLOCATE MSA.ALLOCATE
 * @helpurl https://localhost:3000/docs/functions.html#msaallocate
 * @param {number} total Amount to split, e.g. a shared MSO cost. A negative total is split as its absolute value and negated.
 * @param {any[][]} drivers Allocation keys such as FTEs, visits or collections; blanks count as 0, negatives are an error.
 * @param {number} [decimals] Decimal places of each part, 0 to 6. Default 2 (cents).
 * @returns {number[][]} The parts, shaped like drivers, adding up to ROUND(total, decimals).
 */
export function msaAllocate(total: number, drivers: any[][], decimals?: number): number[][] {
  return excelCall("MSA.ALLOCATE", () => adapt.msaAllocate(total, drivers, decimals));
}

/**
 * Interest accrued on a line of credit from its first flow to the end date, daily balance, by day-count basis and compounding.
 * @customfunction LOC.INTEREST LOC.INTEREST
 * @helpurl https://localhost:3000/docs/functions.html#locinterest
 * @param {any[][]} flows Signed flows from the PC's side: draws positive, repayments negative.
 * @param {any[][]} dates Date of each flow (Excel serial dates), same number of cells as flows.
 * @param {any[][]} rate Annual rate as a fraction (0 to 1), or a two-column range of [effective date, rate] rows for a floating rate.
 * @param {number} endDate Interest accrues up to, not including, this date.
 * @param {number} [basis] Day count: 0 US 30/360, 1 Actual/Actual, 2 Actual/360, 3 Actual/365 (default), 4 European 30/360.
 * @param {number} [compounding] 0 simple (default); 1, 2, 4 or 12 = interest added to principal each year, half-year, quarter or month.
 * @returns {number} Total interest, capitalised plus not yet capitalised.
 */
export function locInterest(
  flows: any[][],
  dates: any[][],
  rate: any[][],
  endDate: number,
  basis?: number,
  compounding?: number,
): number {
  return excelCall("LOC.INTEREST", () => adapt.locInterest(flows, dates, rate, endDate, basis, compounding));
}

/**
 * Smallest credit limit covering the line's peak principal plus accrued interest through the horizon, with a buffer, rounded up to a lot.
 * @customfunction LOC.LIMIT LOC.LIMIT
 * @helpurl https://localhost:3000/docs/functions.html#loclimit
 * @param {any[][]} flows Signed flows from the PC's side: draws positive, repayments negative.
 * @param {any[][]} dates Date of each flow (Excel serial dates), same number of cells as flows.
 * @param {any[][]} rate Annual rate as a fraction (0 to 1), or a two-column range of [effective date, rate] rows.
 * @param {number} horizonEnd Last date covered; flows on this date are included.
 * @param {number} [basis] Day count: 0 US 30/360, 1 Actual/Actual, 2 Actual/360, 3 Actual/365 (default), 4 European 30/360.
 * @param {number} [compounding] 0 simple (default); 1, 2, 4 or 12 times a year.
 * @param {number} [buffer] Headroom above the peak as a fraction, 0 to 10 (0.1 = 10%). Default 0.
 * @param {number} [lot] Round the limit up to a multiple of this amount, e.g. 50000. Default 0 = no rounding.
 * @returns {number} The credit limit the line needs.
 */
export function locLimit(
  flows: any[][],
  dates: any[][],
  rate: any[][],
  horizonEnd: number,
  basis?: number,
  compounding?: number,
  buffer?: number,
  lot?: number,
): number {
  return excelCall("LOC.LIMIT", () =>
    adapt.locLimit(flows, dates, rate, horizonEnd, basis, compounding, buffer, lot),
  );
}

/**
 * Converts a nominal annual rate between compounding frequencies at equal effective yield, as the IRS builds its AFR columns.
 * @customfunction LOC.AFRCONVERT LOC.AFRCONVERT
 * @helpurl https://localhost:3000/docs/functions.html#locafrconvert
 * @param {number} rate Nominal annual rate as a fraction (0 to 1).
 * @param {number} fromFrequency Compounding of rate per year: 1, 2, 4 or 12.
 * @param {number} toFrequency Compounding wanted per year: 1, 2, 4 or 12.
 * @param {number} [percent] AFR percentage row applied to the semiannual rate, e.g. 1.2 for 120% AFR. Default 1.
 * @returns {number} The equivalent nominal rate, unrounded (published tables round to 0.01%).
 */
export function locAfrconvert(
  rate: number,
  fromFrequency: number,
  toFrequency: number,
  percent?: number,
): number {
  return excelCall("LOC.AFRCONVERT", () => adapt.locAfrConvert(rate, fromFrequency, toFrequency, percent));
}

/**
 * TRUE when a note's rate yields at least the AFR, both as effective annual yields: the test of the IRS minimum rate.
 * @customfunction LOC.AFRTEST LOC.AFRTEST
 * @helpurl https://localhost:3000/docs/functions.html#locafrtest
 * @param {number} noteRate The note's nominal annual rate as a fraction.
 * @param {number} noteFrequency The note's compounding per year: 1, 2, 4, 12 or 365.
 * @param {number} afr The applicable federal rate as a fraction, from the column of the AFR table used.
 * @param {number} afrFrequency Compounding of that AFR column per year: 1, 2, 4 or 12.
 * @returns {boolean} TRUE if the note's effective yield is at least the AFR's.
 */
export function locAfrtest(
  noteRate: number,
  noteFrequency: number,
  afr: number,
  afrFrequency: number,
): boolean {
  return excelCall("LOC.AFRTEST", () => adapt.locAfrTest(noteRate, noteFrequency, afr, afrFrequency));
}

/**
 * Fair-market-value range of benchmark results: low, median and high (spills 1x3). IRS interquartile rule by default.
 * @customfunction FMV.RANGE FMV.RANGE
 * @helpurl https://localhost:3000/docs/functions.html#fmvrange
 * @param {any[][]} benchmarks Comparable results such as markups or fees per wRVU; blanks skipped, text is an error.
 * @param {number} [lowPct] Low percentile as a fraction. Default 0.25.
 * @param {number} [highPct] High percentile as a fraction. Default 0.75.
 * @param {string} [method] "IRS" (Treas. Reg. 1.482-1(e), default), "INC" (PERCENTILE.INC), "EXC" (PERCENTILE.EXC) or "MINMAX".
 * @returns {number[][]} One row: low, median, high.
 */
export function fmvRange(
  benchmarks: any[][],
  lowPct?: number,
  highPct?: number,
  method?: string,
): number[][] {
  return excelCall("FMV.RANGE", () => adapt.fmvRange(benchmarks, lowPct, highPct, method));
}

/**
 * Says whether a value is BELOW, WITHIN (bounds included) or ABOVE the range FMV.RANGE gives for the same benchmarks.
 * @customfunction FMV.TEST FMV.TEST
 * @helpurl https://localhost:3000/docs/functions.html#fmvtest
 * @param {number} value The tested result, e.g. the realised markup.
 * @param {any[][]} benchmarks Comparable results; blanks skipped, text is an error.
 * @param {number} [lowPct] Low percentile as a fraction. Default 0.25.
 * @param {number} [highPct] High percentile as a fraction. Default 0.75.
 * @param {string} [method] "IRS" (default), "INC", "EXC" or "MINMAX".
 * @returns {string} BELOW, WITHIN or ABOVE.
 */
export function fmvTest(
  value: number,
  benchmarks: any[][],
  lowPct?: number,
  highPct?: number,
  method?: string,
): string {
  return excelCall("FMV.TEST", () => adapt.fmvTest(value, benchmarks, lowPct, highPct, method));
}
