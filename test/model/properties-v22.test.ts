/**
 * Properties of every v2.2 workbook (MODEL.md "v2.2"), read from the evaluated rows — not from the
 * workbook's own check cells: every entity's balance sheet balances every month; every
 * intercompany elimination is zero; consolidated net income equals the MSO's plus every PC's; in
 * cash mode no active PC ends a month below its minimum cash. Each property is also shown to fail
 * on a plan whose formula has been broken on purpose, so none of them can pass vacuously.
 */
import fc from "fast-check";
import { buildPlan } from "../../src/model/build";
import { ModelInputs } from "../../src/model/inputs";
import { SheetPlan } from "../../src/model/plan";
import { HyperFormulaHost, evaluatePlan } from "../../src/workbook/hyperformula";
import { handCheckV22Json } from "./hand-check-v22-inputs";
import { v22Inputs } from "./oracle-v22-support";
import { rowValues, validInputs } from "./support";

const TOL = 0.005;
type Ev = { plan: SheetPlan; host: HyperFormulaHost };
type Property = (inputs: ModelInputs, ev: Ev) => string[];

const rows = (ev: Ev, ref: { sheet: string; row: number }) => rowValues(ev.plan, ev.host, ref.sheet, ref.row);

/** Assets − liabilities − equity of every entity, every month, from the balance-sheet lines. */
const balanceSheetsBalance: Property = (_inputs, ev) => {
  const v = ev.plan.results.v22!;
  const bad: string[] = [];
  v.pcs.forEach((pc, p) => {
    const cash = rows(ev, pc.rows.cash);
    const ar = rows(ev, pc.rows.ar);
    const due = rows(ev, pc.rows.due);
    const loc = rows(ev, ev.plan.results.pcs[p].rows.pcClose);
    const eq = rows(ev, pc.rows.equity);
    cash.forEach((c, t) => {
      const d = c + ar[t] - due[t] - loc[t] - eq[t];
      if (Math.abs(d) > TOL) bad.push(`PC ${p + 1} month ${t + 1}: assets − liabilities − equity = ${d}`);
    });
  });
  const m = v.mso.rows;
  const [cash, due, loc, inv, eq] = [m.cash, m.dueFrom, m.loc, m.investment, m.equity].map((r) =>
    rows(ev, r),
  );
  cash.forEach((c, t) => {
    const d = c + due[t] + loc[t] + inv[t] - eq[t];
    if (Math.abs(d) > TOL) bad.push(`MSO month ${t + 1}: assets − equity = ${d}`);
  });
  return bad;
};

/** Each side's own lines: MSO fee, interest, dues and LOC receivable less the PCs' payables. */
const eliminationsZero: Property = (_inputs, ev) => {
  const v = ev.plan.results.v22!;
  const bad: string[] = [];
  const pcs = ev.plan.results.pcs;
  const sumPcs = (pick: (p: number) => number[]) =>
    pcs.map((_, p) => pick(p)).reduce((a, r) => a.map((x, t) => x + r[t]));
  const pairs: [string, number[], number[]][] = [
    ["fees", sumPcs((p) => rows(ev, pcs[p].rows.fee)), sumPcs((p) => rows(ev, pcs[p].rows.pcFee))],
    [
      "interest",
      sumPcs((p) => rows(ev, pcs[p].rows.msoInterest)),
      sumPcs((p) => rows(ev, pcs[p].rows.pcInterest)),
    ],
    ["dues", rows(ev, v.mso.rows.dueFrom), sumPcs((p) => rows(ev, v.pcs[p].rows.due))],
    ["LOC", rows(ev, v.mso.rows.loc), sumPcs((p) => rows(ev, pcs[p].rows.pcClose))],
  ];
  for (const [what, mso, pc] of pairs)
    mso.forEach((x, t) => {
      if (Math.abs(x - pc[t]) > TOL) bad.push(`${what} month ${t + 1}: MSO ${x}, PCs ${pc[t]}`);
    });
  return bad;
};

/** Consolidated net income against the MSO's and the PCs' net income rows. */
const consolidatedNiIsSum: Property = (_inputs, ev) => {
  const v = ev.plan.results.v22!;
  const cons = rows(ev, v.consolidated.rows.net);
  const mso = rows(ev, v.mso.rows.net);
  const pcs = ev.plan.results.pcs.map((pc) =>
    rowValues(ev.plan, ev.host, pc.sheet, rowOfCell(pc.cells.netIncome.a1)),
  );
  const bad: string[] = [];
  cons.forEach((c, t) => {
    const sum = mso[t] + pcs.reduce((a, r) => a + r[t], 0);
    if (Math.abs(c - sum) > TOL) bad.push(`month ${t + 1}: consolidated ${c}, MSO + PCs ${sum}`);
  });
  return bad;
};

/** Cash mode: every active month ends with at least the PC's minimum cash. */
const cashModeKeepsMinimum: Property = (inputs, ev) => {
  const bad: string[] = [];
  ev.plan.results.v22!.pcs.forEach((pc, p) => {
    const cash = rows(ev, pc.rows.cash);
    const active = rows(ev, pc.rows.active);
    cash.forEach((c, t) => {
      if (active[t] === 1 && c < inputs.pcs[p].minimumCash - TOL)
        bad.push(`PC ${p + 1} month ${t + 1}: cash ${c} below minimum ${inputs.pcs[p].minimumCash}`);
    });
  });
  return bad;
};

const rowOfCell = (a1: string) => Number(/\d+$/.exec(a1)![0]);

function run(inputs: ModelInputs, property: Property, mutate?: (plan: SheetPlan) => void): string[] {
  const plan = buildPlan(inputs, { formulas: "portable" });
  if (mutate) mutate(plan);
  const host = evaluatePlan(plan);
  try {
    return property(inputs, { plan, host });
  } finally {
    host.destroy();
  }
}

/** Rewrites every month's formula of one row of one sheet. */
function breakRow(plan: SheetPlan, sheet: string, row: number, edit: (formula: string) => string): void {
  const s = plan.sheets.find((x) => x.name === sheet)!;
  const months = new Set(plan.results.monthColumns.map((c) => `${c}${row}`));
  let n = 0;
  for (const cell of s.cells)
    if (months.has(cell.a1) && cell.formula) {
      cell.formula = edit(cell.formula);
      n++;
    }
  if (n === 0) throw new Error(`no formulas on ${sheet} row ${row}`);
}

const cashMode = v22Inputs.map((inputs) =>
  validInputs({ ...inputs, loc: { ...inputs.loc, drawMode: "cash" } }),
);
const RUNS = { numRuns: 6, seed: 22_1130 };
const hand = () => validInputs(handCheckV22Json());

describe("v2.2 properties hold on random inputs", () => {
  it.each([
    ["every entity's balance sheet balances every month", balanceSheetsBalance],
    ["every elimination is zero", eliminationsZero],
    ["consolidated net income equals the MSO's plus every PC's", consolidatedNiIsSum],
  ] as const)("%s", (_name, property) => {
    fc.assert(
      fc.property(v22Inputs, (inputs) => {
        expect(run(inputs, property).slice(0, 5)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("cash mode never leaves an active PC below its minimum cash", () => {
    fc.assert(
      fc.property(cashMode, (inputs) => {
        expect(run(inputs, cashModeKeepsMinimum).slice(0, 5)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("each property fails on a deliberately broken formula", () => {
  it("balance sheets: equity that forgets the opening receivables", () => {
    const inputs = validInputs({
      ...handCheckV22Json(),
      pcs: [{ ...handCheckV22Json().pcs[0], deNovo: false, openingCash: 5000 }],
    });
    expect(run(inputs, balanceSheetsBalance)).toEqual([]);
    const broken = run(inputs, balanceSheetsBalance, (plan) => {
      const pc = plan.results.v22!.pcs[0].rows.equity;
      // The equity's constant in column C: openingCash + opening AR − opening LOC → openingCash − LOC.
      const s = plan.sheets.find((x) => x.name === pc.sheet)!;
      const c = s.cells.find((x) => x.a1 === `C${pc.row}`)!;
      c.formula = c.formula!.replace(/\+\$C\$\d+-/, "-");
    });
    expect(broken.length).toBeGreaterThan(0);
  });

  it("eliminations: a PC that books 1% more interest than the MSO charges", () => {
    expect(run(hand(), eliminationsZero)).toEqual([]);
    const broken = run(hand(), eliminationsZero, (plan) => {
      const pc = plan.results.pcs[0];
      breakRow(plan, pc.sheet, pc.rows.pcInterest.row, (f) => `${f}*1.01`);
    });
    expect(broken.length).toBeGreaterThan(0);
  });

  it("consolidated net income: a consolidation that leaves out the MSO's pass-through costs", () => {
    const inputs = validInputs({
      ...handCheckV22Json(),
      pcs: [{ ...handCheckV22Json().pcs[0], annualPassThrough: 12000 }],
    });
    expect(run(inputs, consolidatedNiIsSum)).toEqual([]);
    const broken = run(inputs, consolidatedNiIsSum, (plan) => {
      const r = plan.results.v22!.consolidated.rows.ebitda;
      breakRow(plan, r.sheet, r.row, (f) => f.replace(/-[A-Z]+\d+$/, ""));
    });
    expect(broken.length).toBeGreaterThan(0);
  });

  it("cash mode: a revolver that draws only half the shortfall", () => {
    const inputs = validInputs({
      ...handCheckV22Json(),
      pcs: [{ ...handCheckV22Json().pcs[0], minimumCash: 2000 }],
    });
    expect(run(inputs, cashModeKeepsMinimum)).toEqual([]);
    const broken = run(inputs, cashModeKeepsMinimum, (plan) => {
      const r = plan.results.v22!.pcs[0].rows.cashDraw;
      breakRow(plan, r.sheet, r.row, (f) => f.replace(/MAX\(0,/, "0.5*MAX(0,"));
    });
    expect(broken.length).toBeGreaterThan(0);
  });
});
