/**
 * The Excel host: a WorkbookHost over Office.js. It and its modules beside it (excel-*.ts) are the
 * only code of the project that calls Office.js: excel-requests.ts packs and sends a build's requests,
 * excel-build-ops.ts says what a build sends, excel-inspect.ts reads what the workbook holds,
 * excel-state-parts.ts keeps the add-in's state in a custom XML part, excel-values.ts reads values,
 * excel-requirements.ts names the requirement sets, excel-layout.ts lays out the cells (pure).
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
import { PlanInputCell, SheetPlan } from "../model/plan";
import { inputsFromCells } from "../model/read-inputs";
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
import { TEXT_FORMAT } from "./excel-layout";
import {
  KIND_KEY,
  NAME_MARK,
  TAG_KEY,
  contentOps,
  finishOps,
  planNames,
  rollbackOps,
  structureOps,
} from "./excel-build-ops";
import { inspect } from "./excel-inspect";
import { ExcelRun, REQUEST_BUDGET, Scope, sendOps } from "./excel-requests";
import { ExcelRequirementError, missingRequirements } from "./excel-requirements";
import { stateOfParts, stateOps } from "./excel-state-parts";
import { readRangesIn } from "./excel-values";

export { KIND_KEY, NAME_MARK, TAG_KEY } from "./excel-build-ops";
export { REQUEST_BUDGET, type ExcelRun } from "./excel-requests";
export { ExcelRequirementError, REQUIREMENTS, missingRequirements } from "./excel-requirements";

export interface ExcelHostOptions {
  run: ExcelRun;
  isSetSupported: (set: string, version: string) => boolean;
  /** Request budget in bytes of estimated JSON (tests lower it). */
  requestBudget?: number;
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

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const { sheets } = await inspect(ctx);
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
      const found = await inspect(ctx);
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
      const state = stateOfParts(found.stateParts);
      const structure = structureOps(written, aside, ownNames);
      const ops = [
        ...structure,
        ...contentOps(written, this.budget),
        ...finishOps(written, aside, state, found.stateParts),
      ];
      await sendOps(ctx, ops, this.budget, {
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

  // ---- reading values ----

  async readValue(sheet: string, a1: string): Promise<CellValue> {
    return (await this.readRange(sheet, a1))[0][0];
  }

  async readRange(sheet: string, range: string): Promise<CellValue[][]> {
    return (await this.readRanges([{ sheet, a1: range }]))[0];
  }

  /** One Excel.run and one sync for any number of cells (excel-values.ts cites the rule). */
  async readValues(refs: SheetRef[]): Promise<CellValue[]> {
    return (await this.readRanges(refs)).map((r) => r[0][0]);
  }

  /** One Excel.run and one sync for any number of ranges. */
  async readRanges(refs: SheetRef[]): Promise<CellValue[][][]> {
    if (refs.length === 0) return [];
    return this.run((ctx) => readRangesIn(ctx, refs));
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
        const found = await inspect(ctx);
        const load = stateOfParts(found.stateParts);
        cells = load.status === "ok" ? (load.state.inputCells ?? null) : null;
      }
      if (!cells || cells.length === 0) return null;
      const values = await readRangesIn(ctx, cells);
      const at = new Map(cells.map((c, i) => [`${c.sheet}!${c.a1}`, values[i][0][0]]));
      return inputsFromCells(cells, (sheet, a1) => at.get(`${sheet}!${a1}`) ?? null);
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
    return this.run(async (ctx) => stateOfParts((await inspect(ctx)).stateParts));
  }

  async saveState(state: DocumentState): Promise<void> {
    await this.run(async (ctx) => {
      const found = await inspect(ctx);
      const load = stateOfParts(found.stateParts);
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

/**
 * The workbook host for a page running in `officeHost` (what Office.onReady reported): the Excel
 * host inside Excel with Office.js loaded, else null (no workbook: Word, a plain browser). The pane
 * asks here, so no Office.js global is touched outside src/workbook/. Throws ExcelRequirementError
 * when this Excel lacks a requirement set
 * (https://learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime).
 */
export function excelHostFor(officeHost: string | null): ExcelHost | null {
  if (officeHost !== "Excel" || typeof Excel === "undefined") return null;
  return createExcelHost();
}
