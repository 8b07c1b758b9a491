/**
 * A small helper that lays cells onto one PlanSheet: labels, constants and timeline rows written
 * the FAST way (label, unit and constant columns at the left, one formula per row across months).
 */
import { PLAN_TAG, PlanCell, PlanScalar, PlanSheet, StyleRole, columnLetter } from "./plan";

export const FMT = {
  money: "#,##0.00;[Red]-#,##0.00",
  pct: "0.00%",
  pct4: "0.0000%",
  date: "yyyy-mm-dd",
  month: "mmm yyyy",
  int: "0",
  number: "#,##0.00",
  ratio: "0.0000",
} as const;

/** Timeline sheets: A label, B unit, C constant, D total, E… months. */
export const COL = { label: "A", unit: "B", constant: "C", total: "D" } as const;
export const FIRST_MONTH_COL = 4;

/** Rows of the timeline header every timeline sheet repeats (its own formulas, from Inputs). */
export const TL = { index: 3, start: 4, end: 5, days: 6, year: 7 } as const;

export type RowFormula = (col: string, prev: string) => string;

export class SheetWriter {
  private readonly cells = new Map<string, PlanCell>();
  readonly columnWidths: Record<string, number> = {};

  constructor(
    readonly name: string,
    readonly kind: PlanSheet["kind"],
    /** Month column letters; empty on sheets without a timeline. */
    readonly months: string[] = [],
  ) {}

  set(a1: string, cell: Omit<PlanCell, "a1">): void {
    this.cells.set(a1, { a1, ...cell });
  }

  value(a1: string, value: PlanScalar, role: StyleRole, format?: string): void {
    this.set(a1, format ? { value, role, format } : { value, role });
  }

  formula(a1: string, formula: string, role: StyleRole = "formula", format?: string): void {
    this.set(a1, format ? { formula, role, format } : { formula, role });
  }

  label(a1: string, text: string, role: StyleRole = "label"): void {
    this.value(a1, text, role);
  }

  /** The largest row number holding a cell (0 on an empty sheet): where a later block may start. */
  get lastRow(): number {
    let max = 0;
    for (const a1 of this.cells.keys()) max = Math.max(max, Number(/\d+$/.exec(a1)![0]));
    return max;
  }

  /** The month columns of the timeline: first and last letters. */
  get firstMonth(): string {
    return this.months[0];
  }
  get lastMonth(): string {
    return this.months[this.months.length - 1];
  }

  /** `E12:AN12`: the whole timeline of a row. */
  span(row: number): string {
    return `${this.firstMonth}${row}:${this.lastMonth}${row}`;
  }

  /**
   * One timeline row: the same formula in every month column. `total` is what column D shows:
   * "sum" for flows, "none" for balances and ratios.
   */
  timelineRow(
    row: number,
    label: string,
    unit: string,
    formula: RowFormula,
    opts: { format?: string; role?: StyleRole; total?: "sum" | "none"; constant?: Omit<PlanCell, "a1"> } = {},
  ): void {
    const role = opts.role ?? "formula";
    const format = opts.format ?? FMT.money;
    this.label(`${COL.label}${row}`, label);
    if (unit) this.label(`${COL.unit}${row}`, unit, "note");
    if (opts.constant) this.set(`${COL.constant}${row}`, opts.constant);
    if ((opts.total ?? "sum") === "sum")
      this.formula(`${COL.total}${row}`, `=SUM(${this.span(row)})`, "formula", format);
    this.months.forEach((col, i) => {
      const prev = i === 0 ? COL.total : this.months[i - 1];
      this.formula(`${col}${row}`, formula(col, prev), role, format);
    });
  }

  toSheet(freeze?: PlanSheet["freeze"]): PlanSheet {
    const cells = [...this.cells.values()].map((c) => {
      const out: PlanCell = { a1: c.a1, role: c.role };
      if (c.value !== undefined) out.value = c.value;
      if (c.formula !== undefined) out.formula = c.formula;
      if (c.spill !== undefined) out.spill = c.spill;
      if (c.format !== undefined) out.format = c.format;
      return out;
    });
    const sheet: PlanSheet = {
      name: this.name,
      tag: PLAN_TAG,
      kind: this.kind,
      cells,
      columnWidths: this.columnWidths,
    };
    if (freeze) sheet.freeze = freeze;
    return sheet;
  }
}

/** Month column letters for T months, starting at column E. */
export function monthColumns(months: number): string[] {
  return Array.from({ length: months }, (_, i) => columnLetter(FIRST_MONTH_COL + i));
}

/** Widths of a timeline sheet's columns. */
export function timelineWidths(w: SheetWriter): void {
  w.columnWidths.A = 46;
  w.columnWidths.B = 10;
  w.columnWidths.C = 16;
  w.columnWidths.D = 17;
  for (const c of w.months) w.columnWidths[c] = 14;
}

/**
 * Writes the timeline header (month index, start, end, days, model year) from Inputs names, so
 * every sheet's months are derived from StartDate alone.
 */
export function timelineHeader(w: SheetWriter, title: string): void {
  w.label("A1", title, "title");
  w.label("A2", "Amounts in US dollars; months across, totals in column D.", "note");
  w.label(`${COL.total}${TL.index}`, "Total", "header");
  w.label(`${COL.constant}${TL.index}`, "Constant", "header");
  w.timelineRow(TL.index, "Month (t)", "#", () => `=COLUMN()-COLUMN($${COL.total}$${TL.index})`, {
    format: FMT.int,
    total: "none",
    role: "header",
  });
  w.timelineRow(TL.start, "Month start", "date", (c) => `=EDATE(StartDate,${c}$${TL.index}-1)`, {
    format: FMT.date,
    total: "none",
  });
  w.timelineRow(TL.end, "Month end", "date", (c) => `=EOMONTH(${c}$${TL.start},0)`, {
    format: FMT.date,
    total: "none",
  });
  w.timelineRow(TL.days, "Days in month (d)", "days", (c) => `=${c}$${TL.end}-${c}$${TL.start}+1`, {
    format: FMT.int,
    total: "none",
  });
  w.timelineRow(TL.year, "Model year, 0-based (y)", "#", (c) => `=INT((${c}$${TL.index}-1)/MonthsPerYear)`, {
    format: FMT.int,
    total: "none",
  });
}
