/**
 * HyperFormula host: a whole WorkbookHost in memory (headless, the tests, and the browser workbench
 * where it runs inside a Web Worker: no DOM here), with the add-in's functions registered as a
 * plugin on the same engine. HyperFormula is GPL-3.0 or commercial; the project uses it under the
 * GPL (`licenseKey: 'gpl-v3'`).
 *
 * It keeps what Excel keeps in a document: sheets (the add-in's tagged, the user's not), defined
 * names, the selection, and the add-in's state as the XML of a custom XML part.
 */
import { CellError, DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { PLAN_TAG, PlanInputCell, PlanScalar, SheetPlan, parseA1, sheetRef } from "../model/plan";
import { inputsFromCells } from "../model/read-inputs";
import { registerAddinFunctions } from "./addin-plugin";
import { decodeStateParts, emptyState, encodeState } from "./document-state";
import {
  CellUpdate,
  CellValue,
  DocumentState,
  NameClashError,
  SheetInfo,
  SheetRef,
  StateLoad,
  WorkbookHost,
  WriteCancelledError,
  WriteOptions,
  WriteResult,
} from "./host";
import { planSheetRenames, renamePlanSheets, sheetNameProblem } from "./host-sheets";

/**
 * The plan keeps formulas canonical (as stored in an .xlsx: `_xlfn.PERCENTILE.INC`); HyperFormula
 * knows these functions by their bare names.
 */
export function toHyperFormulaFormula(formula: string): string {
  return formula.replace(/_xlfn\./g, "").replace(FILLED_PART, "$1");
}

/**
 * `Sheet!$C$10:INDEX(Block,MAX(1,COUNT(Block)))` — the filled part of a block, which the plan
 * passes to the add-in's functions so that no blank reaches them in Excel (some platforms pass a
 * blank as 0). HyperFormula cannot parse a range ending in a function; it passes blanks as empty
 * values, which the functions skip, so there the whole block is the same argument.
 */
const FILLED_PART =
  /(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$[A-Z]+\$\d+:INDEX\(([A-Za-z_][\w.]*),MAX\(1,COUNT\(\1\)\)\)/g;

/**
 * A constant as HyperFormula raw content. Every string gets HyperFormula's leading apostrophe, so
 * no text is ever read as a formula, number, date, currency or boolean (`=HYPERLINK(…)`, `+1`,
 * `$5`, `TRUE` stay text); the apostrophe is not part of the value.
 */
export function rawConstant(v: PlanScalar | undefined): RawCellContent {
  if (v === undefined || v === null) return null;
  return typeof v === "string" ? `'${v}` : v;
}

function toRaw(cell: SheetPlan["sheets"][number]["cells"][number]): RawCellContent {
  if (cell.formula !== undefined) return toHyperFormulaFormula(cell.formula);
  return rawConstant(cell.value);
}

function fromHf(v: unknown): CellValue {
  if (v instanceof DetailedCellError || v instanceof CellError) {
    const d = v as DetailedCellError;
    return { error: d.value ?? `#${String((v as CellError).type)}`, message: d.message };
  }
  if (v === undefined || v === null) return null;
  return v as CellValue;
}

/** A plan sheet as a dense grid of raw contents (row 0 = sheet row 1). */
function sheetGrid(sheet: SheetPlan["sheets"][number]): RawCellContent[][] {
  const grid: RawCellContent[][] = [];
  for (const cell of sheet.cells) {
    const raw = toRaw(cell);
    if (raw === null) continue;
    const { row, col } = parseA1(cell.a1);
    while (grid.length <= row) grid.push([]);
    grid[row][col] = raw;
  }
  for (const row of grid) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  return grid;
}

/** The defined names a plan writes: its names, and its tables as names over their ranges (as the xlsx host does). */
function planNames(plan: SheetPlan): { name: string; expression: string }[] {
  const absolute = (a1: string) => a1.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2");
  return [
    ...plan.names.map((n) => ({ name: n.name, expression: `=${sheetRef(n.sheet)}${n.ref}` })),
    ...plan.tables.map((t) => ({
      name: t.name,
      expression: `=${sheetRef(t.sheet)}${t.ref.split(":").map(absolute).join(":")}`,
    })),
  ];
}

const CONFIG = { licenseKey: "gpl-v3", maxColumns: 1000, smartRounding: false, undoLimit: 0 };

/** Lets a progress bar repaint and a cancel click arrive between blocks. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class HyperFormulaHost implements WorkbookHost {
  private hf: HyperFormula | null = null;
  /** Lower-cased sheet name → the add-in's tag on it (absent on the user's sheets). */
  private tags = new Map<string, { tag: string; kind: string }>();
  /** Defined names the add-in created (replaced on a rebuild); the user's are never touched. */
  private ownNames = new Set<string>();
  /** The add-in's state parts, as Excel keeps custom XML parts (document order). */
  private stateParts: string[] = [];
  /** The input map of the plan last written here (also saved in the state when it is readable). */
  private inputCells: PlanInputCell[] | null = null;
  private inputListeners = new Set<() => void>();
  private selectionListeners = new Set<(s: { sheet: string; a1: string }) => void>();
  /** The cell last selected through selectCell (the workbench shows it). */
  selection: { sheet: string; a1: string } | null = null;

  /** The underlying engine, for tests that need more than values. */
  get engine(): HyperFormula {
    if (!this.hf) throw new Error("no plan written yet");
    return this.hf;
  }

  private ensureEngine(): HyperFormula {
    if (!this.hf) {
      registerAddinFunctions();
      this.hf = HyperFormula.buildEmpty(CONFIG);
    }
    return this.hf;
  }

  // ---- sheets ----

  async listSheets(): Promise<SheetInfo[]> {
    return this.listSheetsSync();
  }

  listSheetsSync(): SheetInfo[] {
    if (!this.hf) return [];
    return this.hf.getSheetNames().map((name) => {
      const t = this.tags.get(name.toLowerCase());
      return t ? { name, tag: t.tag, kind: t.kind } : { name, tag: null };
    });
  }

  /**
   * Adds a sheet of the user's own (untagged): the workbench's blank sheet, and tests of what a
   * rebuild must leave alone. Strings are text; a string starting with `=` is a formula, as typed.
   */
  addUserSheet(name: string, rows: (PlanScalar | undefined)[][] = []): void {
    const problem = sheetNameProblem(name);
    if (problem) throw new Error(problem);
    const hf = this.ensureEngine();
    if (hf.getSheetId(name) !== undefined) throw new Error(`a sheet named "${name}" already exists`);
    hf.addSheet(name);
    const id = this.sheetId(name);
    hf.setSheetContent(
      id,
      rows.map((r) =>
        r.map((v) =>
          typeof v === "string" && v.startsWith("=") ? toHyperFormulaFormula(v) : rawConstant(v),
        ),
      ),
    );
  }

  /** Adds a workbook-scoped name of the user's own (`=Sheet!$A$1`); the add-in never removes it. */
  addUserName(name: string, expression: string): void {
    this.ensureEngine().addNamedExpression(name, expression);
  }

  // ---- writing a plan ----

  /**
   * Writes the plan. The sheets' contents are prepared block by block (progress, cancel), then
   * committed in one step, so a cancelled write leaves the workbook exactly as it was.
   */
  async writePlan(plan: SheetPlan, options: WriteOptions = {}): Promise<WriteResult> {
    const { signal, onProgress } = options;
    const cancelled = () => {
      if (signal?.aborted) throw new WriteCancelledError();
    };
    cancelled();
    const written = this.resolvePlan(plan, options);
    const total = written.sheets.length + 1;
    const grids: RawCellContent[][][] = [];
    for (const [i, sheet] of written.sheets.entries()) {
      await nextTurn();
      cancelled();
      grids.push(sheetGrid(sheet));
      onProgress?.({ done: i + 1, total, phase: `Sheet ${sheet.name}` });
    }
    await nextTurn();
    cancelled();
    this.commit(written, grids);
    onProgress?.({ done: total, total, phase: "Calculated" });
    return this.result(plan, written);
  }

  /** The whole write in one synchronous step (the model tests, the CLI). */
  writePlanSync(plan: SheetPlan, options: Pick<WriteOptions, "onClash"> = {}): WriteResult {
    const written = this.resolvePlan(plan, options);
    this.commit(written, written.sheets.map(sheetGrid));
    return this.result(plan, written);
  }

  private result(plan: SheetPlan, written: SheetPlan): WriteResult {
    const sheetNames: Record<string, string> = {};
    plan.sheets.forEach((s, i) => (sheetNames[s.name] = written.sheets[i].name));
    return { sheetNames, plan: written };
  }

  /** Checks clashes (sheets and names) before anything changes, and applies a suffix. */
  private resolvePlan(plan: SheetPlan, options: Pick<WriteOptions, "onClash">): SheetPlan {
    const written = renamePlanSheets(plan, planSheetRenames(plan, this.listSheetsSync(), options.onClash));
    for (const s of written.sheets) {
      const problem = sheetNameProblem(s.name);
      if (problem) throw new Error(`The model cannot be written: ${problem}`);
    }
    if (this.hf) {
      const userNames = new Set(
        this.hf
          .listNamedExpressions()
          .filter((n) => !this.ownNames.has(n.toLowerCase()))
          .map((n) => n.toLowerCase()),
      );
      const clashes = planNames(written)
        .map((n) => n.name)
        .filter((n) => userNames.has(n.toLowerCase()));
      if (clashes.length > 0) throw new NameClashError(clashes);
    }
    return written;
  }

  private commit(plan: SheetPlan, grids: RawCellContent[][][]): void {
    if (!this.hf || this.holdsOnlyOwn()) this.buildFresh(plan, grids);
    else this.replaceOwnSheets(plan, grids);
    this.inputCells = plan.inputCells ?? null;
    const load = decodeStateParts(this.stateParts);
    if (load.status !== "unreadable" && plan.inputCells)
      this.stateParts = [
        encodeState({ ...(load.status === "ok" ? load.state : emptyState()), inputCells: plan.inputCells }),
      ];
  }

  /**
   * No sheet or name of the user's: nothing to keep, so a rebuild starts a new engine instead of
   * removing the old model's sheets one by one (HyperFormula's removeSheet re-links every dependent
   * formula: a 50-PC rebuild took about three times as long as a first build that way).
   */
  private holdsOnlyOwn(): boolean {
    const hf = this.ensureEngine();
    return (
      hf.getSheetNames().every((n) => this.tags.has(n.toLowerCase())) &&
      hf.listNamedExpressions().every((n) => this.ownNames.has(n.toLowerCase()))
    );
  }

  /** An empty workbook: built in one go, about twice as fast as adding the sheets one by one. */
  private buildFresh(plan: SheetPlan, grids: RawCellContent[][][]): void {
    registerAddinFunctions();
    const sheets: Record<string, RawCellContent[][]> = {};
    plan.sheets.forEach((s, i) => (sheets[s.name] = grids[i]));
    const names = planNames(plan);
    this.hf?.destroy();
    this.hf = HyperFormula.buildFromSheets(sheets, CONFIG, names);
    this.tags = new Map(plan.sheets.map((s) => [s.name.toLowerCase(), { tag: PLAN_TAG, kind: s.kind }]));
    this.ownNames = new Set(names.map((n) => n.name.toLowerCase()));
  }

  /** A workbook with sheets already: the add-in's own are replaced, the user's left as they are. */
  private replaceOwnSheets(plan: SheetPlan, grids: RawCellContent[][][]): void {
    const hf = this.ensureEngine();
    hf.suspendEvaluation();
    try {
      for (const name of this.ownNames) if (hf.getNamedExpression(name)) hf.removeNamedExpression(name);
      this.ownNames.clear();
      for (const name of hf.getSheetNames()) {
        if (this.tags.has(name.toLowerCase())) hf.removeSheet(this.sheetId(name));
      }
      this.tags.clear();
      // Sheets first, then names, then contents: every reference finds its sheet and name.
      for (const s of plan.sheets) {
        hf.addSheet(s.name);
        this.tags.set(s.name.toLowerCase(), { tag: PLAN_TAG, kind: s.kind });
      }
      for (const n of planNames(plan)) {
        hf.addNamedExpression(n.name, n.expression);
        this.ownNames.add(n.name.toLowerCase());
      }
      plan.sheets.forEach((s, i) => hf.setSheetContent(this.sheetId(s.name), grids[i]));
    } finally {
      hf.resumeEvaluation();
    }
  }

  // ---- reading ----

  private sheetId(sheet: string): number {
    const id = this.hf?.getSheetId(sheet);
    if (id === undefined) throw new Error(`The workbook has no sheet named "${sheet}".`);
    return id;
  }

  readValueSync(sheet: string, a1: string): CellValue {
    const { row, col } = parseA1(a1);
    return fromHf(this.engine.getCellValue({ sheet: this.sheetId(sheet), row, col }));
  }

  readRangeSync(sheet: string, range: string): CellValue[][] {
    const [a, b] = range.split(":");
    const s = parseA1(a);
    const e = parseA1(b ?? a);
    const id = this.sheetId(sheet);
    const values = this.engine.getRangeValues({
      start: { sheet: id, row: Math.min(s.row, e.row), col: Math.min(s.col, e.col) },
      end: { sheet: id, row: Math.max(s.row, e.row), col: Math.max(s.col, e.col) },
    });
    return values.map((row) => row.map(fromHf));
  }

  /** Every computed value of a sheet as a dense grid (row 0 = sheet row 1). */
  sheetValues(sheet: string): CellValue[][] {
    return this.engine.getSheetValues(this.sheetId(sheet)).map((row) => row.map(fromHf));
  }

  async readValue(sheet: string, a1: string): Promise<CellValue> {
    return this.readValueSync(sheet, a1);
  }

  async readRange(sheet: string, range: string): Promise<CellValue[][]> {
    return this.readRangeSync(sheet, range);
  }

  async readValues(refs: SheetRef[]): Promise<CellValue[]> {
    return refs.map((r) => this.readValueSync(r.sheet, r.a1));
  }

  async readRanges(refs: SheetRef[]): Promise<CellValue[][][]> {
    return refs.map((r) => this.readRangeSync(r.sheet, r.a1));
  }

  // ---- writing values ----

  /**
   * Sets constants on one of the add-in's sheets; strings stay text. The user's own sheets are
   * refused (the add-in never overwrites what it did not create).
   */
  async writeValues(sheet: string, updates: CellUpdate[]): Promise<void> {
    const hf = this.engine;
    const id = this.sheetId(sheet);
    const tag = this.tags.get(sheet.toLowerCase());
    if (!tag)
      throw new Error(`"${sheet}" is not a sheet the add-in created; its cells are left as they are.`);
    hf.batch(() => {
      for (const u of updates) {
        const { row, col } = parseA1(u.a1);
        hf.setCellContents({ sheet: id, row, col }, rawConstant(u.value));
      }
    });
    if (tag.kind === "inputs" || this.inputCells?.some((c) => c.sheet.toLowerCase() === sheet.toLowerCase()))
      for (const listener of [...this.inputListeners]) listener();
  }

  async readInputs(): Promise<unknown | null> {
    const cells = this.currentInputCells();
    if (!cells || cells.length === 0 || !this.hf) return null;
    return inputsFromCells(cells, (sheet, a1) => this.readValueSync(sheet, a1));
  }

  private currentInputCells(): PlanInputCell[] | null {
    if (this.inputCells) return this.inputCells;
    const load = decodeStateParts(this.stateParts);
    return load.status === "ok" ? (load.state.inputCells ?? null) : null;
  }

  // ---- selection ----

  async selectCell(sheet: string, a1: string): Promise<void> {
    this.sheetId(sheet);
    parseA1(a1);
    this.selection = { sheet, a1 };
    for (const listener of [...this.selectionListeners]) listener({ sheet, a1 });
  }

  /** Calls `listener` whenever selectCell moves the selection (the workbench's grid follows it). */
  onSelectionChanged(listener: (s: { sheet: string; a1: string }) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  // ---- document state ----

  async loadState(): Promise<StateLoad> {
    return decodeStateParts(this.stateParts);
  }

  async saveState(state: DocumentState): Promise<void> {
    const load = decodeStateParts(this.stateParts);
    if (load.status === "unreadable")
      throw new Error(`The add-in state was not saved: ${load.reason}. The stored state is kept as it is.`);
    this.stateParts = [encodeState(state)];
  }

  /** The state parts as a document would hold them (tests, and the workbench's saved copy). */
  get statePartsXml(): string[] {
    return [...this.stateParts];
  }

  /** Puts a state part in the document as another add-in version (or a damaged file) left it. */
  addStatePart(xml: string): void {
    this.stateParts.push(xml);
  }

  onInputsChanged(listener: () => void): () => void {
    this.inputListeners.add(listener);
    return () => this.inputListeners.delete(listener);
  }

  destroy(): void {
    this.hf?.destroy();
    this.hf = null;
    this.tags.clear();
    this.ownNames.clear();
  }
}

/** Evaluates a plan and returns the host, ready to read. */
export function evaluatePlan(plan: SheetPlan): HyperFormulaHost {
  const host = new HyperFormulaHost();
  host.writePlanSync(plan);
  return host;
}
