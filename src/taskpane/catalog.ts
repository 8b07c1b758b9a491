/** What the task pane says about each worksheet function; the contract is FUNCTIONS.md. */
export interface FunctionEntry {
  id: string;
  syntax: string;
  summary: string;
}

export const FUNCTIONS: readonly FunctionEntry[] = [
  {
    id: "MSA.COSTPLUS",
    syntax: "MSA.COSTPLUS(costBase, markup, [passThrough], [fixedFee], [cap], [floor])",
    summary:
      "Cost-plus management fee: costs × (1 + markup) + pass-through + fixed fee, within a floor and cap.",
  },
  {
    id: "MSA.ALLOCATE",
    syntax: "MSA.ALLOCATE(total, drivers, [decimals])",
    summary: "Splits a shared cost in proportion to drivers; the parts add up exactly to the rounded total.",
  },
  {
    id: "LOC.INTEREST",
    syntax: "LOC.INTEREST(flows, dates, rate, endDate, [basis], [compounding])",
    summary: "Interest accrued on the MSO-to-PC line of credit up to an end date.",
  },
  {
    id: "LOC.LIMIT",
    syntax: "LOC.LIMIT(flows, dates, rate, horizonEnd, [basis], [compounding], [buffer], [lot])",
    summary: "The smallest credit limit covering peak principal plus accrued interest.",
  },
  {
    id: "LOC.AFRCONVERT",
    syntax: "LOC.AFRCONVERT(rate, fromFrequency, toFrequency, [percent])",
    summary: "Converts an applicable federal rate between compounding frequencies, as the IRS does.",
  },
  {
    id: "LOC.AFRTEST",
    syntax: "LOC.AFRTEST(noteRate, noteFrequency, afr, afrFrequency)",
    summary: "TRUE when a note's rate yields at least the AFR.",
  },
  {
    id: "FMV.RANGE",
    syntax: "FMV.RANGE(benchmarks, [lowPct], [highPct], [method])",
    summary: "Fair-market-value range of comparables: low, median and high.",
  },
  {
    id: "FMV.TEST",
    syntax: "FMV.TEST(value, benchmarks, [lowPct], [highPct], [method])",
    summary: "BELOW, WITHIN or ABOVE the fair-market-value range.",
  },
];
