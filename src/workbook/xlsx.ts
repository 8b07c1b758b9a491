/**
 * xlsx host: ExcelJS writes a SheetPlan to a file that opens in Excel with no add-in (portable
 * mode) — formulas together with their cached values from the HyperFormula evaluation, so the file
 * shows numbers even in viewers that do not recalculate. Styles follow the plan's roles: inputs
 * blue, formulas black, cross-sheet links green.
 *
 * Charts: ExcelJS cannot write chart parts, so `xlsx-charts.ts` adds the plan's charts to the bytes
 * ExcelJS produces, as native DrawingML charts over the sheet ranges.
 *
 * Not written: Excel tables (the plan's tables are written as defined names over their ranges,
 * since an ExcelJS table would rewrite the cells it covers).
 */
import ExcelJS from "exceljs";
import {
  PLAN_TAG,
  PlanCell,
  PlanConditionalFormat,
  PlanSheet,
  PlanValidation,
  SheetPlan,
  StyleRole,
  columnLetter,
  parseA1,
  sheetRef,
} from "../model/plan";
import { CellValue, isCellError } from "./host";
import { addCharts } from "./xlsx-charts";

const COLOURS: Partial<Record<StyleRole, string>> = {
  input: "FF0000FF",
  link: "FF008000",
  formula: "FF000000",
  note: "FF595959",
};

function fontFor(role: StyleRole): Partial<ExcelJS.Font> {
  switch (role) {
    case "title":
      return { bold: true, size: 14 };
    case "header":
      return { bold: true };
    case "check":
      return { bold: true, color: { argb: COLOURS.formula } };
    case "note":
      return { italic: true, color: { argb: COLOURS.note } };
    case "structural":
      return { color: { argb: COLOURS.note } };
    case "label":
      return {};
    default:
      return { color: { argb: COLOURS[role] } };
  }
}

/** Reads a computed value for a formula cell's cache; `undefined` leaves the cache out. */
export type ValueSource = (sheet: string, a1: string) => CellValue | undefined;

function cachedResult(v: CellValue | undefined): ExcelJS.CellFormulaValue["result"] {
  if (v === undefined || v === null) return undefined;
  if (isCellError(v)) return { error: v.error as ExcelJS.CellErrorValue["error"] };
  return v;
}

function writeCell(ws: ExcelJS.Worksheet, sheet: string, cell: PlanCell, values: ValueSource | null): void {
  const target = ws.getCell(cell.a1);
  if (cell.formula !== undefined) {
    const formula = cell.formula.replace(/^=/, "");
    const result = values ? cachedResult(values(sheet, cell.a1)) : undefined;
    if (cell.spill) {
      target.value = {
        formula,
        result,
        shareType: "array",
        ref: cell.spill,
      } as unknown as ExcelJS.CellFormulaValue;
    } else {
      target.value =
        result === undefined ? { formula, date1904: false } : { formula, result, date1904: false };
    }
  } else if (cell.value !== undefined && cell.value !== null) {
    target.value = cell.value;
  } else if (values) {
    // A cell filled by a spilled array: its cached value, as Excel stores it.
    const v = cachedResult(values(sheet, cell.a1));
    if (v !== undefined && !(typeof v === "object")) target.value = v;
  }
  if (cell.format) target.numFmt = cell.format;
  const font = fontFor(cell.role);
  if (Object.keys(font).length > 0) target.font = font;
  // Structural cells (rebuild to change) are grey: grey text on a light grey fill.
  if (cell.role === "structural")
    target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: STRUCTURAL_FILL } };
}

const STRUCTURAL_FILL = "FFE7E6E6";

/** Every cell address of a range such as `C5:D7` (or one cell). */
function cellsOf(range: string): string[] {
  const [a, b] = range.split(":");
  const s = parseA1(a);
  const e = parseA1(b ?? a);
  const out: string[] = [];
  for (let r = s.row; r <= e.row; r++)
    for (let c = s.col; c <= e.col; c++) out.push(`${columnLetter(c)}${r + 1}`);
  return out;
}

/** The plan's validation as ExcelJS writes it (Excel's dataValidation element). */
function toExcelValidation(v: PlanValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    errorTitle: "Not allowed",
    error: v.error,
  };
  const rule = v.rule;
  if (rule.kind === "list")
    return {
      ...common,
      type: "list",
      formulae: ["values" in rule ? `"${rule.values.join(",")}"` : rule.source.replace(/^=/, "")],
    };
  if (rule.kind === "textLength")
    return { ...common, type: "textLength", operator: "lessThanOrEqual", formulae: [rule.max] };
  const { min, max } = rule;
  if (min !== undefined && max !== undefined)
    return { ...common, type: rule.kind, operator: "between", formulae: [min, max] };
  if (min !== undefined)
    return { ...common, type: rule.kind, operator: "greaterThanOrEqual", formulae: [min] };
  return { ...common, type: rule.kind, operator: "lessThanOrEqual", formulae: [max ?? 0] };
}

const CF_STYLES: Record<PlanConditionalFormat["style"], Partial<ExcelJS.Style>> = {
  // Excel's own "Bad", "Good" and "Neutral" cell styles.
  bad: {
    font: { color: { argb: "FF9C0006" } },
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } },
  },
  good: {
    font: { color: { argb: "FF006100" } },
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } },
  },
  warning: {
    font: { color: { argb: "FF9C5700" } },
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFEB9C" } },
  },
};

function writeRules(ws: ExcelJS.Worksheet, sheet: PlanSheet): void {
  for (const v of sheet.validations ?? []) {
    const dv = toExcelValidation(v);
    for (const a1 of cellsOf(v.range)) ws.getCell(a1).dataValidation = dv;
  }
  (sheet.conditionalFormats ?? []).forEach((cf, i) => {
    const style = CF_STYLES[cf.style];
    const priority = i + 1;
    const rule: ExcelJS.ConditionalFormattingRule =
      cf.rule.kind === "textEquals"
        ? { type: "cellIs", operator: "equal", formulae: [`"${cf.rule.text}"`], style, priority }
        : cf.rule.kind === "lessThan"
          ? { type: "cellIs", operator: "lessThan", formulae: [cf.rule.value], style, priority }
          : { type: "expression", formulae: [cf.rule.formula.replace(/^=/, "")], style, priority };
    ws.addConditionalFormatting({ ref: cf.range, rules: [rule] });
  });
}

/**
 * Builds the ExcelJS workbook. `values` supplies cached results (from an evaluated plan); with
 * null the file holds formulas only, and a reader must calculate them itself.
 */
export function planToWorkbook(plan: SheetPlan, values: ValueSource | null): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "MSO Modeler";
  wb.title = plan.title;
  wb.keywords = PLAN_TAG;
  wb.subject = `${PLAN_TAG} model (${plan.mode} formulas)`;
  // Excel recalculates every formula when the file opens (ECMA-376 Part 1 §18.2.2, calcPr
  // fullCalcOnLoad), so no stale cached value is shown; add-in cells show #BUSY! while Excel waits
  // for the add-in and #NAME? without it (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-troubleshooting).
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) {
    const views: Partial<ExcelJS.WorksheetView>[] =
      sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)
        ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
        : [];
    const ws = wb.addWorksheet(sheet.name, { views });
    for (const [col, width] of Object.entries(sheet.columnWidths)) ws.getColumn(col).width = width;
    for (const cell of sheet.cells) writeCell(ws, sheet.name, cell, values);
    writeRules(ws, sheet);
  }
  for (const n of plan.names) wb.definedNames.add(`${sheetRef(n.sheet)}${n.ref}`, n.name);
  for (const t of plan.tables) {
    const [a, b] = t.ref.split(":");
    const abs = (x: string) => x.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    wb.definedNames.add(`${sheetRef(t.sheet)}${abs(a)}:${abs(b)}`, t.name);
  }
  return wb;
}

/** Writes the plan to `path` as .xlsx. */
export async function writeXlsx(plan: SheetPlan, path: string, values: ValueSource | null): Promise<void> {
  const { writeFile } = await import("fs/promises");
  await writeFile(path, await xlsxBuffer(plan, values));
}

/** The .xlsx bytes, for the browser (download) and tests. */
export async function xlsxBuffer(plan: SheetPlan, values: ValueSource | null): Promise<Uint8Array> {
  const buf = await planToWorkbook(plan, values).xlsx.writeBuffer();
  return addCharts(new Uint8Array(buf as ArrayBuffer), plan, values);
}
