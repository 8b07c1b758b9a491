/**
 * Running scenarios in the workbook, as Excel's Scenario Manager does: write a scenario's values
 * into the Inputs sheet's cells (the plan's input map), let the workbook recalculate, read the
 * outputs, and put the original values back — even when a read fails or the run is cancelled.
 * Only the cells that differ are written, and the originals restored are the cells' own values
 * read just before, so nothing the user typed is lost.
 */
import { dec } from "../../../engine/decimal";
import type { ModelInputs } from "../../../model/inputs";
import type { CellRef, PlanInputCell, PlanScalar, SheetPlan } from "../../../model/plan";
import { SCENARIO_METRICS, type ScenarioMetric } from "../../../model/scenarios-sheet";
import { type CellUpdate, type CellValue, type WorkbookHost, isCellError } from "../../../workbook/host";
import { isoToSerial } from "../../dates";
import { getAt } from "../model/json-path";
import { comparedRefs } from "../../plan-view";

type Locate = (ref: CellRef) => CellRef;

/** What makes a scenario need a rebuild rather than new input values: a different layout. */
export function layoutChanges(current: ModelInputs, scenario: ModelInputs): string[] {
  const out: string[] = [];
  if (current.startMonth !== scenario.startMonth) out.push(`start month ${scenario.startMonth}`);
  if (current.months !== scenario.months) out.push(`${scenario.months} months`);
  const names = (xs: { name: string }[]) => xs.map((x) => x.name.toLowerCase()).join("\u0000");
  if (current.pcs.length !== scenario.pcs.length)
    out.push(`${scenario.pcs.length} PC${scenario.pcs.length === 1 ? "" : "s"}`);
  else if (names(current.pcs) !== names(scenario.pcs)) out.push("different PC names");
  if (current.serviceLines.length !== scenario.serviceLines.length)
    out.push(`${scenario.serviceLines.length} service line${scenario.serviceLines.length === 1 ? "" : "s"}`);
  else if (names(current.serviceLines) !== names(scenario.serviceLines)) out.push("different service lines");
  const tabs = (xs: ModelInputs["pcs"]) =>
    xs.map((x) => String((x as { shortName?: unknown }).shortName ?? "")).join("\u0000");
  if (current.pcs.length === scenario.pcs.length && tabs(current.pcs) !== tabs(scenario.pcs))
    out.push("different tab names");
  return out;
}

/** A field's value as its input cell holds it (dates as serials; blank for a left-out field). */
export function cellValueOf(cell: PlanInputCell, inputs: unknown): PlanScalar {
  const v = getAt(inputs, cell.path);
  if (v === undefined || v === null) return null;
  switch (cell.type) {
    case "date":
      return typeof v === "string" ? isoToSerial(v) : null;
    case "month":
      return typeof v === "string" ? isoToSerial(`${v}-01`) : null;
    case "numberList":
      return Array.isArray(v) ? v.join(", ") : null;
    default:
      return typeof v === "object" ? JSON.stringify(v) : (v as PlanScalar);
  }
}

/** The input cells whose value differs between two input sets, with the scenario's value. */
export function changedCells(
  plan: SheetPlan,
  current: unknown,
  scenario: unknown,
): { cell: PlanInputCell; value: PlanScalar }[] {
  return (plan.inputCells ?? [])
    .map((cell) => ({ cell, before: cellValueOf(cell, current), value: cellValueOf(cell, scenario) }))
    .filter((x) => x.before !== x.value)
    .map(({ cell, value }) => ({ cell, value }));
}

async function writeBySheet(
  host: WorkbookHost,
  locate: Locate,
  updates: { ref: CellRef; value: PlanScalar }[],
) {
  // One update per cell, the last given winning (a scenario's value over the original).
  const bySheet = new Map<string, Map<string, CellUpdate>>();
  for (const u of updates) {
    const at = locate(u.ref);
    const sheet = bySheet.get(at.sheet) ?? new Map<string, CellUpdate>();
    sheet.set(at.a1, { a1: at.a1, value: u.value });
    bySheet.set(at.sheet, sheet);
  }
  for (const [sheet, list] of bySheet) await host.writeValues(sheet, [...list.values()]);
}

/** Writes a scenario's differing values into the Inputs sheet (apply, without restoring). */
export async function applyValues(
  host: WorkbookHost,
  plan: SheetPlan,
  locate: Locate,
  current: unknown,
  scenario: unknown,
): Promise<number> {
  const changes = changedCells(plan, current, scenario);
  await writeBySheet(
    host,
    locate,
    changes.map((c) => ({ ref: c.cell, value: c.value })),
  );
  return changes.length;
}

const asScalar = (v: CellValue): PlanScalar => (isCellError(v) ? v.error : v);

/** The compared outputs as the workbook shows them now. */
export async function readOutputs(
  host: WorkbookHost,
  plan: SheetPlan,
  locate: Locate,
): Promise<Record<ScenarioMetric, PlanScalar>> {
  const refs = comparedRefs(plan);
  // Every compared cell is collected first and read in ONE host call (one round trip in Excel).
  const cells: CellRef[] = [];
  const slot = (ref: CellRef | null): number => (ref ? cells.push(locate(ref)) - 1 : -1);
  const one = {
    fee: slot(refs.fee),
    msoEbitda: slot(refs.msoEbitda),
    msoNetIncome: slot(refs.msoNetIncome),
    msoTax: slot(refs.msoTax),
    structureTax: slot(refs.structureTax),
    master: slot(refs.master),
  };
  const physicianComp = refs.physicianComp.map(slot);
  const peakLoc = refs.peakLoc.map(slot);
  const values = await host.readValues(cells);
  const read = (i: number): CellValue => (i < 0 ? null : values[i]);
  const sum = (vs: CellValue[]): PlanScalar => {
    const bad = vs.find((v) => typeof v !== "number");
    if (bad !== undefined) return asScalar(bad);
    return vs.reduce((acc, v) => acc.plus(v as number), dec(0)).toNumber();
  };
  const max = (vs: CellValue[]): PlanScalar => {
    const bad = vs.find((v) => typeof v !== "number");
    if (bad !== undefined) return asScalar(bad);
    return Math.max(...(vs as number[]));
  };
  const out = {
    fee: asScalar(read(one.fee)),
    msoEbitda: asScalar(read(one.msoEbitda)),
    msoNetIncome: asScalar(read(one.msoNetIncome)),
    msoTax: asScalar(read(one.msoTax)),
    physicianComp: sum(physicianComp.map(read)),
    peakLoc: max(peakLoc.map(read)),
    structureTax: asScalar(read(one.structureTax)),
    master: asScalar(read(one.master)),
  };
  return Object.fromEntries(SCENARIO_METRICS.map((m) => [m.key, out[m.key]])) as Record<
    ScenarioMetric,
    PlanScalar
  >;
}

export interface CompareItem {
  name: string;
  inputs: ModelInputs;
}

export interface CompareResult {
  name: string;
  values: Record<ScenarioMetric, PlanScalar> | null;
  note?: string;
}

/**
 * Each scenario applied in turn, outputs read, and the cells it touched restored to what they
 * held before the run started. Layout-changing scenarios are not applied (they need a rebuild).
 */
export async function compareInWorkbook(
  host: WorkbookHost,
  plan: SheetPlan,
  locate: Locate,
  current: ModelInputs,
  items: CompareItem[],
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<CompareResult[]> {
  const results: CompareResult[] = [];
  const runnable = items.filter((it) => layoutChanges(current, it.inputs).length === 0);
  // Every cell any scenario will write, with the value it holds now.
  const touched = new Map<string, PlanInputCell>();
  for (const it of runnable)
    for (const c of changedCells(plan, current, it.inputs))
      touched.set(`${c.cell.sheet}!${c.cell.a1}`, c.cell);
  const cellsBefore = [...touched.values()];
  const before = await host.readValues(cellsBefore.map((cell) => locate(cell)));
  const originals: { ref: CellRef; value: PlanScalar }[] = cellsBefore.map((cell, i) => ({
    ref: cell,
    value: asScalar(before[i]),
  }));
  try {
    let done = 0;
    for (const it of items) {
      if (options.signal?.aborted) break;
      const layout = layoutChanges(current, it.inputs);
      if (layout.length > 0) {
        results.push({
          name: it.name,
          values: null,
          note: `Changes the layout (${layout.join(", ")}): rebuild to compare`,
        });
      } else {
        // From the original state each time, so one scenario's values never leak into the next.
        await writeBySheet(host, locate, [
          ...originals,
          ...changedCells(plan, current, it.inputs).map((c) => ({ ref: c.cell, value: c.value })),
        ]);
        results.push({ name: it.name, values: await readOutputs(host, plan, locate) });
      }
      options.onProgress?.(++done, items.length);
    }
  } finally {
    if (originals.length > 0) await writeBySheet(host, locate, originals);
  }
  return results;
}
