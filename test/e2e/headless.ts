/** The headless build of the same inputs the workbench builds: the oracle the browser is compared with. */
import fs from "node:fs";
import path from "node:path";
import { buildPlan } from "../../src/model/build";
import { parseInputs } from "../../src/model/inputs";
import { CellRef, FormulaMode, SheetPlan } from "../../src/model/plan";
import { ModelSummary, readSummary } from "../../src/model/summary";
import { evaluatePlan } from "../../src/workbook/hyperformula";
import { ROOT } from "./browser";

export function example(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "examples", `${name}.json`), "utf8"));
}

export async function headless(
  json: unknown,
  mode: FormulaMode = "addin",
): Promise<{ plan: SheetPlan; summary: ModelSummary }> {
  const parsed = parseInputs(json);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const plan = buildPlan(parsed.inputs, { formulas: mode });
  const host = evaluatePlan(plan);
  try {
    return { plan, summary: await readSummary(plan, host) };
  } finally {
    host.destroy();
  }
}

/** The number format the plan gives a cell. */
export function formatOf(plan: SheetPlan, ref: CellRef): string | undefined {
  return plan.sheets.find((s) => s.name === ref.sheet)?.cells.find((c) => c.a1 === ref.a1)?.format;
}
