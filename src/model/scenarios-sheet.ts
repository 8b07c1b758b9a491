/**
 * The Scenarios sheet: a side-by-side comparison of named input sets, as values. Each column was
 * computed by the workbook itself (the scenario applied to the Inputs sheet, recalculated, read,
 * the original inputs restored, as Excel's Scenario Manager summary does), so the sheet is a
 * snapshot, not live formulas; it says when it was taken.
 */
import { PlanScalar, PlanSheet, columnLetter } from "./plan";
import { FMT, SheetWriter } from "./writer";

export const SCENARIOS_SHEET = "Scenarios";

/** The outputs compared, in the order the sheet and the task pane show them. */
export const SCENARIO_METRICS = [
  { key: "fee", label: "MSA fees (MSO fee revenue)", unit: "$", format: FMT.money },
  { key: "msoEbitda", label: "MSO EBITDA", unit: "$", format: FMT.money },
  { key: "msoNetIncome", label: "MSO net income", unit: "$", format: FMT.money },
  { key: "msoTax", label: "MSO tax", unit: "$", format: FMT.money },
  { key: "physicianComp", label: "Physician compensation (all PCs)", unit: "$", format: FMT.money },
  { key: "peakLoc", label: "LOC peak (largest PC)", unit: "$", format: FMT.money },
  { key: "structureTax", label: "Total tax of the structure", unit: "$", format: FMT.money },
  { key: "master", label: "Master check", unit: "OK/FAIL", format: undefined },
] as const;

export type ScenarioMetric = (typeof SCENARIO_METRICS)[number]["key"];

export interface ScenarioColumn {
  name: string;
  /** A metric's value; null where the model has no such output or the scenario was not computed. */
  values: Record<ScenarioMetric, PlanScalar>;
  /** Why the column has no values (a scenario that changes the layout needs a rebuild). */
  note?: string;
}

/** The sheet for `columns`; `takenAt` is shown as the snapshot's time (ISO text). */
export function buildScenariosSheet(columns: ScenarioColumn[], takenAt: string): PlanSheet {
  const w = new SheetWriter(SCENARIOS_SHEET, "scenarios");
  w.label("A1", "Scenarios — values computed by the workbook for each input set", "title");
  w.label("A2", `Snapshot taken ${takenAt}; apply a scenario and compare again to refresh.`, "note");
  w.label("A4", "Output", "header");
  w.label("B4", "Unit", "header");
  columns.forEach((c, i) => w.value(`${columnLetter(2 + i)}4`, c.name, "header"));
  SCENARIO_METRICS.forEach((m, r) => {
    const row = 5 + r;
    w.label(`A${row}`, m.label);
    w.label(`B${row}`, m.unit);
    columns.forEach((c, i) => {
      const v = c.values[m.key];
      const a1 = `${columnLetter(2 + i)}${row}`;
      if (v === null) return;
      if (m.key === "master") w.value(a1, v, "check");
      else w.value(a1, v, "formula", typeof v === "number" ? m.format : undefined);
    });
  });
  const noteRow = 5 + SCENARIO_METRICS.length;
  w.label(`A${noteRow}`, "Note");
  columns.forEach((c, i) => {
    if (c.note) w.label(`${columnLetter(2 + i)}${noteRow}`, c.note, "note");
  });
  w.columnWidths.A = 36;
  w.columnWidths.B = 9;
  columns.forEach((_, i) => (w.columnWidths[columnLetter(2 + i)] = 18));
  return w.toSheet({ rows: 4, columns: 2 });
}
