/**
 * MODEL.md v2.1: the blue input cells are live. Changing one in a built workbook (HyperFormula: set
 * the cell, recalculate) must give the numbers an independent rebuild from the inputs JSON with the
 * same change gives — for every input cell that is not structural. The expected summary always
 * comes from the rebuild, never from the workbook under test.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { buildPlan } from "../../src/model/build";
import { parseInputs } from "../../src/model/inputs";
import { PlanInputCell, SheetPlan, parseA1 } from "../../src/model/plan";
import { excelSerial } from "../../src/model/reference";
import { ModelSummary, readSummary } from "../../src/model/summary";
import { RawCellContent } from "hyperformula";
import { evaluatePlan } from "../../src/workbook/hyperformula";
import { EXAMPLES_DIR } from "./support";

type Json = Record<string, unknown>;

function getPath(root: unknown, path: (string | number)[]): unknown {
  let node = root as Record<string | number, unknown> | undefined;
  for (const k of path) node = node?.[k] as Record<string | number, unknown> | undefined;
  return node;
}

/** Sets a JSON path; a slot past the end of a value list is appended (blank rows close up). */
function setPath(root: Json, path: (string | number)[], value: unknown): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      if (Array.isArray(node) && typeof key === "number" && key >= node.length) node.push(value);
      else node[key] = value;
      return;
    }
    if (node[key] === undefined) node[key] = typeof path[i + 1] === "number" ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  return copy;
}

const iso = (serial: number): string =>
  new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
const serialOf = (isoDate: string): number => {
  const [y, m, d] = isoDate.split("-").map(Number);
  return excelSerial(y, m, d ?? 1);
};

/** Candidate new values (JSON value, cell value) for a field, in order of preference. */
function candidates(cell: PlanInputCell, current: unknown, allowed: string[]): [unknown, unknown][] {
  switch (cell.type) {
    case "number": {
      const v = current as number | null | undefined;
      const nums =
        typeof v === "number"
          ? [v * 1.1, v + 0.01, v + 1, v * 0.9, v - 0.01, v - 1].filter((x) => x !== v)
          : [0.05, 1000, 1, 12];
      return nums.map((n) => [n, n]);
    }
    case "boolean":
      return [[!current, !current]];
    case "date": {
      const base = typeof current === "string" ? serialOf(current) + 31 : excelSerial(2026, 3, 15);
      return [base, base + 200, base - 60].map((s) => [iso(s), s]);
    }
    case "month": {
      const [y, m] = (current as string).split("-").map(Number);
      return [1, -1, 2].map((dm) => {
        const t = y * 12 + (m - 1) + dm;
        const ym = `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`;
        return [ym, serialOf(`${ym}-01`)];
      });
    }
    case "text": {
      const others = allowed.filter((a) => a !== current);
      const free = `${String(current ?? "x")} (edited)`;
      return [...(others.length ? others : [free])].map((s) => [s, s]);
    }
    default:
      return [];
  }
}

const PROBE = "not-an-allowed-value";

/** The allowed values an enum's error names ("allowed: "a", "b"" or a list of state codes). */
function allowedFrom(base: Json, cell: PlanInputCell): string[] {
  if (cell.type !== "text") return [];
  const parsed = parseInputs(setPath(base, cell.path, PROBE));
  if (parsed.ok) return [];
  const msg = parsed.errors.join(" ");
  const quoted = [...msg.matchAll(/"([^"]+)"/g)].map((m) => m[1]).filter((q) => q !== PROBE);
  const codes = msg.includes("2 capital letters") ? ["TX", "CA", "NY"] : [];
  return [...new Set([...quoted, ...codes])];
}

function fromCell(cell: PlanInputCell, v: unknown): unknown {
  if (v === null || v === "") return undefined;
  if (cell.type === "date" && typeof v === "number") return iso(v);
  if (cell.type === "month" && typeof v === "number") return iso(v).slice(0, 7);
  return v;
}

function close(a: unknown, b: unknown, path: string, diffs: string[]): void {
  if (typeof a === "number" && typeof b === "number") {
    const tol = Math.max(0.005, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
    if (!(Math.abs(a - b) <= tol)) diffs.push(`${path}: workbook ${a} vs rebuild ${b}`);
  } else if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) close((a as Json)[k], (b as Json)[k], `${path}.${k}`, diffs);
  } else if (a !== b) diffs.push(`${path}: workbook ${JSON.stringify(a)} vs rebuild ${JSON.stringify(b)}`);
}

/** The blank slots of the same value list before this one (none unless it is past the list's end). */
function gapBefore(plan: SheetPlan, json: Json, cell: PlanInputCell): PlanInputCell[] {
  const k = cell.path[cell.path.length - 1];
  const parent = cell.path.slice(0, -1);
  const list = getPath(json, parent);
  if (typeof k !== "number") return [];
  const length = Array.isArray(list) ? list.length : 0;
  return (plan.inputCells ?? []).filter((c) => {
    const i = c.path[c.path.length - 1];
    return (
      c.path.length === cell.path.length &&
      c.path.slice(0, -1).join(".") === parent.join(".") &&
      typeof i === "number" &&
      i >= length &&
      i < k
    );
  });
}

function roleOf(plan: SheetPlan, cell: PlanInputCell): string | undefined {
  return plan.sheets.find((s) => s.name === cell.sheet)?.cells.find((c) => c.a1 === cell.a1)?.role;
}

async function checkLiveInputs(json: Json): Promise<{ varied: number; unvaried: string[] }> {
  const plan = buildPlan(ok(json), { formulas: "portable" });
  const host = evaluatePlan(plan);
  const hf = host.engine;
  const unvaried: string[] = [];
  const diffs: string[] = [];
  let varied = 0;
  try {
    for (const cell of plan.inputCells ?? []) {
      if (roleOf(plan, cell) !== "input") continue;
      const where = `${cell.path.join(".")} (${cell.sheet}!${cell.a1})`;
      // A field the file leaves out shows its default in the workbook; vary from that.
      const current = getPath(json, cell.path) ?? fromCell(cell, host.readValueSync(cell.sheet, cell.a1));
      const pick = candidates(cell, current, allowedFrom(json, cell)).find(
        ([v]) => parseInputs(setPath(json, cell.path, v)).ok,
      );
      if (!pick) {
        unvaried.push(`${cell.path.join(".")}: no valid different value`);
        continue;
      }
      const [jsonValue, cellValue] = pick;
      // A value-list slot after blank slots would be a gap (JSON lists close up; the workbook
      // flags a benchmark gap with its own check), so the slots before it are filled too.
      const fill = gapBefore(plan, json, cell);
      let changed = json;
      const edits: [PlanInputCell, unknown][] = [];
      for (const c of [...fill, cell]) {
        changed = setPath(changed, c.path, jsonValue);
        edits.push([c, cellValue]);
      }
      const expected = await summaryOf(changed);
      const restore: [{ sheet: number; row: number; col: number }, RawCellContent][] = [];
      for (const [c, value] of edits) {
        const address = { sheet: hf.getSheetId(c.sheet)!, ...parseA1(c.a1) };
        restore.push([address, hf.getCellSerialized(address)]);
        hf.setCellContents(address, value as number | string | boolean);
      }
      let actual: ModelSummary | string;
      try {
        actual = await readSummary(plan, host);
      } catch (e) {
        actual = `unreadable: ${(e as Error).message}`;
      }
      for (const [address, before] of restore) hf.setCellContents(address, before);
      const d: string[] = [];
      close(actual, expected, "summary", d);
      if (d.length) diffs.push(`${where} = ${JSON.stringify(jsonValue)}: ${d.slice(0, 3).join("; ")}`);
      varied++;
    }
  } finally {
    host.destroy();
  }
  expect(diffs).toEqual([]);
  return { varied, unvaried };
}

function ok(
  json: unknown,
): ReturnType<typeof parseInputs> extends infer R
  ? R extends { ok: true; inputs: infer I }
    ? I
    : never
  : never {
  const parsed = parseInputs(json);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.inputs;
}

async function summaryOf(json: Json): Promise<ModelSummary> {
  const plan = buildPlan(ok(json), { formulas: "portable" });
  const host = evaluatePlan(plan);
  try {
    return await readSummary(plan, host);
  } finally {
    host.destroy();
  }
}

const load = (file: string): Json => JSON.parse(readFileSync(join(EXAMPLES_DIR, file), "utf8")) as Json;

describe("every blue input of a built workbook is live (portable mode)", () => {
  it("one-pc, shortened to 12 months", async () => {
    const json = { ...load("one-pc.json"), months: 12 };
    const { varied, unvaried } = await checkLiveInputs(json);
    // Coupled fields: "fixed" pay needs an annual amount and an annual amount needs "fixed" pay,
    // so neither can change alone and stay valid per parseInputs.
    expect(unvaried).toEqual([
      "pcs.0.physicianComp.mode: no valid different value",
      "pcs.0.physicianComp.annual: no valid different value",
    ]);
    expect(varied).toBeGreaterThan(100);
    console.log(`live inputs: ${varied} varied`);
  }, 600_000);
});
