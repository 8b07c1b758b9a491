// docs/model.md's inputs reference and schema/inputs.schema.json are generated from the zod schema
// (scripts/docs-inputs.ts, `npm run docs`). They must be current, describe every field, and say what
// the model's own parser does: parseInputs is the oracle for "required" and for every default.
import fs from "node:fs";
import path from "node:path";
import {
  allowedOf,
  docsOutputs,
  inputsJsonSchema,
  JsonSchema,
  typeOf,
  INPUTS_END,
  INPUTS_START,
  MODEL_DOC,
  SCHEMA_FILE,
} from "../../scripts/docs-inputs";
import { parseInputs } from "../../src/model/inputs";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLES = path.join(ROOT, "examples");
const exampleFiles = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".json"));
const readExample = (f: string) =>
  JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), "utf8")) as Record<string, any>;

describe("npm run docs output is current", () => {
  test.each(docsOutputs(ROOT).map((o) => [o.file, o.text] as const))(
    "%s is what `npm run docs` writes now (run it after changing src/model/inputs.ts)",
    (file, text) => {
      expect(fs.readFileSync(path.join(ROOT, file), "utf8")).toBe(text);
    },
  );

  test(`${MODEL_DOC} keeps one generated block and the hand-written sections around it`, () => {
    const doc = fs.readFileSync(path.join(ROOT, MODEL_DOC), "utf8");
    expect(doc.split(INPUTS_START)).toHaveLength(2);
    expect(doc.split(INPUTS_END)).toHaveLength(2);
    expect(doc.indexOf("## Inputs")).toBeLessThan(doc.indexOf(INPUTS_START));
    expect(doc).toMatch(/## Calculations/);
  });
});

/** Every property in the schema with its dotted path (`pcs[].name`), union forms included. */
function fields(
  s: JsonSchema,
  at = "",
): { path: string; schema: JsonSchema; parent: JsonSchema; key: string }[] {
  const out: { path: string; schema: JsonSchema; parent: JsonSchema; key: string }[] = [];
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    const p = at ? `${at}.${key}` : key;
    out.push({ path: p, schema: prop, parent: s, key });
    out.push(...fields(prop, p));
    if (prop.items) out.push(...fields(prop.items, `${p}[]`));
    for (const form of prop.oneOf ?? []) out.push(...fields(form, p));
  }
  return out;
}

describe("schema/inputs.schema.json", () => {
  const schema = inputsJsonSchema();
  const published = JSON.parse(fs.readFileSync(path.join(ROOT, SCHEMA_FILE), "utf8")) as JsonSchema;

  test("is a draft 2020-12 JSON Schema that refuses unknown fields, like the parser", () => {
    expect(published.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(published.additionalProperties).toBe(false);
    expect(parseInputs({ ...readExample(exampleFiles[0]), colour: "blue" })).toMatchObject({ ok: false });
  });

  test("every field has a meaning (add .describe() to a new field in src/model/inputs.ts)", () => {
    const undescribed = fields(schema)
      .filter((f) => !f.schema.description?.trim())
      .map((f) => f.path);
    expect(undescribed).toEqual([]);
  });

  test("every field of the examples is in the schema, so an editor flags nothing in them", () => {
    const unknown: string[] = [];
    const walk = (value: unknown, s: JsonSchema | undefined, at: string) => {
      if (!s || value === null || typeof value !== "object") return;
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, s.items, `${at}[${i}]`));
      const forms = s.oneOf ?? [s];
      for (const [k, v] of Object.entries(value)) {
        // A record (compliance answers by question id, ownership by PC name): its values' schema.
        const record = (f: JsonSchema) => {
          const extra = (f as { additionalProperties?: unknown }).additionalProperties;
          return typeof extra === "object" && extra !== null ? (extra as JsonSchema) : undefined;
        };
        const prop = forms.map((f) => f.properties?.[k] ?? record(f)).find((p) => p !== undefined);
        if (!prop) unknown.push(`${at}.${k}`);
        else walk(v, prop.anyOf?.find((x) => x.type !== "null") ?? prop, `${at}.${k}`);
      }
    };
    for (const f of exampleFiles) walk(readExample(f), schema, f);
    expect(unknown).toEqual([]);
  });

  // The objects whose fields can be left out one at a time from a valid example.
  const blocks: {
    label: string;
    get: (x: Record<string, any>) => Record<string, any>;
    schema: JsonSchema;
  }[] = [
    { label: "", get: (x) => x, schema },
    { label: "pcs[].", get: (x) => x.pcs[0], schema: schema.properties!.pcs.items! },
    {
      label: "serviceLines[].",
      get: (x) => x.serviceLines[0],
      schema: schema.properties!.serviceLines.items!,
    },
    ...["fee", "fmv", "loc", "tax"].map((k) => ({
      label: `${k}.`,
      get: (x: Record<string, any>) => x[k],
      schema: schema.properties![k],
    })),
  ];
  const base = readExample("one-pc.json");

  describe.each(blocks.map((b) => [b.label || "(top level)", b] as const))("%s", (_label, block) => {
    const keys = Object.keys(block.schema.properties ?? {}).filter((k) => k !== "$schema");
    const required = new Set(block.schema.required ?? []);

    // fmv.assessments and fmv.lastAssessment are alternatives (MODEL.md v2.1): neither is required
    // on its own; the parser wants exactly one (test/model/v21-cases.test.ts).
    const EITHER_OR = new Set(["fmv.assessments", "fmv.lastAssessment"]);
    test.each(keys.filter((k) => !EITHER_OR.has(`${block.label}${k}`)))(
      "%s: required in the schema exactly when the parser refuses a file without it",
      (key) => {
        const input = structuredClone(base);
        delete block.get(input)[key];
        const result = parseInputs(input);
        expect({ key, required: required.has(key) }).toEqual({ key, required: !result.ok });
        if (!result.ok) expect(result.errors.join("\n")).toContain(key);
      },
    );

    test.each(keys.filter((k) => block.schema.properties![k].default !== undefined))(
      "%s: the documented default is the value the parser fills in",
      (key) => {
        const input = structuredClone(base);
        delete block.get(input)[key];
        const result = parseInputs(input);
        if (!result.ok) throw new Error(result.errors.join("\n"));
        expect(block.get(result.inputs as unknown as Record<string, any>)[key]).toEqual(
          block.schema.properties![key].default,
        );
      },
    );
  });
});

describe("examples name the schema, and the parser ignores the name", () => {
  test.each(exampleFiles)("%s", (f) => {
    const json = readExample(f);
    expect(json.$schema).toBe(`../${SCHEMA_FILE}`);
    const without = { ...json };
    delete without.$schema;
    const a = parseInputs(json);
    const b = parseInputs(without);
    if (!a.ok) throw new Error(a.errors.join("\n"));
    expect(a).toEqual(b);
    expect(a.inputs).not.toHaveProperty("$schema");
  });

  test("a $schema that is not text is still an error, naming the field", () => {
    const r = parseInputs({ ...readExample(exampleFiles[0]), $schema: 42 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join("\n")).toMatch(/\$schema/);
  });
});

describe("how a JSON Schema reads in the reference", () => {
  test.each([
    [{ type: "number", exclusiveMinimum: 0 }, "number", "more than 0"],
    [{ type: "number", minimum: 0 }, "number", "0 or more"],
    [{ type: "number", minimum: -0.5, maximum: 1 }, "number", "-0.5 to 1"],
    [{ type: "integer", minimum: 12, maximum: 120 }, "whole number", "12 to 120"],
    [{ type: "string", minLength: 1, maxLength: 120 }, "text", "1 to 120 characters"],
    [{ type: "string", enum: ["IRS", "INC"] }, "text", '`"IRS"`, `"INC"`'],
    [{ anyOf: [{ type: "number", minimum: 0 }, { type: "null" }] }, "number or null", "0 or more, or null"],
    [
      { type: "array", items: { type: "number", minimum: -1, maximum: 10 }, minItems: 1 },
      "list of numbers",
      "1 or more items; each -1 to 10",
    ],
    [{ type: "string", format: "date" }, "date `YYYY-MM-DD`", ""],
  ] as [JsonSchema, string, string][])("%j → %s, %s", (s, type, allowed) => {
    expect(typeOf(s)).toBe(type);
    expect(allowedOf(s)).toBe(allowed);
  });
});
