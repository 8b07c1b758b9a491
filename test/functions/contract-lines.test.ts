/**
 * The contract lines FUNCTIONS.md makes precise (issue 12, items 4 and 5), each checked against hand
 * arithmetic or the contract's own wording.
 */
import { outcome, excelError } from "./helpers/excel";
import * as F from "../../src/functions/functions";

const JAN_1 = 45658; // 2025-01-01
const JAN_31 = 45688;

describe("LOC.INTEREST ignores flows on or after the end date", () => {
  it("LOC.INTEREST({100;-150}, {45658;45688}, 0.05, 45688, 3) = 100 × 5% × 30/365 = 0.41096", () => {
    // The −150 on the end date changes no interest and is not checked against the balance.
    const got = outcome(() => F.locInterest([[100], [-150]], [[JAN_1], [JAN_31]], [[0.05]], JAN_31, 3));
    expect(got).toEqual({ ok: true, value: 150 / 365 });
    expect((got as { value: number }).value).toBeCloseTo(0.41096, 5);
  });

  it("the same with compounding takes the decimal walk and agrees", () => {
    // Monthly compounding: no month start falls inside 2025-01-01…2025-01-30, so still 150/365.
    const got = outcome(() => F.locInterest([[100], [-150]], [[JAN_1], [JAN_31]], [[0.05]], JAN_31, 3, 12));
    expect(got).toEqual({ ok: true, value: 150 / 365 });
  });

  it("a flow after the end date is ignored too", () => {
    expect(
      outcome(() => F.locInterest([[100], [-150]], [[JAN_1], [JAN_31 + 5]], [[0.05]], JAN_31, 3)),
    ).toEqual({
      ok: true,
      value: 150 / 365,
    });
  });
});

describe("arguments are validated before the data", () => {
  it('FMV.RANGE({2;3}, , 1, "EXC") is #VALUE! for highPct, not #NUM! for the data', () => {
    const e = excelError(() => F.fmvRange([[2], [3]], null as unknown as number, 1, "EXC"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^highPct must be greater than 0 and less than 1 for method EXC/);
  });

  it("FMV.RANGE with text among the benchmarks and lowPct 2 names lowPct", () => {
    const e = excelError(() => F.fmvRange([["x"], [3]], 2, undefined, "INC"));
    expect(e.message).toMatch(/^lowPct must be between 0 and 1/);
  });

  it("FMV.RANGE with no numbers and lowPct above highPct names the percentiles", () => {
    const e = excelError(() => F.fmvRange([[null]], 0.9, 0.1));
    expect(e.message).toMatch(/^lowPct must not exceed highPct/);
  });

  it("MSA.COSTPLUS with text in the cost base and a markup of −5% names the markup", () => {
    const e = excelError(() => F.msaCostplus([["rent"]], -0.05));
    expect(e.message).toBe("markup must be between 0 and 10 (0% to 1000%); got -0.05");
  });

  it("LOC.INTEREST with text among the flows and basis 9 is #NUM! for basis", () => {
    expect(excelError(() => F.locInterest([["x"]], [[JAN_1]], [[0.05]], JAN_31, 9)).code).toBe("#NUM!");
  });

  it("LOC.LIMIT with text among the flows and a negative lot names the lot", () => {
    const e = excelError(() => F.locLimit([["x"]], [[JAN_1]], [[0.05]], JAN_31, 3, 0, 0, -1));
    expect(e.message).toMatch(/^lot must be 0 or more/);
  });
});

describe("all-blank flows", () => {
  const blanks = [[null], [""], [undefined]];
  it("LOC.INTEREST of a line with no flows is 0", () => {
    expect(outcome(() => F.locInterest(blanks, blanks, [[0.05]], JAN_31, 3))).toEqual({ ok: true, value: 0 });
  });
  it("LOC.LIMIT of a line with no flows is 0, whatever the buffer and lot", () => {
    expect(outcome(() => F.locLimit(blanks, blanks, [[0.05]], JAN_31, 3, 12, 0.1, 50000))).toEqual({
      ok: true,
      value: 0,
    });
  });
});

describe("MINMAX ignores the percentiles", () => {
  it.each([
    ["text and a boolean", "abc", true],
    ["out-of-domain numbers", -3, 7],
    ["low above high", 0.9, 0.1],
  ])('%s: FMV.RANGE({5;1;9;4}, …, "MINMAX") is 1, 4.5, 9', (_, low, high) => {
    const got = outcome(() => F.fmvRange([[5], [1], [9], [4]], low as number, high as number, "MINMAX"));
    expect(got).toEqual({ ok: true, value: [[1, 4.5, 9]] });
  });
});

describe("closing a line with a formula (item 5)", () => {
  // =-(A1+A2) of 100000.1 and 200000.2 is -300000.30000000005 in binary: 5e-11 more than was drawn.
  const close = -(100000.1 + 200000.2);
  const dates = [[JAN_1], [JAN_1 + 1], [JAN_1 + 2]];

  it("stays exact: the repayment is #VALUE!, and the message says how to round it", () => {
    expect(close).toBe(-300000.30000000005);
    const e = excelError(() => F.locInterest([[100000.1], [200000.2], [close]], dates, [[0.05]], JAN_31, 3));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("below zero (to -0.00000000005)");
    expect(e.message).toContain("=-ROUND(A1+A2, 2)");
  });

  it("with =-ROUND(A1+A2, 2) the line closes: interest on 100,000.10 for a day and 300,000.30 for a day", () => {
    const rounded = -Math.round((100000.1 + 200000.2) * 100) / 100; // ROUND to cents, as Excel's
    const got = outcome(() => F.locInterest([[100000.1], [200000.2], [rounded]], dates, [[0.05]], JAN_31, 3));
    // 5% × (100,000.10 + 300,000.30) / 365 = 20,000.02 / 365 = 54.7945753424657…
    expect(got.ok).toBe(true);
    expect((got as { value: number }).value).toBeCloseTo(54.79457534246575, 12);
  });

  it("a real overdraw keeps the plain message", () => {
    const e = excelError(() => F.locInterest([[100], [-150]], [[JAN_1], [JAN_1 + 1]], [[0.05]], JAN_31, 3));
    expect(e.message).toMatch(/below zero \(to -50\); the PC never lends to the MSO through this line$/);
  });
});
