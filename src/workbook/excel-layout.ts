/**
 * The pure half of the Excel host: a SheetPlan turned into what Excel is sent — whole 2-D blocks
 * per sheet (number formats and formulas, constants included), style areas by role, column widths
 * in points — each with its estimated request size, so the host can pack requests under a byte
 * budget without touching Office.js. No Office.js here (tested directly).
 */
import { PlanCell, PlanSheet, StyleRole, columnLetter, parseA1 } from "../model/plan";

export type FormulaCell = string | number | boolean | null;

/** A rectangle of one sheet written with one `numberFormat` and one `formulas` assignment. */
export interface Block {
  sheet: string;
  row: number;
  col: number;
  formulas: FormulaCell[][];
  formats: (string | null)[][];
  bytes: number;
}

/** UTF-8 length of a string (what goes over the wire), without allocating the encoding. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes an action costs besides its arguments (its object path, ids, method name), estimated high. */
export const ACTION_OVERHEAD = 200;

export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v));
}

/**
 * Text is written as text: the cell gets the text number format "@" before its content, so Excel
 * keeps `=HYPERLINK(…)`, `+1`, `-2`, `@SUM(A1)` or `0012` as typed instead of parsing them
 * ("Format numbers as text": https://support.microsoft.com/office/format-numbers-as-text-583160db-666e-4e3e-bb2d-2b5a2e9b8e83).
 */
export const TEXT_FORMAT = "@";

function cellFormula(cell: PlanCell): FormulaCell {
  if (cell.formula !== undefined) return cell.formula;
  return cell.value === undefined ? null : cell.value;
}

function cellFormat(cell: PlanCell): string | null {
  if (cell.formula === undefined && typeof cell.value === "string") return TEXT_FORMAT;
  return cell.format ?? null;
}

/**
 * A sheet's cells as one block over their bounding rectangle; `null` leaves a cell as it is
 * ("null input in 2-D array": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 * Spilled cells other than the anchor stay null, so the spill has room.
 */
export function sheetBlock(sheet: PlanSheet): Block | null {
  if (sheet.cells.length === 0) return null;
  let r0 = Infinity,
    c0 = Infinity,
    r1 = -1,
    c1 = -1;
  const at = sheet.cells.map((cell) => {
    const p = parseA1(cell.a1);
    r0 = Math.min(r0, p.row);
    c0 = Math.min(c0, p.col);
    r1 = Math.max(r1, p.row);
    c1 = Math.max(c1, p.col);
    return p;
  });
  const formulas: FormulaCell[][] = Array.from({ length: r1 - r0 + 1 }, () => Array(c1 - c0 + 1).fill(null));
  const formats: (string | null)[][] = Array.from({ length: r1 - r0 + 1 }, () =>
    Array(c1 - c0 + 1).fill(null),
  );
  sheet.cells.forEach((cell, i) => {
    formulas[at[i].row - r0][at[i].col - c0] = cellFormula(cell);
    formats[at[i].row - r0][at[i].col - c0] = cellFormat(cell);
  });
  return withBytes({ sheet: sheet.name, row: r0, col: c0, formulas, formats, bytes: 0 });
}

function withBytes(b: Block): Block {
  return { ...b, bytes: jsonBytes(b.formulas) + jsonBytes(b.formats) + 2 * ACTION_OVERHEAD };
}

/** The block's rows from `from` (inclusive) to `to` (exclusive) as a block of their own. */
export function sliceBlock(b: Block, from: number, to: number): Block {
  return withBytes({
    ...b,
    row: b.row + from,
    formulas: b.formulas.slice(from, to),
    formats: b.formats.slice(from, to),
  });
}

/** Splits a block into row slices of at most `budget` estimated bytes each (a single row may be more). */
export function splitBlock(b: Block, budget: number): Block[] {
  if (b.bytes <= budget || b.formulas.length <= 1) return [b];
  const rowBytes = b.formulas.map((r, i) => jsonBytes(r) + jsonBytes(b.formats[i]) + 2);
  const out: Block[] = [];
  let start = 0;
  let size = 2 * ACTION_OVERHEAD;
  for (let i = 0; i < rowBytes.length; i++) {
    if (i > start && size + rowBytes[i] > budget) {
      out.push(sliceBlock(b, start, i));
      start = i;
      size = 2 * ACTION_OVERHEAD;
    }
    size += rowBytes[i];
  }
  out.push(sliceBlock(b, start, rowBytes.length));
  return out;
}

/** The block's address, e.g. `A1:DT40`. */
export function blockAddress(b: Pick<Block, "row" | "col" | "formulas">): string {
  const rows = b.formulas.length;
  const cols = rows > 0 ? b.formulas[0].length : 0;
  return `${columnLetter(b.col)}${b.row + 1}:${columnLetter(b.col + cols - 1)}${b.row + rows}`;
}

/** The font a role gets (FAST standard: inputs blue, links green, formulas black by default). */
export interface RoleFont {
  color?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

/** Roles that differ from Excel's default font; `formula` and `label` keep the default (black). */
export const ROLE_FONTS: Partial<Record<StyleRole, RoleFont>> = {
  input: { color: "#0000FF" },
  link: { color: "#008000" },
  note: { color: "#595959", italic: true },
  title: { bold: true, size: 14 },
  header: { bold: true },
  check: { bold: true },
  structural: { color: "#808080" },
};

/**
 * Per role, the sheet's cells as few rectangles as possible: runs along each row, merged down
 * while the next row has the same run. Addresses like `E12:DT40`.
 */
export function roleAreas(sheet: PlanSheet): Map<StyleRole, string[]> {
  const byRow = new Map<number, { col: number; role: StyleRole }[]>();
  for (const cell of sheet.cells) {
    if (!ROLE_FONTS[cell.role]) continue;
    const p = parseA1(cell.a1);
    const list = byRow.get(p.row) ?? [];
    list.push({ col: p.col, role: cell.role });
    byRow.set(p.row, list);
  }
  type Rect = { r0: number; r1: number; c0: number; c1: number; role: StyleRole };
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = byRow.get(row)!.sort((a, b) => a.col - b.col);
    const runs: Rect[] = [];
    for (const c of cells) {
      const last = runs[runs.length - 1];
      if (last && last.role === c.role && last.c1 === c.col - 1) last.c1 = c.col;
      else runs.push({ r0: row, r1: row, c0: c.col, c1: c.col, role: c.role });
    }
    const next = new Map<string, Rect>();
    for (const run of runs) {
      const k = `${run.c0}:${run.c1}:${run.role}`;
      const prev = open.get(k);
      if (prev && prev.r1 === row - 1) {
        prev.r1 = row;
        next.set(k, prev);
        open.delete(k);
      } else next.set(k, run);
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  const out = new Map<StyleRole, string[]>();
  for (const r of done) {
    const a = `${columnLetter(r.c0)}${r.r0 + 1}`;
    const b = `${columnLetter(r.c1)}${r.r1 + 1}`;
    const list = out.get(r.role) ?? [];
    list.push(a === b ? a : `${a}:${b}`);
    out.set(r.role, list);
  }
  return out;
}

/**
 * Column width in characters (the plan's unit, as in the xlsx file) → points (Excel.RangeFormat
 * columnWidth: https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-columnwidth-member).
 * A character is the default font's digit width, 7 px at Calibri 11, plus 5 px of padding; 96 px =
 * 72 pt ("Description of how column widths are determined in Excel":
 * https://learn.microsoft.com/office/troubleshoot/excel/determine-column-widths).
 */
export function widthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Consecutive columns of equal width as one range, e.g. `E:DT` → width in points. */
export function columnWidthRuns(widths: Record<string, number>): { columns: string; points: number }[] {
  const cols = Object.entries(widths)
    .map(([letter, w]) => ({ index: parseA1(`${letter}1`).col, w }))
    .sort((a, b) => a.index - b.index);
  const out: { first: number; last: number; w: number }[] = [];
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last && last.w === c.w && last.last === c.index - 1) last.last = c.index;
    else out.push({ first: c.index, last: c.index, w: c.w });
  }
  return out.map((r) => ({
    columns: `${columnLetter(r.first)}:${columnLetter(r.last)}`,
    points: widthPoints(r.w),
  }));
}

/** A sheet-qualified range of a chart series: `'PC – A'!$E$26:$AN$26` → sheet and address. */
export function splitSheetRange(ref: string): { sheet: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
  if (!m) throw new Error(`not a sheet-qualified range: ${ref}`);
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], address: m[3].replace(/\$/g, "") };
}

/** Serial (1900 date system, on or after 1900-03-01) → ISO date, as Excel's validation formulas take dates. */
export function serialToIsoDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000).toISOString().slice(0, 10);
}
