/**
 * `npm run docs`: the inputs file's reference, generated from the zod schema in src/model/inputs.ts
 * so it cannot drift from what the model accepts. Writes
 *   - schema/inputs.schema.json, the JSON Schema editors use to validate and complete an inputs
 *     file (examples/*.json point at it with "$schema"), and
 *   - the block between the inputs markers in docs/model.md: every field with its type, default,
 *     allowed values and meaning (the meaning is the field's .describe() text in the schema).
 * test/docs/docs-inputs.test.ts fails when either file is not what this script would write.
 *
 * zod's JSON Schema covers types, bounds, enums, defaults and patterns; a rule written as a
 * refinement (percentile decimals, floor ≤ cap, unique PC names) is not representable and is
 * stated in the field's description instead.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { inputsSchema } from "../src/model/inputs";

export const INPUTS_START = "<!-- inputs:start -->";
export const INPUTS_END = "<!-- inputs:end -->";
const ROOT = join(__dirname, "..");
export const SCHEMA_FILE = "schema/inputs.schema.json";
export const MODEL_DOC = "docs/model.md";

export type JsonSchema = {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  [key: string]: unknown;
};

/** The inputs file's JSON Schema, as editors read it (`io: "input"`: fields with defaults are optional). */
export function inputsJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(inputsSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const { $schema, properties, ...rest } = generated;
  return {
    $schema,
    title: "MSO Modeler inputs file",
    description:
      "The assumptions of an MSO/PC model (npm run model -- --inputs FILE.json). Generated from src/model/inputs.ts by npm run docs; see docs/model.md.",
    ...rest,
    properties: {
      $schema: { type: "string", description: "The JSON Schema this file follows (ignored by the model)." },
      ...properties,
    },
  };
}

export function schemaFileText(schema = inputsJsonSchema()): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

// ---- Markdown ---------------------------------------------------------------------------------

const code = (v: unknown) => `\`${typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v)}\``;
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const fmtNum = (n: number) => String(n);
const isNullSchema = (s: JsonSchema) => s.type === "null";
const nonNull = (s: JsonSchema): JsonSchema | undefined => s.anyOf?.find((x) => !isNullSchema(x));
const nullable = (s: JsonSchema) => (s.anyOf ?? []).some(isNullSchema);
const variants = (s: JsonSchema) => s.oneOf ?? (s.anyOf && !nullable(s) ? s.anyOf : undefined);
const isObject = (s: JsonSchema) => s.type === "object" || s.properties !== undefined;
const hasChildren = (s: JsonSchema): boolean =>
  isObject(s) ||
  (s.type === "array" && s.items !== undefined && hasChildren(s.items)) ||
  (variants(s) ?? []).some(isObject);

export function typeOf(s: JsonSchema): string {
  const inner = nonNull(s);
  if (inner && nullable(s)) return `${typeOf(inner)} or null`;
  if (variants(s)) return "object (one of the forms below)";
  if (s.const !== undefined) return code(s.const);
  switch (s.type) {
    case "integer":
      return "whole number";
    case "number":
      return "number";
    case "boolean":
      return "true or false";
    case "string":
      return s.format === "date" ? "date `YYYY-MM-DD`" : "text";
    case "array":
      return s.items ? `list of ${typeOf(s.items).replace(/^(object|number)$/, "$1s")}` : "list";
    case "object":
      return "object";
    default:
      if (s.enum)
        return [...new Set(s.enum.map((v) => (typeof v === "number" ? "number" : "text")))].join(" or ");
      return "any";
  }
}

function bounds(lo: number | undefined, hi: number | undefined, loOpen: boolean, unit = ""): string | null {
  if (lo !== undefined && hi !== undefined)
    return `${loOpen ? "more than " : ""}${fmtNum(lo)} to ${fmtNum(hi)}${unit}`;
  if (lo !== undefined) return loOpen ? `more than ${fmtNum(lo)}${unit}` : `${fmtNum(lo)} or more${unit}`;
  if (hi !== undefined) return `at most ${fmtNum(hi)}${unit}`;
  return null;
}

export function allowedOf(s: JsonSchema): string {
  const inner = nonNull(s);
  if (inner && nullable(s)) {
    const a = allowedOf(inner);
    return a === "" ? "null" : `${a}, or null`;
  }
  if (s.const !== undefined) return code(s.const);
  const parts: string[] = [];
  if (s.enum) parts.push(s.enum.map(code).join(", "));
  const num = bounds(
    s.exclusiveMinimum ?? s.minimum,
    s.exclusiveMaximum ?? s.maximum,
    s.exclusiveMinimum !== undefined,
  );
  if (num) parts.push(num);
  const len = bounds(s.minLength, s.maxLength, false, " characters");
  if (len && !(s.minLength === 1 && s.maxLength === undefined)) parts.push(len);
  else if (s.minLength === 1 && s.maxLength === undefined) parts.push("not empty");
  const items = bounds(s.minItems, s.maxItems, false, " items");
  if (items) parts.push(items);
  if (s.pattern && s.format !== "date") parts.push(`matches \`${s.pattern}\``);
  if (s.type === "array" && s.items && !hasChildren(s.items)) {
    const each = allowedOf(s.items);
    if (each) parts.push(`each ${each}`);
  }
  return parts.join("; ");
}

function defaultOf(s: JsonSchema, required: boolean): string {
  if (s.default === undefined) return required ? "required" : "optional";
  const d = s.default;
  if (Array.isArray(d) && d.length > 0 && typeof d[0] === "object") return `the ${d.length} listed below`;
  return code(d);
}

interface Section {
  title: string;
  path: string;
  schema: JsonSchema;
}

function fieldRows(path: string, s: JsonSchema): { rows: string[]; children: Section[]; defaults: string[] } {
  const rows: string[] = [];
  const children: Section[] = [];
  const defaults: string[] = [];
  const required = new Set(s.required ?? []);
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    if (path === "" && key === "$schema") continue;
    const full = path === "" ? key : `${path}.${key}`;
    const shown = prop.type === "array" && prop.items && hasChildren(prop.items) ? `${full}[]` : full;
    rows.push(
      `| \`${full}\` | ${cell(typeOf(prop))} | ${cell(defaultOf(prop, required.has(key)))} | ${cell(allowedOf(prop))} | ${cell(prop.description ?? "")} |`,
    );
    if (prop.type === "array" && prop.items && hasChildren(prop.items))
      children.push({ title: `\`${shown}\` — each item`, path: shown, schema: prop.items });
    else if (hasChildren(prop)) children.push({ title: `\`${full}\``, path: full, schema: prop });
    if (Array.isArray(prop.default) && prop.default.length > 0 && typeof prop.default[0] === "object")
      defaults.push(defaultTable(full, prop.default as Record<string, unknown>[]));
  }
  return { rows, children, defaults };
}

function defaultTable(path: string, rows: Record<string, unknown>[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [
    `Default \`${path}\`, used when the file gives none:`,
    "",
    `| ${keys.join(" | ")} |`,
    `|${keys.map(() => "---").join("|")}|`,
    ...rows.map(
      (r) =>
        `| ${keys.map((k) => cell(typeof r[k] === "string" ? String(r[k]) : JSON.stringify(r[k]))).join(" | ")} |`,
    ),
  ].join("\n");
}

const HEADER = ["| Field | Type | Default | Allowed | Meaning |", "|---|---|---|---|---|"];

function renderSection(section: Section, out: string[]): void {
  const s = section.schema;
  out.push(`### ${section.title}`, "");
  if (s.description && section.path !== "") out.push(s.description, "");
  const forms = variants(s);
  if (forms) {
    forms.forEach((form, i) => {
      const tag = Object.entries(form.properties ?? {}).find(([, p]) => p.const !== undefined);
      out.push(`Form ${i + 1}${tag ? `, ${code(tag[0])}: ${code(tag[1].const)}` : ""}:`, "");
      const { rows } = fieldRows(section.path, form);
      out.push(...HEADER, ...rows, "");
    });
    return;
  }
  const { rows, children, defaults } = fieldRows(section.path, s);
  out.push(...HEADER, ...rows, "");
  for (const d of defaults) out.push(d, "");
  for (const child of children) renderSection(child, out);
}

/** The Markdown between the inputs markers (without them). */
export function renderInputsReference(schema = inputsJsonSchema()): string {
  const out: string[] = [
    `Every field of an inputs file, generated from the schema the model validates with (\`npm run docs\`; the same rules are published as [\`${SCHEMA_FILE}\`](../${SCHEMA_FILE})). ` +
      "Rates and shares are fractions (0.05 = 5%); money is in dollars. **required** fields must be given; the others take the default shown. " +
      "A file with an unknown field, or any field outside what is allowed, is refused whole with every problem named by its path.",
    "",
  ];
  renderSection({ title: "The file", path: "", schema }, out);
  return out.join("\n").trimEnd();
}

export function replaceInputsBlock(doc: string, block: string): string {
  const start = doc.indexOf(INPUTS_START);
  const end = doc.indexOf(INPUTS_END);
  if (start < 0 || end < start) throw new Error(`${MODEL_DOC} has no ${INPUTS_START} … ${INPUTS_END} block`);
  return `${doc.slice(0, start + INPUTS_START.length)}\n${GENERATED_NOTE}\n\n${block}\n\n${doc.slice(end)}`;
}
const GENERATED_NOTE =
  "<!-- Written by scripts/docs-inputs.ts (npm run docs) from src/model/inputs.ts; edits here are overwritten. -->";

/** Every file `npm run docs` writes, with the text it would write now. */
export function docsOutputs(root = ROOT): { file: string; text: string }[] {
  const schema = inputsJsonSchema();
  const doc = readFileSync(join(root, MODEL_DOC), "utf8");
  return [
    { file: SCHEMA_FILE, text: schemaFileText(schema) },
    { file: MODEL_DOC, text: replaceInputsBlock(doc, renderInputsReference(schema)) },
  ];
}

export function writeDocs(root = ROOT): string[] {
  const changed: string[] = [];
  for (const { file, text } of docsOutputs(root)) {
    const path = join(root, file);
    let old: string | null = null;
    try {
      old = readFileSync(path, "utf8");
    } catch {
      old = null;
    }
    if (old !== text) {
      writeFileSync(path, text);
      changed.push(file);
    }
  }
  return changed;
}

if (require.main === module) {
  const changed = writeDocs();
  console.log(changed.length ? `rewrote ${changed.join(", ")}` : "docs are up to date");
}
