/**
 * A WorkbookHost for the pane's tests, on the project's HyperFormulaHost (a real spreadsheet
 * engine: writing an input recalculates the model). It keeps Excel's rules the pane relies on —
 * the user's own sheets are never touched, a clash stops the build or takes a suffix, a cancelled
 * build leaves the workbook as it was, an unreadable state is kept — and lets a test pause a
 * build or make a method fail. Replace with the host engineer's HyperFormula host once it is on main.
 */
import type { RawCellContent } from "hyperformula";
import type { PlanScalar, SheetPlan } from "../../src/model/plan";
import { sheetRef } from "../../src/model/plan";
import {
  type CellUpdate,
  type CellValue,
  type DocumentState,
  SheetClashError,
  type SheetInfo,
  type StateLoad,
  type WorkbookHost,
  type WriteOptions,
  type WriteResult,
  WriteCancelledError,
} from "../../src/workbook/host";
import { HyperFormulaHost } from "../../src/workbook/hyperformula";
import { parseA1 } from "../../src/model/plan";
import { setAt } from "../../src/taskpane/panels/model/json-path";

/** An error shaped like Office.js's OfficeExtension.Error (a `code` and a message). */
export class OfficeLikeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The plan with its sheets renamed (formulas, names and result cells follow). */
export function renamePlan(plan: SheetPlan, names: Record<string, string>): SheetPlan {
  let json = JSON.stringify(plan);
  for (const [from, to] of Object.entries(names)) {
    if (from === to) continue;
    const q = (s: string) => JSON.stringify(s).slice(1, -1);
    // 'Sheet'! and Sheet! in formulas; "sheet":"Sheet" in names, results and charts.
    json = json.replace(new RegExp(escapeRe(q(sheetRef(from))), "g"), q(sheetRef(to)));
    json = json.replace(new RegExp(`(?<![\\w'])${escapeRe(q(from))}!`, "g"), `${q(sheetRef(to))}`);
    json = json.replace(
      new RegExp(`"sheet":${escapeRe(JSON.stringify(from))}`, "g"),
      `"sheet":${JSON.stringify(to)}`,
    );
    json = json.replace(
      new RegExp(`"name":${escapeRe(JSON.stringify(from))},"tag"`, "g"),
      `"name":${JSON.stringify(to)},"tag"`,
    );
  }
  return JSON.parse(json) as SheetPlan;
}

export class TestWorkbookHost implements WorkbookHost {
  readonly hf = new HyperFormulaHost();
  plan: SheetPlan | null = null;
  /** The user's own sheets (untagged), by name. */
  userSheets: string[] = [];
  state: StateLoad = { status: "empty" };
  selected: { sheet: string; a1: string }[] = [];
  writes = 0;
  valueWrites: { sheet: string; updates: CellUpdate[] }[] = [];
  /** Make the next call of a method throw this error. */
  failNext: Partial<Record<keyof WorkbookHost, Error>> = {};
  /** A build waits on this after its first block (a test cancels meanwhile). */
  pauseAfterFirstBlock: Promise<void> | null = null;
  private listeners = new Set<() => void>();

  private fail(method: keyof WorkbookHost) {
    const e = this.failNext[method];
    if (e) {
      delete this.failNext[method];
      throw e;
    }
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.fail("listSheets");
    const model = this.plan ? this.plan.sheets.map((s) => ({ name: s.name, tag: s.tag })) : [];
    return [...this.userSheets.map((name) => ({ name, tag: null })), ...model];
  }

  async writePlan(plan: SheetPlan, options: WriteOptions = {}): Promise<WriteResult> {
    this.fail("writePlan");
    const taken = new Set(this.userSheets.map((n) => n.toLowerCase()));
    const clashes = plan.sheets.map((s) => s.name).filter((n) => taken.has(n.toLowerCase()));
    const sheetNames: Record<string, string> = {};
    for (const s of plan.sheets) sheetNames[s.name] = s.name;
    if (clashes.length > 0) {
      if (!options.onClash || options.onClash === "stop") throw new SheetClashError(clashes);
      const suffix = options.onClash.suffix;
      for (const n of clashes) sheetNames[n] = n + suffix;
    }
    const renamed = renamePlan(plan, sheetNames);
    const total = renamed.sheets.length;
    for (let i = 0; i < total; i++) {
      if (options.signal?.aborted) throw new WriteCancelledError();
      options.onProgress?.({ done: i + 1, total, phase: renamed.sheets[i].name });
      await Promise.resolve();
      if (i === 0 && this.pauseAfterFirstBlock) await this.pauseAfterFirstBlock;
    }
    if (options.signal?.aborted) throw new WriteCancelledError();
    this.hf.writePlanSync(renamed);
    this.plan = renamed;
    this.writes++;
    return { sheetNames };
  }

  async readValue(sheet: string, a1: string): Promise<CellValue> {
    this.fail("readValue");
    return this.hf.readValueSync(sheet, a1);
  }

  async readRange(sheet: string, range: string): Promise<CellValue[][]> {
    this.fail("readRange");
    return this.hf.readRangeSync(sheet, range);
  }

  async writeValues(sheet: string, updates: CellUpdate[]): Promise<void> {
    this.fail("writeValues");
    const id = this.hf.engine.getSheetId(sheet);
    if (id === undefined) throw new OfficeLikeError("ItemNotFound", `no sheet named ${sheet}`);
    for (const u of updates) {
      const { row, col } = parseA1(u.a1);
      this.hf.engine.setCellContents({ sheet: id, row, col }, [[raw(u.value)]]);
    }
    this.valueWrites.push({ sheet, updates });
    if (sheet === "Inputs") this.listeners.forEach((l) => l());
  }

  /** The inputs through the plan's input map; null without a model or a map. */
  async readInputs(): Promise<unknown | null> {
    this.fail("readInputs");
    const cells = this.plan?.inputCells ?? [];
    if (cells.length === 0) return null;
    let json: unknown = {};
    for (const c of cells) {
      const v = this.hf.readValueSync(c.sheet, c.a1);
      if (v === null || v === "") continue;
      const value =
        c.type === "date" && typeof v === "number"
          ? serialToIso(v)
          : c.type === "month" && typeof v === "number"
            ? serialToIso(v).slice(0, 7)
            : c.type === "numberList" && typeof v === "string"
              ? v
                  .split(/[,\s]+/)
                  .filter(Boolean)
                  .map(Number)
              : v;
      json = setAt(json, c.path, value);
    }
    return json;
  }

  async selectCell(sheet: string, a1: string): Promise<void> {
    this.fail("selectCell");
    this.selected.push({ sheet, a1 });
  }

  async loadState(): Promise<StateLoad> {
    this.fail("loadState");
    return JSON.parse(JSON.stringify(this.state));
  }

  async saveState(state: DocumentState): Promise<void> {
    this.fail("saveState");
    if (this.state.status === "unreadable") throw new Error("the stored state is unreadable; it is kept");
    this.state = { status: "ok", state: JSON.parse(JSON.stringify(state)) };
  }

  onInputsChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Excel's 1900 serial (from 1900-03-01 on) as an ISO date, by the calendar, not the pane's code. */
function serialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
}

/** Text is written as text (HyperFormula would parse `=…`, numbers and booleans). */
function raw(v: PlanScalar): RawCellContent {
  if (typeof v === "string") return /^[=+\-']|^\s*[\d.]|^(true|false)$/i.test(v) ? `'${v}` : v;
  return v;
}
