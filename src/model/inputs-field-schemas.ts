/**
 * The kinds of field the inputs file is made of (money, fractions, enums, ISO dates…), each with the
 * message an analyst reads when the field is wrong: one wording for every field of a kind.
 */
import { iso, z } from "zod";
import { dec } from "../engine/decimal";

export const list = (values: readonly (string | number)[]) => values.map((v) => JSON.stringify(v)).join(", ");

/**
 * The message for a value of the wrong type, or for a required field left out: the path is put in
 * front by parseInputs, so a missing markup reads `fee.markup: required; a number from 0 to 10 …`.
 */
export const typeError = (what: string, expected: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? `required; ${expected}` : `${what} must be ${expected}`;

export const money = (what: string) =>
  z
    .number({ error: typeError(what, "a number (an amount in dollars, 0 or more)") })
    .finite()
    .min(0, `${what} must be 0 or more`);
export const fraction = (what: string, min: number, max: number) =>
  z
    .number({ error: typeError(what, `a number from ${min} to ${max} (a fraction, 0.05 = 5%)`) })
    .min(min, `${what} must be between ${min} and ${max} (a fraction, 0.05 = 5%)`)
    .max(max, `${what} must be between ${min} and ${max} (a fraction, 0.05 = 5%)`);
export const positive = (what: string) =>
  z
    .number({ error: typeError(what, "a number more than 0") })
    .finite()
    .gt(0, `${what} must be more than 0`);
/**
 * A percentile with at most 6 decimal places. FMV.RANGE takes k = p × n exactly in decimal, the
 * portable formula as ROUND(p × n, 10) in floating point; for p with at most 6 decimals and n ≤ 200
 * benchmarks the two are the same number, so both modes pick the same order statistics (a p such
 * as 0.3333333333333333 gives k = 0.9999999999999999 in decimal but 1 once rounded).
 */
const PERCENTILE_DECIMALS = 6;
export const percentileInput = (what: string) =>
  fraction(what, 0, 1).refine((p) => dec(p).decimalPlaces() <= PERCENTILE_DECIMALS, {
    error: (iss) =>
      `at most ${PERCENTILE_DECIMALS} decimal places (e.g. 0.333333); got ${JSON.stringify(iss.input)}`,
  });
export const enumOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `required; one of ${list(values)}`
        : `unknown ${what} ${JSON.stringify(iss.input)}; allowed: ${list(values)}`,
  });
export const oneOfNumbers = <T extends readonly number[]>(values: T, what: string) =>
  z.number({ error: typeError(what, `one of ${list(values)}`) }).refine((v) => values.includes(v), {
    error: (iss) => `${what} must be one of ${list(values)}; got ${JSON.stringify(iss.input)}`,
  });

/**
 * ISO date `YYYY-MM-DD` that exists on the calendar and is in Excel's usable range. `iso` is imported
 * by name: webpack 5.113 binds `z.iso` (zod 4.6's `export * as iso`) to the wrong module, so in the
 * browser bundles `z.iso.date()` was `z.date()` and refused every date string.
 */
export const isoDate = iso
  .date({
    error: (iss) =>
      iss.input === undefined
        ? "required; an ISO date YYYY-MM-DD"
        : `must be an ISO date YYYY-MM-DD; got ${JSON.stringify(iss.input)}`,
  })
  .refine((d) => d >= "1900-03-01" && d <= "9999-12-31", "must be on or after 1900-03-01");
