/**
 * A 1-PC, 12-month model small enough to check by hand. Every expected number below is worked out
 * in the comments from the inputs alone, never by calling the builder's own code.
 */
import { handCheckJson } from "./hand-check-inputs";
import { evaluate, readChecks, rowValues, validInputs } from "./support";

const inputs = validInputs(handCheckJson());

describe.each(["addin", "portable"] as const)("hand-checked 1-PC, 12-month model (%s)", (mode) => {
  const { plan, host } = evaluate(inputs, mode);
  const pc = plan.results.pcs[0];
  const v = (ref: { sheet: string; a1: string }) => host.readValueSync(ref.sheet, ref.a1) as number;
  const cents = (x: number) => Math.round(x * 100) / 100;

  it("fee: base 120,000/12 = 10,000 (one PC takes the whole pool); 10,000 × 1.1 + 1,000 = 12,000 every month", () => {
    expect(rowValues(plan, host, "MSO", pc.rows.base.row).map(cents)).toEqual(new Array(12).fill(10000));
    expect(rowValues(plan, host, "MSO", pc.rows.fee.row).map(cents)).toEqual(new Array(12).fill(12000));
    expect(v(pc.cells.fees)).toBeCloseTo(144000, 6); // 12 × 12,000
    expect(v(pc.cells.realisedMarkup)).toBeCloseTo(0.1, 12); // (144,000 − 12,000) / 120,000 − 1
  });

  it("LOC: draws 6,000 a month, interest = open × 3.65% × d / 365 = open × 0.0001 × d", () => {
    // open: 0, 6,000, 12,000, … ; d: 31 28 31 30 31 30 31 31 30 31 30 31 (2026)
    // Feb 6,000×0.0001×28 = 16.80; Mar 12,000×31e-4 = 37.20; Apr 18,000×30e-4 = 54.00; May 74.40;
    // Jun 90.00; Jul 111.60; Aug 130.20; Sep 144.00; Oct 167.40; Nov 180.00; Dec 66,000×31e-4 = 204.60
    const interest = [0, 16.8, 37.2, 54, 74.4, 90, 111.6, 130.2, 144, 167.4, 180, 204.6];
    expect(rowValues(plan, host, pc.sheet, pc.rows.pcInterest.row).map(cents)).toEqual(interest);
    expect(rowValues(plan, host, "MSO", pc.rows.msoInterest.row).map(cents)).toEqual(interest);
    expect(v(pc.cells.interest)).toBeCloseTo(1210.2, 6); // sum of the above
    // not capitalised: closing = 6,000 × t; peak 72,000
    expect(rowValues(plan, host, pc.sheet, pc.rows.pcClose.row).map(cents)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((t) => 6000 * t),
    );
    expect(v(pc.cells.peakLoc)).toBeCloseTo(72000, 6);
    // 72,000 × 1.1 = 79,200 → 79.2 lots of 1,000 → rounded up to 80 lots = 80,000 ≤ 100,000
    expect(v(pc.cells.requiredLimit)).toBe(80000);
    expect(host.readValueSync(pc.cells.limitOk.sheet, pc.cells.limitOk.a1)).toBe(true);
  });

  it("PC books: physician comp = 20,000 − 5,000 − 12,000 − interest; net income 0", () => {
    expect(v(pc.cells.physicianComp)).toBeCloseTo(12 * 3000 - 1210.2, 6); // 34,789.80
    expect(v(pc.cells.minMonthlyPhysicianComp)).toBeCloseTo(3000 - 204.6, 6); // December: 2,795.40
    expect(v(pc.cells.netIncome)).toBeCloseTo(0, 6);
  });

  it("MSO books: revenue 144,000; interest 1,210.20; costs 132,000; tax at 5% + 21% × 95% = 24.95%", () => {
    const m = plan.results.mso;
    expect(v(m.revenue)).toBeCloseTo(144000, 6);
    expect(v(m.interestIncome)).toBeCloseTo(1210.2, 6);
    expect(v(m.costs)).toBeCloseTo(132000, 6); // 120,000 service lines + 12,000 pass-through
    expect(v(m.preTax)).toBeCloseTo(13210.2, 6); // 144,000 + 1,210.20 − 132,000
    expect(v(m.tax)).toBeCloseTo(3295.9449, 6); // 13,210.20 × 0.2495
    expect(v(m.netIncome)).toBeCloseTo(9914.2551, 6);
  });

  it("FMV: IRS quartiles of 8, 9, 11, 12% are 8.5% (k = 1) and 11.5% (k = 3); 10% is WITHIN; all checks OK", () => {
    expect(host.readValueSync("Checks", "B5")).toBeCloseTo(0.085, 12);
    expect(host.readValueSync("Checks", "C5")).toBeCloseTo(0.1, 12);
    expect(host.readValueSync("Checks", "D5")).toBeCloseTo(0.115, 12);
    expect(host.readValueSync(pc.cells.fmvStatus.sheet, pc.cells.fmvStatus.a1)).toBe("WITHIN");
    // assessment 2025-06-30 lies in [2025-01-01, 2026-01-01], the 12 months up to model year 1's
    // first day: one assessment covers the (only) year, so OK
    const checks = host.sheetValues("Checks");
    const year1 = checks.findIndex((row) => row[0] === "FMV assessments covering model year 1");
    expect(year1).toBeGreaterThan(0);
    expect(checks[year1][1]).toBe(1);
    expect(checks[year1][2]).toBe("OK");
    expect(readChecks(plan, host).master).toBe("OK");
  });
});
