/**
 * How the Excel host sends a build: ops, each with its estimated JSON bytes, packed into requests
 * under a byte budget — one `context.sync()` per request, a block cut by rows to fill a request, the
 * budget halved and the request retried when Excel refuses it as too large, a rollback between
 * requests when the build is cancelled.
 */
import { WriteCancelledError, WriteOptions } from "./host";
import {
  ACTION_OVERHEAD,
  Block,
  blockAddress,
  jsonBytes,
  sliceBlock,
  splitBlock,
  splitSheetRange,
} from "./excel-layout";

/**
 * Requests are kept under 2 MB of estimated JSON, well inside Excel on the web's 5 MB payload limit
 * ("Resource limits and performance optimization for Office Add-ins", Excel add-ins:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
export const REQUEST_BUDGET = 2_000_000 - 50_000;
/** Below this a request that Excel still refuses is not split further: the build stops with a message. */
const MIN_BUDGET = 16_000;

export type Ctx = Excel.RequestContext;
/** `Excel.run`, or the test fake's. */
export type ExcelRun = <T>(batch: (context: Ctx) => Promise<T>) => Promise<T>;

/** An Office.js error's code (OfficeExtension.Error.code), e.g. "RequestPayloadSizeLimitExceeded". */
function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null ? (e as { code?: string }).code : undefined;
}

/** One thing to send: its estimated bytes and how to queue it in a request. */
export interface Op {
  bytes: number;
  apply(scope: Scope): void;
  /** A block op can be split when Excel refuses a request. */
  block?: Block;
}

/** Proxies of one request, so each sheet is looked up once per request. */
export class Scope {
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

export const op = (bytes: number, apply: (s: Scope) => void): Op => ({
  bytes: bytes + ACTION_OVERHEAD,
  apply,
});

export function blockOp(b: Block): Op {
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

/**
 * Packs ops into requests under the budget, one sync per request, calculation suspended in each
 * (Application.suspendApiCalculationUntilNextSync, ExcelApi 1.6: "Optimize performance using the
 * Excel JavaScript API": https://learn.microsoft.com/office/dev/add-ins/excel/performance). Between
 * requests a cancel rolls back; a refused payload halves the budget and retries.
 */
export async function sendOps(
  ctx: Ctx,
  ops: Op[],
  startBudget: number,
  how: {
    onProgress?: WriteOptions["onProgress"];
    cancelled: () => boolean;
    /** Ops that must all have been sent before a rollback can undo the build (the new sheets exist). */
    rollbackAfter: number;
    rollback: () => Op[];
  },
): Promise<void> {
  let budget = startBudget;
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
      queue = [...batch, ...rest].flatMap((o) => (o.block ? splitBlock(o.block, budget).map(blockOp) : [o]));
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
