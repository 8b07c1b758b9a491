/**
 * Each entity keeps its own books (MODEL.md v2.2, "Intercompany, honestly"): the PC computes the
 * fee it owes from the MSA's terms as it reads them on Inputs, not from the terms the MSO resolved.
 * Otherwise a term the MSO resolves wrongly would be on both sides and the Intercompany sheet
 * would still say zero. Two tests, both from outside the builder's own cells:
 *  - the plan's formulas: no formula on a PC sheet reads a cell the MSO sheet resolves the terms
 *    in (the MSO's columns A–D, left of its timeline); the PC's fee reads its own term cells,
 *    and those read the Inputs sheet;
 *  - an evaluated workbook whose MSO term resolution is broken for one PC (HyperFormula, a
 *    formula or a typed number over the MSO's term cell) fails the Intercompany check, while that
 *    PC's fee expense stays what the MSA says.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { buildPlan } from "../../src/model/build";
import { ModelInputs } from "../../src/model/inputs";
import { FormulaMode, PlanSheet, SheetPlan } from "../../src/model/plan";
import { HyperFormulaHost, evaluatePlan } from "../../src/workbook/hyperformula";
import { handCheckV22Json } from "./hand-check-v22-inputs";
import { EXAMPLES_DIR, exampleFiles, loadInputs, rowValues, validInputs } from "./support";

const MODES: FormulaMode[] = ["addin", "portable"];
const MSO = "MSO";

/** Three states with per-PC terms: PC 1 its own markup and cap, PC 2 its own fixed fee and floor. */
function threeStatesWithTerms(): ModelInputs {
  const json = JSON.parse(readFileSync(join(EXAMPLES_DIR, "three-states.json"), "utf8"));
  json.fee = { ...json.fee, structure: "hybrid", fixedMonthly: 250, monthlyCap: 900000 };
  json.pcs[0] = { ...json.pcs[0], markup: 0.07, monthlyCap: 400000 };
  json.pcs[1] = { ...json.pcs[1], fixedMonthly: 1000, monthlyFloor: 20000 };
  return validInputs(json);
}

const cases: [string, () => ModelInputs][] = [
  ...exampleFiles().map((f): [string, () => ModelInputs] => [f, () => loadInputs(f)]),
  ["three states with per-PC terms", threeStatesWithTerms],
  ["hand check v2.2", () => validInputs(handCheckV22Json())],
];

/** A reference in a formula: the sheet it names (or none: the formula's own) and its cells. */
interface Ref {
  sheet: string | null;
  col1: string;
  row1: number;
  col2: string;
  row2: number;
}

// A sheet prefix ('quoted name' or bare name) and an A1 cell or range; quoted strings are skipped.
const REF =
  /"(?:[^"]|"")*"|(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?|(?<![\w!$.'])\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![\w(!])/g;

function refsOf(formula: string): Ref[] {
  const out: Ref[] = [];
  for (const m of formula.matchAll(REF)) {
    if (m[0].startsWith('"')) continue;
    if (m[3]) {
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
      out.push({ sheet, col1: m[3], row1: +m[4], col2: m[5] ?? m[3], row2: +(m[6] ?? m[4]) });
    } else if (m[7])
      out.push({ sheet: null, col1: m[7], row1: +m[8], col2: m[9] ?? m[7], row2: +(m[10] ?? m[8]) });
  }
  return out;
}

const colNumber = (c: string) => [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

const sheetOf = (plan: SheetPlan, name: string): PlanSheet => plan.sheets.find((s) => s.name === name)!;
const formulaAt = (s: PlanSheet, a1: string) => s.cells.find((c) => c.a1 === a1)?.formula ?? "";

describe("refsOf reads the references of a formula", () => {
  it("finds sheet-qualified cells and ranges, own-sheet cells, and skips strings and names", () => {
    const refs = refsOf(`=IF(MSO!$C$40,'PC – O''Neil'!E12:F12+$C$74,"MSO!C1")*Fee_Markup+LOG10(E$3)`);
    expect(refs).toEqual([
      { sheet: "MSO", col1: "C", row1: 40, col2: "C", row2: 40 },
      { sheet: "PC – O'Neil", col1: "E", row1: 12, col2: "F", row2: 12 },
      { sheet: null, col1: "C", row1: 74, col2: "C", row2: 74 },
      { sheet: null, col1: "E", row1: 3, col2: "E", row2: 3 },
    ]);
  });
});

describe("a PC sheet resolves its fee terms itself", () => {
  it.each(cases.flatMap(([name, make]) => MODES.map((mode) => [name, mode, make] as const)))(
    "%s (%s): no PC formula reads the MSO's term cells; the fee reads the PC's own, from Inputs",
    (_name, mode, make) => {
      const plan = buildPlan(make(), { formulas: mode });
      const firstMonth = colNumber(plan.results.monthColumns[0]);
      // Defined names are the other way a formula could reach the MSO sheet.
      expect(plan.names.filter((n) => n.sheet === MSO || n.ref.includes(`${MSO}!`))).toEqual([]);
      plan.results.pcs.forEach((pc) => {
        const s = sheetOf(plan, pc.sheet);
        // The MSO resolves each PC's terms left of its timeline (label, unit, constant, total): a PC
        // may read the MSO's invoice lines month by month, never a cell there.
        const intoMsoTerms = s.cells
          .filter((c) =>
            refsOf(c.formula ?? "").some((r) => r.sheet === MSO && colNumber(r.col1) < firstMonth),
          )
          .map((c) => `${pc.sheet}!${c.a1}: ${c.formula}`);
        expect(intoMsoTerms.slice(0, 2)).toEqual([]);

        // The fee expense's terms: cells of the PC's own sheet, each read from the Inputs sheet.
        const fee = formulaAt(s, `${plan.results.monthColumns[0]}${pc.rows.pcFee.row}`);
        expect(fee).not.toBe("");
        const constants = refsOf(fee).filter((r) => r.sheet === null && colNumber(r.col1) < firstMonth);
        const termFormulas = constants.map((r) => formulaAt(s, `${r.col1}${r.row1}`));
        expect(termFormulas.length).toBeGreaterThanOrEqual(4);
        for (const f of termFormulas) expect(f).toMatch(/Inputs!/);
        const groupNames = termFormulas.join(" ").match(/Fee_(Markup|Fixed|Floor|Cap)\b/g) ?? [];
        expect(new Set(groupNames)).toEqual(new Set(["Fee_Markup", "Fee_Fixed", "Fee_Floor", "Fee_Cap"]));
      });
    },
  );
});

/**
 * The MSO cell its fee takes one term from for PC p: the constant-column cells the MSO's fee row
 * and its pre-cap row read, the one whose formula falls back on the group's `groupName`.
 */
function msoTermCell(plan: SheetPlan, p: number, groupName: string): string {
  const mso = sheetOf(plan, MSO);
  const m1 = plan.results.monthColumns[0];
  const firstMonth = colNumber(m1);
  const feeFormula = formulaAt(mso, `${m1}${plan.results.pcs[p].rows.fee.row}`);
  // The fee row and every same-sheet month row it reads (the fee before cap and floor among them).
  const chain = [
    feeFormula,
    ...refsOf(feeFormula)
      .filter((r) => r.sheet === null && colNumber(r.col1) >= firstMonth)
      .map((r) => formulaAt(mso, `${r.col1}${r.row1}`)),
  ];
  const cells = new Set(
    chain.flatMap((f) =>
      refsOf(f)
        .filter((r) => r.sheet === null && colNumber(r.col1) < firstMonth)
        .map((r) => `${r.col1}${r.row1}`),
    ),
  );
  const hits = [...cells].filter((a1) => new RegExp(`\\b${groupName}\\b`).test(formulaAt(mso, a1)));
  if (hits.length !== 1) throw new Error(`MSO term cell for ${groupName}: found ${JSON.stringify(hits)}`);
  return hits[0];
}

const total = (plan: SheetPlan, host: HyperFormulaHost, ref: { sheet: string; row: number }) =>
  rowValues(plan, host, ref.sheet, ref.row).reduce((a, x) => a + x, 0);

describe("a term the MSO resolves wrongly shows on the Intercompany sheet", () => {
  const breaks = [
    {
      what: "the MSO forgets PC 1's own markup (the group's instead)",
      groupName: "Fee_Markup",
      content: "=Fee_Markup",
    },
    {
      what: "a number typed over the MSO's resolved floor for PC 1",
      groupName: "Fee_Floor",
      content: 2_000_000,
    },
  ];
  it.each(MODES.flatMap((mode) => breaks.map((b) => [mode, b.what, b] as const)))(
    "%s: %s",
    (mode, _what, b) => {
      const plan = buildPlan(threeStatesWithTerms(), { formulas: mode });
      const host = evaluatePlan(plan);
      try {
        const ic = plan.results.checks.intercompanyZero;
        const pc = plan.results.pcs[0];
        expect(host.readValueSync(ic.sheet, ic.a1)).toBe("OK");
        const pcFeeBefore = total(plan, host, pc.rows.pcFee);
        const msoFeeBefore = total(plan, host, pc.rows.fee);
        // PC 1's own terms (markup 7% against the group's 6.5%; no floor) change its fee: the
        // break is real on the MSO side.
        const { row, col } = a1ToRowCol(msoTermCell(plan, 0, b.groupName));
        host.engine.setCellContents({ sheet: host.engine.getSheetId(MSO)!, row, col }, b.content);
        expect(Math.abs(total(plan, host, pc.rows.fee) - msoFeeBefore)).toBeGreaterThan(1);
        // The reconciliation shows the MSO's error; the PC still books the fee the MSA sets.
        expect(host.readValueSync(ic.sheet, ic.a1)).toBe("FAIL");
        expect(total(plan, host, pc.rows.pcFee)).toBe(pcFeeBefore);
        const master = plan.results.checks.master;
        expect(host.readValueSync(master.sheet, master.a1)).toBe("FAIL");
      } finally {
        host.destroy();
      }
    },
  );
});

function a1ToRowCol(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  return { row: +m[2] - 1, col: colNumber(m[1]) - 1 };
}
