/**
 * Errors are values in the engine: an EngineError carries the kind of spreadsheet error it becomes
 * and a message that names the argument and says what is allowed. Only src/functions turns a kind
 * into an Excel error code (#VALUE!, #N/A, #NUM!, #DIV/0!); HyperFormula's plugin maps the same kinds.
 * Every message is built here, so wording stays consistent across functions.
 */
export type ErrorKind = "value" | "na" | "num" | "div0";

export class EngineError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "EngineError";
  }
}

/** Shows a cell value inside a message the way a user would recognise it. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return "blank";
  if (typeof v === "string") return `text "${v.length > 40 ? v.slice(0, 37) + "..." : v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "a non-finite number";
  if (Array.isArray(v)) return "a range";
  if (typeof v === "object" && v !== null && ("code" in v || "errorCode" in v || "type" in v))
    return "an error value";
  return "a value of an unsupported type";
}

const fmt = (n: number | string): string => String(n);

/** The message catalogue. */
export const Err = {
  required: (arg: string) => new EngineError("value", `${arg} is required`),
  notNumber: (arg: string, got: unknown) =>
    new EngineError("value", `${arg} must be a number; got ${describeValue(got)}`),
  notText: (arg: string, got: unknown) =>
    new EngineError("value", `${arg} must be text; got ${describeValue(got)}`),
  cellNotNumber: (arg: string, row: number, col: number, got: unknown) =>
    new EngineError(
      "value",
      `${arg}: the cell at row ${row}, column ${col} holds ${describeValue(got)}; every cell must be a number or blank`,
    ),
  between: (arg: string, lo: number | string, hi: number | string, got: unknown, hint = "") =>
    new EngineError(
      "value",
      `${arg} must be between ${fmt(lo)} and ${fmt(hi)}${hint ? ` (${hint})` : ""}; got ${describeValue(got)}`,
    ),
  exclusiveBetween: (arg: string, lo: number, hi: number, got: unknown, why: string) =>
    new EngineError(
      "value",
      `${arg} must be greater than ${lo} and less than ${hi} ${why}; got ${describeValue(got)}`,
    ),
  positiveUpTo: (arg: string, max: number, got: unknown, hint: string) =>
    new EngineError(
      "value",
      `${arg} must be more than 0 and at most ${max} (${hint}); got ${describeValue(got)}`,
    ),
  notNegative: (arg: string, got: unknown) =>
    new EngineError("value", `${arg} must be 0 or more; got ${describeValue(got)}`),
  wholeBetween: (arg: string, lo: number, hi: number, got: unknown) =>
    new EngineError("value", `${arg} must be a whole number from ${lo} to ${hi}; got ${describeValue(got)}`),
  oneOf: (
    arg: string,
    allowed: readonly (string | number)[],
    got: unknown,
    kind: "value" | "num" = "value",
  ) => new EngineError(kind, `${arg} must be one of ${allowed.join(", ")}; got ${describeValue(got)}`),
  floorAboveCap: (floor: number | string, cap: number | string) =>
    new EngineError("value", `floor must not exceed cap; got floor ${floor} and cap ${cap}`),
  lowAboveHigh: (low: number | string, high: number | string) =>
    new EngineError("value", `lowPct must not exceed highPct; got lowPct ${low} and highPct ${high}`),
  noNumbers: (arg: string) => new EngineError("value", `${arg} holds no numbers; give at least one`),
  countMismatch: (a: string, na: number, b: string, nb: number) =>
    new EngineError(
      "value",
      `${a} and ${b} must have the same number of cells; ${a} has ${na}, ${b} has ${nb}`,
    ),
  pairBlank: (blankArg: string, otherArg: string, index: number, other: unknown) =>
    new EngineError(
      "value",
      `${blankArg}: cell ${index} is blank but ${otherArg} holds ${describeValue(other)} there; fill both or neither`,
    ),
  dateOutOfRange: (arg: string, got: unknown) =>
    new EngineError(
      "value",
      `${arg} must be a date serial from 61 (1900-03-01) to 2958465 (9999-12-31); got ${describeValue(got)}`,
    ),
  rateShape: (rows: number, cols: number) =>
    new EngineError(
      "value",
      `rate must be one number or a two-column range of [effective date, annual rate] rows; got ${rows}×${cols} cells`,
    ),
  rateRowIncomplete: (row: number) =>
    new EngineError("value", `rate: row ${row} must hold both an effective date and a rate, or be blank`),
  rateDuplicateDate: (date: string) =>
    new EngineError("value", `rate: two rows share the effective date ${date}; give one rate per date`),
  noRateInEffect: (date: string, first: string) =>
    new EngineError("na", `rate: no rate is in effect on ${date}; the earliest effective date is ${first}`),
  negativeBalance: (date: string, balance: string) =>
    new EngineError(
      "value",
      `flows: the repayment on ${date} takes the principal below zero (to ${balance}); the PC never lends to the MSO through this line` +
        // Less than a cent below zero is almost always a repayment computed in binary, =-(A1+A2)
        // giving -300000.30000000005: amounts are read exactly as the cell holds them.
        (Number(balance) > -0.01
          ? `. A repayment computed by a formula carries its binary rounding: round it to cents, e.g. =-ROUND(A1+A2, 2)`
          : ""),
    ),
  percentileOutsideData: (arg: string, p: string, n: number) =>
    new EngineError(
      "num",
      `${arg}: with method EXC, percentile ${p} lies outside what ${n} value${n === 1 ? "" : "s"} can give (as Excel's PERCENTILE.EXC)`,
    ),
  overflow: () => new EngineError("num", "the result is too large for a spreadsheet number"),
  beyondDigits: (arg: string, decimals: number) =>
    new EngineError(
      "num",
      `${arg}: |${arg}| × 10^decimals must be below 10^34 to be split exactly to ${decimals} decimal place${decimals === 1 ? "" : "s"}`,
    ),
  negativeDriver: (row: number, col: number, got: number) =>
    new EngineError(
      "value",
      `drivers: the cell at row ${row}, column ${col} is negative (${got}); drivers must be 0 or more`,
    ),
  driversSumZero: () => new EngineError("div0", "drivers add up to 0; at least one driver must be positive"),
  tooManyCells: (arg: string, max: number) => new EngineError("value", `${arg} has more than ${max} cells`),
};
