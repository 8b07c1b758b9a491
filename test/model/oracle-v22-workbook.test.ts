/**
 * The built workbook against the independent v2.2 oracle, row by row, in both formula modes: every
 * example, the hand-checked model, and random inputs reaching every branch (both draw modes, the
 * sweep, both MSO tax types and loss treatments, collection lags 0–3, fee lags 0–2, joining months
 * at the start, middle and last month, de novo practices, capitalised interest, opening balances).
 */
import fc from "fast-check";
import { ModelInputs, joinMonthIndex } from "../../src/model/inputs";
import { FormulaMode } from "../../src/model/plan";
import { handCheckV22Json } from "./hand-check-v22-inputs";
import { readSummary } from "../../src/model/summary";
import { oracle22 } from "./oracle-v22";
import { v22Differences, v22Inputs } from "./oracle-v22-support";
import {
  errorCells,
  evaluate,
  exampleFiles,
  loadInputs,
  readChecks,
  rowValues,
  validInputs,
} from "./support";

function expectMatches(inputs: ModelInputs, mode: FormulaMode): void {
  const { plan, host } = evaluate(inputs, mode);
  try {
    const diffs = [...errorCells(plan, host), ...v22Differences(inputs, plan, host)];
    expect({ count: diffs.length, first: diffs.slice(0, 12) }).toEqual({ count: 0, first: [] });
  } finally {
    host.destroy();
  }
}

describe.each([...exampleFiles(), "hand-check v2.2"])("%s against the v2.2 oracle", (file) => {
  const inputs = () => (file === "hand-check v2.2" ? validInputs(handCheckV22Json()) : loadInputs(file));
  it.each(["addin", "portable"] as const)("%s: every v2.2 row, year, total and check", (mode) =>
    expectMatches(inputs(), mode),
  );
});

const RUNS = { numRuns: 14, seed: 22_2026_1130 };

describe("random v2.2 inputs against the oracle", () => {
  it("every v2.2 row, year, total and check matches in both formula modes", () => {
    fc.assert(
      fc.property(v22Inputs, (inputs) => {
        for (const mode of ["addin", "portable"] as const) expectMatches(inputs, mode);
      }),
      RUNS,
    );
  });

  it("the random runs reach every v2.2 branch", () => {
    const reached = new Set<string>();
    for (const inputs of fc.sample(v22Inputs, RUNS)) {
      const o = oracle22(inputs);
      const T = inputs.months;
      reached.add(
        `draw mode ${inputs.loc.drawMode}${inputs.loc.drawMode === "deferral" && inputs.loc.sweep ? " with sweep" : ""}`,
      );
      reached.add(
        `MSO ${inputs.tax.msoEntity}${inputs.tax.msoEntity === "c-corp" ? ` ${inputs.tax.losses}` : ""}`,
      );
      reached.add(`fee lag ${inputs.fee.paymentLagMonths}`);
      if (inputs.loc.capitalizeInterest && o.pcs.some((x) => x.int.some((i) => i > 0)))
        reached.add("capitalised interest");
      inputs.pcs.forEach((pc, p) => {
        const j = joinMonthIndex(inputs, pc);
        reached.add(`collection lag ${pc.collectionLagMonths}`);
        if (j === 1) reached.add("join at the start");
        if (j > 1 && j < T) reached.add("join in the middle");
        if (j === T) reached.add("join at the last month");
        if (pc.deNovo && pc.collectionLagMonths > 0) reached.add("de novo with a lag");
        if (pc.locOpeningBalance > 0) reached.add("opening LOC balance");
        if (pc.openingCash > 0) reached.add("opening cash");
        if (pc.purchasePrice > 0) reached.add("purchase price");
        if (o.pcs[p].cashDraw.some((d) => d > 0)) reached.add("cash-mode draws");
        if (inputs.loc.drawMode === "cash" && o.pcs[p].repay.some((d) => d > 0))
          reached.add("cash-mode repayments");
        if (
          inputs.loc.sweep &&
          inputs.loc.drawMode === "deferral" &&
          o.pcs[p].repay.some((r, t) => r > inputs.loc.monthlyRepayment && r > 0 && t >= 0)
        )
          reached.add("sweep repays more than the fixed repayment");
      });
      if (o.taxYears.some((y) => y.nolUsed > 0)) reached.add("NOL used");
      if (o.mso.dividends.some((d) => d > 0)) reached.add("dividends");
      reached.add(`PC cash ${o.checks.pcCashNonNegative ? "OK" : "FAIL"}`);
      reached.add(`MSO cash ${o.checks.msoCashNonNegative ? "OK" : "FAIL"}`);
      reached.add(`exit ${inputs.deal.exitMultiple === null ? "none" : "multiple"}`);
    }
    const wanted = [
      "draw mode deferral",
      "draw mode deferral with sweep",
      "draw mode cash",
      "MSO c-corp refund",
      "MSO c-corp carryforward",
      "MSO pass-through",
      "fee lag 0",
      "fee lag 1",
      "fee lag 2",
      "collection lag 0",
      "collection lag 1",
      "collection lag 2",
      "collection lag 3",
      "join at the start",
      "join in the middle",
      "join at the last month",
      "de novo with a lag",
      "opening LOC balance",
      "opening cash",
      "purchase price",
      "capitalised interest",
      "cash-mode draws",
      "cash-mode repayments",
      "sweep repays more than the fixed repayment",
      "NOL used",
      "dividends",
      "PC cash OK",
      "PC cash FAIL",
      "MSO cash OK",
      "MSO cash FAIL",
      "exit none",
      "exit multiple",
    ];
    expect(wanted.filter((w) => !reached.has(w))).toEqual([]);
  });
});

describe("the summary file's v2.2 additions, read back from the workbook", () => {
  it.each([...exampleFiles(), "hand-check v2.2"])("%s equals the oracle's", async (file) => {
    const inputs = file === "hand-check v2.2" ? validInputs(handCheckV22Json()) : loadInputs(file);
    const { plan, host } = evaluate(inputs, "portable");
    try {
      const s = await readSummary(plan, host);
      const o = oracle22(inputs);
      const near = (got: number | null, want: number | null, tol = 0.005) =>
        want === null ? got === null : got !== null && Math.abs(got - want) <= tol;
      const bad: string[] = [];
      const check = (what: string, got: number | null, want: number | null, tol?: number) => {
        if (!near(got, want, tol)) bad.push(`${what}: summary ${got}, oracle ${want}`);
      };
      check("mso.ebitda", s.mso.ebitda, o.summary.mso.ebitda);
      check("mso.closingCash", s.mso.closingCash, o.summary.mso.closingCash);
      check("mso.dividends", s.mso.dividends, o.summary.mso.dividends);
      s.pcs.forEach((pc, p) => {
        check(`${pc.name} closingCash`, pc.closingCash, o.pcs[p].closingCash);
        check(`${pc.name} minCash`, pc.minCash, o.pcs[p].minCash);
        check(`${pc.name} peakLoc`, pc.peakLoc, o.pcs[p].peakLoc);
        check(`${pc.name} realisedMarkup`, pc.realisedMarkup, o.pcs[p].realisedMarkup, 1e-9);
      });
      for (const k of ["collections", "ebitda", "netIncome", "nonControllingInterest"] as const)
        check(`consolidated.${k}`, s.consolidated[k], o.summary.consolidated[k]);
      for (const k of ["msoEntityTax", "msoOwnerTax", "physicianTax", "total"] as const)
        check(`tax.${k}`, s.tax[k], o.summary.tax[k]);
      check("tax.effectiveRate", s.tax.effectiveRate, o.summary.tax.effectiveRate, 1e-9);
      check("deal.invested", s.deal.invested, o.summary.deal.invested);
      check("deal.enterpriseValue", s.deal.enterpriseValue, o.summary.deal.enterpriseValue);
      check("deal.moic", s.deal.moic, o.summary.deal.moic, 1e-9);
      for (const k of [
        "balanceSheetsBalance",
        "pcCashNonNegative",
        "msoCashNonNegative",
        "consolidationTies",
      ] as const)
        if (s.checks[k] !== o.checks[k])
          bad.push(`checks.${k}: summary ${s.checks[k]}, oracle ${o.checks[k]}`);
      expect(bad).toEqual([]);
    } finally {
      host.destroy();
    }
  });
});

describe.each(["addin", "portable"] as const)("the hand-checked v2.2 workbook (%s)", (mode) => {
  // Numbers worked by hand in oracle-v22.test.ts from hand-check-v22-inputs.ts.
  it("draws 9,000 in July 2026, repays it in January 2027; MSO cash 85,137.70 at the end; tax 600.19; EV 96,223.20", () => {
    const { plan, host } = evaluate(validInputs(handCheckV22Json()), mode);
    try {
      const v = plan.results.v22!;
      const at = (ref: { sheet: string; row: number }, t: number) =>
        rowValues(plan, host, ref.sheet, ref.row)[t - 1];
      const cell = (ref: { sheet: string; a1: string }) => host.readValueSync(ref.sheet, ref.a1) as number;
      expect(at(v.pcs[0].rows.draw, 7)).toBeCloseTo(9000, 6);
      expect(at(v.pcs[0].rows.repay, 13)).toBeCloseTo(9000, 6);
      expect(at(v.pcs[0].rows.cash, 13)).toBeCloseTo(1000, 6);
      expect(at(v.mso.rows.cash, 7)).toBeCloseTo(71000, 6);
      expect(cell(v.mso.cells.closingCash)).toBeCloseTo(85137.7, 6);
      expect(cell(v.tax.years.nolUsed[1])).toBeCloseTo(9622.32, 6);
      expect(cell(v.tax.years.entityTax[1])).toBeCloseTo(600.19221, 6);
      expect(cell(v.deal.enterpriseValue)).toBeCloseTo(96223.2, 6);
      expect(host.readValueSync(v.tax.cells.effectiveRate.sheet, v.tax.cells.effectiveRate.a1)).toBe("");
      expect(readChecks(plan, host).master).toBe("OK");
    } finally {
      host.destroy();
    }
  });
});
