/**
 * Every case of test/vectors/public.json (the contract's public vectors, each with its source),
 * called through the JSDoc entry points the way Excel calls them: a plain number given for a matrix
 * (any[][]) parameter arrives as a 1×1 array, an omitted argument as null.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { outcome } from "./helpers/excel";
import * as F from "../../src/functions/functions";

interface Vector {
  id: string;
  fn: string;
  args: unknown[];
  source: string;
  expect?: unknown;
  tol?: number;
  error?: string;
}

const vectors: Vector[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "vectors", "public.json"), "utf8"),
) as Vector[];

type Fn = (...args: never[]) => unknown;
const ENTRY: Record<string, { fn: Fn; matrix: number[] }> = {
  "MSA.COSTPLUS": { fn: F.msaCostplus as Fn, matrix: [0, 2] },
  "MSA.ALLOCATE": { fn: F.msaAllocate as Fn, matrix: [1] },
  "LOC.INTEREST": { fn: F.locInterest as Fn, matrix: [0, 1, 2] },
  "LOC.LIMIT": { fn: F.locLimit as Fn, matrix: [0, 1, 2] },
  "LOC.AFRCONVERT": { fn: F.locAfrconvert as Fn, matrix: [] },
  "LOC.AFRTEST": { fn: F.locAfrtest as Fn, matrix: [] },
  "FMV.RANGE": { fn: F.fmvRange as Fn, matrix: [0] },
  "FMV.TEST": { fn: F.fmvTest as Fn, matrix: [1] },
};

/** A number given to a matrix parameter becomes [[n]]; null (omitted) stays null. */
function asExcelPasses(v: Vector): unknown[] {
  const matrix = ENTRY[v.fn].matrix;
  return v.args.map((a, i) => (matrix.includes(i) && a !== null && !Array.isArray(a) ? [[a]] : a));
}

function expectNear(got: unknown, want: unknown, tol: number): void {
  if (Array.isArray(want)) {
    expect(Array.isArray(got)).toBe(true);
    const rows = got as unknown[][];
    expect(rows).toHaveLength(want.length);
    want.forEach((row: unknown[], i) => {
      expect(rows[i]).toHaveLength(row.length);
      row.forEach((cell, j) => expectNear(rows[i][j], cell, tol));
    });
  } else if (typeof want === "number") {
    expect(typeof got).toBe("number");
    expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(tol);
  } else {
    expect(got).toBe(want);
  }
}

test("the vector file covers all eight functions", () => {
  expect(new Set(vectors.map((v) => v.fn))).toEqual(new Set(Object.keys(ENTRY)));
  expect(vectors.length).toBeGreaterThanOrEqual(20);
});

describe.each(vectors.map((v) => [v.id, v] as const))("vector %s", (_id, v) => {
  test(`${v.fn} (${v.source})`, () => {
    const got = outcome(() => ENTRY[v.fn].fn(...(asExcelPasses(v) as never[])));
    if (v.error !== undefined) {
      expect(got.ok).toBe(false);
      if (!got.ok) expect(got.code).toBe(v.error);
    } else {
      expect(got).toMatchObject({ ok: true });
      if (got.ok) expectNear(got.value, v.expect, v.tol ?? 0);
    }
  });
});
