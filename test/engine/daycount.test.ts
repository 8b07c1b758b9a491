/**
 * Day counts against Excel's documented behaviour (FUNCTIONS.md), DOMAIN.md's worked vectors and the
 * test cases LibreOffice Calc documents for its DAYS360 (sc/source/core/tool/interpr2.cxx, citing the
 * Bond Market Association's "30/360 PSA/NASD" rules): 28-Feb-95→31-Aug-95 = 180, 29-Feb-96→31-Aug-96
 * = 180, 30-Jan-96→31-Mar-96 = 60, 31-Jan-96→31-Mar-96 = 60.
 */
import { days360, yearFraction, ymdToSerial, serialToYmd, toSerial, nextPeriodStart } from "../../src/engine";

const d = (y: number, m: number, day: number) => ymdToSerial(y, m, day);

describe("Excel serial dates", () => {
  test("serial 45658 is 2025-01-01 (FUNCTIONS.md), 61 is 1900-03-01, 2958465 is 9999-12-31", () => {
    expect(d(2025, 1, 1)).toBe(45658);
    expect(serialToYmd(45658)).toEqual({ y: 2025, m: 1, d: 1 });
    expect(d(1900, 3, 1)).toBe(61);
    expect(d(9999, 12, 31)).toBe(2958465);
  });
  test("a time of day is dropped; serial 60 (Excel's fictitious 1900-02-29) is refused", () => {
    expect(toSerial("d", 45658.75)).toBe(45658);
    expect(() => toSerial("d", 60)).toThrow(/d must be a date serial/);
    expect(() => toSerial("d", 2958466)).toThrow(/9999-12-31/);
  });
  test("compounding periods start on the first of the next month, quarter, half-year, year", () => {
    expect(nextPeriodStart(d(2025, 2, 15), 1)).toBe(d(2025, 3, 1));
    expect(nextPeriodStart(d(2025, 3, 1), 1)).toBe(d(2025, 4, 1));
    expect(nextPeriodStart(d(2025, 2, 15), 3)).toBe(d(2025, 4, 1));
    expect(nextPeriodStart(d(2025, 7, 1), 6)).toBe(d(2026, 1, 1));
    expect(nextPeriodStart(d(2025, 12, 31), 12)).toBe(d(2026, 1, 1));
  });
});

describe("DAYS360, US method (basis 0) as Excel computes it", () => {
  test.each([
    // FUNCTIONS.md: Excel does not adjust an end on the last day of February.
    [[2025, 1, 15], [2025, 2, 28], 43],
    [[2025, 1, 31], [2025, 2, 28], 28],
    // DOMAIN.md TV-LOC-2: 2025-01-31 → 2025-03-31 is 60.
    [[2025, 1, 31], [2025, 3, 31], 60],
    // LibreOffice's documented cases.
    [[1995, 2, 28], [1995, 8, 31], 180],
    [[1996, 2, 29], [1996, 8, 31], 180],
    [[1996, 1, 30], [1996, 3, 31], 60],
    [[1996, 1, 31], [1996, 3, 31], 60],
    // Start on the last day of February counts as the 30th: 30 Feb → 30 Mar = 30.
    [[2025, 2, 28], [2025, 3, 31], 30],
    // End on the 31st with a start before the 30th stays the 31st: 1 Jan → 31 Jan = 30.
    [[2025, 1, 1], [2025, 1, 31], 30],
    [[2025, 1, 15], [2025, 3, 31], 76], // 2×30 + (31 − 15)
    // A whole year from a month start is 360.
    [[2024, 1, 1], [2025, 1, 1], 360],
    // 2024-02-29 (leap) is the last day of February: 30 → 2024-03-30 = 30.
    [[2024, 2, 29], [2024, 3, 30], 30],
    // 2024-02-28 is not the last day in a leap year: 28 → 30 Mar = 32.
    [[2024, 2, 28], [2024, 3, 30], 32],
  ])("%j → %j = %d", (a, b, days) => {
    expect(days360(d(a[0], a[1], a[2]), d(b[0], b[1], b[2]), false)).toBe(days);
  });
});

describe("DAYS360, European method (basis 4): every 31st counts as the 30th, February is never adjusted", () => {
  test.each([
    [[2025, 1, 31], [2025, 3, 31], 60],
    [[2025, 1, 15], [2025, 3, 31], 75], // 2×30 + (30 − 15)
    [[2025, 1, 1], [2025, 1, 31], 29], // the end 31st → 30th even though the start is the 1st
    [[2025, 2, 28], [2025, 3, 31], 32], // 30 + (30 − 28): no February rule in the European method
    [[1996, 2, 29], [1996, 8, 31], 181], // 6×30 + (30 − 29)
    [[2025, 1, 31], [2025, 2, 28], 28], // 30 + (28 − 30)
  ])("%j → %j = %d", (a, b, days) => {
    expect(days360(d(a[0], a[1], a[2]), d(b[0], b[1], b[2]), true)).toBe(days);
  });
});

describe("year fractions", () => {
  const close = (got: { toNumber(): number }, want: number) =>
    expect(Math.abs(got.toNumber() - want)).toBeLessThan(1e-15);
  test("Actual/365 and Actual/360 over TV-LOC-1 (2025-01-01 → 2025-04-03, 92 days)", () => {
    close(yearFraction(d(2025, 1, 1), d(2025, 4, 3), 3), 92 / 365);
    close(yearFraction(d(2025, 1, 1), d(2025, 4, 3), 2), 92 / 360);
  });
  test("30/360 over TV-LOC-2 (2025-01-31 → 2025-03-31): 60/360 US and European", () => {
    close(yearFraction(d(2025, 1, 31), d(2025, 3, 31), 0), 60 / 360);
    close(yearFraction(d(2025, 1, 31), d(2025, 3, 31), 4), 60 / 360);
  });
  test("Actual/Actual ISDA across a year end into a leap year: 31/365 + 60/366", () => {
    // 2023-12-01 → 2024-01-01: 31 days of 2023; 2024-01-01 → 2024-03-01: 31 + 29 = 60 days of 2024.
    close(yearFraction(d(2023, 12, 1), d(2024, 3, 1), 1), 31 / 365 + 60 / 366);
    // A whole leap year is exactly 1; a whole common year too.
    expect(yearFraction(d(2024, 1, 1), d(2025, 1, 1), 1).toNumber()).toBe(1);
    expect(yearFraction(d(2025, 1, 1), d(2026, 1, 1), 1).toNumber()).toBe(1);
  });
  test("Actual/365 counts 29 February 2024 as a day: 2024-02-01 → 2024-03-01 is 29/365", () => {
    close(yearFraction(d(2024, 2, 1), d(2024, 3, 1), 3), 29 / 365);
  });
});
