/** MSA.COSTPLUS and MSA.ALLOCATE against DOMAIN.md §3.5 (TV-CP-*) and the contract's rules. */
import "../functions/helpers/excel";
import * as F from "../../src/functions/functions";

const N = null as never;
const BASE = [[2100000], [900000]]; // direct 2,100,000 + overhead 900,000 = 3,000,000
const PASS = [[480000], [520000]]; // rent + supplies = 1,000,000

describe("MSA.COSTPLUS (DOMAIN.md §3.5)", () => {
  test("TV-CP-1: 3,000,000 × 1.08 + 1,000,000 = 4,240,000", () => {
    expect(F.msaCostplus(BASE, 0.08, PASS)).toBe(4240000);
  });
  test("TV-CP-2: markup on total cost instead, 4,000,000 × 1.08 = 4,320,000, over-charges 80,000", () => {
    const wrong = F.msaCostplus([[4000000]], 0.08);
    expect(wrong).toBe(4320000);
    expect(wrong - F.msaCostplus(BASE, 0.08, PASS)).toBe(80000);
  });
  test("TV-CP-3: + fixed 20,000 × 12 = 4,480,000", () => {
    expect(F.msaCostplus(BASE, 0.08, PASS, 20000 * 12)).toBe(4480000);
  });
  test("TV-CP-4: cap 4,400,000 / floor 3,800,000 on 4,480,000 → 4,400,000", () => {
    expect(F.msaCostplus(BASE, 0.08, PASS, 240000, 4400000, 3800000)).toBe(4400000);
  });
  test("TV-CP-5: realised markup 240,000 / 3,000,000 = 8% on base, 240,000 / 4,000,000 = 6% on total", () => {
    const fee = F.msaCostplus(BASE, 0.08, PASS);
    expect((fee - 4000000) / 3000000).toBeCloseTo(0.08, 15);
    expect((fee - 4000000) / 4000000).toBeCloseTo(0.06, 15);
  });
  test("TV-CP-6: OECD LVAS 5% → 4,150,000; US SCM 0% → 4,000,000", () => {
    expect(F.msaCostplus(BASE, 0.05, PASS)).toBe(4150000);
    expect(F.msaCostplus(BASE, 0, PASS)).toBe(4000000);
  });
  test("TV-CP-7: true-up 3,000,000 × 1.08 − 3,300,000 × 1.08 = −324,000", () => {
    expect(F.msaCostplus([[3000000]], 0.08, PASS) - F.msaCostplus([[3300000]], 0.08, PASS)).toBe(-324000);
  });
  test("TV-CP-8: adjusted to the median markup 5.95%: 3,000,000 × 1.0595 + 1,000,000 = 4,178,500", () => {
    expect(F.msaCostplus(BASE, 0.0595, PASS)).toBe(4178500);
  });
  test("decimal exactness: costBase 0.1 and 0.2 at markup 0 is exactly 0.3 (binary 0.1 + 0.2 = 0.30000000000000004)", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(F.msaCostplus([[0.1], [0.2]], 0)).toBe(0.3);
    // 0.1 × 1.1 = 0.11 exactly (binary 0.11000000000000001); 1.15 × 100 = 115 (binary 114.99999999999999).
    expect(F.msaCostplus([[0.1]], 0.1)).toBe(0.11);
    expect(F.msaCostplus([[100]], 0.15)).toBe(115);
  });
  test("a single number for costBase, blanks skipped, passThrough and fixedFee optional", () => {
    expect(F.msaCostplus([[1000]], 0.1)).toBe(1100);
    expect(F.msaCostplus([[1000, null, ""]], 0.1, [[null]])).toBe(1100);
  });
  test("floor raises, cap lowers; floor equal to cap pins the fee", () => {
    expect(F.msaCostplus([[100]], 0, N, N, N, 150)).toBe(150);
    expect(F.msaCostplus([[100]], 0, N, N, 80, N)).toBe(80);
    expect(F.msaCostplus([[100]], 0, N, N, 120, 90)).toBe(100);
    expect(F.msaCostplus([[100]], 0, N, N, 90, 90)).toBe(90);
    expect(F.msaCostplus([[100]], 0, N, N, 0, N)).toBe(0); // a cap of 0 is a cap
  });
  test("markup bounds are inclusive: 0 and 10 (1000%)", () => {
    expect(F.msaCostplus([[100]], 10)).toBe(1100);
  });
});

describe("MSA.ALLOCATE (largest remainder, FUNCTIONS.md)", () => {
  test("AL-1 / TV-CP-9: 1,200,000 by FTEs 60/40 → 720,000 / 480,000", () => {
    expect(F.msaAllocate(1200000, [[60], [40]])).toEqual([[720000], [480000]]);
  });
  test("AL-2: 100 over three equal drivers → 33.34, 33.33, 33.33 (tie to the earliest)", () => {
    expect(F.msaAllocate(100, [[1, 1, 1]])).toEqual([[33.34, 33.33, 33.33]]);
  });
  test("largest remainders win: 100 by 1..6 (hand: cents 476.19, 952.38, 1428.57, 1904.76, 2380.95, 2857.14)", () => {
    // Truncated: 476 + 952 + 1428 + 1904 + 2380 + 2857 = 9997; 3 cents go to remainders .95, .76, .57.
    expect(F.msaAllocate(100, [[1], [2], [3], [4], [5], [6]])).toEqual([
      [4.76],
      [9.52],
      [14.29],
      [19.05],
      [23.81],
      [28.57],
    ]);
  });
  test("a negative total is split as its absolute value and negated", () => {
    expect(F.msaAllocate(-100, [[1, 1, 1]])).toEqual([[-33.34, -33.33, -33.33]]);
  });
  test("blank drivers count as 0 and get 0", () => {
    expect(F.msaAllocate(100, [[1, null, 1, ""]])).toEqual([[50, 0, 50, 0]]);
    expect(F.msaAllocate(100, [[1, 0, 3]])).toEqual([[25, 0, 75]]);
  });
  test("decimals 0: 100 / 3 → 34, 33, 33; decimals 6: 1 / 3 → 0.333334, 0.333333, 0.333333", () => {
    expect(F.msaAllocate(100, [[1, 1, 1]], 0)).toEqual([[34, 33, 33]]);
    expect(F.msaAllocate(1, [[1, 1, 1]], 6)).toEqual([[0.333334, 0.333333, 0.333333]]);
  });
  test("the parts add up to ROUND(total, decimals), half away from zero: 100.005 → 100.01, −0.005 → −0.01", () => {
    expect(F.msaAllocate(100.005, [[1], [1]])).toEqual([[50.01], [50]]);
    expect(F.msaAllocate(-0.005, [[1], [1]])).toEqual([[-0.01], [0]]);
    expect(F.msaAllocate(2.5, [[1]], 0)).toEqual([[3]]);
    expect(F.msaAllocate(-2.5, [[1]], 0)).toEqual([[-3]]);
  });
  test("2-D drivers keep their shape", () => {
    expect(
      F.msaAllocate(10, [
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  test("ties go to the earlier cell in row-major order: 0.02 over a 2×3 block of 1s", () => {
    // Row-major: (1,1) and (1,2) get a cent; column-major would give (1,1) and (2,1).
    expect(
      F.msaAllocate(0.02, [
        [1, 1, 1],
        [1, 1, 1],
      ]),
    ).toEqual([
      [0.01, 0.01, 0],
      [0, 0, 0],
    ]);
  });
  test("a single number for drivers (Excel passes [[n]]) gets the whole total", () => {
    expect(F.msaAllocate(1234.567, [[7]])).toEqual([[1234.57]]);
  });
  test("parts are exact decimals: 0.3 by 1:2 → 0.1, 0.2", () => {
    expect(F.msaAllocate(0.3, [[1, 2]])).toEqual([[0.1, 0.2]]);
  });
});
