/**
 * The line-of-credit interest walk and limit, through the worksheet entry points, against
 * DOMAIN.md §6.2 (TV-LOC-*), §1.6 (TV-AFR-9) and hand arithmetic written out in each test.
 */
import "../functions/helpers/excel";
import * as F from "../../src/functions/functions";
import { ymdToSerial } from "../../src/engine";

const d = (y: number, m: number, day: number) => ymdToSerial(y, m, day);
const col = (xs: number[]) => xs.map((x) => [x]);
const CENT = 0.005;

describe("TV-LOC-1..4 (DOMAIN.md §6.2)", () => {
  test("TV-LOC-1: 1,000,000 at 4.30% for 92 days: ACT/365 10,838.36, ACT/360 10,988.89", () => {
    expect(F.locInterest([[1e6]], [[d(2025, 1, 1)]], [[0.043]], d(2025, 4, 3), 3)).toBeCloseTo(
      (1e6 * 0.043 * 92) / 365,
      8,
    );
    expect(F.locInterest([[1e6]], [[d(2025, 1, 1)]], [[0.043]], d(2025, 4, 3), 2)).toBeCloseTo(
      (1e6 * 0.043 * 92) / 360,
      8,
    );
    expect(
      Math.abs(F.locInterest([[1e6]], [[d(2025, 1, 1)]], [[0.043]], d(2025, 4, 3), 3) - 10838.36),
    ).toBeLessThan(CENT);
  });
  test("basis defaults to Actual/365 and compounding to simple", () => {
    expect(
      F.locInterest([[1e6]], [[d(2025, 1, 1)]], [[0.043]], d(2025, 4, 3), null as never, null as never),
    ).toBeCloseTo((1e6 * 0.043 * 92) / 365, 8);
  });
  test("TV-LOC-2: 2025-01-31 → 2025-03-31: 30/360 7,166.67 (60 days), ACT/365 6,950.68, ACT/360 7,047.22 (59 days)", () => {
    const at = (basis: number) =>
      F.locInterest([[1e6]], [[d(2025, 1, 31)]], [[0.043]], d(2025, 3, 31), basis);
    expect(at(0)).toBeCloseTo((1e6 * 0.043 * 60) / 360, 8);
    expect(at(4)).toBeCloseTo((1e6 * 0.043 * 60) / 360, 8); // European: 31st → 30th at both ends
    expect(at(3)).toBeCloseTo((1e6 * 0.043 * 59) / 365, 8);
    expect(at(2)).toBeCloseTo((1e6 * 0.043 * 59) / 360, 8);
    expect(Math.abs(at(0) - 7166.67)).toBeLessThan(CENT);
    expect(Math.abs(at(3) - 6950.68)).toBeLessThan(CENT);
    expect(Math.abs(at(2) - 7047.22)).toBeLessThan(CENT);
  });
  test("TV-LOC-3: full year 2025 ACT/360 = 43,597.22", () => {
    expect(F.locInterest([[1e6]], [[d(2025, 1, 1)]], [[0.043]], d(2026, 1, 1), 2)).toBeCloseTo(
      (1e6 * 0.043 * 365) / 360,
      8,
    );
  });
  test("TV-LOC-4: daily balances 500,000 × 45 d + 750,000 × 45 d + 450,000 × 90 d at 4.30% ACT/365 = 11,397.95", () => {
    const got = F.locInterest(
      col([500000, 250000, -300000]),
      col([d(2025, 1, 1), d(2025, 2, 15), d(2025, 4, 1)]),
      [[0.043]],
      d(2025, 6, 30),
      3,
    );
    expect(got).toBeCloseTo((0.043 * (500000 * 45 + 750000 * 45 + 450000 * 90)) / 365, 8);
    expect(Math.abs(got - 11397.95)).toBeLessThan(CENT);
  });
});

describe("compounding", () => {
  test("TV-LOC-5: 1,000,000 at 4.21% compounded monthly for 12 months = 1e6 × ((1 + 0.0421/12)^12 − 1) = 42,921.93", () => {
    // Reproduced with 30/360 from the 1st of a month: every month is then exactly 30/360 = 1/12 year.
    const got = F.locInterest([[1e6]], [[d(2025, 1, 1)]], [[0.0421]], d(2026, 1, 1), 0, 12);
    expect(got).toBeCloseTo(1e6 * ((1 + 0.0421 / 12) ** 12 - 1), 6);
    expect(Math.abs(got - 42921.93)).toBeLessThan(CENT);
    // The same year simple: 1e6 × 0.0421 = 42,100.
    expect(F.locInterest([[1e6]], [[d(2025, 1, 1)]], [[0.0421]], d(2026, 1, 1), 0, 0)).toBeCloseTo(42100, 8);
  });
  test("quarterly, half-yearly and yearly compounding over 2025 (30/360): (1 + r/m)^m − 1", () => {
    for (const m of [1, 2, 4]) {
      const got = F.locInterest([[1e6]], [[d(2025, 1, 1)]], [[0.05]], d(2026, 1, 1), 0, m);
      expect(got).toBeCloseTo(1e6 * ((1 + 0.05 / m) ** m - 1), 6);
    }
  });
  test("a draw mid-month earns simple interest to the next 1st, then is compounded", () => {
    // 1,000,000 drawn 2025-01-16 at 6% 30/360 monthly: Jan 16 → Feb 1: DAYS360 = 30×1 + 1 − 16 = 15 days.
    // I1 = 1e6 × 0.06 × 15/360 = 2,500 capitalised on Feb 1; Feb 1 → Mar 1: (1,002,500) × 0.06/12 = 5,012.50.
    const got = F.locInterest([[1e6]], [[d(2025, 1, 16)]], [[0.06]], d(2025, 3, 1), 0, 12);
    expect(got).toBeCloseTo(2500 + 1002500 * 0.005, 8);
  });
  test("TV-LOC-8 via LOC.INTEREST: 12 monthly 75,000 deferrals capitalised monthly = closed form − principal", () => {
    const i = 0.0421 / 12;
    const dates = col(Array.from({ length: 12 }, (_, k) => d(2025, 2 + k, 1)));
    // The 12th draw is on the end date (2026-01-01): it is ignored by LOC.INTEREST (earns nothing before the end).
    const got = F.locInterest(col(Array(12).fill(75000)), dates, [[0.0421]], d(2026, 1, 1), 0, 12);
    expect(got).toBeCloseTo((75000 * ((1 + i) ** 12 - 1)) / i - 900000, 6);
    // Month-2 interest 263.12 (DOMAIN.md): 75,000 × 0.0421/12 = 263.125.
    const twoMonths = F.locInterest(
      col([75000, 75000]),
      col([d(2025, 2, 1), d(2025, 3, 1)]),
      [[0.0421]],
      d(2025, 3, 1),
      0,
      12,
    );
    expect(twoMonths).toBeCloseTo(263.125, 10);
  });
});

describe("LOC.LIMIT (TV-LOC-8)", () => {
  const dates = col(Array.from({ length: 12 }, (_, k) => d(2025, 2 + k, 1))); // 2025-02-01 … 2026-01-01
  const i = 0.0421 / 12;
  const capitalised = (75000 * ((1 + i) ** 12 - 1)) / i; // 917,570.95

  test("capitalised monthly: B12 = 75,000 × ((1+i)^12 − 1)/i = 917,570.95", () => {
    const got = F.locLimit(col(Array(12).fill(75000)), dates, [[0.0421]], d(2026, 1, 1), 0, 12);
    expect(got).toBeCloseTo(capitalised, 6);
    expect(Math.abs(got - 917570.95)).toBeLessThan(CENT);
  });
  test("10% buffer rounded up to 50,000: 917,570.95 × 1.1 = 1,009,328.05 → 1,050,000", () => {
    expect(F.locLimit(col(Array(12).fill(75000)), dates, [[0.0421]], d(2026, 1, 1), 0, 12, 0.1, 50000)).toBe(
      1050000,
    );
    expect(
      F.locLimit(col(Array(12).fill(75000)), dates, [[0.0421]], d(2026, 1, 1), 0, 12, 0.1, 0),
    ).toBeCloseTo(capitalised * 1.1, 6);
  });
  test("not capitalised: 900,000 + 75,000 × 0.0421/12 × (11 + 10 + … + 0) = 900,000 + 17,366.25", () => {
    const got = F.locLimit(col(Array(12).fill(75000)), dates, [[0.0421]], d(2026, 1, 1), 0, 0);
    expect(got).toBeCloseTo(900000 + ((75000 * 0.0421) / 12) * 66, 6);
    expect(Math.abs(got - 917366.25)).toBeLessThan(CENT);
    expect(F.locInterest(col(Array(12).fill(75000)), dates, [[0.0421]], d(2026, 1, 1), 0, 0)).toBeCloseTo(
      17366.25,
      6,
    );
  });
  test("stress, 250,000 a month fully deferred: 250,000 × ((1+i)^12 − 1)/i = 3,058,569.84", () => {
    const got = F.locLimit(col(Array(12).fill(250000)), dates, [[0.0421]], d(2026, 1, 1), 0, 12);
    expect(got).toBeCloseTo((250000 * ((1 + i) ** 12 - 1)) / i, 5);
    expect(Math.abs(got - 3058569.84)).toBeLessThan(CENT);
  });
  test("the peak, not the final balance: a repayment after the peak does not lower the limit", () => {
    // 1,000,000 on 2025-01-01 at 0%, repay 600,000 on 2025-02-01: peak 1,000,000, final 400,000.
    expect(F.locLimit(col([1e6, -6e5]), col([d(2025, 1, 1), d(2025, 2, 1)]), [[0]], d(2025, 12, 31))).toBe(
      1e6,
    );
    // At 4.30% ACT/365 the peak is just before the repayment: 1e6 + 1e6 × 0.043 × 31/365.
    expect(
      F.locLimit(col([1e6, -6e5]), col([d(2025, 1, 1), d(2025, 2, 1)]), [[0.043]], d(2025, 3, 1)),
    ).toBeCloseTo(1e6 + (1e6 * 0.043 * 31) / 365, 8);
  });
  test("lot rounding goes up to the next multiple and leaves an exact multiple alone", () => {
    expect(F.locLimit([[100001]], [[d(2025, 1, 1)]], [[0]], d(2025, 2, 1), 3, 0, 0, 50000)).toBe(150000);
    expect(F.locLimit([[100000]], [[d(2025, 1, 1)]], [[0]], d(2025, 2, 1), 3, 0, 0, 50000)).toBe(100000);
  });
  test("flows on horizonEnd are included", () => {
    expect(F.locLimit(col([1000, 500]), col([d(2025, 1, 1), d(2025, 2, 1)]), [[0]], d(2025, 2, 1))).toBe(
      1500,
    );
  });
});

describe("floating rate table (TV-AFR-9: 1,000,000 constant, Jan–Apr 2024, monthly ST AFRs 4.89, 4.59, 4.62, 4.78)", () => {
  const table = [
    [d(2024, 1, 1), 0.0489],
    [d(2024, 2, 1), 0.0459],
    [d(2024, 3, 1), 0.0462],
    [d(2024, 4, 1), 0.0478],
  ];
  test("compounded monthly at 30/360: 1e6 × (Π(1 + r/12) − 1) = 15,826.38", () => {
    const got = F.locInterest([[1e6]], [[d(2024, 1, 1)]], table, d(2024, 5, 1), 0, 12);
    const factor = (1 + 0.0489 / 12) * (1 + 0.0459 / 12) * (1 + 0.0462 / 12) * (1 + 0.0478 / 12);
    expect(got).toBeCloseTo(1e6 * (factor - 1), 6);
    expect(Math.abs(got - 15826.38)).toBeLessThan(CENT);
  });
  test("simple: 1e6 × Σ r/12 = 15,733.33", () => {
    const got = F.locInterest([[1e6]], [[d(2024, 1, 1)]], table, d(2024, 5, 1), 0, 0);
    expect(got).toBeCloseTo((1e6 * (0.0489 + 0.0459 + 0.0462 + 0.0478)) / 12, 8);
    expect(Math.abs(got - 15733.33)).toBeLessThan(CENT);
  });
  test("rows in any order; a rate change mid-month splits the segment (ACT/365)", () => {
    // 1e6 from 2024-01-01 to 2024-01-31 at 5% until Jan 11, then 6%: 10 days × 5% + 20 days × 6%.
    const got = F.locInterest(
      [[1e6]],
      [[d(2024, 1, 1)]],
      [
        [d(2024, 1, 11), 0.06],
        [d(2023, 6, 1), 0.05],
      ],
      d(2024, 1, 31),
      3,
    );
    expect(got).toBeCloseTo((1e6 * (0.05 * 10 + 0.06 * 20)) / 365, 8);
  });
  test("a table row effective before the first flow applies; later rows after the end are ignored", () => {
    const got = F.locInterest(
      [[1e6]],
      [[d(2024, 1, 1)]],
      [
        [d(2020, 1, 1), 0.05],
        [d(2025, 1, 1), 0.9],
      ],
      d(2024, 2, 1),
      3,
    );
    expect(got).toBeCloseTo((1e6 * 0.05 * 31) / 365, 8);
  });
});

describe("day-count edge cases", () => {
  test("Actual/Actual ISDA, 2023-12-01 → 2024-03-01: 1e6 × 5% × (31/365 + 60/366)", () => {
    const got = F.locInterest([[1e6]], [[d(2023, 12, 1)]], [[0.05]], d(2024, 3, 1), 1);
    expect(got).toBeCloseTo(1e6 * 0.05 * (31 / 365 + 60 / 366), 8);
  });
  test("Actual/365 over 29 February 2024: 2024-02-01 → 2024-03-01 is 29 days", () => {
    expect(F.locInterest([[1e6]], [[d(2024, 2, 1)]], [[0.05]], d(2024, 3, 1), 3)).toBeCloseTo(
      (1e6 * 0.05 * 29) / 365,
      8,
    );
  });
  test("US 30/360: a flow on 28 Feb splits the period into 28 + 30 days, not DAYS360(31 Jan, 31 Mar) = 60", () => {
    // Segment 1: 2025-01-31 → 2025-02-28: DAYS360 = 30×1 + 28 − 30 = 28 (start 31st → 30th; Feb end not moved).
    // Segment 2: 2025-02-28 → 2025-03-31: start = last day of Feb → 30th; end 31st with start 30th → 30th: 30.
    // I = 1,000,000 × 4.3% × 28/360 + 1,500,000 × 4.3% × 30/360 = 3,344.44 + 5,375.00 = 8,719.44.
    const got = F.locInterest(
      col([1e6, 5e5]),
      col([d(2025, 1, 31), d(2025, 2, 28)]),
      [[0.043]],
      d(2025, 3, 31),
      0,
    );
    expect(got).toBeCloseTo((1e6 * 0.043 * 28) / 360 + (1.5e6 * 0.043 * 30) / 360, 8);
  });
  test("European 30/360 with the same flows: 28 + 32 days", () => {
    // Segment 1: 30×1 + 28 − 30 = 28; segment 2: 28 Feb → 31 Mar(→30): 30 + 30 − 28 = 32.
    const got = F.locInterest(
      col([1e6, 5e5]),
      col([d(2025, 1, 31), d(2025, 2, 28)]),
      [[0.043]],
      d(2025, 3, 31),
      4,
    );
    expect(got).toBeCloseTo((1e6 * 0.043 * 28) / 360 + (1.5e6 * 0.043 * 32) / 360, 8);
  });
});

describe("flows", () => {
  const rate = [[0.043]];
  test("flows sharing a date are added: +1,000,000 and −400,000 on one day = 600,000", () => {
    const got = F.locInterest(col([1e6, -4e5]), col([d(2025, 1, 1), d(2025, 1, 1)]), rate, d(2025, 4, 3), 3);
    expect(got).toBeCloseTo((6e5 * 0.043 * 92) / 365, 8);
  });
  test("order of cells does not matter: flows are taken in date order", () => {
    const got = F.locInterest(col([-3e5, 5e5]), col([d(2025, 2, 1), d(2025, 1, 1)]), rate, d(2025, 3, 1), 3);
    expect(got).toBeCloseTo((0.043 * (5e5 * 31 + 2e5 * 28)) / 365, 8);
  });
  test("flows after the end date are ignored, including a repayment beyond the balance", () => {
    const got = F.locInterest(col([1e6, -5e6]), col([d(2025, 1, 1), d(2025, 5, 1)]), rate, d(2025, 4, 3), 3);
    expect(got).toBeCloseTo((1e6 * 0.043 * 92) / 365, 8);
  });
  test("an end on or before the first flow gives 0", () => {
    expect(F.locInterest([[1e6]], [[d(2025, 1, 1)]], rate, d(2025, 1, 1), 3)).toBe(0);
    expect(F.locInterest([[1e6]], [[d(2025, 1, 1)]], rate, d(2024, 12, 1), 3)).toBe(0);
  });
  test("a repayment that brings the principal exactly to zero is fine and stops interest", () => {
    // 0.1 + 0.2 drawn, 0.3 repaid: exactly zero in decimal (in binary 0.1 + 0.2 − 0.3 = 5.55e-17).
    const zero = F.locInterest(
      col([0.1, 0.2, -0.3]),
      col([d(2025, 1, 1), d(2025, 1, 1), d(2025, 1, 11)]),
      rate,
      d(2025, 4, 3),
      3,
    );
    expect(zero).toBeCloseTo((0.3 * 0.043 * 10) / 365, 15);
    const got = F.locInterest(col([1e6, -1e6]), col([d(2025, 1, 1), d(2025, 1, 11)]), rate, d(2025, 4, 3), 3);
    expect(got).toBeCloseTo((1e6 * 0.043 * 10) / 365, 8);
  });
  test("blank pairs are skipped", () => {
    const got = F.locInterest([[1e6], [null], [""]], [[d(2025, 1, 1)], [null], [""]], rate, d(2025, 4, 3), 3);
    expect(got).toBeCloseTo((1e6 * 0.043 * 92) / 365, 8);
  });
  test("a rate of 0 gives 0", () => {
    expect(F.locInterest([[1e6]], [[d(2025, 1, 1)]], [[0]], d(2025, 4, 3), 3)).toBe(0);
  });
});
