/**
 * FMV.RANGE's whole-units path gives the very numbers the decimal path gives (or declines with
 * null), for every method, on benchmarks in a few decimals and percentiles with and without an
 * exact short decimal; EXC's #NUM! edges throw the same error. The decimal path is the oracle.
 */
import fc from "fast-check";
import {
  EngineError,
  METHODS,
  dec,
  fmvRange,
  fmvRangeInUnits,
  sortedNumbers,
  toNumber,
} from "../../src/engine";

const benchmarks = fc.array(
  fc.oneof(
    { arbitrary: fc.integer({ min: -50000, max: 50000 }).map((v) => v / 1000), weight: 8 },
    { arbitrary: fc.integer({ min: 0, max: 2 ** 40 }).map((v) => v / 100), weight: 1 },
    { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 1 },
  ),
  { minLength: 1, maxLength: 40 },
);
const pct = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
  fc.integer({ min: 0, max: 1e6 }).map((k) => k / 1e6),
  fc.integer({ min: 1, max: 12 }).chain((d) => fc.integer({ min: 0, max: d }).map((j) => j / d)),
);

function outcome(f: () => number[] | null): number[] | null | string {
  try {
    return f();
  } catch (e) {
    if (e instanceof EngineError) return `${e.kind}: ${e.message}`;
    throw e;
  }
}

test("the units path equals the decimal path whenever it answers", () => {
  let answered = 0;
  fc.assert(
    fc.property(benchmarks, pct, pct, fc.constantFrom(...METHODS), (values, a, b, method) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      if (method !== "INC" && method !== "MINMAX" && (low <= 0 || high >= 1)) return; // outside the domain
      const sorted = [...values].sort((x, y) => x - y);
      const fast = outcome(() => fmvRangeInUnits(sorted, low, high, method));
      if (fast === null) return;
      answered++;
      const exact = outcome(() => {
        const r = fmvRange(sortedNumbers(sorted, true), dec(low), dec(high), method);
        return [toNumber(r.low), toNumber(r.median), toNumber(r.high)];
      });
      expect(fast).toEqual(exact);
    }),
    { numRuns: 4000, seed: 49 },
  );
  expect(answered).toBeGreaterThan(1000);
});

test("hand arithmetic: 42, 44, 45, 47.5 → IRS 43, 44.5, 46.25 (Treas. Reg. §1.482-1(e)(5) Example 3)", () => {
  expect(fmvRangeInUnits([42, 44, 45, 47.5], 0.25, 0.75, "IRS")).toEqual([43, 44.5, 46.25]);
  // INC: h = 3 × 0.25 + 1 = 1.75 → 42 + 0.75 × 2 = 43.5; h = 3.25 → 45 + 0.25 × 2.5 = 45.625.
  expect(fmvRangeInUnits([42, 44, 45, 47.5], 0.25, 0.75, "INC")).toEqual([43.5, 44.5, 45.625]);
});
