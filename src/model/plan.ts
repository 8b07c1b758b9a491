/**
 * SheetPlan: the single, plain-data description of a model workbook (DESIGN.md). Hosts (Excel,
 * HyperFormula, xlsx) write exactly these cells and invent none; everything here is JSON-safe so
 * a plan can be stored, diffed and sent to a worker.
 */

/** Marks a sheet, name or table as created by the add-in, so a host never touches the user's own. */
export const PLAN_TAG = "mso-modeler";

/** Formula flavour: add-in custom functions where they fit, or native Excel only. */
export type FormulaMode = "addin" | "portable";

/**
 * How a cell is styled, FAST-standard colours: inputs blue, formulas black, cross-sheet links
 * green. `check` cells show OK/FAIL; `label`/`header`/`title`/`note` are text.
 */
export type StyleRole =
  | "input"
  | "formula"
  | "link"
  | "label"
  | "header"
  | "title"
  | "note"
  | "check"
  /** A layout input (start month, months, the lists of PCs and service lines): grey, "rebuild to change". */
  | "structural";

export type PlanScalar = number | string | boolean | null;

export interface PlanCell {
  /** A1 address on its sheet, no `$`. */
  a1: string;
  /** A constant (inputs, labels). Dates are Excel serial numbers with a date `format`. */
  value?: PlanScalar;
  /** A formula with its leading `=`, in canonical Excel syntax (`_xlfn.` prefixes included). */
  formula?: string;
  /**
   * For a formula whose result spills (FMV.RANGE): the whole range it fills, e.g. `C5:E5`.
   * The other cells of that range are left out of the plan.
   */
  spill?: string;
  /** Excel number format code. */
  format?: string;
  role: StyleRole;
}

export interface PlanSheet {
  name: string;
  tag: typeof PLAN_TAG;
  /** What the sheet holds, for hosts and the task pane (not shown). */
  kind:
    | "inputs"
    | "mso"
    | "pc"
    | "intercompany"
    | "consolidated"
    | "tax"
    | "checks"
    | "summary"
    | "compliance"
    | "reference"
    | "scenarios";
  cells: PlanCell[];
  /** Column letter → width in characters. */
  columnWidths: Record<string, number>;
  /** Rows and columns frozen at the top-left (the label columns and the timeline header). */
  freeze?: { rows: number; columns: number };
  /** In-cell data validation (Excel's Data > Validation), written by every host that can. */
  validations?: PlanValidation[];
  /** Conditional formats (FAIL red, OK green, negatives highlighted). */
  conditionalFormats?: PlanConditionalFormat[];
}

/**
 * Data validation on a range of one sheet. `list` values are literal choices (at most 255
 * characters joined, Excel's limit) or `source`, an absolute range such as `=Reference!$A$5:$A$55`.
 * Numbers and dates carry the schema's bounds where Excel can express them.
 */
export interface PlanValidation {
  range: string;
  rule:
    | { kind: "list"; values: string[] }
    | { kind: "list"; source: string }
    | { kind: "decimal" | "whole"; min?: number; max?: number }
    | { kind: "date"; min?: number; max?: number }
    | { kind: "textLength"; max: number };
  allowBlank: boolean;
  /** Shown when a wrong value is typed: names the field and the allowed values. */
  error: string;
  prompt?: string;
}

/** A conditional format on a range of one sheet, styled by meaning, not by colour. */
export interface PlanConditionalFormat {
  range: string;
  rule:
    | { kind: "textEquals"; text: string }
    | { kind: "lessThan"; value: number }
    /** A formula relative to the range's top-left cell, e.g. `=ISERROR(C5)`. */
    | { kind: "formula"; formula: string };
  style: "bad" | "good" | "warning";
}

/**
 * Where one field of the inputs file lives on the Inputs sheet, so any host can read the model's
 * inputs back from a workbook (`readInputs`). `path` is the field's JSON path
 * (`["pcs", 2, "markup"]`); a blank cell means the field is left out (its default applies).
 */
export interface PlanInputCell {
  path: (string | number)[];
  sheet: string;
  a1: string;
  type: "number" | "text" | "date" | "month" | "boolean" | "numberList";
}

/** A workbook-scoped defined name, `ref` absolute on `sheet` (e.g. `$C$5` or `$C$10:$C$15`). */
export interface PlanName {
  name: string;
  sheet: string;
  ref: string;
  comment?: string;
}

/** A block of cells meant to be read as a table (header row first). */
export interface PlanTable {
  name: string;
  sheet: string;
  ref: string;
  columns: string[];
}

export interface PlanChartSeries {
  name: string;
  /** Sheet-qualified range of the values, e.g. `'PC – Austin'!E40:AN40`. */
  values: string;
  /** Sheet-qualified range of the category labels. */
  categories?: string;
  /** For combination charts: how this series is drawn. */
  as?: "line" | "column";
  /** A threshold (a limit, a band edge) rather than data: drawn as a dashed line. */
  dashed?: boolean;
}

export interface PlanChartAxes {
  /** Axis titles. */
  category: string;
  value: string;
  /** Number formats of the axis labels; omitted, the source cells' format. */
  categoryFormat?: string;
  valueFormat?: string;
}

export interface PlanChart {
  sheet: string;
  /** Top-left cell the chart is anchored at. */
  anchor: string;
  /** How many columns and rows from the anchor the chart covers. */
  size: { columns: number; rows: number };
  type: "line" | "column" | "combo";
  title: string;
  axes: PlanChartAxes;
  series: PlanChartSeries[];
}

/** Where a result lives: read back from an evaluated workbook by the summary. */
export interface CellRef {
  sheet: string;
  a1: string;
}

/** The checks of MODEL.md that the master check counts, named as the summary file names them. */
export type CheckId =
  | "intercompanyZero"
  | "fmvWithin"
  | "benchmarksContiguous"
  | "afrFound"
  | "afrCompliant"
  | "limitOk"
  | "physicianCompNonNegative"
  | "fmvAssessmentCurrent"
  | "cpomOwnership"
  | "complianceAnswered";

/** v2.2's checks, counted by the master check like v2.1's. */
export type V22CheckId =
  "balanceSheetsBalance" | "pcCashNonNegative" | "msoCashNonNegative" | "consolidationTies";
export type AnyCheckId = CheckId | V22CheckId;

export interface PlanResults {
  months: CellRef;
  mso: Record<"revenue" | "interestIncome" | "costs" | "preTax" | "tax" | "netIncome", CellRef> &
    /** v2.2 (totals over all months; closing cash at the last month end). */
    Partial<Record<"ebitda" | "closingCash" | "dividends", CellRef>>;
  /** v2.2: tax across the structure, totals over all years (the Tax sheet's column D). */
  tax?: Record<"msoEntityTax" | "msoOwnerTax" | "physicianTax" | "total" | "effectiveRate", CellRef>;
  pcs: {
    name: string;
    sheet: string;
    cells: Record<
      | "fees"
      | "passThrough"
      | "interest"
      | "physicianComp"
      | "netIncome"
      | "minMonthlyPhysicianComp"
      | "realisedMarkup"
      | "fmvStatus"
      | "peakLoc"
      | "requiredLimit"
      | "limitOk",
      CellRef
    >;
    /** v2.1: realised markup and FMV status per model year, in year order (the task pane's Review). */
    years?: { markup: CellRef; fmvStatus: CellRef }[];
    /** v2.1: the PC's own credit limit (per-PC terms); without it the group's `LOC_Limit`. */
    limit?: CellRef;
    /** Monthly rows on the MSO sheet and the PC sheet, for tests and the task pane. */
    rows: Record<
      "base" | "passThrough" | "fee" | "msoInterest" | "msoReceivable" | "pcFee" | "pcInterest" | "pcClose",
      { sheet: string; row: number }
    >;
  }[];
  checks: Record<CheckId | "master", CellRef> &
    /** v2.2's checks (in the master check too). */
    Partial<Record<V22CheckId, CellRef>>;
  /**
   * Every row of the Checks sheet, in sheet order, for the task pane to list and link to: each
   * check's detail rows (`id` = its check id and what it tests, e.g. `limitOk:Austin PC`), the
   * group rows the master check counts (`group: true`, `id` = the check id), and informational
   * rows outside the master check. `a1` is the OK/FAIL (or REVIEW) cell on the Checks sheet.
   */
  checkRows?: {
    id: string;
    check: AnyCheckId | "feeSplittingRisk";
    label: string;
    a1: string;
    value: string;
    group: boolean;
    informational: boolean;
  }[];
  /** v2.1: per model year, in order, the Checks cell saying OK when an FMV assessment covers it. */
  fmvAssessmentByYear?: CellRef[];
  /** The FMV band (group-wide) the realised markups are tested against; read by the task pane. */
  fmvBand?: { low: CellRef; high: CellRef };
  /**
   * v2.1 Compliance sheet, for the task pane's Compliance panel: each question's id (MODEL.md
   * v2.1) and its four blue cells; each PC's state, CPOM tier and the two ownership answers.
   */
  compliance?: {
    questions: { id: string; text: string; answer: CellRef; date: CellRef; by: CellRef; note: CellRef }[];
    pcs: { name: string; state: CellRef; tier: CellRef; physicianOwned: CellRef; ownerLicensed: CellRef }[];
  };
  /** v2.2: cash, balance sheets, consolidation, tax across the structure and the deal view. */
  v22?: PlanResultsV22;
  /** Column letters of month 1..T on the timeline sheets. */
  monthColumns: string[];
  /** Intercompany difference rows (sheet Intercompany), one per PC and kind. */
  intercompanyRows: number[];
}

/** A monthly row of a timeline sheet. */
export interface RowRef {
  sheet: string;
  row: number;
}

/** Where v2.2's results are (MODEL.md "v2.2", summary additions); rows for tests and the pane. */
export interface PlanResultsV22 {
  mso: { cells: Record<"ebitda" | "closingCash" | "dividends", CellRef>; rows: Record<string, RowRef> };
  pcs: { cells: Record<"closingCash" | "minCash", CellRef>; rows: Record<string, RowRef> }[];
  consolidated: {
    cells: Record<"collections" | "ebitda" | "netIncome" | "nonControllingInterest", CellRef>;
    rows: Record<string, RowRef>;
  };
  /** Totals over all years (column D of the Tax sheet); `years` holds each line's year cells. */
  tax: {
    cells: Record<"msoEntityTax" | "msoOwnerTax" | "physicianTax" | "total" | "effectiveRate", CellRef>;
    years: Record<string, CellRef[]>;
  };
  deal: Record<"invested" | "enterpriseValue" | "moic", CellRef>;
  checks: Record<
    "balanceSheetsBalance" | "pcCashNonNegative" | "msoCashNonNegative" | "consolidationTies",
    CellRef
  >;
}

export interface SheetPlan {
  title: string;
  mode: FormulaMode;
  tag: typeof PLAN_TAG;
  sheets: PlanSheet[];
  names: PlanName[];
  tables: PlanTable[];
  charts: PlanChart[];
  results: PlanResults;
  /** Every input field's cell, for reading the inputs back (empty until the builder fills it). */
  inputCells?: PlanInputCell[];
}

/** 0-based column index → letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `B12` → { row: 11, col: 1 } (0-based). */
export function parseA1(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Sheet name as a formula prefix: always quoted, `'` doubled (Excel's rule). */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** A formula that only points at one cell of another sheet: styled green as a link. */
export function isLink(formula: string): boolean {
  return /^=('(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Z]+\$?\d+$/.test(formula);
}

/**
 * The plan without its cells: sheet names, kinds and layout, names, results and the input map. What
 * the task pane needs to read and write a model; a host that builds the plan off the page's thread
 * sends this back instead of the whole plan (tens of MB for 50 PCs).
 */
export function planOutline(plan: SheetPlan): SheetPlan {
  return { ...plan, sheets: plan.sheets.map((s) => ({ ...s, cells: [] })) };
}
