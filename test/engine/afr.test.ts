/**
 * LOC.AFRCONVERT and LOC.AFRTEST against the published AFR tables of DOMAIN.md §1.5 (Rev. Rul.
 * 2023-18 … Jul 2025) and the vectors of §1.6. Published figures are % rounded to 0.01.
 * Base rows: from the published semiannual rate, the annual, quarterly and monthly columns must
 * round (to 0.01%) to the published figures. Percentage rows (110/120/130/150%): the percent applies
 * to the BASE semiannual rate; DOMAIN.md §1.2 explains a ±0.01 pp tolerance (Treasury works from
 * the unrounded base).
 */
import "../functions/helpers/excel";
import * as F from "../../src/functions/functions";

type Cols = [annual: number, semi: number, quarterly: number, monthly: number];
const BASE_ROWS: [string, Cols][] = [
  ["Oct 2023 ST (Rev. Rul. 2023-18)", [5.22, 5.15, 5.12, 5.1]],
  ["Oct 2023 MT (Rev. Rul. 2023-18)", [4.43, 4.38, 4.36, 4.34]],
  ["Jan 2024 ST (Rev. Rul. 2024-2)", [5.0, 4.94, 4.91, 4.89]],
  ["Jan 2024 MT", [4.37, 4.32, 4.3, 4.28]],
  ["Jan 2024 LT", [4.54, 4.49, 4.47, 4.45]],
  ["Feb 2024 ST (Rev. Rul. 2024-3)", [4.68, 4.63, 4.6, 4.59]],
  ["Feb 2024 MT", [3.98, 3.94, 3.92, 3.91]],
  ["Feb 2024 LT", [4.18, 4.14, 4.12, 4.1]],
  ["Mar 2024 ST (Rev. Rul. 2024-4)", [4.71, 4.66, 4.63, 4.62]],
  ["Mar 2024 MT", [4.13, 4.09, 4.07, 4.06]],
  ["Mar 2024 LT", [4.4, 4.35, 4.33, 4.31]],
  ["Apr 2024 ST", [4.89, 4.83, 4.8, 4.78]],
  ["Apr 2024 MT", [4.3, 4.25, 4.23, 4.21]],
  ["Apr 2024 LT", [4.45, 4.4, 4.38, 4.36]],
  ["Dec 2024 ST (Rev. Rul. 2024-26)", [4.3, 4.25, 4.23, 4.21]],
  ["Dec 2024 MT", [4.18, 4.14, 4.12, 4.1]],
  ["Dec 2024 LT", [4.53, 4.48, 4.46, 4.44]],
  ["Feb 2025 ST (Rev. Rul. 2025-5)", [4.34, 4.29, 4.27, 4.25]],
  ["Feb 2025 MT", [4.52, 4.47, 4.45, 4.43]],
  ["Feb 2025 LT", [4.86, 4.8, 4.77, 4.75]],
  ["Jun 2025 ST (Rev. Rul. 2025-12)", [4.0, 3.96, 3.94, 3.93]],
  ["Jun 2025 MT", [4.07, 4.03, 4.01, 4.0]],
  ["Jun 2025 LT", [4.77, 4.71, 4.68, 4.66]],
  ["Jul 2025 ST", [4.12, 4.08, 4.06, 4.05]],
  ["Jul 2025 MT", [4.19, 4.15, 4.13, 4.11]],
  ["Jul 2025 LT", [4.9, 4.84, 4.81, 4.79]],
];

/** |value in % − published| ≤ half a unit of the last published place, i.e. it rounds to it. */
const roundsTo = (rate: number, publishedPct: number, slack = 0) =>
  expect(Math.abs(rate * 100 - publishedPct)).toBeLessThanOrEqual(0.005 + slack + 1e-12);

test("26 base rows, as DOMAIN.md §1.2 says were verified", () => expect(BASE_ROWS).toHaveLength(26));

describe.each(BASE_ROWS)("%s", (_row, [a, s, q, m]) => {
  test("semiannual → annual, quarterly, monthly", () => {
    roundsTo(F.locAfrconvert(s / 100, 2, 1), a);
    roundsTo(F.locAfrconvert(s / 100, 2, 4), q);
    roundsTo(F.locAfrconvert(s / 100, 2, 12), m);
    expect(F.locAfrconvert(s / 100, 2, 2)).toBeCloseTo(s / 100, 15);
  });
});

test("Jan 2025 ST (Rev. Rul. 2025-1): semiannual 4.28 → annual 4.33", () =>
  roundsTo(F.locAfrconvert(0.0428, 2, 1), 4.33));

const PCT_ROWS: [string, number, number, Partial<Record<"a" | "s" | "q" | "m", number>>][] = [
  ["Oct 2023 ST 110%", 5.15, 1.1, { a: 5.75, s: 5.67, q: 5.63, m: 5.6 }],
  ["Oct 2023 ST 120%", 5.15, 1.2, { a: 6.28, s: 6.18, q: 6.13, m: 6.1 }],
  ["Oct 2023 MT 120%", 4.38, 1.2, { a: 5.33, s: 5.26, q: 5.23, m: 5.2 }],
  ["Oct 2023 MT 130%", 4.38, 1.3, { a: 5.77, s: 5.69, q: 5.65, m: 5.62 }],
  ["Oct 2023 MT 150%", 4.38, 1.5, { a: 6.68, s: 6.57, q: 6.52, m: 6.48 }],
  ["Mar 2024 ST 110%", 4.66, 1.1, { a: 5.2, s: 5.13, q: 5.1, m: 5.08 }],
  ["Mar 2024 ST 120%", 4.66, 1.2, { a: 5.67, s: 5.59, q: 5.55, m: 5.53 }],
  ["Mar 2024 ST 130%", 4.66, 1.3, { a: 6.15, s: 6.06, q: 6.01, m: 5.98 }],
  ["Mar 2024 MT 110%", 4.09, 1.1, { a: 4.55, s: 4.5, q: 4.47, m: 4.46 }],
  ["Mar 2024 MT 120%", 4.09, 1.2, { a: 4.97, s: 4.91, q: 4.88 }],
];
const FREQ = { a: 1, s: 2, q: 4, m: 12 } as const;

describe.each(PCT_ROWS)("%s", (_row, semi, percent, published) => {
  test("percent applied to the base semiannual rate, then converted (±0.01 pp, DOMAIN.md §1.2)", () => {
    for (const [col, pct] of Object.entries(published) as [keyof typeof FREQ, number][]) {
      const got = F.locAfrconvert(semi / 100, 2, FREQ[col], percent);
      roundsTo(got, pct, 0.01);
    }
  });
});

describe("§1.6 vectors", () => {
  test("TV-AFR-3: Oct 2023 ST 120% annual is 6.28% ((1 + 0.0618/2)^2 − 1), not 1.2 × 5.22% = 6.264%", () => {
    const got = F.locAfrconvert(0.0515, 2, 1, 1.2);
    expect(got).toBeCloseTo((1 + 0.0618 / 2) ** 2 - 1, 14);
    expect(Math.abs(got - 1.2 * 0.0522)).toBeGreaterThan(0.0001);
  });
  test("TV-AFR-2: annual 5.00% → semi 2(√1.05 − 1) = 4.94, quarterly 4.91, monthly 4.89", () => {
    expect(F.locAfrconvert(0.05, 1, 2)).toBeCloseTo(2 * (Math.sqrt(1.05) - 1), 14);
    roundsTo(F.locAfrconvert(0.05, 1, 2), 4.94);
    roundsTo(F.locAfrconvert(0.05, 1, 4), 4.91);
    roundsTo(F.locAfrconvert(0.05, 1, 12), 4.89);
  });
  test("TV-AFR-1 arithmetic: g = 1.0233; g² − 1 = 0.04714289; 4(√g − 1); 12(g^(1/6) − 1)", () => {
    const g = 1 + 0.0466 / 2;
    expect(F.locAfrconvert(0.0466, 2, 1)).toBeCloseTo(g * g - 1, 15);
    expect(F.locAfrconvert(0.0466, 2, 4)).toBeCloseTo(4 * (Math.sqrt(g) - 1), 15);
    expect(F.locAfrconvert(0.0466, 2, 12)).toBeCloseTo(12 * (g ** (1 / 6) - 1), 13);
  });
  test("TV-AFR-4: Jan 2025 MT annual 4.24 → 120% annual 5.10 (IRS §7520 page)", () => {
    roundsTo(F.locAfrconvert(0.0424, 1, 1, 1.2), 5.1);
  });
  test("percent defaults to 1; a rate of 0 stays 0", () => {
    expect(F.locAfrconvert(0.05, 2, 1, null as never)).toBeCloseTo(1.025 ** 2 - 1, 15);
    expect(F.locAfrconvert(0, 12, 1)).toBe(0);
  });
  test("TV-AFR-7: Dec 2024 ST 4.30 A: a note at 4.25% monthly (EAR 4.3338%) passes; 4.25% annual fails", () => {
    expect(F.locAfrtest(0.0425, 12, 0.043, 1)).toBe(true);
    expect(F.locAfrtest(0.0425, 1, 0.043, 1)).toBe(false);
    // Against the matching monthly column 4.21%: 4.25% monthly passes, 4.20% monthly fails.
    expect(F.locAfrtest(0.0425, 12, 0.0421, 12)).toBe(true);
    expect(F.locAfrtest(0.042, 12, 0.0421, 12)).toBe(false);
  });
  test("TV-AFR-8: Mar 2024 safe-haven lower limit 4.71% annual: 5.00% passes, 4.50% fails", () => {
    expect(F.locAfrtest(0.05, 1, 0.0471, 1)).toBe(true);
    expect(F.locAfrtest(0.045, 1, 0.0471, 1)).toBe(false);
  });
  test("a note identical to the AFR passes (at least, not more than)", () => {
    for (const m of [1, 2, 4, 12]) expect(F.locAfrtest(0.0466, m, 0.0466, m)).toBe(true);
    expect(F.locAfrtest(0, 12, 0, 1)).toBe(true);
  });
  test("daily note compounding (365): 4.20% daily (EAR 4.2894%) falls short of 4.25% semiannual (EAR 4.2952%)", () => {
    // (1 + 0.042/365)^365 = 1.042894…; (1 + 0.0425/2)^2 = 1.042952: the note falls short.
    expect((1 + 0.042 / 365) ** 365).toBeLessThan((1 + 0.0425 / 2) ** 2);
    expect(F.locAfrtest(0.042, 365, 0.0425, 2)).toBe(false);
    expect(F.locAfrtest(0.0425, 365, 0.0425, 2)).toBe(true);
  });
});
