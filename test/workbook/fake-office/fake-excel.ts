/**
 * A strict fake of the part of the Excel JavaScript API the Excel host uses (test code, never
 * shipped). It keeps a workbook — sheets of cells, custom properties, names, custom XML parts — and
 * applies Excel's rules where the host could get them wrong:
 *
 * - Proxies queue actions; nothing happens until `context.sync()` ("Application-specific API model",
 *   https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#sync).
 * - A property must be loaded and synced before it is read, or it throws PropertyNotLoaded
 *   (same page, "load"; error codes: https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * - A request's JSON over 5 MB is refused whole with RequestPayloadSizeLimitExceeded ("Resource limits
 *   and performance optimization", Excel add-ins: https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 * - An action that fails stops the request; the actions before it stay applied (error handling page).
 * - 2-D arrays must match the range's size (InvalidArgument; Excel.Range values/formulas:
 *   https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values).
 * - `null` in a 2-D array leaves that cell as it is
 *   (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 * - Sheet names: at most 31 characters, none of [ ] : * ? / \, not blank, no edge apostrophe,
 *   unique ignoring case ("Rename a worksheet": https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
 * - Strings written through `values` or `formulas` are parsed as Excel parses typing: `=…` is a
 *   formula, `+…`/`-…`/`@…` that is not a number is a formula too, numeric text is a number,
 *   TRUE/FALSE booleans — unless the cell is text-formatted ("@") or the string starts with an
 *   apostrophe, which makes it text without the apostrophe ("Format numbers as text":
 *   https://support.microsoft.com/office/format-numbers-as-text-583160db-666e-4e3e-bb2d-2b5a2e9b8e83;
 *   Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
 *   Excel interprets this value as a formula").
 * - Renaming a sheet updates the formulas and names that refer to it (Excel's rename behaviour).
 *
 * Formulas are computed by HyperFormula with the add-in's functions (the fake's calculation engine),
 * so a test reads the values Excel would show. It counts syncs and the bytes of each.
 */
import { HyperFormula, RawCellContent } from "hyperformula";
import { columnIndex, columnLetter, sheetRef } from "../../../src/model/plan";
import { registerAddinFunctions } from "../../../src/workbook/addin-plugin";
import { renameFormulaSheets, sheetNameProblem } from "../../../src/workbook/host-sheets";
import { toHyperFormulaFormula } from "../../../src/workbook/hyperformula";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "OfficeExtension.Error";
  }
}

export interface FakeCell {
  formula?: string;
  value?: number | string | boolean;
  format?: string;
  /** Text entered with a leading apostrophe. */
  quotePrefix?: boolean;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  props: Map<string, { key: string; value: string }>;
  /** Everything else set on the sheet (fonts, widths, panes, validation, conditional formats, charts), in order. */
  log: { path: string; op: string; args: unknown }[];
}

interface Action {
  path: string;
  op: string;
  args: unknown;
  run: () => void;
}

type Addr = { r0: number; c0: number; r1: number; c1: number };

/** `A1`, `A1:C3`, `E:G` (whole columns) → 0-based rectangle. */
export function parseAddress(address: string): Addr {
  const a = address.replace(/\$/g, "").replace(/^.*!/, "");
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(a);
  if (cols) return { r0: 0, r1: 1048575, c0: columnIndex(cols[1]), c1: columnIndex(cols[2]) };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a);
  if (!m) throw new FakeOfficeError("InvalidArgument", `The address "${address}" is not valid.`);
  const r0 = Number(m[2]) - 1;
  const c0 = columnIndex(m[1]);
  const r1 = m[3] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? columnIndex(m[3]) : c0;
  return { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
}

const key = (r: number, c: number) => `${r},${c}`;
const a1 = (r: number, c: number) => `${columnLetter(c)}${r + 1}`;

/** What Excel stores for a typed string (see the header for the rules and their sources). */
function parseInput(s: string, textFormatted: boolean): FakeCell {
  if (textFormatted) return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1), quotePrefix: true };
  if (s.startsWith("=") && s.length > 1) return { formula: s };
  const t = s.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i.test(t)) {
    const pct = t.endsWith("%");
    const n = Number(pct ? t.slice(0, -1) : t);
    return { value: pct ? n / 100 : n };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  if (/^[+-]/.test(s) && s.length > 1) return { formula: `=${s}` };
  if (s.startsWith("@") && s.length > 1) return { formula: `=${s.slice(1)}` };
  return { value: s };
}

export class FakeExcel {
  sheets: FakeSheet[] = [];
  names: { name: string; formula: string; comment: string }[] = [];
  parts: { id: string; xml: string }[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; a1: string } | null = null;
  /** Bytes of each sync's request, in order. */
  syncBytes: number[] = [];
  payloadLimit = PAYLOAD_LIMIT;
  /** Requirement sets this Excel lacks, e.g. ["ExcelApi 1.12"]. */
  missingSets: string[] = [];
  private nextId = 1;
  private handlers: { id: number; fn: (e: unknown) => unknown }[] = [];
  private hf: HyperFormula | null = null;
  private hfNames: string[] = [];

  get syncs(): number {
    return this.syncBytes.length;
  }

  isSetSupported = (set: string, version: string): boolean => !this.missingSets.includes(`${set} ${version}`);

  /** Excel.run: a fresh request context per batch. */
  run = async <T>(batch: (context: never) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    return batch(ctx as never);
  };

  // ---- the workbook as tests set it up (a user's own doing, outside the add-in) ----

  addSheet(name: string): FakeSheet {
    const problem = sheetNameProblem(name);
    if (problem) throw new FakeOfficeError("InvalidArgument", problem);
    if (this.findSheet(name))
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" exists.`);
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      cells: new Map(),
      props: new Map(),
      log: [],
    };
    this.sheets.push(sheet);
    this.dirty();
    return sheet;
  }

  /** A person typing into a cell: Excel's parsing, then the change event. */
  userEdit(sheet: string, address: string, input: string | number | boolean | null): void {
    const s = this.sheet(sheet);
    const { r0, c0 } = parseAddress(address);
    this.setCell(s, r0, c0, input, "values");
    this.fireChanged(s, address);
  }

  findSheet(nameOrId: string): FakeSheet | undefined {
    const k = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k || s.id === nameOrId);
  }

  sheet(nameOrId: string): FakeSheet {
    const s = this.findSheet(nameOrId);
    if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource "${nameOrId}" doesn't exist.`);
    return s;
  }

  /** Everything the workbook holds for a sheet, serialised (a byte-for-byte comparison). */
  snapshot(name: string): string {
    const s = this.sheet(name);
    return JSON.stringify({
      id: s.id,
      name: s.name,
      cells: [...s.cells].sort(([a], [b]) => (a < b ? -1 : 1)),
      props: [...s.props],
      log: s.log,
      position: this.sheets.indexOf(s),
    });
  }

  // ---- cells ----

  setCell(s: FakeSheet, r: number, c: number, input: unknown, how: "values" | "formulas"): void {
    if (input === null || input === undefined) return;
    const k = key(r, c);
    const old = s.cells.get(k) ?? {};
    const format = old.format;
    let cell: FakeCell;
    if (typeof input === "string") {
      if (input === "") cell = {};
      else cell = parseInput(input, format === "@");
    } else if (typeof input === "number" || typeof input === "boolean") cell = { value: input };
    else
      throw new FakeOfficeError("InvalidArgument", `A cell cannot hold ${JSON.stringify(input)} (${how}).`);
    if (format !== undefined) cell.format = format;
    if (cell.value === undefined && cell.formula === undefined && cell.format === undefined)
      s.cells.delete(k);
    else s.cells.set(k, cell);
    this.dirty();
  }

  setFormat(s: FakeSheet, r: number, c: number, format: unknown): void {
    if (format === null || format === undefined) return;
    if (typeof format !== "string") throw new FakeOfficeError("InvalidArgument", "A number format is text.");
    const k = key(r, c);
    const cell = { ...(s.cells.get(k) ?? {}) };
    if (format === "" || format === "General") delete cell.format;
    else cell.format = format;
    if (Object.keys(cell).length === 0) s.cells.delete(k);
    else s.cells.set(k, cell);
  }

  private dirty(): void {
    this.hf?.destroy();
    this.hf = null;
  }

  /** The workbook's computed values (HyperFormula with the add-in's functions). */
  private engine(): HyperFormula {
    if (this.hf) return this.hf;
    registerAddinFunctions();
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const s of this.sheets) {
      const grid: RawCellContent[][] = [];
      for (const [k, cell] of s.cells) {
        const [r, c] = k.split(",").map(Number);
        while (grid.length <= r) grid.push([]);
        grid[r][c] =
          cell.formula !== undefined
            ? toHyperFormulaFormula(cell.formula)
            : typeof cell.value === "string"
              ? `'${cell.value}`
              : (cell.value ?? null);
      }
      for (const row of grid) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      sheets[s.name] = grid;
    }
    this.hfNames = this.names.map((n) => n.name);
    this.hf = HyperFormula.buildFromSheets(
      sheets,
      { licenseKey: "gpl-v3", maxColumns: 16384, smartRounding: false },
      this.names.map((n) => ({ name: n.name, expression: n.formula })),
    );
    return this.hf;
  }

  /** The value Excel would show: [value, valueType]. */
  computed(s: FakeSheet, r: number, c: number): [unknown, string] {
    const cell = s.cells.get(key(r, c));
    if (!cell || (cell.formula === undefined && cell.value === undefined)) return ["", "Empty"];
    if (cell.formula === undefined)
      return [
        cell.value,
        typeof cell.value === "number" ? "Double" : typeof cell.value === "boolean" ? "Boolean" : "String",
      ];
    const hf = this.engine();
    const v = hf.getCellValue({ sheet: hf.getSheetId(s.name)!, row: r, col: c });
    if (v === null || v === undefined) return [0, "Double"];
    if (typeof v === "object") return [(v as { value: string }).value, "Error"];
    return [v, typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String"];
  }

  /** Every cell as HyperFormula raw content per sheet: what a test loads into another HyperFormula. */
  exportSheets(): Record<string, RawCellContent[][]> {
    this.engine();
    const out: Record<string, RawCellContent[][]> = {};
    for (const s of this.sheets)
      out[s.name] = this.engine().getSheetSerialized(this.engine().getSheetId(s.name)!);
    return out;
  }

  exportNames(): { name: string; expression: string }[] {
    return this.names.map((n) => ({ name: n.name, expression: n.formula }));
  }

  // ---- structure ----

  renameSheet(s: FakeSheet, to: string): void {
    const problem = sheetNameProblem(to);
    if (problem) throw new FakeOfficeError("InvalidArgument", problem);
    const other = this.findSheet(to);
    if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${to}" exists.`);
    const from = s.name;
    const rename = (n: string) => (n.toLowerCase() === from.toLowerCase() ? to : undefined);
    for (const sh of this.sheets)
      for (const cell of sh.cells.values())
        if (cell.formula !== undefined) cell.formula = renameFormulaSheets(cell.formula, rename);
    for (const n of this.names) n.formula = renameFormulaSheets(n.formula, rename);
    s.name = to;
    this.dirty();
  }

  deleteSheet(s: FakeSheet): void {
    if (this.sheets.length === 1)
      throw new FakeOfficeError("InvalidOperation", "A workbook must keep one sheet.");
    this.sheets.splice(this.sheets.indexOf(s), 1);
    for (const n of this.names) if (n.formula.includes(sheetRef(s.name))) n.formula = "=#REF!";
    this.dirty();
  }

  addName(name: string, formula: string, comment: string): void {
    if (this.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
      throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" exists.`);
    this.names.push({ name, formula, comment: comment ?? "" });
    this.dirty();
  }

  addPart(xml: string): string {
    const id = `{part-${this.nextId++}}`;
    this.parts.push({ id, xml });
    return id;
  }

  // ---- events ----

  addHandler(fn: (e: unknown) => unknown): number {
    const id = this.nextId++;
    this.handlers.push({ id, fn });
    return id;
  }

  removeHandler(id: number): void {
    this.handlers = this.handlers.filter((h) => h.id !== id);
  }

  fireChanged(s: FakeSheet, address: string): void {
    const event = {
      worksheetId: s.id,
      address,
      source: "Local",
      changeType: "RangeEdited",
      type: "WorksheetChanged",
    };
    for (const h of [...this.handlers]) setTimeout(() => void h.fn(event), 0);
  }

  /** Names the calculation engine knows (for tests of the fake itself). */
  get calculatedNames(): string[] {
    return this.hfNames;
  }
}

/** A proxy's loaded properties: readable only after load + sync. */
class Loadable {
  protected loaded: Record<string, unknown> = {};
  constructor(
    protected ctx: FakeContext,
    readonly _path: string,
  ) {}
  protected read(prop: string): unknown {
    if (!(prop in this.loaded))
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Call load and sync first.`,
      );
    return this.loaded[prop];
  }
  protected queue(op: string, args: unknown, run: () => void): void {
    this.ctx.queue({ path: this._path, op, args, run });
  }
  protected loadFrom(props: string, source: () => Record<string, unknown>): this {
    this.queue("load", props, () => {
      const all = source();
      for (const p of props.split(",").map((x) => x.trim())) {
        if (!(p in all))
          throw new FakeOfficeError("InvalidArgument", `Unknown property ${p} on ${this._path}.`);
        this.loaded[p] = all[p];
      }
    });
    return this;
  }
}

export class FakeContext {
  private actions: Action[] = [];
  private pendingLoads: (() => void)[] = [];
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () =>
        this.queue({
          path: "application",
          op: "suspendApiCalculationUntilNextSync",
          args: null,
          run: () => {},
        }),
    };
  }

  queue(a: Action): void {
    this.actions.push(a);
  }

  /** Sends the queued actions as one request. */
  async sync(): Promise<void> {
    const actions = this.actions;
    this.actions = [];
    const json = JSON.stringify(actions.map((a) => ({ p: a.path, o: a.op, a: a.args })));
    const bytes = Buffer.byteLength(json, "utf8");
    await Promise.resolve();
    if (bytes > this.excel.payloadLimit)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload (${bytes} bytes) is too large.`,
      );
    this.excel.syncBytes.push(bytes);
    for (const a of actions) a.run();
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  readonly customXmlParts: FakeParts;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.names = new FakeNames(ctx);
    this.customXmlParts = new FakeParts(ctx);
  }
}

class FakeWorksheets extends Loadable {
  readonly onChanged: { add: (fn: (e: unknown) => unknown) => FakeHandlerResult };
  constructor(ctx: FakeContext) {
    super(ctx, "worksheets");
    this.onChanged = {
      add: (fn) => {
        const result = new FakeHandlerResult(ctx);
        this.queue("onChanged.add", null, () => result.attach(ctx.excel.addHandler(fn)));
        return result;
      },
    };
  }
  get items(): FakeWorksheet[] {
    return this.read("items") as FakeWorksheet[];
  }
  load(props: string): this {
    const fields = props.split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.queue("load", props, () => {
      this.loaded.items = this.ctx.excel.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, `worksheets.getItem(${JSON.stringify(s.id)})`, () => s);
        ws.fill(fields);
        return ws;
      });
    });
    return this;
  }
  getItem(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets.getItem(${JSON.stringify(nameOrId)})`, () =>
      this.ctx.excel.sheet(nameOrId),
    );
  }
  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      `worksheets.getItemOrNullObject(${JSON.stringify(nameOrId)})`,
      () => this.ctx.excel.findSheet(nameOrId) ?? null,
      true,
    );
  }
  add(name: string): FakeWorksheet {
    let made: FakeSheet | null = null;
    this.queue("add", name, () => {
      made = this.ctx.excel.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, `worksheets.add(${JSON.stringify(name)})`, () => {
      if (!made) throw new FakeOfficeError("InvalidOperation", "The sheet was not added.");
      return made;
    });
  }
}

class FakeHandlerResult {
  private id: number | null = null;
  constructor(private ctx: FakeContext) {}
  attach(id: number): void {
    this.id = id;
  }
  remove(): void {
    this.ctx.queue({
      path: "eventHandler",
      op: "remove",
      args: null,
      run: () => {
        if (this.id !== null) this.ctx.excel.removeHandler(this.id);
      },
    });
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    ctx: FakeContext,
    path: string,
    private resolve: () => FakeSheet | null,
    private nullable = false,
  ) {
    super(ctx, path);
    // "*OrNullObject methods": isNullObject is known after the next sync, with no load
    // (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
    if (nullable)
      this.queue("isNullObject", null, () => {
        this.loaded.isNullObject = this.resolve() === null;
      });
  }
  target(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeOfficeError("ItemNotFound", `${this._path} doesn't exist.`);
    return s;
  }
  fill(fields: string[]): void {
    const s = this.target();
    for (const f of fields) this.loaded[f] = f === "name" ? s.name : f === "id" ? s.id : undefined;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(to: string) {
    this.queue("set name", to, () => this.ctx.excel.renameSheet(this.target(), to));
  }
  get id(): string {
    return this.read("id") as string;
  }
  load(props: string): this {
    return this.loadFrom(props, () => {
      const s = this.resolve();
      if (!s && this.nullable) return { isNullObject: true, name: undefined, id: undefined };
      return { isNullObject: false, name: this.target().name, id: this.target().id };
    });
  }
  delete(): void {
    this.queue("delete", null, () => this.ctx.excel.deleteSheet(this.target()));
  }
  activate(): void {
    this.queue("activate", null, () => {
      this.ctx.excel.activeSheet = this.target().name;
    });
  }
  getRange(address: string): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this._path}.getRange(${JSON.stringify(address)})`,
      () => this.target(),
      parseAddress(address),
    );
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this._path}.getRangeByIndexes(${r},${c},${rows},${cols})`,
      () => this.target(),
      {
        r0: r,
        c0: c,
        r1: r + rows - 1,
        c1: c + cols - 1,
      },
    );
  }
  getRanges(address: string): unknown {
    for (const a of address.split(",")) parseAddress(a);
    return {
      format: recorder(this.ctx, `${this._path}.getRanges(${JSON.stringify(address)}).format`, () =>
        this.target(),
      ),
    };
  }
  get customProperties(): FakeCustomProperties {
    return new FakeCustomProperties(this.ctx, `${this._path}.customProperties`, () => this.target());
  }
  get freezePanes(): unknown {
    return recorder(this.ctx, `${this._path}.freezePanes`, () => this.target());
  }
  get charts(): unknown {
    return recorder(this.ctx, `${this._path}.charts`, () => this.target());
  }
}

class FakeCustomProperties {
  constructor(
    private ctx: FakeContext,
    private path: string,
    private sheet: () => FakeSheet,
  ) {}
  add(k: string, value: string): void {
    this.ctx.queue({
      path: this.path,
      op: "add",
      args: [k, value],
      run: () => {
        if (k.length > 255)
          throw new FakeOfficeError("InvalidArgument", "A custom property key has at most 255 characters.");
        this.sheet().props.set(k.toLowerCase(), { key: k, value: String(value) });
      },
    });
  }
  getItemOrNullObject(k: string): FakeProperty {
    return new FakeProperty(
      this.ctx,
      `${this.path}.getItemOrNullObject(${JSON.stringify(k)})`,
      () => this.sheet().props.get(k.toLowerCase()) ?? null,
    );
  }
}

class FakeProperty extends Loadable {
  constructor(
    ctx: FakeContext,
    path: string,
    private resolve: () => { value: string } | null,
  ) {
    super(ctx, path);
    this.queue("isNullObject", null, () => {
      this.loaded.isNullObject = this.resolve() === null;
    });
  }
  load(props: string): this {
    return this.loadFrom(props, () => {
      const p = this.resolve();
      return { value: p?.value, isNullObject: p === null };
    });
  }
  get value(): string {
    return this.read("value") as string;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }
}

class FakeRange extends Loadable {
  constructor(
    ctx: FakeContext,
    path: string,
    private sheet: () => FakeSheet,
    private addr: Addr,
  ) {
    super(ctx, path);
  }
  private get rows() {
    return this.addr.r1 - this.addr.r0 + 1;
  }
  private get cols() {
    return this.addr.c1 - this.addr.c0 + 1;
  }
  private grid(v: unknown, what: string): unknown[][] {
    if (
      !Array.isArray(v) ||
      v.length !== this.rows ||
      v.some((r) => !Array.isArray(r) || r.length !== this.cols)
    )
      throw new FakeOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${this.rows}×${this.cols}).`,
      );
    return v as unknown[][];
  }
  private each(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.rows; i++)
      for (let j = 0; j < this.cols; j++) fn(this.addr.r0 + i, this.addr.c0 + j, i, j);
  }
  private write(how: "values" | "formulas", v: unknown): void {
    this.queue(`set ${how}`, v, () => {
      const g = this.grid(v, how);
      const s = this.sheet();
      this.each((r, c, i, j) => this.ctx.excel.setCell(s, r, c, g[i][j], how));
      this.ctx.excel.fireChanged(s, `${a1(this.addr.r0, this.addr.c0)}:${a1(this.addr.r1, this.addr.c1)}`);
    });
  }
  set values(v: unknown[][]) {
    this.write("values", v);
  }
  get values(): unknown[][] {
    return this.read("values") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v);
  }
  get formulas(): unknown[][] {
    return this.read("formulas") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.queue("set numberFormat", v, () => {
      const g = this.grid(v, "numberFormat");
      const s = this.sheet();
      this.each((r, c, i, j) => this.ctx.excel.setFormat(s, r, c, g[i][j]));
    });
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat") as unknown[][];
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes") as string[][];
  }
  load(props: string): this {
    return this.loadFrom(props, () => {
      const s = this.sheet();
      const values: unknown[][] = [];
      const types: string[][] = [];
      const formulas: unknown[][] = [];
      const formats: unknown[][] = [];
      for (let i = 0; i < this.rows; i++) {
        values.push([]);
        types.push([]);
        formulas.push([]);
        formats.push([]);
        for (let j = 0; j < this.cols; j++) {
          const [v, t] = this.ctx.excel.computed(s, this.addr.r0 + i, this.addr.c0 + j);
          const cell = s.cells.get(key(this.addr.r0 + i, this.addr.c0 + j));
          values[i].push(v);
          types[i].push(t);
          formulas[i].push(cell?.formula ?? (cell?.value === undefined ? "" : cell.value));
          formats[i].push(cell?.format ?? "General");
        }
      }
      return {
        values,
        valueTypes: types,
        formulas,
        numberFormat: formats,
        address: `${sheetRef(s.name)}${a1(this.addr.r0, this.addr.c0)}`,
      };
    });
  }
  select(): void {
    this.queue("select", null, () => {
      const s = this.sheet();
      if (this.ctx.excel.activeSheet !== s.name)
        throw new FakeOfficeError("InvalidOperation", "Only a range on the active sheet can be selected.");
      this.ctx.excel.selection = {
        sheet: s.name,
        a1:
          this.rows === 1 && this.cols === 1
            ? a1(this.addr.r0, this.addr.c0)
            : `${a1(this.addr.r0, this.addr.c0)}:${a1(this.addr.r1, this.addr.c1)}`,
      };
    });
  }
  getOffsetRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, `${this._path}.getOffsetRange(${rows},${cols})`, this.sheet, {
      r0: this.addr.r0 + rows,
      r1: this.addr.r1 + rows,
      c0: this.addr.c0 + cols,
      c1: this.addr.c1 + cols,
    });
  }
  get format(): unknown {
    return recorder(this.ctx, `${this._path}.format`, this.sheet);
  }
  get dataValidation(): unknown {
    return recorder(this.ctx, `${this._path}.dataValidation`, this.sheet);
  }
  get conditionalFormats(): unknown {
    return recorder(this.ctx, `${this._path}.conditionalFormats`, this.sheet);
  }
}

/**
 * Formatting, validation, panes and charts: kept as a log on the sheet in the order Excel would
 * apply them (these have no effect on values). Arguments that are ranges are kept as their path.
 */
function recorder(ctx: FakeContext, path: string, sheet: () => FakeSheet): unknown {
  const arg = (a: unknown) => (a instanceof Loadable ? { range: a._path } : a);
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get(_, prop) {
      if (typeof prop === "symbol") return undefined;
      if (prop === "then") return undefined;
      return recorder(ctx, `${path}.${prop}`, sheet);
    },
    set(_, prop, value) {
      ctx.queue({
        path: `${path}.${String(prop)}`,
        op: "set",
        args: arg(value),
        run: () => sheet().log.push({ path: `${path}.${String(prop)}`, op: "set", args: arg(value) }),
      });
      return true;
    },
    apply(_, __, args: unknown[]) {
      const a = args.map(arg);
      ctx.queue({ path, op: "call", args: a, run: () => sheet().log.push({ path, op: "call", args: a }) });
      return recorder(ctx, `${path}(${a.length})`, sheet);
    },
  });
}

class FakeNames extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx, "names");
  }
  get items(): { name: string; formula: string; comment: string }[] {
    return this.read("items") as { name: string; formula: string; comment: string }[];
  }
  load(props: string): this {
    this.queue("load", props, () => {
      this.loaded.items = this.ctx.excel.names.map((n) => ({ ...n }));
    });
    return this;
  }
  add(name: string, formula: string, comment: string): void {
    this.queue("add", [name, formula, comment], () => this.ctx.excel.addName(name, formula, comment));
  }
  getItem(name: string): { delete: () => void } {
    return {
      delete: () =>
        this.queue(`getItem(${JSON.stringify(name)}).delete`, null, () => {
          const i = this.ctx.excel.names.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
          if (i < 0) throw new FakeOfficeError("ItemNotFound", `The name "${name}" doesn't exist.`);
          this.ctx.excel.names.splice(i, 1);
        }),
    };
  }
}

class FakeParts extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx, "customXmlParts");
  }
  get items(): FakePart[] {
    return this.read("items") as FakePart[];
  }
  load(props: string): this {
    this.queue("load", props, () => {
      this.loaded.items = this.ctx.excel.parts.map((p) => {
        const part = new FakePart(this.ctx, p.id);
        part.fill(p.id, namespaceOf(p.xml));
        return part;
      });
    });
    return this;
  }
  getItem(id: string): FakePart {
    return new FakePart(this.ctx, id);
  }
  add(xml: string): void {
    this.queue("add", xml, () => {
      if (namespaceOf(xml) === null)
        throw new FakeOfficeError("InvalidArgument", "The XML is not well-formed.");
      this.ctx.excel.addPart(xml);
    });
  }
}

function namespaceOf(xml: string): string | null {
  const root = /<(?![?!])[\w.:-]+\b([^>]*)>/.exec(xml);
  const m = root && /\sxmlns\s*=\s*"([^"]*)"/.exec(root[1]);
  return m ? m[1] : "";
}

class FakePart extends Loadable {
  constructor(
    ctx: FakeContext,
    private partId: string,
  ) {
    super(ctx, `customXmlParts.getItem(${JSON.stringify(partId)})`);
  }
  fill(id: string, ns: string | null): void {
    this.loaded.id = id;
    this.loaded.namespaceUri = ns ?? "";
  }
  get id(): string {
    return this.read("id") as string;
  }
  get namespaceUri(): string {
    return this.read("namespaceUri") as string;
  }
  private part() {
    const p = this.ctx.excel.parts.find((x) => x.id === this.partId);
    if (!p) throw new FakeOfficeError("ItemNotFound", `The part ${this.partId} doesn't exist.`);
    return p;
  }
  getXml(): { value: string } {
    const result: { loaded: boolean; v: string } = { loaded: false, v: "" };
    this.queue("getXml", null, () => {
      result.v = this.part().xml;
      result.loaded = true;
    });
    return {
      get value() {
        if (!result.loaded)
          throw new FakeOfficeError(
            "PropertyNotLoaded",
            "The value of the result object has not been loaded yet.",
          );
        return result.v;
      },
    };
  }
  setXml(xml: string): void {
    this.queue("setXml", xml, () => {
      this.part().xml = xml;
    });
  }
}
