/**
 * The page's side of the workbench's workbook: a WorkbookHost whose workbook lives in a Web Worker
 * (workbook-service.ts) behind comlink. The pane uses it like any host; the grid and the page use
 * the extras (view, exportXlsx, change events); it builds models in the worker (writeModel). Document state is the HyperFormula
 * host's (custom XML parts, as in Excel), copied to the browser's localStorage after each save so
 * scenarios survive a reload.
 */
import * as Comlink from "comlink";
import { FormulaMode, PlanCell, SheetPlan } from "../model/plan";
import {
  CellUpdate,
  CellValue,
  DocumentState,
  ModelWriteResult,
  SheetInfo,
  SheetRef,
  StateLoad,
  WorkbookHost,
  WriteCancelledError,
  WriteOptions,
  WriteProgress,
  WriteResult,
} from "../workbook/host";
import type { ModelInfo, ViewCell, WorkbookService } from "./workbook-service";

/** Cells per message when a plan is sent: each message's copy stays well under a frame's budget. */
export const CHUNK_CELLS = 4000;
const STATE_KEY = "mso-modeler.workbench.state-parts";

export type ChangeListener = (info: ModelInfo | null) => void;

/** Lets the browser run other work (input, paint) between chunks. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class WorkerHost implements WorkbookHost {
  private readonly remote: Comlink.Remote<WorkbookService>;
  private readonly inputListeners = new Set<() => void>();
  private readonly changeListeners = new Set<ChangeListener>();
  private selectHandler: ((sheet: string, a1: string) => void) | null = null;
  private readonly storage: Storage | null;

  constructor(worker: Worker, storage: Storage | null = globalThis.localStorage ?? null) {
    this.remote = Comlink.wrap<WorkbookService>(worker);
    this.storage = storage;
    this.restored = this.restoreState();
  }

  /** Puts back the state parts kept from an earlier visit (unreadable ones too: never dropped). */
  private readonly restored: Promise<void>;
  private async restoreState(): Promise<void> {
    const raw = this.storage?.getItem(STATE_KEY);
    if (!raw) return;
    let parts: unknown;
    try {
      parts = JSON.parse(raw);
    } catch {
      parts = [raw];
    }
    if (Array.isArray(parts)) await this.remote.restoreStateParts(parts.map(String));
  }

  // ---- WorkbookHost -------------------------------------------------------------------------

  listSheets(): Promise<SheetInfo[]> {
    return this.remote.listSheets();
  }

  /**
   * Sends the plan in chunks of cells (each copy short, the page stays responsive), then the worker
   * builds the new workbook whole and swaps it in. Cancelling before that leaves the old one.
   */
  async writePlan(plan: SheetPlan, options: WriteOptions = {}): Promise<WriteResult> {
    const { onProgress, signal } = options;
    const chunks: { sheet: number; cells: PlanCell[] }[] = [];
    plan.sheets.forEach((s, i) => {
      for (let at = 0; at < s.cells.length; at += CHUNK_CELLS)
        chunks.push({ sheet: i, cells: s.cells.slice(at, at + CHUNK_CELLS) });
    });
    const total = chunks.length + 3;
    const skeleton: SheetPlan = { ...plan, sheets: plan.sheets.map((s) => ({ ...s, cells: [] })) };
    await this.remote.beginPlan(skeleton);
    for (let i = 0; i < chunks.length; i++) {
      if (signal?.aborted) {
        await this.remote.abortPlan();
        throw new WriteCancelledError();
      }
      await this.remote.addCells(chunks[i].sheet, chunks[i].cells);
      onProgress?.({ done: i + 1, total, phase: `Sending ${plan.sheets[chunks[i].sheet].name}` });
      await yieldToPage();
    }
    if (signal?.aborted) {
      await this.remote.abortPlan();
      throw new WriteCancelledError();
    }
    const result = await this.remote.commitPlan(
      { onClash: options.onClash },
      Comlink.proxy((p: WriteProgress) =>
        onProgress?.({ ...p, done: chunks.length + (p.done / p.total) * 3, total }),
      ),
    );
    await this.changed(true);
    // The workbench holds no user sheets, so the plan is written as given (no suffix).
    return { ...result, plan };
  }

  readValue(sheet: string, a1: string): Promise<CellValue> {
    return this.remote.readValue(sheet, a1);
  }

  readRange(sheet: string, range: string): Promise<CellValue[][]> {
    return this.remote.readRange(sheet, range);
  }

  /** One message to the worker and back, however many refs. */
  readValues(refs: SheetRef[]): Promise<CellValue[]> {
    return this.remote.readValues(refs);
  }

  readRanges(refs: SheetRef[]): Promise<CellValue[][][]> {
    return this.remote.readRanges(refs);
  }

  async writeValues(sheet: string, updates: CellUpdate[]): Promise<void> {
    await this.remote.writeValues(sheet, updates);
    await this.changed(sheet === "Inputs");
  }

  readInputs(): Promise<unknown | null> {
    return this.remote.readInputs();
  }

  async selectCell(sheet: string, a1: string): Promise<void> {
    this.selectHandler?.(sheet, a1);
  }

  async loadState(): Promise<StateLoad> {
    await this.restored;
    return this.remote.loadState();
  }

  async saveState(state: DocumentState): Promise<void> {
    await this.restored;
    await this.remote.saveState(state);
    this.storage?.setItem(STATE_KEY, JSON.stringify(await this.remote.stateParts()));
  }

  onInputsChanged(listener: () => void): () => void {
    this.inputListeners.add(listener);
    return () => this.inputListeners.delete(listener);
  }

  // ---- the workbench's extras ----------------------------------------------------------------

  /**
   * Builds the model from its inputs inside the worker (no plan is made or copied on the page) and
   * writes it; the pane's Build and the workbench's header both come here. Takes any JSON: the
   * worker parses it. A cancel stops the worker while it prepares the sheets.
   */
  async writeModel(
    inputs: unknown,
    mode: FormulaMode,
    options: WriteOptions = {},
  ): Promise<ModelWriteResult> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new WriteCancelledError();
    const cancel = () => void this.remote.cancelBuild();
    signal?.addEventListener("abort", cancel);
    try {
      const result = await this.remote.buildModel(
        inputs,
        mode,
        Comlink.proxy((p: WriteProgress) => onProgress?.(p)),
        { onClash: options.onClash },
      );
      await this.changed(true);
      return result;
    } finally {
      signal?.removeEventListener("abort", cancel);
    }
  }

  modelOutline(): Promise<SheetPlan | null> {
    return this.remote.outline();
  }

  info(): Promise<ModelInfo | null> {
    return this.remote.info();
  }

  view(sheet: string, r0: number, r1: number, c0: number, c1: number): Promise<ViewCell[][]> {
    return this.remote.view(sheet, r0, r1, c0, c1);
  }

  async exportXlsx(mode: SheetPlan["mode"]): Promise<Uint8Array> {
    return this.remote.exportXlsx(mode);
  }

  /** The grid listens: a new model, or recalculated values. */
  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Where selectCell goes: the grid selects and shows the cell. */
  setSelectHandler(handler: ((sheet: string, a1: string) => void) | null): void {
    this.selectHandler = handler;
  }

  private async changed(inputs: boolean): Promise<void> {
    const info = await this.remote.info();
    for (const l of this.changeListeners) l(info);
    if (inputs) for (const l of this.inputListeners) l();
  }
}
