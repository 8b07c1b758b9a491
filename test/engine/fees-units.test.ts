/**
 * MSA.COSTPLUS's whole-units fast path gives the very number the exact decimal path gives, or
 * declines (null). The decimal path (decimal.js, 40 digits) is the oracle; amounts span cents,
 * other decimal places, binary noise like 0.1 + 0.2, and sizes near 2^53 units where exact
 * integers run out.
 */
import fc from "fast-check";
import { costPlusFee, costPlusFeeInUnits, dec, toNumber } from "../../src/engine";

const amount = fc.oneof(
  { arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100), weight: 12 }, // cents
  { arbitrary: fc.integer({ min: 0, max: 1e6 }).map((c) => c / 1000), weight: 3 }, // mills
  { arbitrary: fc.integer({ min: 0, max: 2 ** 53 }).map((c) => c / 100), weight: 1 }, // the safe-integer edge
  { arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }), weight: 1 }, // arbitrary doubles
  { arbitrary: fc.constantFrom(0.1 + 0.2, 1e15 + 0.3, 123456.789012, 0), weight: 1 },
);
const markup = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 100000 }).map((m) => m / 10000), weight: 6 },
  { arbitrary: fc.double({ min: 0, max: 10, noNaN: true }), weight: 1 },
  { arbitrary: fc.constantFrom(0.08, 1 / 3, 10), weight: 1 },
);

test("the units path agrees with the decimal path whenever it answers", () => {
  let answered = 0;
  fc.assert(
    fc.property(
      fc.array(amount, { maxLength: 6 }),
      markup,
      fc.array(amount, { maxLength: 4 }),
      amount,
      fc.option(fc.integer({ min: 0, max: 1e9 }).map((c) => c / 100)),
      fc.option(fc.integer({ min: 0, max: 1e7 }).map((c) => c / 100)),
      (base, m, pass, fixed, cap, floor) => {
        if (cap !== null && floor !== null && floor > cap) [cap, floor] = [floor, cap];
        const fast = costPlusFeeInUnits(base, m, pass, fixed, cap, floor);
        if (fast === null) return;
        answered++;
        const exact = costPlusFee({
          costBase: base.map(dec),
          markup: dec(m),
          passThrough: pass.map(dec),
          fixedFee: dec(fixed),
          cap: cap === null ? null : dec(cap),
          floor: floor === null ? null : dec(floor),
        });
        expect(fast).toBe(toNumber(exact));
      },
    ),
    { numRuns: 3000, seed: 13 },
  );
  expect(answered).toBeGreaterThan(500);
});

test("hand arithmetic: 3,000,000 × 1.08 + 1,000,000 = 4,240,000; 0.1 + 0.2 at 0% is exactly 0.3", () => {
  expect(costPlusFeeInUnits([2100000, 900000], 0.08, [480000, 520000], 0, null, null)).toBe(4240000);
  expect(costPlusFeeInUnits([0.1, 0.2], 0, [], 0, null, null)).toBe(0.3);
});

test("declines where whole units are not exact: a markup of 1/3, an amount of 0.1 + 0.2", () => {
  expect(costPlusFeeInUnits([100], 1 / 3, [], 0, null, null)).toBeNull();
  expect(costPlusFeeInUnits([0.1 + 0.2], 0, [], 0, null, null)).toBeNull();
});
