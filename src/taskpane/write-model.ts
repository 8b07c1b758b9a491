/**
 * Writing a model from its inputs through the host the pane was given. A host that can build where
 * its workbook lives (the workbench's Web Worker: `writeModel`) does, so the page never spends the
 * second a 50-PC plan takes to make; otherwise (Excel) the plan is made here and written.
 */
import { buildPlan } from "../model/build";
import type { ModelInputs } from "../model/inputs";
import type { FormulaMode } from "../model/plan";
import type { ModelWriteResult, WorkbookHost, WriteOptions } from "../workbook/host";

/** The result's plan is the plan as written: renamed after a suffix, an outline from a worker host. */
export async function writeModel(
  host: WorkbookHost,
  inputs: ModelInputs,
  mode: FormulaMode,
  options: WriteOptions = {},
): Promise<ModelWriteResult> {
  if (host.writeModel) return host.writeModel(inputs, mode, options);
  const plan = buildPlan(inputs, { formulas: mode });
  const result = await host.writePlan(plan, options);
  return { sheetNames: result.sheetNames, plan: result.plan ?? plan };
}
