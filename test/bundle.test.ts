// Checks the built add-in in dist/ (npm test builds it first): functions.js loads in a bare context
// like Excel's JavaScript-only runtime and registers exactly the functions of FUNCTIONS.md, whose
// metadata in functions.json matches the contract; every public vector passes when called the way
// /work/shared/tools/call-like-excel.js (Excel's calling convention) calls it.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { FUNCTIONS as TASKPANE_FUNCTIONS } from "../src/taskpane/catalog";
import { DIST, ROOT } from "./helpers/build-config";
import { ErrorCode } from "./functions/helpers/error-codes";

function distFile(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) throw new Error(`dist/${name} is missing: run npm run build`);
  return file;
}
const readDist = (name: string) => fs.readFileSync(distFile(name), "utf8");

// ---- the contract (FUNCTIONS.md) ------------------------------------------------------------

interface Param {
  name: string;
  type: "any" | "number" | "string";
  dimensionality: "scalar" | "matrix";
  optional: boolean;
}
interface Signature {
  params: Param[];
  /** Result shape; `type` is checked for scalar results only. */
  result: { dimensionality: "scalar" | "matrix"; type?: "number" | "boolean" | "string" };
}
const range = (name: string, optional = false): Param => ({
  name,
  type: "any",
  dimensionality: "matrix",
  optional,
});
const num = (name: string, optional = false): Param => ({
  name,
  type: "number",
  dimensionality: "scalar",
  optional,
});
const str = (name: string, optional = false): Param => ({
  name,
  type: "string",
  dimensionality: "scalar",
  optional,
});
const scalar = (type: "number" | "boolean" | "string") => ({ dimensionality: "scalar" as const, type });
const matrix = { dimensionality: "matrix" as const };

const EXPECTED: Record<string, Signature> = {
  "MSA.COSTPLUS": {
    params: [
      range("costBase"),
      num("markup"),
      range("passThrough", true),
      num("fixedFee", true),
      num("cap", true),
      num("floor", true),
    ],
    result: scalar("number"),
  },
  "MSA.ALLOCATE": { params: [num("total"), range("drivers"), num("decimals", true)], result: matrix },
  "LOC.INTEREST": {
    params: [
      range("flows"),
      range("dates"),
      range("rate"),
      num("endDate"),
      num("basis", true),
      num("compounding", true),
    ],
    result: scalar("number"),
  },
  "LOC.LIMIT": {
    params: [
      range("flows"),
      range("dates"),
      range("rate"),
      num("horizonEnd"),
      num("basis", true),
      num("compounding", true),
      num("buffer", true),
      num("lot", true),
    ],
    result: scalar("number"),
  },
  "LOC.AFRCONVERT": {
    params: [num("rate"), num("fromFrequency"), num("toFrequency"), num("percent", true)],
    result: scalar("number"),
  },
  "LOC.AFRTEST": {
    params: [num("noteRate"), num("noteFrequency"), num("afr"), num("afrFrequency")],
    result: scalar("boolean"),
  },
  "FMV.RANGE": {
    params: [range("benchmarks"), num("lowPct", true), num("highPct", true), str("method", true)],
    result: matrix,
  },
  "FMV.TEST": {
    params: [
      num("value"),
      range("benchmarks"),
      num("lowPct", true),
      num("highPct", true),
      str("method", true),
    ],
    result: scalar("string"),
  },
};
const EXPECTED_IDS = Object.keys(EXPECTED).sort();

// ---- functions.json -----------------------------------------------------------------------

interface MetaParam {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface MetaFunction {
  id: string;
  name: string;
  description?: string;
  parameters?: MetaParam[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}
const metadata = (): MetaFunction[] =>
  (JSON.parse(readDist("functions.json")) as { functions: MetaFunction[] }).functions;
const metaOf = (id: string): MetaFunction => {
  const found = metadata().find((f) => f.id === id);
  if (!found) throw new Error(`${id} is not in dist/functions.json`);
  return found;
};

// ---- loading functions.js as Excel does -----------------------------------------------------

class CFError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
type Fn = (...args: unknown[]) => unknown;
interface Loaded {
  registry: Record<string, Fn>;
  calls: string[];
  ctx: vm.Context;
}

/** Runs dist/functions.js in a fresh context holding `CustomFunctions` plus `extra`, recording associate calls. */
function load(extra: (ctx: Record<string, unknown>) => void = () => undefined): Loaded {
  const source = readDist("functions.js");
  const registry: Record<string, Fn> = {};
  const calls: string[] = [];
  const sandbox: Record<string, unknown> = {
    CustomFunctions: {
      associate(id: string | Record<string, Fn>, fn?: Fn) {
        if (typeof id === "object") {
          for (const [k, f] of Object.entries(id)) {
            calls.push(k.toUpperCase());
            registry[k.toUpperCase()] = f;
          }
        } else {
          calls.push(String(id).toUpperCase());
          registry[String(id).toUpperCase()] = fn as Fn;
        }
      },
      Error: CFError,
      ErrorCode,
    },
  };
  extra(sandbox);
  const ctx = vm.createContext(sandbox);
  vm.runInContext(source, ctx, { filename: path.join(DIST, "functions.js") });
  return { registry, calls, ctx };
}

let excelLike: Loaded | undefined;
/** The context call-like-excel.js builds: CustomFunctions, console, timers, and self/window = the global. */
function loadLikeExcel(): Loaded {
  excelLike ??= load((ctx) => {
    Object.assign(ctx, { console, setTimeout, clearTimeout, Promise });
    ctx.self = ctx;
    ctx.window = ctx;
    ctx.globalThis = ctx;
  });
  return excelLike;
}

describe("dist/ holds the built add-in", () => {
  test.each(["functions.js", "functions.json", "taskpane.html", "taskpane.js", "manifest.xml"])(
    "dist/%s exists",
    (name) => {
      expect(fs.statSync(distFile(name)).size).toBeGreaterThan(0);
    },
  );

  test("taskpane.html loads office.js from Microsoft's CDN, then both bundles (shared runtime)", () => {
    const html = readDist("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
  });

  test("dist/manifest.xml is the checked-in manifest (dev build)", () => {
    expect(readDist("manifest.xml")).toBe(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  });
});

describe("dist/functions.js in a bare JavaScript context", () => {
  test("loads with only CustomFunctions defined (no window, document or self)", () => {
    const { ctx } = load();
    expect(vm.runInContext("[typeof window, typeof document, typeof self]", ctx)).toEqual([
      "undefined",
      "undefined",
      "undefined",
    ]);
  });

  test("registers every function of functions.json through associate, once each, and nothing else", () => {
    const { registry, calls } = load();
    const ids = metadata().map((f) => f.id.toUpperCase());
    expect([...calls].sort()).toEqual([...ids].sort());
    expect(Object.keys(registry).sort()).toEqual([...ids].sort());
    for (const fn of Object.values(registry)) expect(typeof fn).toBe("function");
  });
});

describe("dist/functions.json", () => {
  test("declares exactly the eight functions of the contract", () => {
    expect(
      metadata()
        .map((f) => f.id)
        .sort(),
    ).toEqual(EXPECTED_IDS);
  });

  test("the task pane lists exactly the functions the bundle declares", () => {
    expect(TASKPANE_FUNCTIONS.map((f) => f.id).sort()).toEqual(
      metadata()
        .map((f) => f.id)
        .sort(),
    );
  });

  describe.each(EXPECTED_IDS)("%s", (id) => {
    const want = EXPECTED[id];

    test("name equals the id: upper case, with its dot", () => {
      const f = metaOf(id);
      expect(f.name).toBe(id);
      expect(f.id).toMatch(/^[A-Z]+\.[A-Z]+$/);
    });

    test("has a description, and every parameter has one", () => {
      const f = metaOf(id);
      expect(f.description?.trim()).toBeTruthy();
      const undescribed = (f.parameters ?? []).filter((p) => !p.description?.trim()).map((p) => p.name);
      expect(undescribed).toEqual([]);
    });

    test("parameters: names, types, dimensionality and optionality", () => {
      const got = (metaOf(id).parameters ?? []).map((p) => ({
        name: p.name,
        type: p.type ?? "any",
        dimensionality: p.dimensionality ?? "scalar",
        optional: p.optional === true,
      }));
      expect(got).toEqual(want.params);
    });

    test("result shape", () => {
      const result = metaOf(id).result ?? {};
      expect(result.dimensionality ?? "scalar").toBe(want.result.dimensionality);
      if (want.result.type) expect(result.type).toBe(want.result.type);
    });

    test("is synchronous, non-volatile and non-streaming", () => {
      const options = metaOf(id).options ?? {};
      for (const flag of [
        "volatile",
        "stream",
        "cancelable",
        "requiresAddress",
        "requiresParameterAddresses",
      ]) {
        expect({ flag, value: options[flag] === true }).toEqual({ flag, value: false });
      }
    });
  });
});

// ---- the public vectors, called like Excel ------------------------------------------------------

interface Vector {
  id: string;
  fn: string;
  args: unknown[];
  expect?: unknown;
  error?: string;
  tol?: number;
  source?: string;
}
const VECTORS_FILE = path.join(ROOT, "test", "vectors", "public.json");
const vectors: Vector[] = fs.existsSync(VECTORS_FILE)
  ? (JSON.parse(fs.readFileSync(VECTORS_FILE, "utf8")) as Vector[])
  : [];

const errOf = (e: unknown): string => {
  const x = e as { code?: string; errorCode?: string; message?: string } | undefined;
  return (x && (x.code || x.errorCode)) || (x && x.message) || String(e);
};
const near = (a: unknown, b: unknown, tol: number) =>
  typeof b === "number" ? typeof a === "number" && Math.abs(a - b) <= tol + 1e-12 * Math.abs(b) : a === b;
function same(got: unknown, want: unknown, tol: number): boolean {
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return false;
    return want.every(
      (row: unknown[], i) =>
        Array.isArray(got[i]) && got[i].length === row.length && row.every((v, j) => near(got[i][j], v, tol)),
    );
  }
  return near(got, want, tol);
}

describe("public vectors, called the way Excel calls the functions", () => {
  test("test/vectors/public.json is present and covers all eight functions", () => {
    expect(vectors.length).toBeGreaterThan(0);
    expect([...new Set(vectors.map((v) => v.fn))].sort()).toEqual(EXPECTED_IDS);
  });

  const table = vectors.map((v) => [`${v.id} ${v.fn}`, v] as const);
  // test.each refuses an empty table; the test above already fails when the file is missing.
  if (table.length > 0) {
    test.each(table)("%s", (_label, c) => {
      const { registry, ctx } = loadLikeExcel();
      const fn = registry[c.fn];
      if (!fn) throw new Error(`${c.fn} is not registered by dist/functions.js`);
      // A number given to a matrix parameter is a single cell: Excel passes it as a 1x1 array.
      const matrixParams = (metaOf(c.fn).parameters ?? []).map((p) => p.dimensionality === "matrix");
      const args = c.args.map((a, i) => (matrixParams[i] && a !== null && !Array.isArray(a) ? [[a]] : a));
      // Arrays built inside the context, as the runtime's own would be.
      const shaped = vm.runInContext(`JSON.parse(${JSON.stringify(JSON.stringify(args))})`, ctx) as unknown[];
      let got: unknown;
      let threw: unknown;
      try {
        got = fn(...shaped);
        if (got && typeof (got as { then?: unknown }).then === "function") {
          throw new Error("returned a Promise; the functions must be synchronous");
        }
      } catch (e) {
        threw = e;
      }
      if (got instanceof CFError) {
        threw = got;
        got = undefined;
      }
      const saw =
        threw !== undefined
          ? `error ${errOf(threw)}${(threw as Error)?.message ? ` (${(threw as Error).message})` : ""}`
          : JSON.stringify(got);
      const outcome = { id: c.id, source: c.source, saw };
      if (c.error) {
        expect({ ...outcome, error: threw === undefined ? "(none)" : errOf(threw) }).toEqual({
          ...outcome,
          error: c.error,
        });
      } else {
        expect({ ...outcome, ok: threw === undefined && same(got, c.expect, c.tol ?? 0) }).toEqual({
          ...outcome,
          saw: JSON.stringify(c.expect),
          ok: true,
        });
      }
    });
  }
});
