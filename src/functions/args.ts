/**
 * Reading arguments the way Excel hands them to a custom function. Range (matrix) parameters arrive
 * as rows of cells; a literal or a single cell is a 1×1 range. Omitted arguments are null, and a
 * blank cell may be null, undefined or "" depending on the platform. Anything not a number where a
 * number belongs is an error naming the argument and the cell — never silently skipped, because a
 * number stored as text in a cost pool is a classic spreadsheet mistake.
 */
import { Dec, Err, dec, toSerial } from "../engine";

export type Matrix = readonly (readonly unknown[])[];

/** A blank cell, or an omitted argument. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/** Any argument as rows of cells. */
export function asMatrix(arg: unknown): Matrix {
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return [[]];
  if (arg.every((row) => Array.isArray(row))) return arg as unknown[][];
  return [arg];
}

export interface Cell {
  value: unknown;
  row: number; // 1-based, for messages
  col: number;
}

/** Every cell in row-major order (Excel's order for a range). */
export function cellsOf(arg: unknown): Cell[] {
  const cells: Cell[] = [];
  asMatrix(arg).forEach((row, r) => row.forEach((value, c) => cells.push({ value, row: r + 1, col: c + 1 })));
  return cells;
}

/**
 * Every cell's value in row-major order, without a Cell object per cell (the hot path of every
 * function); `positionOf` finds a cell's row and column again for a message.
 */
export function valuesOf(arg: unknown): unknown[] {
  const m = asMatrix(arg);
  if (m.length === 1) return m[0] as unknown[];
  const out: unknown[] = [];
  for (const row of m) for (let c = 0; c < row.length; c++) out.push(row[c]);
  return out;
}

/** The 1-based row and column of the i-th cell (row-major) of `arg`. */
export function positionOf(arg: unknown, i: number): { row: number; col: number } {
  const m = asMatrix(arg);
  let r = 0;
  while (r < m.length - 1 && i >= m[r].length) i -= m[r++].length;
  return { row: r + 1, col: i + 1 };
}

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** The cell's number; blank → null; anything else is an error naming the cell. */
export function cellNumber(name: string, cell: Cell): number | null {
  if (isBlank(cell.value)) return null;
  if (isNumber(cell.value)) return cell.value;
  throw Err.cellNotNumber(name, cell.row, cell.col, cell.value);
}

/** The number of the i-th of `values` (those of `arg`); blank → null; else an error naming the cell. */
export function numberAt(name: string, arg: unknown, values: readonly unknown[], i: number): number | null {
  const v = values[i];
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (isBlank(v)) return null;
  const { row, col } = positionOf(arg, i);
  throw Err.cellNotNumber(name, row, col, v);
}

/** A range argument that may not be left out (a range of blank cells is still given). */
export function requiredRange(name: string, arg: unknown): unknown {
  if (arg === null || arg === undefined) throw Err.required(name);
  return arg;
}

/** The numbers of a range as cells hold them, blanks skipped. */
export function plainNumbersOf(name: string, arg: unknown): number[] {
  const out: number[] = [];
  const m = asMatrix(arg);
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number" && Number.isFinite(v)) out.push(v);
      else if (!isBlank(v)) throw Err.cellNotNumber(name, r + 1, c + 1, v);
    }
  }
  return out;
}

/** The numbers of a range as decimals, blanks skipped. */
export function numbersOf(name: string, arg: unknown): Dec[] {
  return plainNumbersOf(name, arg).map(dec);
}

/** A single value: unwraps a 1×1 range; a larger range where one value belongs is an error. */
function single(name: string, arg: unknown): unknown {
  if (!Array.isArray(arg)) return arg;
  const values = valuesOf(arg);
  if (values.length === 1) return values[0];
  throw Err.notNumber(name, arg);
}

/** An optional number: omitted or blank gives `fallback`. */
export function optionalNumber<T extends number | null>(name: string, arg: unknown, fallback: T): number | T {
  const v = single(name, arg);
  if (isBlank(v)) return fallback;
  if (isNumber(v)) return v;
  throw Err.notNumber(name, v);
}

export function requiredNumber(name: string, arg: unknown): number {
  const v = optionalNumber(name, arg, null);
  if (v === null) throw Err.required(name);
  return v;
}

export function optionalText(name: string, arg: unknown, fallback: string): string {
  const v = single(name, arg);
  if (isBlank(v)) return fallback;
  if (typeof v === "string") return v;
  throw Err.notText(name, v);
}

/** A number that must be one of a few codes (day-count basis, compounding frequency...). */
export function code<T extends number>(
  name: string,
  arg: unknown,
  allowed: readonly T[],
  fallback: T | null,
  kind: "value" | "num" = "value",
): T {
  const v = fallback === null ? requiredNumber(name, arg) : optionalNumber(name, arg, fallback);
  if (!(allowed as readonly number[]).includes(v)) throw Err.oneOf(name, allowed, v, kind);
  return v as T;
}

/** A number within [lo, hi]. */
export function bounded(name: string, value: number, lo: number, hi: number, hint = ""): number {
  if (value < lo || value > hi) throw Err.between(name, lo, hi, value, hint);
  return value;
}

export function requiredDate(name: string, arg: unknown): number {
  return toSerial(name, requiredNumber(name, arg));
}
