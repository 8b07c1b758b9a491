/**
 * The pane's tests run on the project's real HyperFormula host (src/workbook/hyperformula.ts, the
 * same WorkbookHost the workbench uses), with two things a test needs on top: a method can be made
 * to fail once as Office.js fails (an error with a `code`), and a hook runs at the first progress
 * report of a build (to click Cancel while the build is under way).
 */
import type { SheetPlan } from "../../src/model/plan";
import type {
  CellUpdate,
  CellValue,
  SheetRef,
  StateLoad,
  WorkbookHost,
  WriteOptions,
  WriteProgress,
  WriteResult,
} from "../../src/workbook/host";
import { HyperFormulaHost } from "../../src/workbook/hyperformula";

/** An error shaped like Office.js's OfficeExtension.Error (a `code` and a message). */
export class OfficeLikeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class TestWorkbookHost extends HyperFormulaHost {
  /** Make the next call of a method throw this error. */
  failNext: Partial<Record<keyof WorkbookHost, Error>> = {};
  /** Runs once, at a build's first progress report. */
  onFirstBlock: (() => void) | null = null;
  /** Every progress report of every build. */
  progress: WriteProgress[] = [];
  /** Completed plan writes. */
  writes = 0;
  valueWrites: { sheet: string; updates: CellUpdate[] }[] = [];

  private fail(method: keyof WorkbookHost) {
    const e = this.failNext[method];
    if (e) {
      delete this.failNext[method];
      throw e;
    }
  }

  override async writePlan(plan: SheetPlan, options: WriteOptions = {}): Promise<WriteResult> {
    this.fail("writePlan");
    let first = true;
    const result = await super.writePlan(plan, {
      ...options,
      onProgress: (p) => {
        this.progress.push(p);
        options.onProgress?.(p);
        if (first && this.onFirstBlock) this.onFirstBlock();
        first = false;
      },
    });
    this.writes++;
    return result;
  }

  override async readValue(sheet: string, a1: string): Promise<CellValue> {
    this.fail("readValue");
    return super.readValue(sheet, a1);
  }

  override async readValues(refs: SheetRef[]): Promise<CellValue[]> {
    this.fail("readValues");
    return super.readValues(refs);
  }

  override async readRanges(refs: SheetRef[]): Promise<CellValue[][][]> {
    this.fail("readRanges");
    return super.readRanges(refs);
  }

  override async writeValues(sheet: string, updates: CellUpdate[]): Promise<void> {
    this.fail("writeValues");
    await super.writeValues(sheet, updates);
    this.valueWrites.push({ sheet, updates });
  }

  override async selectCell(sheet: string, a1: string): Promise<void> {
    this.fail("selectCell");
    return super.selectCell(sheet, a1);
  }

  override async loadState(): Promise<StateLoad> {
    this.fail("loadState");
    return super.loadState();
  }
}
