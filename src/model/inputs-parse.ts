/**
 * Reading an inputs file: validation and the messages an analyst reads, each starting with the
 * field's path (`pcs[2].state: …`).
 */
import { type ModelInputs, inputsSchema } from "./inputs-schema";

/** `["pcs", 2, "state"]` → `pcs[2].state`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(root)" : out;
}

export type ParseResult = { ok: true; inputs: ModelInputs } | { ok: false; errors: string[] };

/**
 * An inputs file may name its JSON Schema (`"$schema": "../schema/inputs.schema.json"`) so editors
 * validate and complete it; the key says nothing about the model and is dropped before validation.
 */
function withoutSchemaKey(json: unknown): unknown {
  if (json === null || typeof json !== "object" || Array.isArray(json) || !("$schema" in json)) return json;
  const { $schema, ...rest } = json as Record<string, unknown>;
  return typeof $schema === "string" ? rest : json;
}

/** Validates a parsed JSON value; never returns a partly valid model. */
export function parseInputs(json: unknown): ParseResult {
  const result = inputsSchema.safeParse(withoutSchemaKey(json));
  if (result.success) return { ok: true, inputs: result.data };
  const errors = result.error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      const where = formatPath(issue.path);
      return issue.keys
        .map(
          (k) => `${where === "(root)" ? k : `${where}.${k}`}: unknown field (not part of the inputs file)`,
        )
        .join("\n");
    }
    // zod's wording for a missing field ("expected object, received undefined") says it indirectly.
    if (issue.code === "invalid_type" && /received undefined$/.test(issue.message))
      return `${formatPath(issue.path)}: required field is missing (expected ${issue.expected})`;
    return `${formatPath(issue.path)}: ${issue.message}`;
  });
  return { ok: false, errors: errors.flatMap((e) => e.split("\n")) };
}
