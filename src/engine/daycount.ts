/**
 * Day-count conventions, by Excel's basis codes (YEARFRAC, ACCRINT...):
 * 0 US 30/360 as DAYS360(start, end, FALSE), 1 Actual/Actual ISDA, 2 Actual/360, 3 Actual/365,
 * 4 European 30/360 as DAYS360(start, end, TRUE).
 *
 * A fraction is returned as numerator/denominator so interest can be computed as
 * balance × rate × days / denominator with a single division.
 */
import { Dec, ZERO } from "./decimal";
import { daysInMonth, isLeapYear, serialToYmd, ymdToSerial } from "./dates";

export const BASES = [0, 1, 2, 3, 4] as const;
export type Basis = (typeof BASES)[number];

/**
 * Excel's DAYS360 for start ≤ end. What Excel actually does (and LibreOffice Calc reproduces), which
 * differs from its help page: a start on the 31st, or on the last day of February in the US method,
 * counts as the 30th; an end on the 31st counts as the 30th only when the start (so adjusted) is the
 * 30th — in the US method — or always in the European one. An end on the last day of February is
 * never moved: 2025-01-15 → 2025-02-28 is 43 days, 2025-01-31 → 2025-02-28 is 28.
 */
export function days360(start: number, end: number, european: boolean): number {
  const a = serialToYmd(start);
  const b = serialToYmd(end);
  let d1 = a.d;
  let d2 = b.d;
  if (d1 === 31) d1 = 30;
  else if (!european && a.m === 2 && d1 === daysInMonth(a.y, 2)) d1 = 30;
  if (d2 === 31) {
    if (european) d2 = 30;
    else if (d1 === 30) d2 = 30;
  }
  return 360 * (b.y - a.y) + 30 * (b.m - a.m) + (d2 - d1);
}

/**
 * [start, end) as day counts over their year lengths: one part for every basis but Actual/Actual,
 * where the days in each calendar year count over that year's length (ISDA: 366 in a leap year).
 * Interest is Σ principal × rate × days over all parts, divided by the year length once, later.
 */
export type DayCountPart = readonly [days: number, yearDays: 360 | 365 | 366];

export function dayCountParts(start: number, end: number, basis: Basis): DayCountPart[] {
  switch (basis) {
    case 0:
      return [[days360(start, end, false), 360]];
    case 4:
      return [[days360(start, end, true), 360]];
    case 2:
      return [[end - start, 360]];
    case 3:
      return [[end - start, 365]];
    case 1: {
      const parts: DayCountPart[] = [];
      let from = start;
      while (from < end) {
        const { y } = serialToYmd(from);
        const to = Math.min(end, ymdToSerial(y + 1, 1, 1));
        parts.push([to - from, isLeapYear(y) ? 366 : 365]);
        from = to;
      }
      return parts;
    }
  }
}

/** The year fraction of [start, end), start ≤ end. */
export function yearFraction(start: number, end: number, basis: Basis): Dec {
  let total = ZERO;
  for (const [days, yearDays] of dayCountParts(start, end, basis))
    total = total.plus(new Dec(days).div(yearDays));
  return total;
}
