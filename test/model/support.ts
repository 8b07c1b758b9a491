/** Shared test helpers: load examples, build and evaluate plans, read whole sheets. */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { buildPlan } from "../../src/model/build";
import { ModelInputs, parseInputs } from "../../src/model/inputs";
import { FormulaMode, SheetPlan } from "../../src/model/plan";
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

/** Numbers equal to the cent when money, else to 1e-9 relative. */
export function close(a: number, b: number, money = true): boolean {
  const tol = money ? 0.005 : 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return Math.abs(a - b) <= tol;
}
