/**
 * What the workbench's Web Worker holds: the HyperFormula workbook of the current plan, and the
 * per-cell facts the grid needs (format, style role, formula, spill, conditional format) for the
 * window of cells in view. Plain class, no worker APIs, so node tests drive it directly; worker.ts
 * exposes it through comlink.
 */
import { buildPlan } from "../model/build";
import { parseInputs } from "../model/inputs";
import {
  PlanCell,
  PlanConditionalFormat,
  PlanSheet,
  SheetPlan,
  columnLetter,
  parseA1,
  planOutline,
} from "../model/plan";
import {
  CellUpdate,
  CellValue,
  DocumentState,
  ModelWriteResult,
  SheetInfo,
  SheetRef,
  StateLoad,
  WriteOptions,
  WriteProgress,
  WriteResult,
} from "../workbook/host";
import { HyperFormulaHost, evaluatePlan, toHyperFormulaFormula } from "../workbook/hyperformula";
import { evaluateConditionalFormat } from "./conditional-format";

/** One cell as the grid draws it. */
export interface ViewCell {
  value: CellValue;
  format?: string;
  role?: PlanCell["role"];
  formula?: string;
  /** Top-left cell of the spilled range this cell belongs to (the anchor included). */
  spillAnchor?: string;
  /** Which edges of its spilled range the cell is on: for the range's outline. */
  spillEdges?: { top: boolean; bottom: boolean; left: boolean; right: boolean };
  /** A conditional format that applies: "bad", "good" or "warning". */
  highlight?: PlanConditionalFormat["style"];
}

export interface SheetLayout {
  name: string;
  kind: PlanSheet["kind"];
  rows: number;
  columns: number;
  /** Width in characters of each column that has one (0-based index → width). */
  columnWidths: Record<number, number>;
  freeze?: PlanSheet["freeze"];
}

export interface ModelInfo {
  title: string;
  mode: SheetPlan["mode"];
  sheets: SheetLayout[];
  results: SheetPlan["results"];
}

export type Progress = (p: WriteProgress) => void;

interface SheetIndex {
  cells: Map<string, PlanCell>;
  /** Cell → anchor and bounds of the spilled range covering it. */
  spills: Map<string, { anchor: string; r0: number; r1: number; c0: number; c1: number }>;
  layout: SheetLayout;
  conditional: PlanConditionalFormat[];
}

const key = (row: number, col: number) => `${row},${col}`;

function indexSheet(sheet: PlanSheet): SheetIndex {
  const cells = new Map<string, PlanCell>();
  const spills: SheetIndex["spills"] = new Map();
  let rows = 0;
  let columns = 0;
  for (const cell of sheet.cells) {
    const { row, col } = parseA1(cell.a1);
    cells.set(key(row, col), cell);
    rows = Math.max(rows, row + 1);
    columns = Math.max(columns, col + 1);
    if (cell.spill) {
      const [a, b] = cell.spill.split(":");
      const s = parseA1(a);
      const e = parseA1(b ?? a);
      for (let r = s.row; r <= e.row; r++)
        for (let c = s.col; c <= e.col; c++)
          spills.set(key(r, c), { anchor: cell.a1, r0: s.row, r1: e.row, c0: s.col, c1: e.col });
      rows = Math.max(rows, e.row + 1);
      columns = Math.max(columns, e.col + 1);
    }
  }
  const columnWidths: Record<number, number> = {};
  for (const [letters, width] of Object.entries(sheet.columnWidths))
    columnWidths[parseA1(`${letters}1`).col] = width;
  return {
    cells,
    spills,
    conditional: sheet.conditionalFormats ?? [],
    layout: { name: sheet.name, kind: sheet.kind, rows, columns, columnWidths, freeze: sheet.freeze },
  };
}

export class WorkbookService {
  /** One workbook for the page's lifetime: rebuilds replace only the model's own sheets. */
  private readonly host = new HyperFormulaHost();
  private plan: SheetPlan | null = null;
  private index = new Map<string, SheetIndex>();
  /** A plan arriving in chunks (writePlan from the page), not yet written. */
  private pending: SheetPlan | null = null;
  /** The buildModel under way, for cancelBuild. */
  private building: AbortController | null = null;

  // ---- writing a model ---------------------------------------------------------------------

  /** Starts a plan sent in pieces: everything but the sheets' cells. */
  beginPlan(skeleton: SheetPlan): void {
    this.pending = { ...skeleton, sheets: skeleton.sheets.map((s) => ({ ...s, cells: [] })) };
  }

  /** Appends cells to sheet `sheetIndex` of the pending plan. */
  addCells(sheetIndex: number, cells: PlanCell[]): void {
    if (!this.pending) throw new Error("no plan is being sent");
    const target = this.pending.sheets[sheetIndex].cells;
    for (const c of cells) target.push(c);
  }

  /** Drops a pending plan (a cancelled write): the current workbook stays as it was. */
  abortPlan(): void {
    this.pending = null;
  }

  /**
   * Writes the pending plan through the HyperFormula host (all or nothing). The result's plan is
   * left out: copying it back would cost the page as much as sending it did.
   */
  async commitPlan(
    options: { onClash?: WriteOptions["onClash"] } = {},
    onProgress?: Progress,
  ): Promise<WriteResult> {
    if (!this.pending) throw new Error("no plan is being sent");
    const plan = this.pending;
    this.pending = null;
    return this.write(plan, { onClash: options.onClash, onProgress });
  }

  /**
   * Builds the model from inputs here, in the worker: the plan for 50 PCs × 120 months takes over
   * a second to make and tens of MB to copy, which the page's thread must never do. Returns the
   * written plan's outline (no cells), which is all the page needs. `cancelBuild` stops it while
   * the sheets are being prepared (the workbook then stays as it was).
   */
  async buildModel(
    inputsJson: unknown,
    mode: SheetPlan["mode"],
    onProgress?: Progress,
    options: { onClash?: WriteOptions["onClash"] } = {},
  ): Promise<ModelWriteResult> {
    const parsed = parseInputs(inputsJson);
    if (!parsed.ok) throw new Error(`The inputs are not valid:\n${parsed.errors.join("\n")}`);
    const abort = new AbortController();
    this.building = abort;
    try {
      onProgress?.({ done: 0, total: 1, phase: "Laying out the sheets" });
      const plan = buildPlan(parsed.inputs, { formulas: mode });
      const result = await this.write(plan, { onProgress, onClash: options.onClash, signal: abort.signal });
      return { ...result, plan: this.outline()! };
    } finally {
      if (this.building === abort) this.building = null;
    }
  }

  /** Cancels a buildModel under way (a no-op when none is). */
  cancelBuild(): void {
    this.building?.abort();
  }

  /** The outline of the plan last written (planOutline: no cells), or null before any. */
  outline(): SheetPlan | null {
    return this.plan ? planOutline(this.plan) : null;
  }

  private async write(plan: SheetPlan, options: WriteOptions): Promise<WriteResult> {
    const result = await this.host.writePlan(plan, options);
    const written = result.plan ?? plan;
    this.plan = written;
    this.index = new Map(written.sheets.map((s) => [s.name, indexSheet(s)]));
    return { sheetNames: result.sheetNames };
  }

  // ---- reading ----------------------------------------------------------------------------

  private need(): SheetPlan {
    if (!this.plan) throw new Error("No model is built yet.");
    return this.plan;
  }

  private sheet(name: string): SheetIndex {
    const s = this.index.get(name);
    if (!s) throw new Error(`There is no sheet named "${name}".`);
    return s;
  }

  info(): ModelInfo | null {
    if (!this.plan) return null;
    return {
      title: this.plan.title,
      mode: this.plan.mode,
      sheets: this.plan.sheets.map((s) => this.sheet(s.name).layout),
      results: this.plan.results,
    };
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.host.listSheets();
  }

  readValue(sheet: string, a1: string): CellValue {
    return this.host.readValueSync(sheet, a1);
  }

  readRange(sheet: string, range: string): CellValue[][] {
    return this.host.readRangeSync(sheet, range);
  }

  readValues(refs: SheetRef[]): CellValue[] {
    return refs.map((r) => this.host.readValueSync(r.sheet, r.a1));
  }

  readRanges(refs: SheetRef[]): CellValue[][][] {
    return refs.map((r) => this.host.readRangeSync(r.sheet, r.a1));
  }

  /**
   * The cells of rows r0..r1 and columns c0..c1 (0-based, inclusive) of one sheet: what the grid
   * has in view, and nothing more.
   */
  view(sheetName: string, r0: number, r1: number, c0: number, c1: number): ViewCell[][] {
    this.need();
    const s = this.sheet(sheetName);
    const last = (n: number) => Math.max(0, n - 1);
    const rEnd = Math.min(r1, last(s.layout.rows));
    const cEnd = Math.min(c1, last(s.layout.columns));
    if (r0 > rEnd || c0 > cEnd) return [];
    const values = this.host.readRangeSync(
      sheetName,
      `${columnLetter(c0)}${r0 + 1}:${columnLetter(cEnd)}${rEnd + 1}`,
    );
    const out: ViewCell[][] = [];
    for (let r = r0; r <= rEnd; r++) {
      const row: ViewCell[] = [];
      for (let c = c0; c <= cEnd; c++) {
        const value = values[r - r0]?.[c - c0] ?? null;
        const cell: ViewCell = { value };
        const plan = s.cells.get(key(r, c));
        const spill = s.spills.get(key(r, c));
        const anchor = spill ? parseA1(spill.anchor) : null;
        const source = plan ?? (anchor ? s.cells.get(key(anchor.row, anchor.col)) : undefined);
        if (source?.format) cell.format = source.format;
        if (source?.role) cell.role = source.role;
        if (source?.formula) cell.formula = source.formula;
        if (spill) {
          cell.spillAnchor = spill.anchor;
          cell.spillEdges = {
            top: r === spill.r0,
            bottom: r === spill.r1,
            left: c === spill.c0,
            right: c === spill.c1,
          };
        }
        const highlight = this.highlight(s, sheetName, r, c, value);
        if (highlight) cell.highlight = highlight;
        row.push(cell);
      }
      out.push(row);
    }
    return out;
  }

  private highlight(s: SheetIndex, sheet: string, row: number, col: number, value: CellValue) {
    for (const cf of s.conditional) {
      const hit = evaluateConditionalFormat(cf, row, col, value, (formula) =>
        this.host.engine.calculateFormula(
          toHyperFormulaFormula(formula),
          this.host.engine.getSheetId(sheet) ?? 0,
        ),
      );
      if (hit) return cf.style;
    }
    return undefined;
  }

  // ---- changing cells, inputs and state ------------------------------------------------------

  /** Sets constants (strings stay text); HyperFormula recalculates what depends on them. */
  async writeValues(sheet: string, updates: CellUpdate[]): Promise<void> {
    await this.host.writeValues(sheet, updates);
  }

  readInputs(): Promise<unknown | null> {
    return this.host.readInputs();
  }

  loadState(): Promise<StateLoad> {
    return this.host.loadState();
  }

  saveState(state: DocumentState): Promise<void> {
    return this.host.saveState(state);
  }

  /** The document's state parts, for the page to keep between visits. */
  stateParts(): string[] {
    return this.host.statePartsXml;
  }

  /** Puts back state parts the page kept (before any model is built). */
  restoreStateParts(parts: string[]): void {
    for (const p of parts) this.host.addStatePart(p);
  }

  // ---- export -------------------------------------------------------------------------------

  /**
   * The .xlsx of the current model with cached values, in `mode`'s formulas. ExcelJS loads only
   * here, on first use: the grid never waits for it.
   */
  async exportXlsx(mode: SheetPlan["mode"]): Promise<Uint8Array> {
    const plan = this.need();
    const { xlsxBuffer } = await import(/* webpackChunkName: "xlsx" */ "../workbook/xlsx");
    if (mode === plan.mode) return xlsxBuffer(plan, (sheet, a1) => this.host.readValueSync(sheet, a1));
    const parsed = parseInputs(await this.readInputs());
    if (!parsed.ok) throw new Error(`The model's inputs cannot be read back:\n${parsed.errors.join("\n")}`);
    const other = buildPlan(parsed.inputs, { formulas: mode });
    const evaluated = evaluatePlan(other);
    try {
      return await xlsxBuffer(other, (sheet, a1) => evaluated.readValueSync(sheet, a1));
    } finally {
      evaluated.destroy();
    }
  }
}
