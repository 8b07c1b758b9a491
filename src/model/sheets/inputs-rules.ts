/**
 * The Inputs sheet's data-validation rules (Excel's Data > Validation): the helpers the v2.1
 * fields spell their rules with, and `schemaRule`, which reads a field's rule off the inputs file's
 * JSON Schema (z.toJSONSchema of src/model/inputs.ts, the schema editors and docs/model.md use), so
 * a v2.2 cell offers exactly the values and bounds the file accepts and cannot drift from them.
 */
import { z } from "zod";
import { inputsSchema } from "../inputs";
import { PlanInputCell, PlanValidation } from "../plan";
import { excelSerial } from "../reference";

export type Rule = PlanValidation["rule"];

export const listRule = (values: readonly (string | number)[]): Rule => ({
  kind: "list",
  values: values.map(String),
});
export const between = (min?: number, max?: number): Rule => ({ kind: "decimal", min, max });
/** Excel's 1900 dates before March 1900 are a day off (its phantom 1900-02-29); the schema refuses them. */
export const FIRST_SERIAL = excelSerial(1900, 3, 1);
export const isoSerial = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return excelSerial(y, m, d ?? 1);
};

/** What an input cell's validation needs: its rule, whether blank is allowed, and the allowed values in words. */
export interface CellRule {
  rule: Rule;
  allowBlank: boolean;
  allowed: string;
}

/** The subset of JSON Schema that z.toJSONSchema writes for the inputs file's leaves. */
interface JsonSchema {
  type?: string;
  enum?: (string | number)[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

let fileSchema: JsonSchema | undefined;
/** `io: "input"`: the file's view (defaults optional); refinements are not representable and are skipped. */
const inputsJsonSchema = (): JsonSchema =>
  (fileSchema ??= z.toJSONSchema(inputsSchema, { io: "input", unrepresentable: "any" }) as JsonSchema);

/** The JSON Schema of one field: object keys by `properties`, array indices by `items`. */
export function fieldSchema(path: PlanInputCell["path"]): JsonSchema {
  let s = inputsJsonSchema();
  for (const key of path) {
    const next = typeof key === "number" ? s.items : s.properties?.[key];
    if (!next) throw new Error(`inputs-rules: no field ${path.join(".")} in the inputs schema`);
    s = next;
  }
  return s;
}

/** How a number's bounds read in an error message: the unit decides the noun. */
export type NumberUnit = "%" | "$" | "months" | "×";

const fmt = (n: number) => String(n);

function numberWords(s: JsonSchema, unit: NumberUnit): string {
  const exclusive = s.exclusiveMinimum !== undefined;
  const min = s.minimum ?? s.exclusiveMinimum;
  const max = s.maximum ?? s.exclusiveMaximum;
  if (min !== undefined && max !== undefined && !exclusive) {
    if (s.type === "integer") return `a whole number from ${fmt(min)} to ${fmt(max)}`;
    if (unit === "%") return `a fraction from ${fmt(min)} to ${fmt(max)} (0.05 = 5%)`;
  }
  const lo = min === undefined ? undefined : exclusive ? `more than ${fmt(min)}` : `${fmt(min)} or more`;
  if (unit === "$" && max === undefined && lo) return exclusive ? `an amount ${lo}` : `an amount, ${lo}`;
  const noun = s.type === "integer" ? "a whole number" : "a number";
  return `${noun} ${[lo, max === undefined ? undefined : `at most ${fmt(max)}`].filter(Boolean).join(", ")}`;
}

/**
 * The validation of the field at `path`, from its JSON Schema: an enum is an in-cell list of its
 * values, a boolean the list TRUE, FALSE, an integer a whole number and a number a decimal between
 * its bounds; a nullable field may be left blank (`blank` says what blank means). Excel's bounds are
 * inclusive, so an exclusive minimum (exitMultiple > 0) is checked at its value and the schema
 * refuses the bound itself when the inputs are read back; the message states the exact rule.
 */
export function schemaRule(
  path: PlanInputCell["path"],
  opts: { unit?: NumberUnit; blank?: string } = {},
): CellRule {
  const field = fieldSchema(path);
  const nullable = (field.anyOf ?? []).some((x) => x.type === "null");
  const s = field.anyOf?.find((x) => x.type !== "null") ?? field;
  const orBlank = (words: string) => (opts.blank ? `${words}, or blank ${opts.blank}` : words);
  const allowBlank = nullable || opts.blank !== undefined;
  if (s.enum) return { rule: listRule(s.enum), allowBlank, allowed: orBlank(s.enum.join(", ")) };
  if (s.type === "boolean")
    return { rule: listRule(["TRUE", "FALSE"]), allowBlank, allowed: "TRUE or FALSE" };
  if (s.type === "integer" || s.type === "number") {
    const kind = s.type === "integer" ? "whole" : "decimal";
    const rule: Rule = { kind, min: s.minimum ?? s.exclusiveMinimum, max: s.maximum ?? s.exclusiveMaximum };
    return { rule, allowBlank, allowed: orBlank(numberWords(s, opts.unit ?? "×")) };
  }
  throw new Error(`inputs-rules: ${path.join(".")} has no rule Excel can express (type ${s.type})`);
}
