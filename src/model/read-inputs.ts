/**
 * Reads the model's inputs back from a workbook: the plan's `inputCells` map each input field's
 * JSON path to its cell, so the inputs file can be rebuilt from whatever the user typed, then
 * validated by `parseInputs` like any other file. Pure: the caller supplies a `read` function
 * (any host's values). A blank cell leaves its field out (its default applies); blank rows of a
 * value list (benchmarks, assessments) are skipped, keeping the filled ones in order.
 */
import { PlanInputCell } from "./plan";

/** A cell's value as hosts report it (src/workbook/host.ts CellValue). */
export type CellValueLike = number | string | boolean | null | { error: string; message?: string };

const DAY_MS = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial (1900 system, from 1900-03-01) → `YYYY-MM-DD`. */
export function serialToIso(serial: number): string {
  return new Date(EPOCH + Math.round(serial) * DAY_MS).toISOString().slice(0, 10);
}

function convert(v: CellValueLike, type: PlanInputCell["type"]): unknown {
  if (v === null || v === "") return undefined;
  if (typeof v === "object") return v; // an error value: left for the schema to refuse by its path
  switch (type) {
    case "date":
      return typeof v === "number" ? serialToIso(v) : v;
    case "month":
      return typeof v === "number" ? serialToIso(v).slice(0, 7) : v;
    case "boolean":
      if (typeof v === "string" && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === "true";
      return v;
    case "number":
    case "numberList":
      return v;
    case "text":
      return typeof v === "string" ? v : String(v);
  }
}

type Json = { [k: string]: unknown } | unknown[];

/** Rebuilds the inputs JSON from the cells' values; validate it with `parseInputs`. */
export function inputsFromCells(
  cells: PlanInputCell[],
  read: (sheet: string, a1: string) => CellValueLike,
): unknown {
  const root: { [k: string]: unknown } = {};
  // List slots are numbered by their row in the block; blank rows are dropped afterwards.
  const sparse = new Set<unknown[]>();
  for (const cell of cells) {
    const value = convert(read(cell.sheet, cell.a1), cell.type);
    if (value === undefined) continue;
    let node: Json = root;
    cell.path.forEach((key, i) => {
      const last = i === cell.path.length - 1;
      const container = node as Record<string | number, unknown>;
      if (last) container[key] = value;
      else {
        if (container[key] === undefined) {
          const child: Json = typeof cell.path[i + 1] === "number" ? [] : {};
          if (Array.isArray(child)) sparse.add(child);
          container[key] = child;
        }
        node = container[key] as Json;
      }
    });
  }
  for (const list of sparse) {
    // Only value lists (benchmarks, assessments) close up; a PC or service line keeps its index.
    if (list.some((x) => x !== null && typeof x === "object")) continue;
    const filled = list.filter((x) => x !== undefined);
    list.length = 0;
    list.push(...filled);
  }
  return root;
}
