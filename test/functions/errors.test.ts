/**
 * An error case for every argument of every function, called through the Excel entry points.
 * FUNCTIONS.md: invalid business input is #VALUE! with a message naming the argument and saying what
 * is allowed; a lookup with no answer #N/A with a message; an invalid basis or a percentile outside
 * the data #NUM!; a zero divisor #DIV/0!. Excel shows messages only with #VALUE! and #N/A, so for
 * #NUM! and #DIV/0! the message is checked on the adapter's EngineError instead.
 */
import { excelError } from "./helpers/excel";
import * as F from "../../src/functions/functions";
import * as A from "../../src/functions/adapters";
import { EngineError } from "../../src/engine";

const N = null as any; // an omitted argument, as Excel passes it
const X = (v: unknown) => v as any;

// Valid arguments each case starts from.
const BASE = [[2100000], [900000]];
const FLOWS = [[1000000], [-200000]];
const DATES = [[45658], [45700]]; // 2025-01-01, 2025-02-12
const RATE = [[0.043]];
const END = 45750; // 2025-04-03
const BENCH = [[42], [44], [45], [47.5]];

type Case = [label: string, call: () => unknown, code: string, patterns: RegExp[], adapter?: () => unknown];

const cases: Record<string, Case[]> = {
  "MSA.COSTPLUS": [
    [
      "costBase: text in the range",
      () => F.msaCostplus([[1], ["abc"]], 0.08),
      "#VALUE!",
      [/costBase/, /row 2, column 1/, /abc/],
    ],
    [
      "costBase: boolean in the range",
      () => F.msaCostplus([[1, true]], 0.08),
      "#VALUE!",
      [/costBase/, /row 1, column 2/, /TRUE/],
    ],
    [
      "costBase: error value in the range",
      () => F.msaCostplus([[{ code: "#N/A" }]], 0.08),
      "#VALUE!",
      [/costBase/, /row 1, column 1/],
    ],
    ["costBase: required, omitted", () => F.msaCostplus(N, 0.08, [[5]]), "#VALUE!", [/costBase/]],
    ["markup: -0.05", () => F.msaCostplus(BASE, -0.05), "#VALUE!", [/markup/, /between 0 and 10/, /-0\.05/]],
    ["markup: 10.01", () => F.msaCostplus(BASE, 10.01), "#VALUE!", [/markup/, /between 0 and 10/, /10\.01/]],
    ["markup: required, omitted", () => F.msaCostplus(BASE, N), "#VALUE!", [/markup/, /required/]],
    ["markup: text", () => F.msaCostplus(BASE, X("8%")), "#VALUE!", [/markup/, /number/]],
    [
      "passThrough: text in the range",
      () => F.msaCostplus(BASE, 0.08, [[480000, "rent"]]),
      "#VALUE!",
      [/passThrough/, /row 1, column 2/, /rent/],
    ],
    [
      "passThrough: boolean in the range",
      () => F.msaCostplus(BASE, 0.08, [[false]]),
      "#VALUE!",
      [/passThrough/, /row 1, column 1/, /FALSE/],
    ],
    ["fixedFee: text", () => F.msaCostplus(BASE, 0.08, N, X("20k")), "#VALUE!", [/fixedFee/, /number/]],
    ["cap: negative", () => F.msaCostplus(BASE, 0.08, N, N, -1), "#VALUE!", [/cap/, /0 or more/]],
    ["cap: text", () => F.msaCostplus(BASE, 0.08, N, N, X("none")), "#VALUE!", [/cap/, /number/]],
    ["floor: negative", () => F.msaCostplus(BASE, 0.08, N, N, N, -1), "#VALUE!", [/floor/, /0 or more/]],
    [
      "floor: above cap",
      () => F.msaCostplus(BASE, 0.08, N, N, 3800000, 4400000),
      "#VALUE!",
      [/floor/, /cap/, /4400000/, /3800000/],
    ],
    ["floor: text", () => F.msaCostplus(BASE, 0.08, N, N, N, X("x")), "#VALUE!", [/floor/, /number/]],
  ],
  "MSA.ALLOCATE": [
    ["total: required, omitted", () => F.msaAllocate(N, [[1], [1]]), "#VALUE!", [/total/, /required/]],
    ["total: text", () => F.msaAllocate(X("1,200,000"), [[1], [1]]), "#VALUE!", [/total/, /number/]],
    [
      "drivers: negative",
      () => F.msaAllocate(100, [[60], [-40]]),
      "#VALUE!",
      [/drivers/, /row 2, column 1/, /negative/, /0 or more/],
    ],
    ["drivers: text", () => F.msaAllocate(100, [[60, "40"]]), "#VALUE!", [/drivers/, /row 1, column 2/]],
    ["drivers: boolean", () => F.msaAllocate(100, [[true]]), "#VALUE!", [/drivers/, /TRUE/]],
    [
      "drivers: sum to 0",
      () => F.msaAllocate(100, [[0], [null], [0]]),
      "#DIV/0!",
      [],
      () => A.msaAllocate(100, [[0], [null], [0]], null),
    ],
    ["drivers: required, omitted", () => F.msaAllocate(100, N), "#VALUE!", [/drivers/]],
    [
      "decimals: 7",
      () => F.msaAllocate(100, [[1]], 7),
      "#VALUE!",
      [/decimals/, /whole number from 0 to 6/, /7/],
    ],
    [
      "decimals: 1.5",
      () => F.msaAllocate(100, [[1]], 1.5),
      "#VALUE!",
      [/decimals/, /whole number from 0 to 6/, /1\.5/],
    ],
    ["decimals: -1", () => F.msaAllocate(100, [[1]], -1), "#VALUE!", [/decimals/, /0 to 6/]],
    ["decimals: text", () => F.msaAllocate(100, [[1]], X("two")), "#VALUE!", [/decimals/, /number/]],
  ],
  "LOC.INTEREST": [
    [
      "flows: text",
      () => F.locInterest([[1000], ["draw"]], DATES, RATE, END),
      "#VALUE!",
      [/flows/, /row 2, column 1/, /draw/],
    ],
    ["flows: boolean", () => F.locInterest([[true]], [[45658]], RATE, END), "#VALUE!", [/flows/, /TRUE/]],
    [
      "flows: count differs from dates",
      () => F.locInterest([[1], [2], [3]], DATES, RATE, END),
      "#VALUE!",
      [/flows/, /dates/, /same number/, /3/, /2/],
    ],
    [
      "flows: blank where a date is given",
      () => F.locInterest([[1000], [null]], DATES, RATE, END),
      "#VALUE!",
      [/flows/, /blank/],
    ],
    ["flows: omitted", () => F.locInterest(N, [[45658]], RATE, END), "#VALUE!", [/flows/]],
    [
      "flows: repayment beyond the balance",
      () => F.locInterest([[1000], [-1000.01]], DATES, RATE, END),
      "#VALUE!",
      [/flows/, /below zero/, /2025-02-12/],
    ],
    [
      "dates: a flow with a blank date",
      () => F.locInterest(FLOWS, [[45658], [null]], RATE, END),
      "#VALUE!",
      [/dates/, /blank/],
    ],
    [
      "dates: serial 60 (before 1900-03-01)",
      () => F.locInterest([[1000]], [[60]], RATE, END),
      "#VALUE!",
      [/dates/, /61/, /1900-03-01/, /60/],
    ],
    [
      "dates: text",
      () => F.locInterest([[1000]], [["2025-01-01"]], RATE, END),
      "#VALUE!",
      [/dates/, /row 1, column 1/],
    ],
    ["dates: omitted", () => F.locInterest([[1000]], N, RATE, END), "#VALUE!", [/dates/]],
    [
      "rate: 1.5",
      () => F.locInterest(FLOWS, DATES, [[1.5]], END),
      "#VALUE!",
      [/rate/, /between 0 and 1/, /1\.5/],
    ],
    [
      "rate: negative",
      () => F.locInterest(FLOWS, DATES, [[-0.01]], END),
      "#VALUE!",
      [/rate/, /between 0 and 1/],
    ],
    ["rate: required, omitted", () => F.locInterest(FLOWS, DATES, N, END), "#VALUE!", [/rate/, /required/]],
    [
      "rate: table with 3 columns",
      () =>
        F.locInterest(
          FLOWS,
          DATES,
          [
            [45658, 0.04, 1],
            [45689, 0.05, 1],
          ],
          END,
        ),
      "#VALUE!",
      [/rate/, /two-column/, /2×3/],
    ],
    [
      "rate: table rate 1.5",
      () => F.locInterest(FLOWS, DATES, [[45658, 1.5]], END),
      "#VALUE!",
      [/rate/, /between 0 and 1/],
    ],
    [
      "rate: table row half blank",
      () =>
        F.locInterest(
          FLOWS,
          DATES,
          [
            [45658, 0.04],
            [45689, null],
          ],
          END,
        ),
      "#VALUE!",
      [/rate/, /row 2/],
    ],
    ["rate: table text", () => F.locInterest(FLOWS, DATES, [[45658, "4%"]], END), "#VALUE!", [/rate/]],
    [
      "rate: floating, first effective date after the first flow",
      () =>
        F.locInterest(
          FLOWS,
          DATES,
          [
            [45659, 0.04],
            [45689, 0.05],
          ],
          END,
        ),
      "#N/A",
      [/rate/, /2025-01-01/, /2025-01-02/],
    ],
    [
      "endDate: required, omitted",
      () => F.locInterest(FLOWS, DATES, RATE, N),
      "#VALUE!",
      [/endDate/, /required/],
    ],
    ["endDate: serial 60", () => F.locInterest(FLOWS, DATES, RATE, 60), "#VALUE!", [/endDate/, /61/]],
    [
      "endDate: text",
      () => F.locInterest(FLOWS, DATES, RATE, X("2025-04-03")),
      "#VALUE!",
      [/endDate/, /number/],
    ],
    [
      "basis: 5",
      () => F.locInterest(FLOWS, DATES, RATE, END, 5),
      "#NUM!",
      [],
      () => A.locInterest(FLOWS, DATES, RATE, END, 5, null),
    ],
    [
      "basis: -1",
      () => F.locInterest(FLOWS, DATES, RATE, END, -1),
      "#NUM!",
      [],
      () => A.locInterest(FLOWS, DATES, RATE, END, -1, null),
    ],
    [
      "basis: text",
      () => F.locInterest(FLOWS, DATES, RATE, END, X("ACT/365")),
      "#VALUE!",
      [/basis/, /number/],
    ],
    [
      "compounding: 3",
      () => F.locInterest(FLOWS, DATES, RATE, END, 3, 3),
      "#VALUE!",
      [/compounding/, /0, 1, 2, 4, 12/, /3/],
    ],
    [
      "compounding: 365",
      () => F.locInterest(FLOWS, DATES, RATE, END, 3, 365),
      "#VALUE!",
      [/compounding/, /0, 1, 2, 4, 12/],
    ],
  ],
  "LOC.LIMIT": [
    ["flows: text", () => F.locLimit([["x"]], [[45658]], RATE, END), "#VALUE!", [/flows/, /row 1, column 1/]],
    [
      "flows: count differs from dates",
      () => F.locLimit([[1]], DATES, RATE, END),
      "#VALUE!",
      [/flows/, /dates/, /same number/],
    ],
    [
      "flows: repayment beyond the balance",
      () => F.locLimit([[1000], [-2000]], DATES, RATE, END),
      "#VALUE!",
      [/flows/, /below zero/],
    ],
    [
      "flows: repayment on horizonEnd beyond the balance",
      () => F.locLimit([[1000], [-2000]], [[45658], [END]], RATE, END),
      "#VALUE!",
      [/flows/, /below zero/],
    ],
    ["dates: serial 60", () => F.locLimit([[1]], [[60]], RATE, END), "#VALUE!", [/dates/, /61/]],
    [
      "dates: a flow with a blank date",
      () => F.locLimit(FLOWS, [[""], [45700]], RATE, END),
      "#VALUE!",
      [/dates/, /blank/],
    ],
    ["rate: 1.5", () => F.locLimit(FLOWS, DATES, [[1.5]], END), "#VALUE!", [/rate/, /between 0 and 1/]],
    [
      "rate: table with 3 columns",
      () => F.locLimit(FLOWS, DATES, [[45658, 0.04, 0]], END),
      "#VALUE!",
      [/rate/, /two-column/],
    ],
    [
      "rate: floating, no rate on the first flow",
      () => F.locLimit(FLOWS, DATES, [[45689, 0.05]], END),
      "#N/A",
      [/rate/, /no rate/],
    ],
    [
      "horizonEnd: required, omitted",
      () => F.locLimit(FLOWS, DATES, RATE, N),
      "#VALUE!",
      [/horizonEnd/, /required/],
    ],
    ["horizonEnd: serial 60", () => F.locLimit(FLOWS, DATES, RATE, 60), "#VALUE!", [/horizonEnd/, /61/]],
    [
      "basis: 5",
      () => F.locLimit(FLOWS, DATES, RATE, END, 5),
      "#NUM!",
      [],
      () => A.locLimit(FLOWS, DATES, RATE, END, 5, null, null, null),
    ],
    [
      "compounding: 3",
      () => F.locLimit(FLOWS, DATES, RATE, END, 3, 3),
      "#VALUE!",
      [/compounding/, /0, 1, 2, 4, 12/],
    ],
    [
      "buffer: 11",
      () => F.locLimit(FLOWS, DATES, RATE, END, 3, 0, 11),
      "#VALUE!",
      [/buffer/, /between 0 and 10/, /11/],
    ],
    [
      "buffer: -0.1",
      () => F.locLimit(FLOWS, DATES, RATE, END, 3, 0, -0.1),
      "#VALUE!",
      [/buffer/, /between 0 and 10/],
    ],
    [
      "buffer: text",
      () => F.locLimit(FLOWS, DATES, RATE, END, 3, 0, X("10%")),
      "#VALUE!",
      [/buffer/, /number/],
    ],
    [
      "lot: -1",
      () => F.locLimit(FLOWS, DATES, RATE, END, 3, 0, 0.1, -1),
      "#VALUE!",
      [/lot/, /0 or more/, /-1/],
    ],
    [
      "lot: text",
      () => F.locLimit(FLOWS, DATES, RATE, END, 3, 0, 0.1, X("50k")),
      "#VALUE!",
      [/lot/, /number/],
    ],
  ],
  "LOC.AFRCONVERT": [
    ["rate: 1.5", () => F.locAfrconvert(1.5, 2, 1), "#VALUE!", [/rate/, /between 0 and 1/]],
    ["rate: -0.01", () => F.locAfrconvert(-0.01, 2, 1), "#VALUE!", [/rate/, /between 0 and 1/]],
    ["rate: required, omitted", () => F.locAfrconvert(N, 2, 1), "#VALUE!", [/rate/, /required/]],
    ["fromFrequency: 3", () => F.locAfrconvert(0.05, 3, 1), "#VALUE!", [/fromFrequency/, /1, 2, 4, 12/]],
    ["fromFrequency: 365", () => F.locAfrconvert(0.05, 365, 1), "#VALUE!", [/fromFrequency/, /1, 2, 4, 12/]],
    [
      "fromFrequency: required, omitted",
      () => F.locAfrconvert(0.05, N, 1),
      "#VALUE!",
      [/fromFrequency/, /required/],
    ],
    ["toFrequency: 3", () => F.locAfrconvert(0.05, 2, 3), "#VALUE!", [/toFrequency/, /1, 2, 4, 12/]],
    ["toFrequency: 365", () => F.locAfrconvert(0.05, 2, 365), "#VALUE!", [/toFrequency/, /1, 2, 4, 12/]],
    [
      "toFrequency: required, omitted",
      () => F.locAfrconvert(0.05, 2, N),
      "#VALUE!",
      [/toFrequency/, /required/],
    ],
    ["percent: 0", () => F.locAfrconvert(0.05, 2, 1, 0), "#VALUE!", [/percent/, /more than 0/]],
    ["percent: -1.2", () => F.locAfrconvert(0.05, 2, 1, -1.2), "#VALUE!", [/percent/, /more than 0/]],
    ["percent: text", () => F.locAfrconvert(0.05, 2, 1, X("120%")), "#VALUE!", [/percent/, /number/]],
  ],
  "LOC.AFRTEST": [
    ["noteRate: 1.5", () => F.locAfrtest(1.5, 12, 0.043, 1), "#VALUE!", [/noteRate/, /between 0 and 1/]],
    ["noteRate: required, omitted", () => F.locAfrtest(N, 12, 0.043, 1), "#VALUE!", [/noteRate/, /required/]],
    [
      "noteFrequency: 3",
      () => F.locAfrtest(0.0425, 3, 0.043, 1),
      "#VALUE!",
      [/noteFrequency/, /1, 2, 4, 12, 365/],
    ],
    [
      "noteFrequency: required, omitted",
      () => F.locAfrtest(0.0425, N, 0.043, 1),
      "#VALUE!",
      [/noteFrequency/, /required/],
    ],
    ["afr: -0.01", () => F.locAfrtest(0.0425, 12, -0.01, 1), "#VALUE!", [/afr/, /between 0 and 1/]],
    ["afr: required, omitted", () => F.locAfrtest(0.0425, 12, N, 1), "#VALUE!", [/afr/, /required/]],
    ["afrFrequency: 3", () => F.locAfrtest(0.0425, 12, 0.043, 3), "#VALUE!", [/afrFrequency/, /1, 2, 4, 12/]],
    [
      "afrFrequency: 365",
      () => F.locAfrtest(0.0425, 12, 0.043, 365),
      "#VALUE!",
      [/afrFrequency/, /1, 2, 4, 12(?!, 365)/],
    ],
    [
      "afrFrequency: required, omitted",
      () => F.locAfrtest(0.0425, 12, 0.043, N),
      "#VALUE!",
      [/afrFrequency/, /required/],
    ],
  ],
  "FMV.RANGE": [
    ["benchmarks: no numbers", () => F.fmvRange([[null], [""]]), "#VALUE!", [/benchmarks/, /no numbers/]],
    ["benchmarks: omitted", () => F.fmvRange(N), "#VALUE!", [/benchmarks/]],
    ["benchmarks: text", () => F.fmvRange([[42], ["44"]]), "#VALUE!", [/benchmarks/, /row 2, column 1/]],
    [
      "benchmarks: boolean",
      () => F.fmvRange([[42, false]]),
      "#VALUE!",
      [/benchmarks/, /row 1, column 2/, /FALSE/],
    ],
    [
      "lowPct: 0 with IRS",
      () => F.fmvRange(BENCH, 0, 0.75),
      "#VALUE!",
      [/lowPct/, /greater than 0 and less than 1/],
    ],
    [
      "lowPct: above highPct",
      () => F.fmvRange(BENCH, 0.8, 0.2),
      "#VALUE!",
      [/lowPct/, /highPct/, /0\.8/, /0\.2/],
    ],
    [
      "lowPct: -0.1 with INC",
      () => F.fmvRange(BENCH, -0.1, 0.75, "INC"),
      "#VALUE!",
      [/lowPct/, /between 0 and 1/],
    ],
    [
      "lowPct: EXC 0.1 with 4 values is outside the data",
      () => F.fmvRange(BENCH, 0.1, 0.75, "EXC"),
      "#NUM!",
      [],
      () => A.fmvRange(BENCH, 0.1, 0.75, "EXC"),
    ],
    ["lowPct: text", () => F.fmvRange(BENCH, X("25%")), "#VALUE!", [/lowPct/, /number/]],
    [
      "highPct: 1 with IRS",
      () => F.fmvRange(BENCH, 0.25, 1),
      "#VALUE!",
      [/highPct/, /greater than 0 and less than 1/],
    ],
    [
      "highPct: 1 with EXC",
      () => F.fmvRange(BENCH, 0.25, 1, "EXC"),
      "#VALUE!",
      [/highPct/, /greater than 0 and less than 1/],
    ],
    [
      "highPct: 1.1 with INC",
      () => F.fmvRange(BENCH, 0.25, 1.1, "INC"),
      "#VALUE!",
      [/highPct/, /between 0 and 1/],
    ],
    [
      "highPct: EXC 0.9 with 4 values is outside the data",
      () => F.fmvRange(BENCH, 0.25, 0.9, "EXC"),
      "#NUM!",
      [],
      () => A.fmvRange(BENCH, 0.25, 0.9, "EXC"),
    ],
    [
      "method: XYZ",
      () => F.fmvRange(BENCH, N, N, "XYZ"),
      "#VALUE!",
      [/method/, /IRS, INC, EXC, MINMAX/, /XYZ/],
    ],
    ["method: a number", () => F.fmvRange(BENCH, N, N, X(2)), "#VALUE!", [/method/, /text/]],
  ],
  "FMV.TEST": [
    ["value: required, omitted", () => F.fmvTest(N, BENCH), "#VALUE!", [/value/, /required/]],
    ["value: text", () => F.fmvTest(X("8%"), BENCH), "#VALUE!", [/value/, /number/]],
    ["benchmarks: no numbers", () => F.fmvTest(44, [[null]]), "#VALUE!", [/benchmarks/, /no numbers/]],
    ["benchmarks: text", () => F.fmvTest(44, [["n/a"]]), "#VALUE!", [/benchmarks/, /row 1, column 1/]],
    ["lowPct: 0 with IRS", () => F.fmvTest(44, BENCH, 0), "#VALUE!", [/lowPct/, /greater than 0/]],
    ["lowPct: above highPct", () => F.fmvTest(44, BENCH, 0.75, 0.25), "#VALUE!", [/lowPct/, /highPct/]],
    [
      "lowPct: EXC outside the data",
      () => F.fmvTest(44, BENCH, 0.1, 0.75, "EXC"),
      "#NUM!",
      [],
      () => A.fmvTest(44, BENCH, 0.1, 0.75, "EXC"),
    ],
    ["highPct: 1 with IRS", () => F.fmvTest(44, BENCH, 0.25, 1), "#VALUE!", [/highPct/, /less than 1/]],
    [
      "highPct: 1.5 with INC",
      () => F.fmvTest(44, BENCH, 0.25, 1.5, "inc"),
      "#VALUE!",
      [/highPct/, /between 0 and 1/],
    ],
    ["method: XYZ", () => F.fmvTest(44, BENCH, N, N, "XYZ"), "#VALUE!", [/method/, /IRS, INC, EXC, MINMAX/]],
  ],
};

describe.each(Object.entries(cases))("%s", (_fn, list) => {
  // A rest parameter: with a declared fifth parameter, jest would pass `done` to 4-element rows.
  test.each(list)("%s", (...row: Case) => {
    const [label, call, code, patterns, adapter] = row;
    const e = excelError(call);
    expect(e.code).toBe(code);
    for (const p of patterns) expect(e.message).toMatch(p);
    if (code === "#VALUE!" || code === "#N/A") expect(patterns.length).toBeGreaterThan(0);
    else {
      // #NUM! and #DIV/0! reach Excel without a message; the engine's message still names the argument.
      expect(adapter).toBeDefined();
      let thrown: unknown;
      try {
        adapter!();
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(EngineError);
      // The HyperFormula host shows this message (excel-errors.ts), so it names the argument too.
      expect((thrown as Error).message).toContain(label.split(":")[0]);
    }
  });
});

test("every argument of every function has at least one error case", () => {
  const params: Record<string, string[]> = {
    "MSA.COSTPLUS": ["costBase", "markup", "passThrough", "fixedFee", "cap", "floor"],
    "MSA.ALLOCATE": ["total", "drivers", "decimals"],
    "LOC.INTEREST": ["flows", "dates", "rate", "endDate", "basis", "compounding"],
    "LOC.LIMIT": ["flows", "dates", "rate", "horizonEnd", "basis", "compounding", "buffer", "lot"],
    "LOC.AFRCONVERT": ["rate", "fromFrequency", "toFrequency", "percent"],
    "LOC.AFRTEST": ["noteRate", "noteFrequency", "afr", "afrFrequency"],
    "FMV.RANGE": ["benchmarks", "lowPct", "highPct", "method"],
    "FMV.TEST": ["value", "benchmarks", "lowPct", "highPct", "method"],
  };
  for (const [fn, names] of Object.entries(params)) {
    const covered = new Set(cases[fn].map(([label]) => label.split(":")[0]));
    expect([...covered].sort()).toEqual([...names].sort());
  }
});
