/**
 * Plans evaluated in HyperFormula: the books reconcile, the checks say what they should, fees are
 * MSA.COSTPLUS of the allocated base, and the add-in and portable formulas agree in every cell.
 */
import { msaCostPlus } from "../../src/functions/adapters";
import { ModelInputs } from "../../src/model/inputs";
import { oracle22 } from "./oracle-v22";
import {
  cellDifferences,
  close,
  errorCells,
  evaluate,
  exampleFiles,
  loadInputs,
  maxIntercompanyDiff,
  readChecks,
  rowValues,
  sameNumber,
} from "./support";

const ALL_OK = {
  intercompanyZero: "OK",
  fmvWithin: "OK",
  afrCompliant: "OK",
  limitOk: "OK",
  physicianCompNonNegative: "OK",
  fmvAssessmentCurrent: "OK",
  balanceSheetsBalance: "OK",
  pcCashNonNegative: "OK",
  msoCashNonNegative: "OK",
  consolidationTies: "OK",
  master: "OK",
};

describe.each(exampleFiles())("example %s", (file) => {
  const inputs = loadInputs(file);
  const addin = evaluate(inputs, "addin");
  const portable = evaluate(inputs, "portable");
  afterAll(() => {
    addin.host.destroy();
    portable.host.destroy();
  });

  it.each([
    ["addin", addin],
    ["portable", portable],
  ] as const)(
    "%s: no error cells, intercompany differences zero to the cent, master check OK",
    (_mode, ev) => {
      expect(errorCells(ev.plan, ev.host)).toEqual([]);
      expect(maxIntercompanyDiff(ev.plan, ev.host)).toBeLessThan(0.005);
      if (file.startsWith("failing-")) expect(readChecks(ev.plan, ev.host).master).toBe("FAIL");
      else expect(readChecks(ev.plan, ev.host)).toEqual(ALL_OK);
    },
  );

  it("each PC's monthly fee equals MSA.COSTPLUS of its allocated cost base, computed from the inputs", () => {
    const { plan, host } = portable;
    const f = inputs.fee;
    const base = (b: number) => (f.structure === "fixed" ? 0 : b);
    const fixed = f.structure === "cost-plus" ? 0 : f.fixedMonthly;
    // Base and pass-through from the inputs (the independent oracle), never read back from the workbook.
    // v2.2: a PC's fee is 0 before its joining month (activity flag a[p,t]).
    const o = oracle22(inputs);
    plan.results.pcs.forEach((pc, p) => {
      const bases = rowValues(plan, host, pc.rows.base.sheet, pc.rows.base.row);
      const fees = rowValues(plan, host, pc.rows.fee.sheet, pc.rows.fee.row);
      const pcFees = rowValues(plan, host, pc.rows.pcFee.sheet, pc.rows.pcFee.row);
      expect(fees).toHaveLength(inputs.months);
      fees.forEach((fee, t) => {
        const expected = msaCostPlus(
          [[base(o.pcs[p].base[t])]],
          f.markup,
          [[o.pcs[p].pt[t]]],
          fixed,
          f.monthlyCap,
          f.monthlyFloor,
        );
        expect({ t, fee }).toEqual({ t, fee: expect.closeTo(o.pcs[p].active[t] * expected, 2) });
        expect({ t, base: bases[t] }).toEqual({ t, base: expect.closeTo(o.pcs[p].base[t], 2) });
        expect(pcFees[t]).toBe(fee);
      });
    });
  });

  it("the allocated cost bases add up to the service-line costs every month", () => {
    const { plan, host } = portable;
    const total = new Array(inputs.months).fill(0);
    for (const pc of plan.results.pcs)
      rowValues(plan, host, "MSO", pc.rows.base.row).forEach((v, t) => (total[t] += v));
    const costs = inputs.serviceLines.map((s) =>
      Array.from(
        { length: inputs.months },
        (_, t) => (s.annualCost / 12) * (1 + s.annualGrowth) ** Math.floor(t / 12),
      ),
    );
    total.forEach((v, t) =>
      expect(
        close(
          v,
          costs.reduce((a, c) => a + c[t], 0),
        ),
      ).toBe(true),
    );
  });

  it("add-in and portable plans give the same values in every cell", () => {
    // Money to the cent and ratios (markups, shares) to 1e-9: min(0.005, 1e-9 × max(1, |x|)).
    expect(cellDifferences(addin, portable)).toEqual([]);
  });
});

describe("the add-in vs portable tolerance", () => {
  it("is the cent for money and 1e-9 for ratios, whichever is tighter", () => {
    expect(sameNumber(125_000_000.1, 125_000_000.104)).toBe(true);
    expect(sameNumber(125_000_000.1, 125_000_000.106)).toBe(false);
    expect(sameNumber(1_250_000, 1_250_000.001)).toBe(true);
    expect(sameNumber(1_250_000, 1_250_000.002)).toBe(false);
    expect(sameNumber(0.06, 0.06 + 5e-10)).toBe(true);
    expect(sameNumber(0.06, 0.0600001)).toBe(false);
    expect(sameNumber(0.06, 0.065)).toBe(false);
    expect(sameNumber(0, 2e-9)).toBe(false);
  });
});

/** Start from the one-PC example and break one rule at a time. */
describe("FAIL rows appear when they should", () => {
  const base = () => structuredClone(loadInputs("one-pc.json")) as ModelInputs;
  const cases: [string, (i: ModelInputs) => void, keyof typeof ALL_OK][] = [
    ["markup above the FMV range", (i) => (i.fee.markup = 0.12), "fmvWithin"],
    ["markup below the FMV range", (i) => (i.fee.markup = 0.02), "fmvWithin"],
    ["LOC rate below the AFR", (i) => ((i.loc.rate = 0.042), (i.loc.rateCompounding = 1)), "afrCompliant"],
    ["limit below the required limit", (i) => (i.loc.limit = 40000), "limitOk"],
    [
      "negative physician compensation",
      (i) => (i.pcs[0].annualClinicalCosts = 6000000),
      "physicianCompNonNegative",
    ],
    ["stale FMV assessment", (i) => (i.fmv.lastAssessment = "2024-12-31"), "fmvAssessmentCurrent"],
  ];
  it.each(cases)("%s", (_name, mutate, failing) => {
    const inputs = base();
    mutate(inputs);
    for (const mode of ["addin", "portable"] as const) {
      const { plan, host } = evaluate(inputs, mode);
      const expected = { ...ALL_OK, [failing]: "FAIL", master: "FAIL" };
      expect(readChecks(plan, host)).toEqual(expected);
      host.destroy();
    }
  });

  it("an assessment exactly 365 days before the first month is still current; 366 is stale", () => {
    const inputs = base();
    inputs.fmv.lastAssessment = "2025-01-01"; // 2026-01-01 minus 365 days
    let ev = evaluate(inputs, "portable");
    expect(readChecks(ev.plan, ev.host).fmvAssessmentCurrent).toBe("OK");
    inputs.fmv.lastAssessment = "2024-12-31";
    ev = evaluate(inputs, "portable");
    expect(readChecks(ev.plan, ev.host).fmvAssessmentCurrent).toBe("FAIL");
  });

  it("a LOC rate exactly at the AFR with the same compounding passes in both modes", () => {
    const inputs = base();
    inputs.loc.rate = 0.043;
    inputs.loc.rateCompounding = 1;
    for (const mode of ["addin", "portable"] as const) {
      const { plan, host } = evaluate(inputs, mode);
      expect(readChecks(plan, host).afrCompliant).toBe("OK");
    }
  });
});
