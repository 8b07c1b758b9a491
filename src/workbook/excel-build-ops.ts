/**
 * What a build sends to Excel, as ops for the request packer (excel-requests.ts): the structure
 * (old sheets aside, new sheets tagged, defined names), each sheet's content (cells, styles, widths,
 * panes, validation, conditional formats), the charts, the finishing touches and the rollback of a
 * cancelled build. The add-in's marks on what it creates live here too.
 */
import { PLAN_TAG, PlanChart, PlanConditionalFormat, PlanValidation, SheetPlan } from "../model/plan";
import { emptyState } from "./document-state";
import { StateLoad } from "./host";
import {
  ACTION_OVERHEAD,
  ROLE_FONTS,
  columnWidthRuns,
  jsonBytes,
  roleAreas,
  serialToIsoDate,
  sheetBlock,
  splitBlock,
} from "./excel-layout";
import { Op, Scope, blockOp, op } from "./excel-requests";
import { stateOps } from "./excel-state-parts";

/** Worksheet custom property keys that mark the add-in's sheets (ExcelApi 1.12:
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcustompropertycollection). */
export const TAG_KEY = "MsoModeler.tag";
export const KIND_KEY = "MsoModeler.kind";
/** Ends the comment of every defined name the add-in creates: how a rebuild knows its own names. */
export const NAME_MARK = "[mso-modeler]";

export function planNames(plan: SheetPlan): { name: string; formula: string; comment: string }[] {
  const absolute = (a1: string) => a1.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2");
  const q = (s: string) => `'${s.replace(/'/g, "''")}'!`;
  return [
    ...plan.names.map((n) => ({
      name: n.name,
      formula: `=${q(n.sheet)}${n.ref}`,
      comment: `${n.comment ? `${n.comment} ` : ""}${NAME_MARK}`,
    })),
    ...plan.tables.map((t) => ({
      name: t.name,
      formula: `=${q(t.sheet)}${t.ref.split(":").map(absolute).join(":")}`,
      comment: `Table ${t.columns.join(", ")} ${NAME_MARK}`.slice(-255),
    })),
  ];
}

/**
 * The first request's head: the old sheets renamed aside (deleted at the end), the add-in's old
 * names removed, the new sheets added and tagged, then the new names (their sheets exist by now).
 * Names: NamedItemCollection.add, ExcelApi 1.4 (https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection).
 * Sheets: "Work with worksheets" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets).
 */
export function structureOps(
  plan: SheetPlan,
  aside: { from: string; to: string }[],
  ownNames: { name: string }[],
): Op[] {
  return [
    ...ownNames.map((n) => op(jsonBytes(n.name), (s) => s.ctx.workbook.names.getItem(n.name).delete())),
    ...aside.map((a) =>
      op(jsonBytes(a), (s) => {
        s.ctx.workbook.worksheets.getItem(a.from).name = a.to;
      }),
    ),
    ...plan.sheets.map((sheet) =>
      op(3 * ACTION_OVERHEAD + jsonBytes(sheet.name), (s) => {
        const ws = s.ctx.workbook.worksheets.add(sheet.name);
        ws.customProperties.add(TAG_KEY, PLAN_TAG);
        ws.customProperties.add(KIND_KEY, sheet.kind);
      }),
    ),
    ...planNames(plan).map((n) =>
      op(jsonBytes(n), (s) => s.ctx.workbook.names.add(n.name, n.formula, n.comment)),
    ),
  ];
}

/** Cells, styles, widths, panes, validation and conditional formats of every sheet, then the charts. */
export function contentOps(plan: SheetPlan, budget: number): Op[] {
  const ops: Op[] = [];
  for (const sheet of plan.sheets) {
    const block = sheetBlock(sheet);
    if (block) ops.push(...splitBlock(block, budget).map(blockOp));
    // Several ranges at once: RangeAreas, ExcelApi 1.9
    // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-multiple-ranges).
    for (const [role, areas] of roleAreas(sheet)) {
      const font = ROLE_FONTS[role]!;
      for (let i = 0; i < areas.length; i += 50) {
        const address = areas.slice(i, i + 50).join(",");
        ops.push(
          op(jsonBytes(address) + jsonBytes(font) + 3 * ACTION_OVERHEAD, (s) => {
            const f = s.sheet(sheet.name).getRanges(address).format.font;
            if (font.color !== undefined) f.color = font.color;
            if (font.bold !== undefined) f.bold = font.bold;
            if (font.italic !== undefined) f.italic = font.italic;
            if (font.size !== undefined) f.size = font.size;
          }),
        );
      }
    }
    for (const run of columnWidthRuns(sheet.columnWidths))
      ops.push(
        op(jsonBytes(run), (s) => {
          s.sheet(sheet.name).getRange(run.columns).format.columnWidth = run.points;
        }),
      );
    const freeze = sheet.freeze;
    if (freeze && (freeze.rows > 0 || freeze.columns > 0))
      // Freeze panes, ExcelApi 1.7 ("Work with worksheets", freeze panes).
      ops.push(
        op(0, (s) => {
          const panes = s.sheet(sheet.name).freezePanes;
          if (freeze.rows > 0 && freeze.columns > 0)
            panes.freezeAt(s.sheet(sheet.name).getRangeByIndexes(0, 0, freeze.rows, freeze.columns));
          else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
          else panes.freezeColumns(freeze.columns);
        }),
      );
    for (const v of sheet.validations ?? [])
      ops.push(op(3 * jsonBytes(v), (s) => applyValidation(s, sheet.name, v)));
    for (const c of sheet.conditionalFormats ?? [])
      ops.push(op(3 * jsonBytes(c) + 4 * ACTION_OVERHEAD, (s) => applyConditionalFormat(s, sheet.name, c)));
  }
  for (const chart of plan.charts)
    ops.push(
      op(jsonBytes(chart) + (6 + 5 * chart.series.length) * ACTION_OVERHEAD, (s) => addChart(s, chart)),
    );
  return ops;
}

/**
 * Data validation, ExcelApi 1.8 ("Add data validation to Excel ranges":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation). Excel caps the
 * alert title at 32 characters and the message at 255.
 */
function applyValidation(s: Scope, sheet: string, v: PlanValidation): void {
  const dv = s.sheet(sheet).getRange(v.range).dataValidation;
  const r = v.rule;
  const between = (min?: number | string, max?: number | string) =>
    min !== undefined && max !== undefined
      ? { formula1: min, formula2: max, operator: "Between" }
      : min !== undefined
        ? { formula1: min, operator: "GreaterThanOrEqualTo" }
        : { formula1: max!, operator: "LessThanOrEqualTo" };
  let rule: Excel.DataValidationRule | null = null;
  if (r.kind === "list")
    rule = { list: { inCellDropDown: true, source: "source" in r ? r.source : r.values.join(",") } };
  else if (r.kind === "decimal" && (r.min !== undefined || r.max !== undefined))
    rule = { decimal: between(r.min, r.max) as Excel.BasicDataValidation };
  else if (r.kind === "whole" && (r.min !== undefined || r.max !== undefined))
    rule = { wholeNumber: between(r.min, r.max) as Excel.BasicDataValidation };
  else if (r.kind === "date" && (r.min !== undefined || r.max !== undefined))
    rule = {
      date: between(
        r.min === undefined ? undefined : serialToIsoDate(r.min),
        r.max === undefined ? undefined : serialToIsoDate(r.max),
      ) as Excel.DateTimeDataValidation,
    };
  else if (r.kind === "textLength") rule = { textLength: { formula1: r.max, operator: "LessThanOrEqualTo" } };
  if (!rule) return;
  dv.rule = rule;
  dv.ignoreBlanks = v.allowBlank;
  dv.errorAlert = { message: v.error.slice(0, 255), showAlert: true, style: "Stop", title: "MSO Modeler" };
  if (v.prompt) dv.prompt = { message: v.prompt.slice(0, 255), showPrompt: true, title: "MSO Modeler" };
}

/** Excel's own "bad / good / neutral" cell styles' colours, so a meaning reads as Excel users expect. */
const CF_STYLE = {
  bad: { font: "#9C0006", fill: "#FFC7CE" },
  good: { font: "#006100", fill: "#C6EFCE" },
  warning: { font: "#9C5700", fill: "#FFEB9C" },
};

/**
 * Conditional formats, ExcelApi 1.6 ("Apply conditional formatting to Excel ranges":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting). A custom
 * formula is relative to the range's top-left cell, as in Excel's dialog.
 */
function applyConditionalFormat(s: Scope, sheet: string, c: PlanConditionalFormat): void {
  const range = s.sheet(sheet).getRange(c.range);
  const style = CF_STYLE[c.style];
  const topLeft = c.range.split(":")[0].replace(/\$/g, "");
  if (c.rule.kind === "lessThan") {
    const cf = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
    cf.cellValue.format.font.color = style.font;
    cf.cellValue.format.fill.color = style.fill;
    cf.cellValue.rule = { formula1: String(c.rule.value), operator: "LessThan" };
    return;
  }
  const formula =
    c.rule.kind === "textEquals" ? `=${topLeft}="${c.rule.text.replace(/"/g, '""')}"` : c.rule.formula;
  const cf = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  cf.custom.rule.formula = formula;
  cf.custom.format.font.color = style.font;
  cf.custom.format.fill.color = style.fill;
}

/**
 * A native chart over the plan's ranges ("Work with charts using the Excel JavaScript API":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts; series.setValues and
 * setXAxisValues are ExcelApi 1.7). Colours are left to the workbook's theme.
 */
function addChart(s: Scope, c: PlanChart): void {
  const kind = (as: "line" | "column") => (as === "line" ? "Line" : "ColumnClustered") as Excel.ChartType;
  const base = c.type === "combo" ? "column" : c.type;
  const chart = s
    .sheet(c.sheet)
    .charts.add(kind(base), s.range(c.series[0].values), "Auto" as Excel.ChartSeriesBy);
  chart.title.text = c.title;
  chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  chart.axes.categoryAxis.title.text = c.axes.category;
  chart.axes.valueAxis.title.text = c.axes.value;
  if (c.axes.valueFormat) chart.axes.valueAxis.numberFormat = c.axes.valueFormat;
  if (c.axes.categoryFormat) chart.axes.categoryAxis.numberFormat = c.axes.categoryFormat;
  c.series.forEach((ser, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(ser.name);
    series.name = ser.name;
    series.setValues(s.range(ser.values));
    if (ser.categories) series.setXAxisValues(s.range(ser.categories));
    if (c.type === "combo") series.chartType = kind(ser.as ?? "column");
    if (ser.dashed) series.format.line.lineStyle = "Dash" as Excel.ChartLineStyle;
  });
  const anchor = s.sheet(c.sheet).getRange(c.anchor);
  chart.setPosition(anchor, anchor.getOffsetRange(c.size.rows, c.size.columns));
}

/** The last request's tail: the old sheets go, the state records the new input map, Inputs is shown. */
export function finishOps(
  plan: SheetPlan,
  aside: { to: string }[],
  state: StateLoad,
  parts: { id: string }[],
): Op[] {
  const ops = aside.map((a) => op(jsonBytes(a.to), (s) => s.ctx.workbook.worksheets.getItem(a.to).delete()));
  if (state.status !== "unreadable" && plan.inputCells)
    ops.push(
      ...stateOps(
        { ...(state.status === "ok" ? state.state : emptyState()), inputCells: plan.inputCells },
        parts,
      ),
    );
  const first = plan.sheets[0];
  if (first) ops.push(op(0, (s) => s.sheet(first.name).activate()));
  return ops;
}

/** Undoes a build cut short between requests: new sheets and names go, the old come back. */
export function rollbackOps(
  plan: SheetPlan,
  aside: { from: string; to: string }[],
  ownNames: { name: string; formula: string; comment: string }[],
): Op[] {
  return [
    ...planNames(plan).map((n) => op(0, (s) => s.ctx.workbook.names.getItem(n.name).delete())),
    ...plan.sheets.map((sheet) => op(0, (s) => s.ctx.workbook.worksheets.getItem(sheet.name).delete())),
    ...aside.map((a) =>
      op(0, (s) => {
        s.ctx.workbook.worksheets.getItem(a.to).name = a.from;
      }),
    ),
    ...ownNames.map((n) => op(0, (s) => s.ctx.workbook.names.add(n.name, n.formula, n.comment))),
  ];
}
