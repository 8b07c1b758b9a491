/** Shared test helpers: load examples, build and evaluate plans, read whole sheets. */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { buildPlan } from "../../src/model/build";
import { ModelInputs, parseInputs } from "../../src/model/inputs";
import { CellRef, FormulaMode, SheetPlan } from "../../src/model/plan";
import { CellValue } from "../../src/workbook/host";
import { HyperFormulaHost, evaluatePlan } from "../../src/workbook/hyperformula";

export const EXAMPLES_DIR = join(__dirname, "..", "..", "examples");
export const exampleFiles = (): string[] =>
  readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();

export function loadInputs(file: string): ModelInputs {
  const parsed = parseInputs(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), "utf8")));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join("; ")}`);
  return parsed.inputs;
}

/**
 * The inputs as a workbook shows them: a PC without a joinMonth joins at startMonth (v2.2), and its
 * Inputs cell says so, so inputs read back from a workbook name it. Compare read-back inputs with these.
 */
export function withJoinMonths(inputs: ModelInputs): ModelInputs {
  return {
    ...inputs,
    pcs: inputs.pcs.map((pc) => ({ ...pc, joinMonth: pc.joinMonth ?? inputs.startMonth })),
  };
}

export function validInputs(json: unknown): ModelInputs {
  const parsed = parseInputs(json);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.inputs;
}

export function evaluate(
  inputs: ModelInputs,
  mode: FormulaMode,
): { plan: SheetPlan; host: HyperFormulaHost } {
  const plan = buildPlan(inputs, { formulas: mode });
  return { plan, host: evaluatePlan(plan) };
}

export type Checks = Record<keyof SheetPlan["results"]["checks"], CellValue>;
export function readChecks(plan: SheetPlan, host: HyperFormulaHost): Checks {
  const out = {} as Checks;
  for (const [k, ref] of Object.entries(plan.results.checks))
    out[k as keyof Checks] = host.readValueSync(ref.sheet, ref.a1);
  return out;
}

/** Every month value of one row. */
export function rowValues(plan: SheetPlan, host: HyperFormulaHost, sheet: string, row: number): number[] {
  const cols = plan.results.monthColumns;
  return host.readRangeSync(sheet, `${cols[0]}${row}:${cols[cols.length - 1]}${row}`)[0] as number[];
}

/** Largest absolute intercompany difference over all PCs and months. */
export function maxIntercompanyDiff(plan: SheetPlan, host: HyperFormulaHost): number {
  let max = 0;
  for (const row of plan.results.intercompanyRows)
    for (const v of rowValues(plan, host, "Intercompany", row)) {
      if (typeof v !== "number") throw new Error(`Intercompany row ${row} holds ${JSON.stringify(v)}`);
      max = Math.max(max, Math.abs(v));
    }
  return max;
}

/** Every error value on every sheet, as "Sheet!row,col: value". */
export function errorCells(plan: SheetPlan, host: HyperFormulaHost): string[] {
  const out: string[] = [];
  for (const s of plan.sheets)
    host.sheetValues(s.name).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v === "object")
          out.push(`${s.name}!${r + 1},${c + 1}: ${JSON.stringify(v)}`);
      }),
    );
  return out;
}

/**
 * Add-in against portable values: equal to the cent for money and to 1e-9 for ratios, whichever is
 * tighter, |x − y| ≤ min(0.005, 1e-9 × max(1, |x|)). A markup of 0.06 must agree to 1e-9, not to
 * half a cent.
 */
export function sameNumber(x: number, y: number): boolean {
  return Math.abs(x - y) <= Math.min(0.005, 1e-9 * Math.max(1, Math.abs(x)));
}

/** The first differing cells of two evaluated plans with the same sheets (at most `limit`). */
export function cellDifferences(
  a: { plan: SheetPlan; host: HyperFormulaHost },
  b: { plan: SheetPlan; host: HyperFormulaHost },
  limit = 10,
): string[] {
  const diffs: string[] = [];
  for (const sheet of a.plan.sheets) {
    const x = a.host.sheetValues(sheet.name);
    const y = b.host.sheetValues(sheet.name);
    const rows = Math.max(x.length, y.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(x[r]?.length ?? 0, y[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const u = x[r]?.[c] ?? null;
        const v = y[r]?.[c] ?? null;
        const same =
          typeof u === "number" && typeof v === "number"
            ? sameNumber(u, v)
            : JSON.stringify(u) === JSON.stringify(v);
        if (!same && diffs.length < limit)
          diffs.push(`${sheet.name}!${r + 1},${c + 1}: ${JSON.stringify(u)} vs ${JSON.stringify(v)}`);
      }
    }
  }
  return diffs;
}

/** The row number of a result cell (`D17` → 17): its monthly values are on the same row. */
export function rowOf(ref: CellRef): number {
  const m = /^\$?[A-Z]+\$?(\d+)$/.exec(ref.a1);
  if (!m) throw new Error(`not an A1 address: ${ref.a1}`);
  return Number(m[1]);
}

/** Rows whose column A label is `text` on `sheet`, in row order. */
export function labelRows(plan: SheetPlan, sheet: string, text: string): number[] {
  const s = plan.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.cells
    .filter((c) => /^A\d+$/.test(c.a1) && c.value === text)
    .map((c) => Number(c.a1.slice(1)))
    .sort((x, y) => x - y);
}

/** Numbers equal to the cent when money, else to 1e-9 relative. */
export function close(a: number, b: number, money = true): boolean {
  const tol = money ? 0.005 : 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= tol;
}
