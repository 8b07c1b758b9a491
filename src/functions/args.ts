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

function isNumber(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** The cell's number; blank → null; anything else is an error naming the cell. */
export function cellNumber(name: string, cell: Cell): number | null {
  if (isBlank(cell.value)) return null;
  if (isNumber(cell.value)) return cell.value;
  throw Err.cellNotNumber(name, cell.row, cell.col, cell.value);
}

/** A range argument that may not be left out (a range of blank cells is still given). */
export function requiredRange(name: string, arg: unknown): unknown {
  if (arg === null || arg === undefined) throw Err.required(name);
  return arg;
}

/** The numbers of a range as cells hold them, blanks skipped. */
export function plainNumbersOf(name: string, arg: unknown): number[] {
  const out: number[] = [];
  for (const cell of cellsOf(arg)) {
    const n = cellNumber(name, cell);
    if (n !== null) out.push(n);
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
  const cells = cellsOf(arg);
  if (cells.length === 1) return cells[0].value;
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
