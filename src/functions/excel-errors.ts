/**
 * The one place engine errors become Excel errors. Excel shows a custom message only with #VALUE!
 * and #N/A, so every business-input error is #VALUE! (or #N/A for a lookup with no answer); #NUM! and
 * #DIV/0! go without (the HyperFormula host keeps it). An exception that is not an EngineError is a defect: it
 * still surfaces as #VALUE! with the function's name, never as an uncaught crash of the runtime.
 */
import { EngineError, ErrorKind } from "../engine";

const CODE: Record<ErrorKind, CustomFunctions.ErrorCode> = {
  value: "#VALUE!" as CustomFunctions.ErrorCode,
  na: "#N/A" as CustomFunctions.ErrorCode,
  num: "#NUM!" as CustomFunctions.ErrorCode,
  div0: "#DIV/0!" as CustomFunctions.ErrorCode,
};

const RUNTIME_CODE: Record<ErrorKind, keyof typeof CustomFunctions.ErrorCode> = {
  value: "invalidValue",
  na: "notAvailable",
  num: "invalidNumber",
  div0: "divisionByZero",
};

function errorCode(kind: ErrorKind): CustomFunctions.ErrorCode {
  // The runtime's enum is authoritative; the literal codes are its documented values.
  const runtime = typeof CustomFunctions !== "undefined" ? CustomFunctions.ErrorCode : undefined;
  return (runtime && runtime[RUNTIME_CODE[kind]]) || CODE[kind];
}

export function toExcelError(fn: string, e: unknown): CustomFunctions.Error {
  if (e instanceof EngineError) {
    // Excel accepts a message only with #VALUE! and #N/A; #NUM! and #DIV/0! go without one.
    const withMessage = e.kind === "value" || e.kind === "na";
    return withMessage
      ? new CustomFunctions.Error(errorCode(e.kind), e.message)
      : new CustomFunctions.Error(errorCode(e.kind));
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(
    errorCode("value"),
    `${fn}: unexpected error (${detail}); please report it`,
  );
}

/** Runs a function body, turning any failure into the Excel error the runtime expects. */
export function excelCall<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(fn, e);
  }
}
