/**
 * A stand-in for Excel's JavaScript runtime global `CustomFunctions`, as
 * /work/shared/tools/call-like-excel.js provides it: an Error class taking (code, message) and the
 * ErrorCode enum with Excel's documented codes. Import this module BEFORE src/functions/functions.
 */
import { ErrorCode } from "./error-codes";

export { ErrorCode };

export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: FakeCustomFunctionsError,
  ErrorCode,
  associate: () => undefined,
};

/** What a call gave: a value, or the CustomFunctions.Error it threw (anything else is rethrown). */
export type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

export function outcome(call: () => unknown): Outcome {
  try {
    return { ok: true, value: call() };
  } catch (e) {
    if (e instanceof FakeCustomFunctionsError) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

/** The CustomFunctions.Error a call throws; fails the test if it returns or throws something else. */
export function excelError(call: () => unknown): { code: string; message: string } {
  const o = outcome(call);
  if (o.ok) throw new Error(`expected an Excel error, got the value ${JSON.stringify(o.value)}`);
  return o;
}
