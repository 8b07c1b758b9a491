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
import { FormulaMode, PLAN_TAG, PlanResults, PlanResultsV22, SheetPlan } from "./plan";
import { SheetWriter, TL, monthColumns } from "./writer";
import { buildChecks } from "./sheets/checks";
import { buildCompliance } from "./sheets/compliance";
import { buildConsolidated } from "./sheets/consolidated";
import { buildInputsV22 } from "./sheets/inputs-v22";
import { buildMsoCash } from "./sheets/mso-cash";
import { planResultsV22 } from "./sheets/results-v22";
import { buildTax, taxCarryforwardRange } from "./sheets/tax";
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

/**
 * The v2.2 results where the summary and the task pane look for them: the MSO's EBITDA, cash and
 * dividends beside its v1 totals, the structure's tax, the new checks before the master check;
 * the full set (rows included) under `v22`.
 */
function withV22(r: PlanResults, v22: PlanResultsV22): PlanResults {
  const { master, ...checks } = r.checks;
  return {
    ...r,
    mso: { ...r.mso, ...v22.mso.cells },
    tax: v22.tax.cells,
    checks: { ...checks, ...v22.checks, master },
    v22,
  };
}

export function buildPlan(inputs: ModelInputs, options: BuildOptions): SheetPlan {
  const mode = options.formulas;
  const months = monthColumns(inputs.months);
  const pcSheets = pcSheetNames(inputs.pcs);

  const inW = new SheetWriter(INPUTS, "inputs");
  const lay = buildInputs(inputs, inW);
  inW.validations.push(...lay.validations);
  const firstBenchmark = `$C$${lay.benchmarks.first}`;
  const lay22 = buildInputsV22(
    inputs,
    inW,
    lay.pc.map((x) => x.row),
  );
  inW.validations.push(...lay22.validations);
  const acqRows = lay22.acq.map((x) => x.row);
  const mso = buildMso(inputs, mode, months, lay, pcSheets, {
    acqRows,
    taxCfRow: taxCarryforwardRange(inputs.months),
  });
  const pcWriters = inputs.pcs.map((pc, p) =>
    buildPcSheet(
      pc,
      pcSheets[p],
      lay.pc[p].row,
      mso.layout.pcBlocks[p],
      mode,
      months,
      { acqRow: acqRows[p] },
      firstBenchmark,
    ),
  );
  const msoCash = buildMsoCash(
    mso.writer,
    mso.layout,
    lay.pc.map((x) => x.row),
  );
  const ic = buildIntercompany(inputs, months, mso.layout, pcSheets);
  const cons = buildConsolidated(inputs, months, mso.layout, msoCash, pcSheets);
  const tax = buildTax(inputs, months, mso.layout, cons.layout);
  const comp = buildCompliance(inputs, lay);
  const ck = buildChecks(inputs, mode, pcSheets, ic.layout.icMax, lay, comp.layout, {
    msoMaxDiff: `MSO!$C$${msoCash.maxDiff}`,
    msoMinCash: `MSO!$C$${msoCash.minCash}`,
    consTieMax: `${cons.writer.name}!$C$${cons.layout.tieMax}`,
  });
  const sm = buildSummary(inputs, months, mso.layout, pcSheets, {
    mso: mso.layout,
    msoCash,
    cons: cons.layout,
    tax: tax.layout,
  });
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
      cons.writer.toSheet(freezeTl),
      tax.writer.toSheet({ rows: 4, columns: 4 }),
      ck.writer.toSheet(),
      sm.writer.toSheet({ rows: 4, columns: 3 }),
      comp.writer.toSheet({ rows: 4, columns: 0 }),
      ref.sheet.toSheet({ rows: 0, columns: 0 }),
    ],
    names: [...lay.names, ...lay22.names, ...ref.names],
    tables: [...inputsTables(lay), ...ref.tables],
    charts: summaryCharts(inputs, months, pcSheets, sm.layout),
    results: withV22(
      planResults(inputs, months, pcSheets, lay, mso.layout, ic.layout, ck.layout, comp.layout),
      planResultsV22(pcSheets, mso.layout, msoCash, cons.layout, tax.layout, ck.layout),
    ),
    inputCells: [...lay.inputCells, ...lay22.inputCells, ...comp.layout.inputCells],
  };
}
