/** Property tests through the worksheet entry points (fast-check). */
import fc from "fast-check";
import { FakeCustomFunctionsError, outcome } from "./helpers/excel";
import * as F from "../../src/functions/functions";

const RUNS = { numRuns: 200 };
const col = (xs: number[]) => xs.map((x) => [x]);

describe("FMV.TEST agrees with FMV.RANGE", () => {
  const bench = fc.array(
    fc.integer({ min: -10000, max: 10000 }).map((k) => k / 100),
    { minLength: 1, maxLength: 25 },
  );
  const method = fc.constantFrom("IRS", "INC", "EXC", "MINMAX", null);
  const pct = fc.integer({ min: 0, max: 100 }).map((k) => k / 100);
  test("BELOW iff value < low, ABOVE iff value > high, else WITHIN; same errors", () => {
    fc.assert(
      fc.property(
        bench,
        pct,
        pct,
        method,
        fc.nat(),
        fc.integer({ min: -10000, max: 10000 }),
        (xs, p1, p2, m, pick, v) => {
          const lo = Math.min(p1, p2);
          const hi = Math.max(p1, p2);
          const r = outcome(() => F.fmvRange(col(xs), lo, hi, m as never));
          // Values right at the bounds and the data points are the interesting ones.
          const candidates = [v / 100, ...xs, ...(r.ok ? (r.value as number[][])[0] : [])];
          const value = candidates[pick % candidates.length];
          const t = outcome(() => F.fmvTest(value, col(xs), lo, hi, m as never));
          if (!r.ok) {
            expect(t).toEqual(r);
            return;
          }
          const [low, , high] = (r.value as number[][])[0];
          expect(t).toEqual({ ok: true, value: value < low ? "BELOW" : value > high ? "ABOVE" : "WITHIN" });
        },
      ),
      RUNS,
    );
  });
});

describe("LOC.LIMIT", () => {
  const START = 45658; // 2025-01-01
  const flowsArb = fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 365 }), amount: fc.integer({ min: -500000, max: 1000000 }) }),
    { minLength: 1, maxLength: 10 },
  );
  const terms = fc.record({
    rate: fc.integer({ min: 0, max: 2000 }).map((k) => k / 10000),
    basis: fc.constantFrom(0, 1, 2, 3, 4),
    compounding: fc.constantFrom(0, 1, 2, 4, 12),
    horizon: fc.integer({ min: 0, max: 400 }),
  });
  /** Repayments clipped so the principal never goes below zero. */
  function feasible(fs: { day: number; amount: number }[]) {
    const sorted = [...fs].sort((a, b) => a.day - b.day);
    let bal = 0;
    return sorted.map((f) => {
      const amount = Math.max(f.amount, -bal);
      bal += amount;
      return { day: f.day, amount };
    });
  }

  test("is at least the final exposure (principal + accrued at the horizon), and equal to it with draws only", () => {
    fc.assert(
      fc.property(flowsArb, terms, fc.boolean(), (raw, t, drawsOnly) => {
        const fs = feasible(drawsOnly ? raw.map((f) => ({ ...f, amount: Math.abs(f.amount) })) : raw);
        const flows = col(fs.map((f) => f.amount));
        const dates = col(fs.map((f) => START + f.day));
        const end = START + t.horizon;
        const limit = F.locLimit(flows, dates, [[t.rate]], end, t.basis, t.compounding);
        const principal = fs.filter((f) => START + f.day <= end).reduce((s, f) => s + f.amount, 0);
        const interest = F.locInterest(flows, dates, [[t.rate]], end, t.basis, t.compounding);
        const final = principal + interest; // capitalised interest is in LOC.INTEREST's total
        const slack = 1e-9 * Math.max(1, Math.abs(final));
        expect(limit).toBeGreaterThanOrEqual(final - slack);
        if (drawsOnly) expect(Math.abs(limit - final)).toBeLessThanOrEqual(slack);
      }),
      RUNS,
    );
  });

  test("is non-decreasing in buffer; lot rounding only goes up, by less than one lot", () => {
    fc.assert(
      fc.property(
        flowsArb,
        terms,
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(0, 1, 1000, 50000),
        (raw, t, b1, b2, lot) => {
          const fs = feasible(raw);
          const args: [number[][], number[][], number[][], number] = [
            col(fs.map((f) => f.amount)),
            col(fs.map((f) => START + f.day)),
            [[t.rate]],
            START + t.horizon,
          ];
          const [lo, hi] = [Math.min(b1, b2) / 100, Math.max(b1, b2) / 100];
          const a = F.locLimit(...args, t.basis, t.compounding, lo, lot);
          const b = F.locLimit(...args, t.basis, t.compounding, hi, lot);
          expect(a).toBeLessThanOrEqual(b);
          const unrounded = F.locLimit(...args, t.basis, t.compounding, lo, 0);
          expect(a).toBeGreaterThanOrEqual(unrounded);
          if (lot > 0) {
            expect(Number.isInteger(a / lot)).toBe(true);
            expect(a - unrounded).toBeLessThan(lot);
          }
        },
      ),
      RUNS,
    );
  });
});

describe("no function throws anything but CustomFunctions.Error, whatever it is given", () => {
  const cell = fc.oneof(
    fc.double(), // includes NaN, ±Infinity, -0
    fc.integer({ min: -5, max: 50000 }),
    fc.integer({ min: 45000, max: 47000 }),
    fc.constantFrom(0, 1, 2, 3, 4, 12, 365, 0.05, 0.25, 0.75, 1.2, -0.0, 60, 61, 2958465, 2958466),
    fc.string({ maxLength: 6 }),
    fc.constantFrom("IRS", "inc", "EXC", "MinMax", "", " ", "#N/A"),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.object({ maxDepth: 1 }),
  );
  const arg = fc.oneof(
    { weight: 3, arbitrary: cell },
    { weight: 3, arbitrary: fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.array(cell, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
  );
  const FUNCTIONS: [string, (...a: never[]) => unknown, number][] = [
    ["MSA.COSTPLUS", F.msaCostplus as never, 6],
    ["MSA.ALLOCATE", F.msaAllocate as never, 3],
    ["LOC.INTEREST", F.locInterest as never, 6],
    ["LOC.LIMIT", F.locLimit as never, 8],
    ["LOC.AFRCONVERT", F.locAfrconvert as never, 4],
    ["LOC.AFRTEST", F.locAfrtest as never, 4],
    ["FMV.RANGE", F.fmvRange as never, 4],
    ["FMV.TEST", F.fmvTest as never, 5],
  ];
  test.each(FUNCTIONS)("%s", (_name, fn, arity) => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: arity, maxLength: arity }), (args) => {
        let thrown: unknown = undefined;
        try {
          fn(...(args as never[]));
        } catch (e) {
          thrown = e;
        }
        if (thrown === undefined) return;
        expect(thrown).toBeInstanceOf(FakeCustomFunctionsError);
        const e = thrown as FakeCustomFunctionsError;
        expect(["#VALUE!", "#N/A", "#NUM!", "#DIV/0!"]).toContain(e.code);
        // An exception that is not an EngineError is a defect (FUNCTIONS.md), even if it is wrapped.
        expect(e.message).not.toMatch(/unexpected error/);
      }),
      { numRuns: 300 },
    );
  });
});
