/** Reading and immutably writing a field of a JSON draft by its path (`["pcs", 2, "name"]`). */
export type JsonPath = readonly (string | number)[];

export function getAt(root: unknown, path: JsonPath): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** A copy of `root` with the field at `path` set; `undefined` removes the field (its default applies). */
export function setAt(root: unknown, path: JsonPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (typeof key === "number") {
    const arr = Array.isArray(root) ? [...root] : [];
    arr[key] = setAt(arr[key], rest, value);
    return arr;
  }
  const obj =
    root !== null && typeof root === "object" && !Array.isArray(root) ? { ...(root as object) } : {};
  const next = setAt((obj as Record<string, unknown>)[key], rest, value);
  if (next === undefined) delete (obj as Record<string, unknown>)[key];
  else (obj as Record<string, unknown>)[key] = next;
  return obj;
}

/** `["pcs", 2, "state"]` → `pcs[2].state`, as parseInputs prefixes its messages. */
export function pathKey(path: JsonPath): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out;
}
