/**
 * LOC.INTEREST's whole-units fast path must give exactly what the decimal walk gives: same
 * segments, same day counts, same errors. The decimal walk is the reference (its own tests check it
 * against DOMAIN.md's vectors and hand arithmetic); here random lines are run through both.
 */
import fc from "fast-check";
import {
  Basis,
  Dec,
  LineTerms,
  dec,
  lineInterest,
  lineInterestNumber,
  lineInterestOfCells,
  simpleInterestInUnits,
  toNumber,
} from "../../src/engine";

const START = 45658; // 2025-01-01

const line = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: 900 }),
      cents: fc.integer({ min: -5_000_000, max: 50_000_000 }),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) => {
    // Keep the balance non-negative: a repayment never exceeds what was drawn before it.
    const sorted = [...rows].sort((a, b) => a.day - b.day);
    let balance = 0;
    return sorted.map((r) => {
      const cents = Math.max(r.cents, -balance);
      balance += cents;
      return { date: START + r.day, amount: cents / 100 };
    });
  });

const terms = fc.record({
  basis: fc.constantFrom<Basis>(0, 1, 2, 3, 4),
  rate: fc.oneof(
    fc.integer({ min: 0, max: 1500 }).map((bp) => ({ kind: "fixed" as const, rate: new Dec(bp).div(10000) })),
    fc
      .uniqueArray(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 6 })
      .chain((days) =>
        fc.tuple(
          fc.constant(days),
          fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: days.length, maxLength: days.length }),
        ),
      )
      .map(([days, bps]) => ({
        kind: "table" as const,
        rows: [{ date: START, bp: 500 }, ...days.map((d, i) => ({ date: START + d, bp: bps[i] }))]
          .sort((a, b) => a.date - b.date)
          .map((r) => ({ date: r.date, rate: new Dec(r.bp).div(10000) })),
      })),
  ),
});

function decimalWalk(flows: { date: number; amount: number }[], end: number, t: LineTerms): number {
  return toNumber(
    lineInterest(
      flows.map((f) => ({ date: f.date, amount: dec(f.amount) })),
      end,
      t,
    ),
  );
}

test("the fast path equals the decimal walk on random lines in cents (every basis, fixed and floating rates)", () => {
  fc.assert(
    fc.property(line, terms, fc.integer({ min: 1, max: 1000 }), (flows, t, span) => {
      const lineTerms: LineTerms = { ...t, compounding: 0 };
      const end = START + span;
      const fast = simpleInterestInUnits(flows, end, lineTerms);
      expect(fast).not.toBeNull();
      expect(toNumber(fast as Dec)).toBe(decimalWalk(flows, end, lineTerms));
      // The number the cell gets (one integer division where one rate and one year length apply).
      expect(lineInterestNumber(flows, end, lineTerms)).toBe(decimalWalk(flows, end, lineTerms));
    }),
    { numRuns: 300, seed: 20261130 },
  );
});

test("a repayment beyond the balance gives the decimal walk's error, word for word", () => {
  const flows = [
    { date: START, amount: 100.25 },
    { date: START + 10, amount: -150.5 },
  ];
  const t: LineTerms = { rate: { kind: "fixed", rate: new Dec("0.05") }, basis: 3, compounding: 0 };
  expect(() => simpleInterestInUnits(flows, START + 30, t)).toThrow(
    "flows: the repayment on 2025-01-11 takes the principal below zero (to -50.25)",
  );
  expect(() => decimalWalk(flows, START + 30, t)).toThrow(
    "flows: the repayment on 2025-01-11 takes the principal below zero (to -50.25)",
  );
});

test("the fast path steps aside where it cannot be exact: compounding, amounts beyond 6 decimals", () => {
  const t: LineTerms = { rate: { kind: "fixed", rate: new Dec("0.05") }, basis: 3, compounding: 12 };
  expect(simpleInterestInUnits([{ date: START, amount: 1000 }], START + 90, t)).toBeNull();
  const simple: LineTerms = { ...t, compounding: 0 };
  // 0.1 + 0.2 in binary is 0.30000000000000004: 17 decimals, not a whole number of 10^-6 units.
  expect(simpleInterestInUnits([{ date: START, amount: 0.1 + 0.2 }], START + 90, simple)).toBeNull();
  // 1,000,000 × 5% × 90/365 = 12,328.767123…
  expect(
    toNumber(simpleInterestInUnits([{ date: START, amount: 1_000_000 }], START + 90, simple) as Dec),
  ).toBeCloseTo((1_000_000 * 0.05 * 90) / 365, 9);
});

test("same-date flows whose running sum passes 2^53 units are netted exactly (the decimal walk takes them)", () => {
  // B has 6 decimals, so it is counted in millionths: B × 10^6 ≈ 2^50, and 9 of them pass 2^53.
  const B = 1125899906.842623;
  const t: LineTerms = { rate: { kind: "fixed", rate: new Dec("0.05") }, basis: 3, compounding: 0 };
  const drawsFirst = [...Array(9).fill(B), ...Array(9).fill(-B)].map((amount) => ({ date: START, amount }));
  const repaysFirst = [...Array(9).fill(-B), ...Array(9).fill(B)].map((amount) => ({ date: START, amount }));
  // Flows sharing a date are added: 9B − 9B = 0, so no interest and no repayment beyond the balance.
  expect(toNumber(lineInterestOfCells(drawsFirst, START + 365, t))).toBe(0);
  expect(toNumber(lineInterestOfCells(repaysFirst, START + 365, t))).toBe(0);
});

test("the integer division path: 1,000,000.01 at 4.3% for 92 days, Actual/365 and Actual/360", () => {
  // 100,000,001 cents × 43 (per mille) × 92 days = 395,600,003,956 over 365 × 10^5: the nearest double
  // to 10,838.36997139726… — what the decimal walk gives.
  const flows = [{ date: START, amount: 1_000_000.01 }];
  for (const basis of [2, 3] as const) {
    const t: LineTerms = { rate: { kind: "fixed", rate: dec(0.043) }, basis, compounding: 0 };
    expect(lineInterestNumber(flows, START + 92, t)).toBe(decimalWalk(flows, START + 92, t));
  }
  const t3: LineTerms = { rate: { kind: "fixed", rate: dec(0.043) }, basis: 3, compounding: 0 };
  expect(lineInterestNumber(flows, START + 92, t3)).toBeCloseTo((1_000_000.01 * 0.043 * 92) / 365, 8);
});

test("one fixed rate on Actual/360 or /365 (the flat path): flows in any order, same number and same errors as the walk", () => {
  fc.assert(
    fc.property(
      line,
      fc.constantFrom<Basis>(2, 3),
      fc.integer({ min: 0, max: 1500 }),
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: 0, max: 1000 }),
      (flows, basis, bp, span, seed) => {
        const t: LineTerms = { rate: { kind: "fixed", rate: new Dec(bp).div(10000) }, basis, compounding: 0 };
        // A deterministic shuffle, and an overdraw now and then: the error must be the walk's.
        const shuffled = [...flows].sort(
          (a, b) => ((a.date * 7919 + seed) % 13) - ((b.date * 7919 + seed) % 13),
        );
        if (seed % 5 === 0) shuffled.push({ date: shuffled[0].date + (seed % 40), amount: -1e9 });
        const run = (f: () => number) => {
          try {
            return f();
          } catch (e) {
            return (e as Error).message;
          }
        };
        expect(run(() => lineInterestNumber(shuffled, START + span, t))).toBe(
          run(() => decimalWalk(shuffled, START + span, t)),
        );
      },
    ),
    { numRuns: 400, seed: 7 },
  );
});
