/**
 * Plans evaluated in HyperFormula: the books reconcile, the checks say what they should, fees are
 * MSA.COSTPLUS of the allocated base, and the add-in and portable formulas agree in every cell.
 */
import { msaCostPlus } from "../../src/functions/adapters";
import { ModelInputs } from "../../src/model/inputs";
import {
  close,
  errorCells,
  evaluate,
  exampleFiles,
  loadInputs,
  maxIntercompanyDiff,
  readChecks,
  rowValues,
} from "./support";

const ALL_OK = {
  intercompanyZero: "OK",
  fmvWithin: "OK",
  afrCompliant: "OK",
  limitOk: "OK",
  physicianCompNonNegative: "OK",
  fmvAssessmentCurrent: "OK",
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

  it("each PC's monthly fee equals MSA.COSTPLUS of its allocated cost base", () => {
    const { plan, host } = portable;
    const f = inputs.fee;
    const base = (b: number) => (f.structure === "fixed" ? 0 : b);
    const fixed = f.structure === "cost-plus" ? 0 : f.fixedMonthly;
    for (const pc of plan.results.pcs) {
      const bases = rowValues(plan, host, pc.rows.base.sheet, pc.rows.base.row);
      const pts = rowValues(plan, host, pc.rows.passThrough.sheet, pc.rows.passThrough.row);
      const fees = rowValues(plan, host, pc.rows.fee.sheet, pc.rows.fee.row);
      const pcFees = rowValues(plan, host, pc.rows.pcFee.sheet, pc.rows.pcFee.row);
      fees.forEach((fee, t) => {
        const expected = msaCostPlus(
          [[base(bases[t])]],
          f.markup,
          [[pts[t]]],
          fixed,
          f.monthlyCap,
          f.monthlyFloor,
        );
        expect(close(fee, expected)).toBe(true);
        expect(pcFees[t]).toBe(fee);
      });
    }
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
    const diffs: string[] = [];
    for (const sheet of addin.plan.sheets) {
      const a = addin.host.sheetValues(sheet.name);
      const p = portable.host.sheetValues(sheet.name);
      const rows = Math.max(a.length, p.length);
      for (let r = 0; r < rows; r++) {
        const cols = Math.max(a[r]?.length ?? 0, p[r]?.length ?? 0);
        for (let c = 0; c < cols; c++) {
          const x = a[r]?.[c] ?? null;
          const y = p[r]?.[c] ?? null;
          const same =
            typeof x === "number" && typeof y === "number" ? close(x, y, false) || close(x, y) : x === y;
          if (!same)
            diffs.push(`${sheet.name}!${r + 1},${c + 1}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
        }
      }
    }
    expect(diffs.slice(0, 10)).toEqual([]);
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
