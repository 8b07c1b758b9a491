/**
 * Percentiles of a benchmark set, by the rule an FMV or arm's-length range is stated under.
 *
 * IRS — Treas. Reg. §1.482-1(e)(2)(iii)(C): with the n results sorted, k = p × n (exactly, in
 *   decimal: 0.29 × 100 is 29, not 28.999999999999996); if k is whole, the average of the k-th and
 *   (k+1)-th results, else the ⌈k⌉-th. (Hyndman–Fan type 2.) The regulation's Example 3:
 *   42, 44, 45, 47.5 → 43 to 46.25, median 44.5.
 * INC — Excel PERCENTILE.INC: position h = (n − 1)p + 1, linear interpolation (type 7).
 * EXC — Excel PERCENTILE.EXC: position h = (n + 1)p, linear interpolation, #NUM! when h < 1 or h > n.
 *   Both positions in binary, as Excel computes them (excelPosition).
 * MINMAX — the full range.
 * The median is the data's median under every method (Excel's MEDIAN, which is also the IRS one).
 */
import { Dec, dec } from "./decimal";
import { Err } from "./errors";
import { POWERS_OF_TEN, commonScale, fromUnits, unitsAt } from "./units";

export const METHODS = ["IRS", "INC", "EXC", "MINMAX"] as const;
export type PercentileMethod = (typeof METHODS)[number];

export interface FmvRange {
  low: Dec;
  median: Dec;
  high: Dec;
}

const HALF = new Dec(0.5);

/**
 * Values in ascending order, read by 0-based position. A plain sorted Dec[] is one; so is a sample
 * that sorts the cells' numbers as doubles and turns into decimals only the few values a percentile
 * reads (doubles and their shortest decimal strings sort alike), which is what FMV.RANGE uses.
 */
export interface SortedSample {
  readonly length: number;
  at(index: number): Dec | undefined;
}

export function sortAscending(values: readonly Dec[]): Dec[] {
  return [...values].sort((a, b) => a.comparedTo(b));
}

/** A sorted sample of cell numbers, converted to decimals lazily (`presorted`: already ascending). */
export function sortedNumbers(values: readonly number[], presorted = false): SortedSample {
  const sorted = presorted ? values : [...values].sort((a, b) => a - b);
  const cache = new Map<number, Dec>();
  return {
    length: sorted.length,
    at(index: number) {
      if (index < 0 || index >= sorted.length) return undefined;
      let d = cache.get(index);
      if (!d) cache.set(index, (d = dec(sorted[index])));
      return d;
    },
  };
}

/** The i-th smallest, 1-based, as the percentile rules number them. */
function nth(x: SortedSample, i: number): Dec {
  return x.at(i - 1) as Dec;
}

/**
 * Excel's PERCENTILE.INC and .EXC position, h = (n − 1) × p + 1 and h = p × (n + 1), worked out in
 * binary doubles exactly as Excel's formula does, so the percentile lands on the data value Excel's
 * does: 3 × (1/3) is 1 in binary (0.9999999999999999 in decimal), while 49 × (1/49) is
 * 0.9999999999999999 in binary too and so below the data for EXC, as in Excel. The position then
 * reads as its shortest decimal (0.1 × 3 + 1 is 1.3), and the interpolation between the two values
 * it falls between is exact decimal. (The IRS rule is stated as exact decimal arithmetic on
 * k = p × n, and stays so.)
 */
function excelPosition(p: Dec, n: number, method: "INC" | "EXC"): Dec {
  const pb = p.toNumber();
  return dec(method === "INC" ? (n - 1) * pb + 1 : pb * (n + 1));
}

/** Linear interpolation at 1-based position h of sorted x (1 ≤ h ≤ n). */
function interpolate(x: SortedSample, h: Dec): Dec {
  const i = h.floor().toNumber();
  const frac = h.minus(i);
  if (frac.isZero() || i >= x.length) return nth(x, i);
  return nth(x, i).plus(frac.times(nth(x, i + 1).minus(nth(x, i))));
}

/**
 * The p-th percentile of sorted `x` (n ≥ 1) under `method` (not MINMAX). p is assumed inside the
 * method's domain, which `checkPercentile` enforces.
 */
export function percentile(
  x: SortedSample,
  p: Dec,
  method: Exclude<PercentileMethod, "MINMAX">,
  arg = "percentile",
): Dec {
  const n = x.length;
  switch (method) {
    case "IRS": {
      const k = p.times(n);
      if (k.isInteger()) {
        const i = k.toNumber();
        return nth(x, i)
          .plus(nth(x, i + 1))
          .times(HALF);
      }
      return nth(x, k.ceil().toNumber());
    }
    case "INC":
      return interpolate(x, excelPosition(p, n, "INC"));
    case "EXC": {
      const h = excelPosition(p, n, "EXC");
      if (h.lessThan(1) || h.greaterThan(n)) throw Err.percentileOutsideData(arg, p.toString(), n);
      return interpolate(x, h);
    }
  }
}

export function median(x: SortedSample): Dec {
  const n = x.length;
  const mid = Math.floor(n / 2);
  return n % 2 === 1
    ? nth(x, mid + 1)
    : nth(x, mid)
        .plus(nth(x, mid + 1))
        .times(HALF);
}

/** The domain of p for each method: IRS and EXC need 0 < p < 1, INC allows 0 ≤ p ≤ 1. */
export function checkPercentile(arg: string, p: Dec, method: PercentileMethod): void {
  if (method === "INC") {
    if (p.isNegative() || p.greaterThan(1)) throw Err.between(arg, 0, 1, p.toNumber(), "INC allows 0 to 1");
  } else if (method !== "MINMAX") {
    if (p.lessThanOrEqualTo(0) || p.greaterThanOrEqualTo(1))
      throw Err.exclusiveBetween(arg, 0, 1, p.toNumber(), `for method ${method}`);
  }
}

/** lowPct and highPct in their method's domain, low not above high (MINMAX ignores both). */
export function checkPercentiles(lowPct: Dec, highPct: Dec, method: PercentileMethod): void {
  if (method === "MINMAX") return;
  checkPercentile("lowPct", lowPct, method);
  checkPercentile("highPct", highPct, method);
  if (lowPct.greaterThan(highPct)) throw Err.lowAboveHigh(lowPct.toString(), highPct.toString());
}

/**
 * FMV.RANGE: low, median and high of the benchmarks, sorted ascending. The percentiles are checked
 * before the data, so an argument outside its domain is #VALUE! even where the data would also fail.
 */
export function fmvRange(x: SortedSample, lowPct: Dec, highPct: Dec, method: PercentileMethod): FmvRange {
  checkPercentiles(lowPct, highPct, method);
  if (x.length === 0) throw Err.noNumbers("benchmarks");
  if (method === "MINMAX") return { low: nth(x, 1), median: median(x), high: nth(x, x.length) };
  return {
    low: percentile(x, lowPct, method, "lowPct"),
    median: median(x),
    high: percentile(x, highPct, method, "highPct"),
  };
}

export type FmvStatus = "BELOW" | "WITHIN" | "ABOVE";

/** FMV.TEST: where a value sits against the range FMV.RANGE gives; both bounds are inside. */
export function fmvTest(value: Dec, range: FmvRange): FmvStatus {
  if (value.lessThan(range.low)) return "BELOW";
  if (value.greaterThan(range.high)) return "ABOVE";
  return "WITHIN";
}

/**
 * FMV.RANGE from the cells' numbers in whole units (units.ts), when the benchmarks are whole counts
 * of 10^-k units and every position's decimal part has at most 6 places: each bound is then one
 * integer numerator over 10^(k+f), exact, and one division gives the double nearest it — the number
 * the decimal path gives. `sorted` ascending, at least one value; the percentiles checked
 * (checkPercentiles). null where the units do not apply: the decimal path does the work.
 */
export function fmvRangeInUnits(
  sorted: readonly number[],
  lowPct: number,
  highPct: number,
  method: PercentileMethod,
): [low: number, median: number, high: number] | null {
  const n = sorted.length;
  const k = commonScale(sorted);
  if (k < 0) return null;
  const scale = POWERS_OF_TEN[k];
  const units = (i: number) => Math.round(sorted[i - 1] * scale); // 1-based, exact at scale k
  const value = (i: number) => fromUnits(units(i), k);
  const average = (i: number) => (units(i) + units(i + 1)) / (2 * scale) || 0;
  const mid = Math.floor(n / 2);
  const med = n % 2 === 1 ? value(mid + 1) : average(mid);
  if (method === "MINMAX") return [value(1), med, value(n)];

  const at = (p: number, arg: string): number | null => {
    if (method === "IRS") {
      const q = commonScale([p]);
      if (q < 0) return null;
      const kn = (unitsAt(p, q) as number) * n; // k = p × n in units of 10^-q, exact
      if (!Number.isSafeInteger(kn)) return null;
      const whole = Math.floor(kn / POWERS_OF_TEN[q]);
      return kn % POWERS_OF_TEN[q] === 0 ? average(whole) : value(whole + 1);
    }
    const h = method === "INC" ? (n - 1) * p + 1 : p * (n + 1);
    if (method === "EXC" && (h < 1 || h > n)) throw Err.percentileOutsideData(arg, dec(p).toString(), n);
    const i = Math.floor(h);
    const f = commonScale([h]);
    if (f < 0 || k + f > 15) return null;
    const fraction = (unitsAt(h, f) as number) - i * POWERS_OF_TEN[f];
    if (fraction === 0 || i >= n) return value(i);
    const base = units(i) * POWERS_OF_TEN[f];
    const step = fraction * (units(i + 1) - units(i));
    const numerator = base + step;
    if (!Number.isSafeInteger(base) || !Number.isSafeInteger(step) || !Number.isSafeInteger(numerator))
      return null;
    return numerator / POWERS_OF_TEN[k + f] || 0;
  };
  const low = at(lowPct, "lowPct");
  const high = low === null ? null : at(highPct, "highPct");
  return low === null || high === null ? null : [low, med, high];
}
