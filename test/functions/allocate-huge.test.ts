/**
 * MSA.ALLOCATE of huge totals (issue 12, item 1). FUNCTIONS.md, "Errors": a total with
 * |total| × 10^decimals ≥ 10^34 is #NUM!; below that the parts add up exactly to ROUND(total,
 * decimals) and each is within one unit of its exact share. The expectations are computed here with
 * integer arithmetic on the total's and drivers' decimal digits, independently of the engine.
 */
import { outcome } from "./helpers/excel";
import * as F from "../../src/functions/functions";
import { allocate, dec } from "../../src/engine";

/** A number's shortest decimal string as digits × 10^exponent. */
function parts(n: number): { digits: bigint; exponent: number } {
  const [mantissa, e = "0"] = n.toExponential().split("e");
  const [int, frac = ""] = mantissa.split(".");
  return { digits: BigInt(int + frac), exponent: Number(e) - frac.length };
}

/** ROUND(|total|, decimals) in units of 10^-decimals, half away from zero. */
function unitsOf(total: number, decimals: number): bigint {
  const { digits, exponent } = parts(Math.abs(total));
  const shift = exponent + decimals;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  const div = 10n ** BigInt(-shift);
  return (digits + div / 2n) / div;
}

const totals: number[] = [];
for (let k = 30; k <= 60; k++)
  totals.push(10 ** k, -(10 ** k), 1.2345678901234567 * 10 ** k, 9.87654321 * 10 ** k);
const driverSets: number[][] = [];
for (let m = 1; m <= 11; m++) {
  driverSets.push(Array.from({ length: m }, () => 1));
  driverSets.push(Array.from({ length: m }, (_, i) => ((i * 7919 + 13) % 101) + 0.37 * i));
}
driverSets.push([1e-300, 1e300, 3], [0.1, 0.2, 0.3], [1e15 + 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

test("totals 1e30…1e60 against 1–11 drivers, 0–6 decimals: #NUM! from 10^34 units, otherwise an exact split", () => {
  const problems: string[] = [];
  let exactSplits = 0;
  let numErrors = 0;
  for (const total of totals)
    for (const drivers of driverSets)
      for (let decimals = 0; decimals <= 6; decimals++) {
        const units = unitsOf(total, decimals);
        const label = `MSA.ALLOCATE(${total}, {${drivers.join(";")}}, ${decimals})`;
        const got = outcome(() =>
          F.msaAllocate(
            total,
            drivers.map((d) => [d]),
            decimals,
          ),
        );
        if (units >= 10n ** 34n) {
          numErrors++;
          if (got.ok || got.code !== "#NUM!")
            problems.push(`${label}: expected #NUM!, got ${JSON.stringify(got)}`);
          continue;
        }
        if (!got.ok) {
          problems.push(`${label}: expected a split, got ${got.code} ${got.message}`);
          continue;
        }
        exactSplits++;
        // The engine's decimal parts, in units: they must add up to `units` and stay within one
        // unit of the exact share units × d / Σd (compared as fractions over a common denominator).
        const split = allocate(dec(total), drivers.map(dec), decimals).map((p) =>
          BigInt(
            p
              .abs()
              .times(10 ** decimals)
              .toFixed(0),
          ),
        );
        const sum = split.reduce((a, b) => a + b, 0n);
        if (sum !== units) problems.push(`${label}: parts add up to ${sum} units, not ${units}`);
        const ws = drivers.map(parts);
        const least = Math.min(...ws.map((w) => w.exponent));
        const whole = ws.map((w) => w.digits * 10n ** BigInt(w.exponent - least));
        const W = whole.reduce((a, b) => a + b, 0n);
        split.forEach((u, i) => {
          const diff = u * W - units * whole[i];
          if (diff >= W || diff <= -W)
            problems.push(`${label}: part ${i + 1} is a unit or more off its share`);
        });
      }
  expect(problems.slice(0, 10)).toEqual([]);
  // Both outcomes were reached by the sweep.
  expect(exactSplits).toBeGreaterThan(100);
  expect(numErrors).toBeGreaterThan(100);
});

test("MSA.ALLOCATE(1E39, {1;1;1}) is #NUM!, not an unexpected error", () => {
  expect(outcome(() => F.msaAllocate(1e39, [[1], [1], [1]]))).toMatchObject({ ok: false, code: "#NUM!" });
});

test("below the limit the remainders stay exact: 10^33 by 1:1:1 is 3 × 333…333 plus one unit to the first", () => {
  // 10^33 = 3 × 333333333333333333333333333333333 + 1 (33 threes): the leftover unit goes to the first.
  const threes = "3".repeat(33);
  const split = allocate(dec(1e33), [dec(1), dec(1), dec(1)], 0).map((p) => p.toFixed(0));
  expect(split).toEqual([threes.slice(0, -1) + "4", threes, threes]);
});
