/**
 * buildPlan: validated inputs → SheetPlan, following MODEL.md's calculations cell by cell.
 * Pure and deterministic: the same inputs always give the same plan, nothing is computed here
 * that a spreadsheet formula could compute (the workbook shows its working).
 *
 * Each sheet has its own module in sheets/; this file only lays them out in order and hands each
 * the addresses it needs from the sheets built before it. The MSO and each PC compute their side
 * of the line of credit independently, so the Intercompany sheet compares two sets of books.
 */
import { ModelInputs } from "./inputs";
import { FormulaMode, PLAN_TAG, SheetPlan } from "./plan";
import { SheetWriter, TL, monthColumns } from "./writer";
import { buildChecks } from "./sheets/checks";
import { buildCompliance } from "./sheets/compliance";
import { buildInputs, inputsTables } from "./sheets/inputs";
import { buildIntercompany } from "./sheets/intercompany";
import { buildMso } from "./sheets/mso";
import { INPUTS, pcSheetNames } from "./sheets/names";
import { buildPcSheet } from "./sheets/pc";
import { buildReference } from "./sheets/reference";
import { planResults } from "./sheets/results";
import { buildSummary } from "./sheets/summary";
import { summaryCharts } from "./sheets/summary-charts";

export { pcSheetNames };

export interface BuildOptions {
  formulas: FormulaMode;
}

export function buildPlan(inputs: ModelInputs, options: BuildOptions): SheetPlan {
  const mode = options.formulas;
  const months = monthColumns(inputs.months);
  const pcSheets = pcSheetNames(inputs.pcs);

  const inW = new SheetWriter(INPUTS, "inputs");
  const lay = buildInputs(inputs, inW);
  inW.validations.push(...lay.validations);
  const firstBenchmark = `$C$${lay.benchmarks.first}`;
  const mso = buildMso(inputs, mode, months, lay, pcSheets);
  const pcWriters = inputs.pcs.map((pc, p) =>
    buildPcSheet(pc, pcSheets[p], lay.pc[p].row, mso.layout.pcBlocks[p], mode, months, firstBenchmark),
  );
  const ic = buildIntercompany(inputs, months, mso.layout, pcSheets);
  const comp = buildCompliance(inputs, lay);
  const ck = buildChecks(inputs, mode, pcSheets, ic.layout.icMax, lay, comp.layout);
  const sm = buildSummary(inputs, months, mso.layout, pcSheets);
  const ref = buildReference();

  const freezeTl = { rows: TL.year, columns: 4 };
  return {
    title: inputs.name,
    mode,
    tag: PLAN_TAG,
    sheets: [
      inW.toSheet({ rows: 2, columns: 1 }),
      mso.writer.toSheet(freezeTl),
      ...pcWriters.map((w) => w.toSheet(freezeTl)),
      ic.writer.toSheet(freezeTl),
      ck.writer.toSheet(),
      sm.writer.toSheet({ rows: 4, columns: 3 }),
      comp.writer.toSheet({ rows: 4, columns: 0 }),
      ref.sheet.toSheet({ rows: 0, columns: 0 }),
    ],
    names: [...lay.names, ...ref.names],
    tables: [...inputsTables(lay), ...ref.tables],
    charts: summaryCharts(inputs, months, pcSheets, sm.layout),
    results: planResults(inputs, months, pcSheets, lay, mso.layout, ic.layout, ck.layout, comp.layout),
    inputCells: [...lay.inputCells, ...comp.layout.inputCells],
  };
}
