/**
 * The Excel host: a WorkbookHost over Office.js, the only file of the project that calls it.
 *
 * A build is one `Excel.run`: two reading round trips (sheets, names and state parts; then the
 * sheets' tags and the state's XML), then the writes packed into requests of at most ~2 MB of
 * estimated JSON each — whole 2-D blocks per sheet, never a sync inside a loop over cells. Excel on
 * the web refuses a request over 5 MB (RequestPayloadSizeLimitExceeded); when it still does, the
 * budget is halved, the blocks split and the request retried.
 *
 * The add-in's sheets carry worksheet custom properties; a rebuild renames its old sheets aside,
 * writes the new ones and deletes the old last, so a cancel can put everything back. A user's sheet
 * or name is never written, renamed or deleted. Text is written under the text number format.
 *
 * Microsoft Learn pages for each Excel rule relied on are cited beside it; behaviour the docs do
 * not settle is listed in the README ("Excel host: unknown behaviour").
 */
import {
  PLAN_TAG,
  PlanChart,
  PlanConditionalFormat,
  PlanInputCell,
  PlanValidation,
  SheetPlan,
} from "../model/plan";
import { decodeStateParts, emptyState, encodeState, stateNamespaceVersion } from "./document-state";
import {
  CellUpdate,
  CellValue,
  DocumentState,
  NameClashError,
  SheetInfo,
  StateLoad,
  WorkbookHost,
  WriteCancelledError,
  WriteOptions,
  WriteResult,
} from "./host";
import { planSheetRenames, renamePlanSheets, sheetNameProblem } from "./host-sheets";
import { inputsFromCells } from "../model/read-inputs";
import {
  ACTION_OVERHEAD,
  Block,
  TEXT_FORMAT,
  ROLE_FONTS,
  blockAddress,
  columnWidthRuns,
  jsonBytes,
  roleAreas,
  serialToIsoDate,
  sheetBlock,
  sliceBlock,
  splitBlock,
  splitSheetRange,
} from "./excel-layout";

/** Worksheet custom property keys that mark the add-in's sheets (ExcelApi 1.12:
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetcustompropertycollection). */
export const TAG_KEY = "MsoModeler.tag";
export const KIND_KEY = "MsoModeler.kind";
/** Ends the comment of every defined name the add-in creates: how a rebuild knows its own names. */
export const NAME_MARK = "[mso-modeler]";

/**
 * Requests are kept under 2 MB of estimated JSON, well inside Excel on the web's 5 MB payload limit
 * ("Resource limits and performance optimization for Office Add-ins", Excel add-ins:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
export const REQUEST_BUDGET = 2_000_000 - 50_000;
/** Below this a request that Excel still refuses is not split further: the build stops with a message. */
const MIN_BUDGET = 16_000;

/** What each requirement set is needed for ("Excel JavaScript API requirement sets":
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets). */
export const REQUIREMENTS: { set: string; version: string; for: string }[] = [
  { set: "ExcelApi", version: "1.4", for: "defined names" },
  { set: "ExcelApi", version: "1.5", for: "the add-in's state in a custom XML part" },
  { set: "ExcelApi", version: "1.6", for: "conditional formats and suspending calculation during a build" },
  { set: "ExcelApi", version: "1.7", for: "chart series, freeze panes and name formulas" },
  { set: "ExcelApi", version: "1.8", for: "data validation" },
  { set: "ExcelApi", version: "1.9", for: "styling many ranges at once and workbook change events" },
  { set: "ExcelApi", version: "1.12", for: "tagging the add-in's sheets (worksheet custom properties)" },
];

/** Thrown when this Excel lacks a requirement set the host uses: a message, not a stack trace. */
export class ExcelRequirementError extends Error {
  constructor(public readonly missing: typeof REQUIREMENTS) {
    super(
      "This version of Excel lacks features MSO Modeler needs: " +
        missing.map((m) => `${m.set} ${m.version} (${m.for})`).join("; ") +
        ". Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.",
    );
    this.name = "ExcelRequirementError";
  }
}

/** The requirement sets this Excel lacks; `isSetSupported` is Office.context.requirements.isSetSupported
 * ("Check for API availability at runtime": https://learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime). */
export function missingRequirements(
  isSetSupported: (set: string, version: string) => boolean,
): typeof REQUIREMENTS {
  return REQUIREMENTS.filter((r) => !isSetSupported(r.set, r.version));
}

type Ctx = Excel.RequestContext;
/** `Excel.run`, or the test fake's. */
export type ExcelRun = <T>(batch: (context: Ctx) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  run: ExcelRun;
  isSetSupported: (set: string, version: string) => boolean;
  /** Request budget in bytes of estimated JSON (tests lower it). */
  requestBudget?: number;
}

/** An Office.js error's code (OfficeExtension.Error.code), e.g. "RequestPayloadSizeLimitExceeded". */
function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null ? (e as { code?: string }).code : undefined;
}

interface SheetRow {
  name: string;
  id: string;
  tag: string | null;
  kind: string | null;
}

interface Inspection {
  sheets: SheetRow[];
  names: { name: string; formula: string; comment: string }[];
  /** The add-in's state parts in document order (any version). */
  stateParts: { id: string; xml: string }[];
}

/** One thing to send: its estimated bytes and how to queue it in a request. */
interface Op {
  bytes: number;
  apply(scope: Scope): void;
  /** A block op can be split when Excel refuses a request. */
  block?: Block;
}

/** Proxies of one request, so each sheet is looked up once per request. */
class Scope {
  private sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly ctx: Ctx) {}
  sheet(name: string): Excel.Worksheet {
    let s = this.sheets.get(name);
    if (!s) {
      s = this.ctx.workbook.worksheets.getItem(name);
      this.sheets.set(name, s);
    }
    return s;
  }
  range(ref: string): Excel.Range {
    const { sheet, address } = splitSheetRange(ref);
    return this.sheet(sheet).getRange(address);
  }
}

const op = (bytes: number, apply: (s: Scope) => void): Op => ({ bytes: bytes + ACTION_OVERHEAD, apply });

function blockOp(b: Block): Op {
  return {
    bytes: b.bytes,
    block: b,
    apply: (s) => {
      const range = s.sheet(b.sheet).getRange(blockAddress(b));
      // Formats first: a text cell must be text-formatted before its content arrives.
      range.numberFormat = b.formats as any[][];
      range.formulas = b.formulas as any[][];
    },
  };
}

function cellError(text: string): CellValue {
  return { error: text };
}

/** Values as Office.js gives them (values + valueTypes) → CellValue. */
function toCellValues(values: any[][], types: string[][]): CellValue[][] {
  return values.map((row, r) =>
    row.map((v, c) => {
      const t = types[r][c];
      if (t === "Empty") return null;
      if (t === "Error") return cellError(String(v));
      return v as CellValue;
    }),
  );
}

export class ExcelHost implements WorkbookHost {
  private readonly run: ExcelRun;
  private readonly budget: number;
  private inputCells: PlanInputCell[] | null = null;
  private inputListeners = new Set<() => void>();
  private changeHandler: Promise<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>> | null =
    null;

  /** Throws ExcelRequirementError when this Excel lacks a requirement set the host uses. */
  constructor(options: ExcelHostOptions) {
    const missing = missingRequirements(options.isSetSupported);
    if (missing.length > 0) throw new ExcelRequirementError(missing);
    this.run = options.run;
    this.budget = options.requestBudget ?? REQUEST_BUDGET;
  }

  // ---- reading the workbook's structure ----

  /** Two round trips: sheets, names and part namespaces; then tags and the state parts' XML. */
  private async inspect(ctx: Ctx): Promise<Inspection> {
    const sheets = ctx.workbook.worksheets.load("items/name,items/id");
    const names = ctx.workbook.names.load("items/name,items/formula,items/comment");
    const parts = ctx.workbook.customXmlParts.load("items/id,items/namespaceUri");
    await ctx.sync();
    const tags = sheets.items.map((s) => ({
      tag: s.customProperties.getItemOrNullObject(TAG_KEY).load("value"),
      kind: s.customProperties.getItemOrNullObject(KIND_KEY).load("value"),
    }));
    // Custom XML parts: https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings#custom-xml-parts
    const ours = parts.items.filter((p) => stateNamespaceVersion(p.namespaceUri) !== null);
    const xml = ours.map((p) => p.getXml());
    await ctx.sync();
    return {
      sheets: sheets.items.map((s, i) => ({
        name: s.name,
        id: s.id,
        tag: tags[i].tag.isNullObject ? null : String(tags[i].tag.value),
        kind: tags[i].kind.isNullObject ? null : String(tags[i].kind.value),
      })),
      names: names.items.map((n) => ({ name: n.name, formula: String(n.formula), comment: n.comment ?? "" })),
      stateParts: ours.map((p, i) => ({ id: p.id, xml: xml[i].value })),
    };
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const { sheets } = await this.inspect(ctx);
      return sheets.map((s) =>
        s.tag === null
          ? { name: s.name, tag: null }
          : { name: s.name, tag: s.tag, kind: s.kind ?? undefined },
      );
    });
  }

  // ---- writing a plan ----

  async writePlan(plan: SheetPlan, options: WriteOptions = {}): Promise<WriteResult> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new WriteCancelledError();
    return this.run(async (ctx) => {
      const found = await this.inspect(ctx);
      const existing: SheetInfo[] = found.sheets.map((s) => ({ name: s.name, tag: s.tag }));
      const written = renamePlanSheets(plan, planSheetRenames(plan, existing, options.onClash));
      for (const s of written.sheets) {
        const problem = sheetNameProblem(s.name);
        if (problem) throw new Error(`The model cannot be written: ${problem}`);
      }
      const ownNames = found.names.filter((n) => n.comment.endsWith(NAME_MARK));
      const userNames = new Set(
        found.names.filter((n) => !n.comment.endsWith(NAME_MARK)).map((n) => n.name.toLowerCase()),
      );
      const clashes = planNames(written).filter((n) => userNames.has(n.name.toLowerCase()));
      if (clashes.length > 0) throw new NameClashError(clashes.map((n) => n.name));
      if (signal?.aborted) throw new WriteCancelledError();

      const oldSheets = found.sheets.filter((s) => s.tag !== null);
      const taken = new Set(found.sheets.map((s) => s.name.toLowerCase()));
      const aside = oldSheets.map((s, i) => {
        let name = `~mso-old-${i + 1}`;
        for (let k = 2; taken.has(name.toLowerCase()); k++) name = `~mso-old-${i + 1}-${k}`;
        taken.add(name.toLowerCase());
        return { from: s.name, to: name };
      });
      const state = decodeStateParts(found.stateParts.map((p) => p.xml));
      const structure = structureOps(written, aside, ownNames);
      const ops = [
        ...structure,
        ...contentOps(written, this.budget),
        ...finishOps(written, aside, state, found.stateParts),
      ];
      await this.send(ctx, ops, {
        onProgress,
        cancelled: () => signal?.aborted === true,
        rollbackAfter: structure.length,
        rollback: () => rollbackOps(written, aside, ownNames),
      });
      this.inputCells = written.inputCells ?? null;
      const sheetNames: Record<string, string> = {};
      plan.sheets.forEach((s, i) => (sheetNames[s.name] = written.sheets[i].name));
      return { sheetNames, plan: written };
    });
  }

  /**
   * Packs ops into requests under the budget, one sync per request, calculation suspended in each
   * (Application.suspendApiCalculationUntilNextSync, ExcelApi 1.6: "Optimize performance using the
   * Excel JavaScript API": https://learn.microsoft.com/office/dev/add-ins/excel/performance). Between
   * requests a cancel rolls back; a refused payload halves the budget and retries.
   */
  private async send(
    ctx: Ctx,
    ops: Op[],
    how: {
      onProgress?: WriteOptions["onProgress"];
      cancelled: () => boolean;
      /** Ops that must all have been sent before a rollback can undo the build (the new sheets exist). */
      rollbackAfter: number;
      rollback: () => Op[];
    },
  ): Promise<void> {
    let budget = this.budget;
    let queue = ops.flatMap((o) => (o.block ? splitBlock(o.block, budget).map(blockOp) : [o]));
    let done = 0;
    let sent = 0;
    while (queue.length > 0) {
      const { batch, rest } = takeBatch(queue, budget);
      const scope = new Scope(ctx);
      ctx.application.suspendApiCalculationUntilNextSync();
      for (const o of batch) o.apply(scope);
      try {
        await ctx.sync();
      } catch (e) {
        // "Error handling with the application-specific JavaScript APIs", RequestPayloadSizeLimitExceeded:
        // https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
        if (errorCode(e) !== "RequestPayloadSizeLimitExceeded") throw e;
        budget = Math.floor(budget / 2);
        if (budget < MIN_BUDGET)
          throw new Error("Excel refused the model's data even in small pieces (request payload too large).");
        queue = [...batch, ...rest].flatMap((o) =>
          o.block ? splitBlock(o.block, budget).map(blockOp) : [o],
        );
        continue;
      }
      queue = rest;
      sent += batch.length;
      done++;
      const left = Math.ceil(queue.reduce((n, o) => n + o.bytes, 0) / budget);
      how.onProgress?.({ done, total: done + left, phase: left > 0 ? "Writing sheets" : "Built" });
      if (queue.length > 0 && sent >= how.rollbackAfter && how.cancelled()) {
        const undo = new Scope(ctx);
        for (const o of how.rollback()) o.apply(undo);
        await ctx.sync();
        throw new WriteCancelledError();
      }
    }
  }

  // ---- reading values ----

  async readValue(sheet: string, a1: string): Promise<CellValue> {
    return (await this.readRange(sheet, a1))[0][0];
  }

  async readRange(sheet: string, range: string): Promise<CellValue[][]> {
    return this.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(sheet).getRange(range).load("values,valueTypes");
      await ctx.sync();
      return toCellValues(r.values, r.valueTypes as string[][]);
    });
  }

  /**
   * Sets constants on the add-in's own sheets. A string goes into a text-formatted cell ("@") as it
   * is; anywhere else it gets a leading apostrophe, Excel's mark for "this is text" — without it
   * Excel would read `=…`, `+1`, `-2` as formulas or numbers (Excel.Range values:
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values) — so the
   * cell's own number format is left as it is. In a text-formatted cell Excel keeps an apostrophe
   * as a character, hence the first round trip reads the formats.
   */
  async writeValues(sheet: string, updates: CellUpdate[]): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const tag = ws.customProperties.getItemOrNullObject(TAG_KEY).load("value");
      const ranges = updates.map((u) => ws.getRange(u.a1).load("numberFormat"));
      await ctx.sync();
      if (tag.isNullObject)
        throw new Error(`"${sheet}" is not a sheet the add-in created; its cells are left as they are.`);
      updates.forEach((u, i) => {
        const v = u.value;
        const text = ranges[i].numberFormat[0][0] === TEXT_FORMAT;
        ranges[i].values = [[typeof v === "string" ? (text ? v : `'${v}`) : v === null ? "" : v]];
      });
      await ctx.sync();
    });
  }

  async readInputs(): Promise<unknown | null> {
    return this.run(async (ctx) => {
      let cells = this.inputCells;
      if (!cells) {
        const found = await this.inspect(ctx);
        const load = decodeStateParts(found.stateParts.map((p) => p.xml));
        cells = load.status === "ok" ? (load.state.inputCells ?? null) : null;
      }
      if (!cells || cells.length === 0) return null;
      // One range per sheet over the input cells, read in one round trip.
      const bySheet = new Map<string, PlanInputCell[]>();
      for (const c of cells) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
      const reads = [...bySheet].map(([sheet, list]) => {
        const ranges = list.map((c) =>
          ctx.workbook.worksheets.getItem(sheet).getRange(c.a1).load("values,valueTypes"),
        );
        return { sheet, list, ranges };
      });
      await ctx.sync();
      const values = new Map<string, CellValue>();
      for (const r of reads)
        r.list.forEach((c, i) =>
          values.set(
            `${r.sheet}!${c.a1}`,
            toCellValues(r.ranges[i].values, r.ranges[i].valueTypes as string[][])[0][0],
          ),
        );
      return inputsFromCells(cells, (sheet, a1) => values.get(`${sheet}!${a1}`) ?? null);
    });
  }

  /** Activates the sheet and selects the cell (Range.select, ExcelApi 1.1:
   * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-select-member(1)). */
  async selectCell(sheet: string, a1: string): Promise<void> {
    await this.run(async (context) => {
      const found = context.workbook.worksheets.getItemOrNullObject(sheet);
      await context.sync();
      if (found.isNullObject) throw new Error(`The workbook has no sheet named "${sheet}".`);
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(a1).select();
      await context.sync();
    });
  }

  // ---- document state ----

  async loadState(): Promise<StateLoad> {
    return this.run(async (ctx) => decodeStateParts((await this.inspect(ctx)).stateParts.map((p) => p.xml)));
  }

  async saveState(state: DocumentState): Promise<void> {
    await this.run(async (ctx) => {
      const found = await this.inspect(ctx);
      const load = decodeStateParts(found.stateParts.map((p) => p.xml));
      if (load.status === "unreadable")
        throw new Error(`The add-in state was not saved: ${load.reason}. The stored state is kept as it is.`);
      const scope = new Scope(ctx);
      for (const o of stateOps(state, found.stateParts)) o.apply(scope);
      await ctx.sync();
    });
  }

  // ---- input changes ----

  /**
   * Listens to the workbook's change events (WorksheetCollection.onChanged, ExcelApi 1.9: "Work with
   * events using the Excel JavaScript API": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events)
   * and tells the listeners when the changed sheet is the add-in's Inputs sheet (found by its tag,
   * so a rebuild's new Inputs sheet is followed).
   */
  onInputsChanged(listener: () => void): () => void {
    this.inputListeners.add(listener);
    if (!this.changeHandler) {
      this.changeHandler = this.run(async (ctx) => {
        const result = ctx.workbook.worksheets.onChanged.add(async (event) => {
          if (this.inputListeners.size === 0) return;
          const kind = await this.run(async (context) => {
            const property = context.workbook.worksheets
              .getItem(event.worksheetId)
              .customProperties.getItemOrNullObject(KIND_KEY);
            property.load("value");
            await context.sync();
            return property.isNullObject ? null : String(property.value);
          });
          if (kind === "inputs") for (const l of [...this.inputListeners]) l();
        });
        await ctx.sync();
        return result;
      });
    }
    return () => {
      this.inputListeners.delete(listener);
      if (this.inputListeners.size === 0 && this.changeHandler) {
        const pending = this.changeHandler;
        this.changeHandler = null;
        void pending.then((result) =>
          this.run(async (ctx) => {
            result.remove();
            await ctx.sync();
          }),
        );
      }
    };
  }
}

// ---- what a build sends ----

function planNames(plan: SheetPlan): { name: string; formula: string; comment: string }[] {
  const absolute = (a1: string) => a1.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2");
  const q = (s: string) => `'${s.replace(/'/g, "''")}'!`;
  return [
    ...plan.names.map((n) => ({
      name: n.name,
      formula: `=${q(n.sheet)}${n.ref}`,
      comment: `${n.comment ? `${n.comment} ` : ""}${NAME_MARK}`,
    })),
    ...plan.tables.map((t) => ({
      name: t.name,
      formula: `=${q(t.sheet)}${t.ref.split(":").map(absolute).join(":")}`,
      comment: `Table ${t.columns.join(", ")} ${NAME_MARK}`.slice(-255),
    })),
  ];
}

/**
 * The first request's head: the old sheets renamed aside (deleted at the end), the add-in's old
 * names removed, the new sheets added and tagged, then the new names (their sheets exist by now).
 * Names: NamedItemCollection.add, ExcelApi 1.4 (https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection).
 * Sheets: "Work with worksheets" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets).
 */
function structureOps(
  plan: SheetPlan,
  aside: { from: string; to: string }[],
  ownNames: { name: string }[],
): Op[] {
  return [
    ...ownNames.map((n) => op(jsonBytes(n.name), (s) => s.ctx.workbook.names.getItem(n.name).delete())),
    ...aside.map((a) =>
      op(jsonBytes(a), (s) => {
        s.ctx.workbook.worksheets.getItem(a.from).name = a.to;
      }),
    ),
    ...plan.sheets.map((sheet) =>
      op(3 * ACTION_OVERHEAD + jsonBytes(sheet.name), (s) => {
        const ws = s.ctx.workbook.worksheets.add(sheet.name);
        ws.customProperties.add(TAG_KEY, PLAN_TAG);
        ws.customProperties.add(KIND_KEY, sheet.kind);
      }),
    ),
    ...planNames(plan).map((n) =>
      op(jsonBytes(n), (s) => s.ctx.workbook.names.add(n.name, n.formula, n.comment)),
    ),
  ];
}

/** Cells, styles, widths, panes, validation and conditional formats of every sheet, then the charts. */
function contentOps(plan: SheetPlan, budget: number): Op[] {
  const ops: Op[] = [];
  for (const sheet of plan.sheets) {
    const block = sheetBlock(sheet);
    if (block) ops.push(...splitBlock(block, budget).map(blockOp));
    // Several ranges at once: RangeAreas, ExcelApi 1.9
    // (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-multiple-ranges).
    for (const [role, areas] of roleAreas(sheet)) {
      const font = ROLE_FONTS[role]!;
      for (let i = 0; i < areas.length; i += 50) {
        const address = areas.slice(i, i + 50).join(",");
        ops.push(
          op(jsonBytes(address) + jsonBytes(font) + 3 * ACTION_OVERHEAD, (s) => {
            const f = s.sheet(sheet.name).getRanges(address).format.font;
            if (font.color !== undefined) f.color = font.color;
            if (font.bold !== undefined) f.bold = font.bold;
            if (font.italic !== undefined) f.italic = font.italic;
            if (font.size !== undefined) f.size = font.size;
          }),
        );
      }
    }
    for (const run of columnWidthRuns(sheet.columnWidths))
      ops.push(
        op(jsonBytes(run), (s) => {
          s.sheet(sheet.name).getRange(run.columns).format.columnWidth = run.points;
        }),
      );
    const freeze = sheet.freeze;
    if (freeze && (freeze.rows > 0 || freeze.columns > 0))
      // Freeze panes, ExcelApi 1.7 ("Work with worksheets", freeze panes).
      ops.push(
        op(0, (s) => {
          const panes = s.sheet(sheet.name).freezePanes;
          if (freeze.rows > 0 && freeze.columns > 0)
            panes.freezeAt(s.sheet(sheet.name).getRangeByIndexes(0, 0, freeze.rows, freeze.columns));
          else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
          else panes.freezeColumns(freeze.columns);
        }),
      );
    for (const v of sheet.validations ?? [])
      ops.push(op(3 * jsonBytes(v), (s) => applyValidation(s, sheet.name, v)));
    for (const c of sheet.conditionalFormats ?? [])
      ops.push(op(3 * jsonBytes(c) + 4 * ACTION_OVERHEAD, (s) => applyConditionalFormat(s, sheet.name, c)));
  }
  for (const chart of plan.charts)
    ops.push(
      op(jsonBytes(chart) + (6 + 5 * chart.series.length) * ACTION_OVERHEAD, (s) => addChart(s, chart)),
    );
  return ops;
}

/**
 * Data validation, ExcelApi 1.8 ("Add data validation to Excel ranges":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation). Excel caps the
 * alert title at 32 characters and the message at 255.
 */
function applyValidation(s: Scope, sheet: string, v: PlanValidation): void {
  const dv = s.sheet(sheet).getRange(v.range).dataValidation;
  const r = v.rule;
  const between = (min?: number | string, max?: number | string) =>
    min !== undefined && max !== undefined
      ? { formula1: min, formula2: max, operator: "Between" }
      : min !== undefined
        ? { formula1: min, operator: "GreaterThanOrEqualTo" }
        : { formula1: max!, operator: "LessThanOrEqualTo" };
  let rule: Excel.DataValidationRule | null = null;
  if (r.kind === "list")
    rule = { list: { inCellDropDown: true, source: "source" in r ? r.source : r.values.join(",") } };
  else if (r.kind === "decimal" && (r.min !== undefined || r.max !== undefined))
    rule = { decimal: between(r.min, r.max) as Excel.BasicDataValidation };
  else if (r.kind === "whole" && (r.min !== undefined || r.max !== undefined))
    rule = { wholeNumber: between(r.min, r.max) as Excel.BasicDataValidation };
  else if (r.kind === "date" && (r.min !== undefined || r.max !== undefined))
    rule = {
      date: between(
        r.min === undefined ? undefined : serialToIsoDate(r.min),
        r.max === undefined ? undefined : serialToIsoDate(r.max),
      ) as Excel.DateTimeDataValidation,
    };
  else if (r.kind === "textLength") rule = { textLength: { formula1: r.max, operator: "LessThanOrEqualTo" } };
  if (!rule) return;
  dv.rule = rule;
  dv.ignoreBlanks = v.allowBlank;
  dv.errorAlert = { message: v.error.slice(0, 255), showAlert: true, style: "Stop", title: "MSO Modeler" };
  if (v.prompt) dv.prompt = { message: v.prompt.slice(0, 255), showPrompt: true, title: "MSO Modeler" };
}

/** Excel's own "bad / good / neutral" cell styles' colours, so a meaning reads as Excel users expect. */
const CF_STYLE = {
  bad: { font: "#9C0006", fill: "#FFC7CE" },
  good: { font: "#006100", fill: "#C6EFCE" },
  warning: { font: "#9C5700", fill: "#FFEB9C" },
};

/**
 * Conditional formats, ExcelApi 1.6 ("Apply conditional formatting to Excel ranges":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting). A custom
 * formula is relative to the range's top-left cell, as in Excel's dialog.
 */
function applyConditionalFormat(s: Scope, sheet: string, c: PlanConditionalFormat): void {
  const range = s.sheet(sheet).getRange(c.range);
  const style = CF_STYLE[c.style];
  const topLeft = c.range.split(":")[0].replace(/\$/g, "");
  if (c.rule.kind === "lessThan") {
    const cf = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
    cf.cellValue.format.font.color = style.font;
    cf.cellValue.format.fill.color = style.fill;
    cf.cellValue.rule = { formula1: String(c.rule.value), operator: "LessThan" };
    return;
  }
  const formula =
    c.rule.kind === "textEquals" ? `=${topLeft}="${c.rule.text.replace(/"/g, '""')}"` : c.rule.formula;
  const cf = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  cf.custom.rule.formula = formula;
  cf.custom.format.font.color = style.font;
  cf.custom.format.fill.color = style.fill;
}

/**
 * A native chart over the plan's ranges ("Work with charts using the Excel JavaScript API":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts; series.setValues and
 * setXAxisValues are ExcelApi 1.7). Colours are left to the workbook's theme.
 */
function addChart(s: Scope, c: PlanChart): void {
  const kind = (as: "line" | "column") => (as === "line" ? "Line" : "ColumnClustered") as Excel.ChartType;
  const base = c.type === "combo" ? "column" : c.type;
  const chart = s
    .sheet(c.sheet)
    .charts.add(kind(base), s.range(c.series[0].values), "Auto" as Excel.ChartSeriesBy);
  chart.title.text = c.title;
  chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
  chart.axes.categoryAxis.title.text = c.axes.category;
  chart.axes.valueAxis.title.text = c.axes.value;
  if (c.axes.valueFormat) chart.axes.valueAxis.numberFormat = c.axes.valueFormat;
  if (c.axes.categoryFormat) chart.axes.categoryAxis.numberFormat = c.axes.categoryFormat;
  c.series.forEach((ser, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(ser.name);
    series.name = ser.name;
    series.setValues(s.range(ser.values));
    if (ser.categories) series.setXAxisValues(s.range(ser.categories));
    if (c.type === "combo") series.chartType = kind(ser.as ?? "column");
    if (ser.dashed) series.format.line.lineStyle = "Dash" as Excel.ChartLineStyle;
  });
  const anchor = s.sheet(c.sheet).getRange(c.anchor);
  chart.setPosition(anchor, anchor.getOffsetRange(c.size.rows, c.size.columns));
}

/** The state part written as the plan's input map changes (kept as it is when unreadable). */
function stateOps(state: DocumentState, parts: { id: string }[]): Op[] {
  const xml = encodeState(state);
  return [
    op(jsonBytes(xml), (s) => {
      if (parts.length > 0) s.ctx.workbook.customXmlParts.getItem(parts[0].id).setXml(xml);
      else s.ctx.workbook.customXmlParts.add(xml);
    }),
  ];
}

/** The last request's tail: the old sheets go, the state records the new input map, Inputs is shown. */
function finishOps(
  plan: SheetPlan,
  aside: { to: string }[],
  state: StateLoad,
  parts: { id: string }[],
): Op[] {
  const ops = aside.map((a) => op(jsonBytes(a.to), (s) => s.ctx.workbook.worksheets.getItem(a.to).delete()));
  if (state.status !== "unreadable" && plan.inputCells)
    ops.push(
      ...stateOps(
        { ...(state.status === "ok" ? state.state : emptyState()), inputCells: plan.inputCells },
        parts,
      ),
    );
  const first = plan.sheets[0];
  if (first) ops.push(op(0, (s) => s.sheet(first.name).activate()));
  return ops;
}

/** Undoes a build cut short between requests: new sheets and names go, the old come back. */
function rollbackOps(
  plan: SheetPlan,
  aside: { from: string; to: string }[],
  ownNames: { name: string; formula: string; comment: string }[],
): Op[] {
  return [
    ...planNames(plan).map((n) => op(0, (s) => s.ctx.workbook.names.getItem(n.name).delete())),
    ...plan.sheets.map((sheet) => op(0, (s) => s.ctx.workbook.worksheets.getItem(sheet.name).delete())),
    ...aside.map((a) =>
      op(0, (s) => {
        s.ctx.workbook.worksheets.getItem(a.to).name = a.from;
      }),
    ),
    ...ownNames.map((n) => op(0, (s) => s.ctx.workbook.names.add(n.name, n.formula, n.comment))),
  ];
}

/** Room below which a block is not cut to fill a request (the next request takes it whole). */
const MIN_FILL = 20_000;

/**
 * The next request: ops in order while they fit the budget (always at least one); a block that does
 * not fit is cut by rows to fill the room left, so requests come out nearly full and the number of
 * syncs follows the bytes.
 */
function takeBatch(queue: Op[], budget: number): { batch: Op[]; rest: Op[] } {
  const batch: Op[] = [];
  let size = 0;
  for (let i = 0; i < queue.length; i++) {
    const o = queue[i];
    if (batch.length === 0 || size + o.bytes <= budget) {
      batch.push(o);
      size += o.bytes;
      continue;
    }
    if (o.block && budget - size > MIN_FILL) {
      const [head, tail] = cutBlock(o.block, budget - size);
      if (head && tail)
        return { batch: [...batch, blockOp(head)], rest: [blockOp(tail), ...queue.slice(i + 1)] };
    }
    return { batch, rest: queue.slice(i) };
  }
  return { batch, rest: [] };
}

/** The block's first rows that fit `room` bytes, and the rest (either may be null). */
function cutBlock(b: Block, room: number): [Block | null, Block | null] {
  let size = 2 * ACTION_OVERHEAD;
  let n = 0;
  while (n < b.formulas.length) {
    const row = jsonBytes(b.formulas[n]) + jsonBytes(b.formats[n]) + 2;
    if (size + row > room) break;
    size += row;
    n++;
  }
  if (n === 0) return [null, b];
  if (n === b.formulas.length) return [b, null];
  return [sliceBlock(b, 0, n), sliceBlock(b, n, b.formulas.length)];
}

/**
 * The Excel host over Office.js's own globals, for the task pane inside Excel (call after
 * Office.onReady). Throws ExcelRequirementError when this Excel lacks a requirement set.
 */
export function createExcelHost(): ExcelHost {
  return new ExcelHost({
    run: (batch) => Excel.run(batch),
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
  });
}
