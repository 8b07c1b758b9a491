/**
 * The v2.2 oracle against hand arithmetic: every expected number below is worked out in the
 * comments from hand-check-v22-inputs.ts alone (MODEL.md "v2.2"), so the oracle that the workbook
 * is later compared with is itself checked against something other than code.
 */
import { joinMonthIndex } from "../../src/model/inputs";
import { handCheckV22Json } from "./hand-check-v22-inputs";
import { oracle22 } from "./oracle-v22";
import { oracle } from "./oracle";
import { exampleFiles, loadInputs, validInputs } from "./support";

const cents = (x: number) => Math.round(x * 100) / 100;
const row = (xs: number[], from: number, to: number) => xs.slice(from - 1, to).map(cents);
const o = oracle22(validInputs(handCheckV22Json()));
const pc = o.pcs[0];

describe("v2.2 oracle, hand-checked: one de novo PC joining in month 7, cash mode", () => {
  it("activity: zeros before July 2026; base 10,000 (one active PC, equal driver); fee 11,000", () => {
    expect(pc.join).toBe(7);
    expect(row(pc.fee, 1, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(row(pc.coll, 1, 6)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(row(pc.base, 7, 24)).toEqual(new Array(18).fill(10000));
    expect(row(pc.fee, 7, 24)).toEqual(new Array(18).fill(11000));
    // Months 1–6: no active PC, the MSO bears the 10,000 of shared services unallocated.
    expect(row(o.mso.unallocated, 1, 7)).toEqual([10000, 10000, 10000, 10000, 10000, 10000, 0]);
    // Year-1 markup over the active months: (6 × 11,000) / (6 × 10,000) − 1 = 10%.
    expect(pc.realisedMarkup).toBeCloseTo(0.1, 12);
  });

  it("collection lag 1, de novo: receipts 0 in July, then last month's collections", () => {
    // coll: 20,000 Jul–Dec 2026, 10,000 in 2027. rec: 0 (de novo), 20,000 × 6, then 10,000.
    expect(row(pc.rec, 7, 15)).toEqual([0, 20000, 20000, 20000, 20000, 20000, 20000, 10000, 10000]);
    // AR: 0 + 20,000 − 0 = 20,000; steady; Jan 2027 20,000 + 10,000 − 20,000 = 10,000.
    expect(row(pc.ar, 6, 14)).toEqual([0, 20000, 20000, 20000, 20000, 20000, 20000, 10000, 10000]);
  });

  it("fee lag 1: nothing paid in July (t − F < j); then last month's fee; 11,000 stays due", () => {
    expect(row(pc.feePaid, 7, 9)).toEqual([0, 11000, 11000]);
    expect(row(pc.dueToMso, 6, 24)).toEqual([0, ...new Array(18).fill(11000)]);
  });

  it("cash mode revolver: draws 9,000 in July, repays it in January 2027 from the receivables unwinding", () => {
    // July: NI = 20,000 − 5,000 − 11,000 − 0 − 3,000 = 1,000, distributed;
    // pre = 0 + 0 − 5,000 − 3,000 − 0 − 0 − 1,000 = −9,000 → draw 9,000, cash 0.
    expect(cents(pc.pre[6])).toBe(-9000);
    expect(cents(pc.draw[6])).toBe(9000);
    // Aug: interest 9,000 × 3.65% × 31 / 365 = 27.90; NI = 1,000 − 27.90 = 972.10;
    // pre = 0 + 20,000 − 5,000 − 3,000 − 11,000 − 27.90 − 972.10 = 0: no draw, no repayment.
    expect(row(pc.int, 7, 14)).toEqual([0, 27.9, 27, 27.9, 27, 27.9, 27.9, 0]);
    expect(row(pc.pre, 8, 12)).toEqual([0, 0, 0, 0, 0]);
    // Jan 2027: NI = 10,000 − 2,500 − 11,000 − 27.90 − 3,000 = −6,527.90 (the owners fund it);
    // pre = 0 + 20,000 − 2,500 − 3,000 − 11,000 − 27.90 + 6,527.90 = 10,000 → repay 9,000, cash 1,000.
    expect(cents(pc.ni[12])).toBe(-6527.9);
    expect(cents(pc.pre[12])).toBe(10000);
    expect(cents(pc.repay[12])).toBe(9000);
    expect(row(pc.close, 6, 14)).toEqual([0, 9000, 9000, 9000, 9000, 9000, 9000, 0, 0]);
    // Feb 2027 on: pre = 1,000 + 10,000 − 2,500 − 3,000 − 11,000 + 6,500 = 1,000.
    expect(row(pc.cash, 6, 24)).toEqual([0, 0, 0, 0, 0, 0, 0, ...new Array(12).fill(1000)]);
    expect(pc.minCash).toBe(0);
    expect(pc.peakLoc).toBe(9000);
    expect(o.checks.pcCashNonNegative).toBe(true);
  });

  it("PC balance sheet balances: July cash 0 + AR 20,000 = due 11,000 + LOC 9,000 + equity 0", () => {
    expect(cents(pc.assets[6])).toBe(20000);
    expect(cents(pc.liabilities[6])).toBe(20000);
    // Jan 2027: 1,000 + 10,000 = 11,000 + 0 + 0.
    expect(cents(pc.assets[12])).toBe(11000);
    expect(cents(pc.liabilities[12])).toBe(11000);
    expect(pc.equity.every((e) => e === 0)).toBe(true); // de novo, no opening cash
    expect(pc.bsDiff.every((d) => Math.abs(d) < 1e-9)).toBe(true);
  });

  it("MSO cash and balance sheet: purchase 50,000 and draw 9,000 in July; dividends at year end", () => {
    // Opening 200,000; months 1–6 pay 10,000 each → 140,000; July: −10,000 − 50,000 − 9,000 = 71,000.
    expect(row(o.mso.cash, 6, 7)).toEqual([140000, 71000]);
    // Aug–Dec: + July's fee 11,000 + that month's interest − 10,000 of services, i.e. + 1,027.90,
    // 1,027, 1,027.90, 1,027, 1,027.90 → 72,027.90, 73,054.90, 74,082.80, 75,109.80, 76,137.70.
    expect(row(o.mso.cash, 8, 12)).toEqual([72027.9, 73054.9, 74082.8, 75109.8, 76137.7]);
    // Jan 2027: + 1,027.90 + 9,000 repaid = 86,165.60; then + 1,000 a month to 96,165.60 in Nov.
    expect(cents(o.mso.cash[12])).toBe(86165.6);
    expect(cents(o.mso.cash[22])).toBe(96165.6);
    // Dec 2027: + 1,000 − tax 600.19221 − dividend 11,427.70779 = 85,137.70.
    expect(cents(o.mso.dividends[23])).toBe(11427.71);
    expect(cents(o.mso.cash[23])).toBe(85137.7);
    expect(o.mso.dividends.slice(0, 23).every((d) => d === 0)).toBe(true); // year 1 lost money
    // Equity at the end: 200,000 − 53,862.30 + 11,427.70779 − 11,427.70779 = 146,137.70
    // = cash 85,137.70 + due 11,000 + LOC 0 + investment 50,000.
    expect(cents(o.mso.equity[23])).toBe(146137.7);
    expect(o.mso.bsDiff.every((d) => Math.abs(d) < 1e-6)).toBe(true);
    expect(o.checks.balanceSheetsBalance).toBe(true);
    expect(o.checks.msoCashNonNegative).toBe(true);
  });

  it("carry-forward: year-1 loss 53,862.30; year 2 uses 80% of 12,027.90; tax at 24.95% in the last month", () => {
    // Year 1: 6 × 11,000 + 137.70 − 12 × 10,000 = −53,862.30; no tax.
    expect(cents(o.taxYears[0].msoPreTax)).toBe(-53862.3);
    expect(o.taxYears[0].msoEntityTax).toBe(0);
    // Year 2: 12 × 11,000 + 27.90 − 120,000 = 12,027.90; used = min(53,862.30, 9,622.32);
    // tax = (5% + 21% × 95%) × (12,027.90 − 9,622.32) = 0.2495 × 2,405.58 = 600.19221.
    expect(cents(o.taxYears[1].msoPreTax)).toBe(12027.9);
    expect(cents(o.taxYears[1].nolOpening)).toBe(53862.3);
    expect(cents(o.taxYears[1].nolUsed)).toBe(9622.32);
    expect(o.taxYears[1].msoEntityTax).toBeCloseTo(600.19221, 6);
    expect(o.mso.tax.slice(0, 23).every((x) => x === 0)).toBe(true);
    expect(o.mso.tax[23]).toBeCloseTo(600.19221, 6);
  });

  it("owners' dividend tax, physicians' tax, total; effective rate null (denominator negative)", () => {
    // Dividend tax 23.8% × 11,427.70779 = 2,719.7944540.
    expect(o.taxYears[1].msoOwnerTax).toBeCloseTo(2719.794454, 5);
    // Physicians: comp + distributions = coll − clin − fee − interest.
    // Year 1: 6 × 4,000 − 137.70 = 23,862.30 → 40% = 9,544.92.
    // Year 2: 12 × (−3,500) − 27.90 = −42,027.90 → −16,811.16 (a benefit).
    expect(o.taxYears[0].physicianTax).toBeCloseTo(9544.92, 6);
    expect(o.taxYears[1].physicianTax).toBeCloseTo(-16811.16, 6);
    expect(o.summary.tax.total).toBeCloseTo(9544.92 + 600.19221 + 2719.794454 - 16811.16, 5);
    // Σ(coll − clin − services − pass-through) = (90,000 − 120,000) + (90,000 − 120,000) < 0.
    expect(o.summary.tax.effectiveRate).toBeNull();
  });

  it("consolidated: eliminations zero; NI = MSO + PC; deal value 8 × 12,027.90", () => {
    expect(o.checks.consolidationTies).toBe(true);
    // Year 2 EBITDA 12 × (10,000 − 2,500 − 3,000 − 10,000) = −66,000; year 1
    // 6 × (20,000 − 5,000 − 3,000) − 120,000 = −48,000.
    expect(o.summary.consolidated.ebitda).toBeCloseTo(-114000, 6);
    // EV = 8 × Σ last 12 months (MSO EBITDA 1,000 a month + interest 27.90) = 96,223.20; MOIC / 50,000.
    expect(o.summary.deal.enterpriseValue).toBeCloseTo(96223.2, 6);
    expect(o.summary.deal.moic).toBeCloseTo(1.924464, 9);
    expect(o.deal.msoEbitdaByYear.map(cents)).toEqual([-54000, 12000]);
  });

  it("pass-through MSO: no entity tax, no dividends; owners pay 37% of each year's pre-tax income", () => {
    const json = handCheckV22Json();
    const p = oracle22(validInputs({ ...json, tax: { ...json.tax, msoEntity: "pass-through" } }));
    expect(p.mso.tax.every((x) => x === 0)).toBe(true);
    expect(p.mso.dividends.every((x) => x === 0)).toBe(true);
    // 0.37 × −53,862.30 = −19,929.051; 0.37 × 12,027.90 = 4,450.323.
    expect(p.taxYears[0].msoOwnerTax).toBeCloseTo(-19929.051, 6);
    expect(p.taxYears[1].msoOwnerTax).toBeCloseTo(4450.323, 6);
    // MSO cash at the end: 96,165.60 + 1,000, nothing paid out.
    expect(cents(p.mso.cash[23])).toBe(97165.6);
  });
});

const v1Examples = exampleFiles().filter((file) => {
  const inputs = loadInputs(file);
  return (
    inputs.pcs.every((pc) => joinMonthIndex(inputs, pc) === 1) &&
    inputs.loc.drawMode === "deferral" &&
    !inputs.loc.sweep
  );
});

describe.each(v1Examples)("v2.2 oracle on v1 example %s", (file) => {
  it("reproduces v1's fees, interest, LOC balances and books (MODEL.md: v1 files keep v1's numbers)", () => {
    const inputs = loadInputs(file);
    const v1 = oracle(inputs);
    const v2 = oracle22(inputs);
    const near = (a: number[], b: number[]) => a.every((x, i) => Math.abs(x - b[i]) <= 1e-6);
    v1.pcs.forEach((x, p) => {
      const y = v2.pcs[p];
      for (const k of ["base", "fee", "open", "draw", "repay", "int", "close", "comp", "ni"] as const)
        expect({ pc: x.name, row: k, same: near(x[k], y[k]) }).toEqual({ pc: x.name, row: k, same: true });
    });
    for (const k of ["revenue", "interestIncome", "costs", "preTax", "tax", "netIncome"] as const)
      expect({ row: k, same: near(v1.mso[k], v2.mso[k]) }).toEqual({ row: k, same: true });
    // The new blocks hold together on v1 files too.
    expect(v2.checks.balanceSheetsBalance).toBe(true);
    expect(v2.checks.consolidationTies).toBe(true);
  });
});
