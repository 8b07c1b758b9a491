/**
 * The one interface every workbook host implements (DESIGN.md "Hosts"): write a SheetPlan, read
 * values back. The task pane, the CLI and the tests talk to this, never to Excel or a library.
 */
import { SheetPlan } from "../model/plan";

/** A cell's value as a spreadsheet shows it; errors keep their Excel code and message. */
export type CellValue = number | string | boolean | null | CellErrorValue;

export interface CellErrorValue {
  error: string; // "#VALUE!", "#N/A", "#NUM!", "#DIV/0!", "#REF!", "#NAME?", …
  message?: string;
}

export function isCellError(v: unknown): v is CellErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}

export interface WorkbookHost {
  /** Writes every sheet, name and cell of the plan (the host's own sheets only). */
  writePlan(plan: SheetPlan): Promise<void>;
  /** The computed value of one cell, e.g. ("MSO", "E12"). */
  readValue(sheet: string, a1: string): Promise<CellValue>;
  /** The computed values of a rectangular range, e.g. ("MSO", "E12:P12"), rows of cells. */
  readRange(sheet: string, range: string): Promise<CellValue[][]>;
}
