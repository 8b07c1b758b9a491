/**
 * The one interface every workbook host implements (DESIGN.md "Hosts"): write a SheetPlan, read
 * values back, keep the document's own state. The task pane, the CLI and the tests talk to this,
 * never to Excel or a library. Implemented by the Excel host (Office.js), the HyperFormula host
 * (headless and the workbench) and, for writing only, the xlsx host.
 */
import type { ModelInputs } from "../model/inputs";
import { FormulaMode, PlanScalar, SheetPlan } from "../model/plan";

/** A cell's value as a spreadsheet shows it; errors keep their Excel code and message. */
export type CellValue = number | string | boolean | null | CellErrorValue;

export interface CellErrorValue {
  error: string; // "#VALUE!", "#N/A", "#NUM!", "#DIV/0!", "#REF!", "#NAME?", …
  message?: string;
}

export function isCellError(v: unknown): v is CellErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Where a read looks: a sheet and a cell ("E12") or, for readRanges, a range ("E12:P12"). */
export interface SheetRef {
  sheet: string;
  a1: string;
}

/** A sheet of the workbook: `tag` is the add-in's tag on sheets it created, null on the user's own. */
export interface SheetInfo {
  name: string;
  tag: string | null;
  /** On the add-in's sheets: what the sheet holds (PlanSheet.kind, e.g. "inputs"). */
  kind?: string;
}

/** Progress of a long write: `done` of `total` blocks, and what is being written. */
export interface WriteProgress {
  done: number;
  total: number;
  phase: string;
}

export interface WriteOptions {
  /** Called after each block is written (moves the pane's progress bar). */
  onProgress?: (p: WriteProgress) => void;
  /**
   * Cancels the write. A cancelled write leaves the workbook as it was before it started or fully
   * built, never half: hosts check the signal only where they can still roll back.
   */
  signal?: AbortSignal;
  /**
   * When a sheet the user owns (untagged) already has a model sheet's name: `"stop"` (default)
   * throws `SheetClashError` before anything is written; a suffix writes the model's sheet under
   * `name + suffix` instead (formulas and names follow). The user's sheet is never touched.
   */
  onClash?: "stop" | { suffix: string };
}

/** What a write did: the plan's sheet names mapped to the names actually used. */
export interface WriteResult {
  sheetNames: Record<string, string>;
  /**
   * The plan as written: the same plan, or, after a clash with a suffix, the plan with its sheets
   * renamed everywhere (results, input cells, charts), so the pane reads the cells that were written.
   */
  plan?: SheetPlan;
}

/** Thrown by writePlan when user sheets carry model sheet names and `onClash` is "stop". */
export class SheetClashError extends Error {
  constructor(public readonly names: string[]) {
    super(
      `The workbook already has sheet${names.length > 1 ? "s" : ""} named ${names.map((n) => `"${n}"`).join(", ")} ` +
        "that the add-in did not create. Rename them, or build with a suffix for the model's sheets.",
    );
    this.name = "SheetClashError";
  }
}

/**
 * Thrown by writePlan when the workbook already has a defined name the plan needs and the add-in
 * did not create it (names cannot take a suffix: formulas use them). Nothing has been written.
 */
export class NameClashError extends Error {
  constructor(public readonly names: string[]) {
    super(
      `The workbook already has defined name${names.length > 1 ? "s" : ""} ${names.map((n) => `"${n}"`).join(", ")} ` +
        "that the add-in did not create and the model needs. Rename or delete them in Formulas > Name Manager, then build again.",
    );
    this.name = "NameClashError";
  }
}

/** Thrown when a write is cancelled through its signal (the workbook is as it was). */
export class WriteCancelledError extends Error {
  constructor() {
    super("The build was cancelled; the workbook is as it was before.");
    this.name = "WriteCancelledError";
  }
}

/** One value to put in a cell; strings are always text (never parsed as formulas or numbers). */
export interface CellUpdate {
  a1: string;
  value: PlanScalar;
}

/**
 * The add-in's own state saved in the document (scenarios, settings, the last plan's input map),
 * versioned so that a newer add-in's state is kept, not misread. Excel keeps it in a custom XML part.
 */
export interface DocumentState {
  version: 1;
  scenarios: { name: string; inputs: unknown; savedAt: string }[];
  settings: Record<string, unknown>;
  /** The input-cell map of the plan last written (SheetPlan.inputCells), for readInputs. */
  inputCells?: SheetPlan["inputCells"];
}

/** What loadState found: nothing yet, a usable state, or an entry kept untouched and reported. */
export type StateLoad =
  { status: "empty" } | { status: "ok"; state: DocumentState } | { status: "unreadable"; reason: string };

export interface WorkbookHost {
  /** Every sheet in workbook order, with the add-in's tag where it has one. */
  listSheets(): Promise<SheetInfo[]>;
  /** Writes every sheet, name and cell of the plan; a rebuild replaces only the host's own sheets. */
  writePlan(plan: SheetPlan, options?: WriteOptions): Promise<WriteResult>;
  /** The computed value of one cell, e.g. ("MSO", "E12"). */
  readValue(sheet: string, a1: string): Promise<CellValue>;
  /** The computed values of a rectangular range, e.g. ("MSO", "E12:P12"), rows of cells. */
  readRange(sheet: string, range: string): Promise<CellValue[][]>;
  /**
   * The computed values of many cells at once: one value per ref, in order, errors as readValue
   * gives them. One round trip however many refs (in Excel, one `Excel.run` and one sync), so a
   * panel reads all it shows in one call instead of one per cell. A ref on a missing sheet fails
   * the whole call.
   */
  readValues(refs: SheetRef[]): Promise<CellValue[]>;
  /** readValues for ranges: each ref's rows of cells, in order, in one round trip. */
  readRanges(refs: SheetRef[]): Promise<CellValue[][][]>;
  /** Sets constant cells of one sheet (inputs, compliance answers); the workbook recalculates. */
  writeValues(sheet: string, updates: CellUpdate[]): Promise<void>;
  /**
   * The model's inputs read back from the Inputs sheet through the last plan's input map (the
   * JSON `parseInputs` takes), or null when the workbook has no model.
   */
  readInputs(): Promise<unknown | null>;
  /** Selects a cell and shows it (jump to a failing check). */
  selectCell(sheet: string, a1: string): Promise<void>;
  /** The document's own state; a damaged or newer-version entry is reported, never discarded. */
  loadState(): Promise<StateLoad>;
  /** Saves the state; refuses (throws) when the stored entry is unreadable, so it is never lost. */
  saveState(state: DocumentState): Promise<void>;
  /** Calls `listener` when a cell of the Inputs sheet changes; returns the unsubscribe function. */
  onInputsChanged(listener: () => void): () => void;
  /**
   * Optional: builds the model where the workbook lives and writes it, exactly as
   * `writePlan(buildPlan(inputs, { formulas: mode }), options)`. A host whose workbook is off the
   * page's thread (the workbench's Web Worker) offers it, so that making a 50-PC plan (over a second)
   * and copying it (tens of MB) never blocks the page. The result's plan is the written plan's
   * outline (`planOutline`: no cells), which is all the pane reads.
   */
  writeModel?(inputs: ModelInputs, mode: FormulaMode, options?: WriteOptions): Promise<ModelWriteResult>;
  /**
   * Optional, offered with writeModel: the outline of the plan last written (by anyone: the
   * workbench's own header builds too), or null when there is no model.
   */
  modelOutline?(): Promise<SheetPlan | null>;
}

/** What writeModel did: the sheet names used and the written plan's outline. */
export interface ModelWriteResult extends WriteResult {
  plan: SheetPlan;
}
