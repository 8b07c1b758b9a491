/**
 * The engine on its own: what exact decimal arithmetic costs against plain floats running the same
 * algorithm, how it compares with @formulajs/formulajs where that library has the same function, and
 * how LOC.INTEREST and LOC.LIMIT grow with the number of flows.
 */
import * as formulajs from "@formulajs/formulajs";
import * as adapt from "../src/functions/adapters";
import { days360 } from "../src/engine";
import { costPlusFloat, interestFloat, irsPercentileFloat } from "./float-reference";
import { compare, seeded, time } from "./timing";

export interface RatioRow {
  case: string;
  oursMs: number;
  theirsMs: number;
  ratio: number;
  note?: string;
}

const CALLS = 1000;

function benchmarkData(n: number, seed: number): number[] {
  const rnd = seeded(seed);
  return Array.from({ length: n }, () => Math.round(rnd() * 10000) / 1000);
}

export function exactnessCost(): RatioRow[] {
  const rnd = seeded(7);
  const bases = Array.from({ length: CALLS }, () => [
    Math.round(rnd() * 1e8) / 100,
    Math.round(rnd() * 1e8) / 100,
  ]);
  const passes = Array.from({ length: CALLS }, () => [Math.round(rnd() * 1e7) / 100]);
  const rows: RatioRow[] = [];

  const cp = compare(
    () => bases.forEach((b, i) => adapt.msaCostPlus([[b[0]], [b[1]]], 0.08, [passes[i]], 0, null, null)),
    () => bases.forEach((b, i) => costPlusFloat(b, 0.08, passes[i], 0)),
  );
  rows.push({
    case: `MSA.COSTPLUS ×${CALLS}: decimal vs float`,
    oursMs: cp.ours.medianMs,
    theirsMs: cp.theirs.medianMs,
    ratio: cp.ratio,
  });

  const sets = Array.from({ length: CALLS }, (_, i) => benchmarkData(20, 100 + i));
  const cols = sets.map((s) => s.map((x) => [x]));
  const fr = compare(
    () => cols.forEach((c) => adapt.fmvRange(c, null, null, "IRS")),
    () =>
      sets.forEach((s) => {
        const sorted = [...s].sort((a, b) => a - b);
        irsPercentileFloat(sorted, 0.25);
        irsPercentileFloat(sorted, 0.75);
      }),
  );
  rows.push({
    case: `FMV.RANGE IRS ×${CALLS} (20 values): decimal vs float`,
    oursMs: fr.ours.medianMs,
    theirsMs: fr.theirs.medianMs,
    ratio: fr.ratio,
  });

  const dates = Array.from({ length: 24 }, (_, i) => 45658 + i * 30);
  const flows = dates.map((_, i) => (i % 3 === 2 ? -20000 : 50000));
  const li = compare(
    () => {
      for (let i = 0; i < CALLS; i++)
        adapt.locInterest(
          flows.map((f) => [f]),
          dates.map((d) => [d]),
          0.05,
          45658 + 730,
          3,
          0,
        );
    },
    () => {
      for (let i = 0; i < CALLS; i++) interestFloat(dates, flows, 0.05, 45658 + 730);
    },
  );
  rows.push({
    case: `LOC.INTEREST ×${CALLS} (24 flows): decimal vs float`,
    oursMs: li.ours.medianMs,
    theirsMs: li.theirs.medianMs,
    ratio: li.ratio,
  });
  return rows;
}

export function versusFormulajs(): RatioRow[] {
  const sets = Array.from({ length: CALLS }, (_, i) => benchmarkData(20, 500 + i));
  const cols = sets.map((s) => s.map((x) => [x]));
  const rows: RatioRow[] = [];
  const inc = compare(
    () => cols.forEach((c) => adapt.fmvRange(c, 0.25, 0.75, "INC")),
    () =>
      sets.forEach((s) => {
        formulajs.PERCENTILE.INC(s, 0.25);
        formulajs.MEDIAN(s);
        formulajs.PERCENTILE.INC(s, 0.75);
      }),
  );
  rows.push({
    case: `FMV.RANGE INC ×${CALLS} vs formulajs PERCENTILE.INC+MEDIAN+PERCENTILE.INC`,
    oursMs: inc.ours.medianMs,
    theirsMs: inc.theirs.medianMs,
    ratio: inc.ratio,
  });
  // formulajs's DAYS360 takes dates; ours takes serials: same day pairs for both.
  const rnd = seeded(11);
  const pairs = Array.from({ length: 10 * CALLS }, () => {
    const a = 40000 + Math.floor(rnd() * 10000);
    return [a, a + Math.floor(rnd() * 800)];
  });
  const toDate = (s: number) => new Date(Date.UTC(1899, 11, 30) + s * 86400000);
  const datePairs = pairs.map(([a, b]) => [toDate(a), toDate(b)]);
  const d360 = compare(
    () => pairs.forEach(([a, b]) => days360(a, b, false)),
    () => datePairs.forEach(([a, b]) => formulajs.DAYS360(a, b, false)),
  );
  rows.push({
    case: `DAYS360 ×${10 * CALLS} vs formulajs DAYS360`,
    oursMs: d360.ours.medianMs,
    theirsMs: d360.theirs.medianMs,
    ratio: d360.ratio,
  });
  return rows;
}

export interface ScalingRow {
  case: string;
  flows: number;
  medianMs: number;
  /** time / time at the smallest size; linear growth gives the size factor (10, 100). */
  growth: number;
}

export function lineScaling(): ScalingRow[] {
  const rows: ScalingRow[] = [];
  for (const fn of ["LOC.INTEREST", "LOC.LIMIT"] as const) {
    let base = 0;
    for (const n of [120, 1200, 12000]) {
      // A flow every 3 days with monthly compounding: segments come from flows and month starts.
      const dates = Array.from({ length: n }, (_, i) => [40000 + i * 3]);
      const flows = Array.from({ length: n }, (_, i) => [i % 4 === 3 ? -1000 : 2000]);
      const end = 40000 + n * 3 + 30;
      const run =
        fn === "LOC.INTEREST"
          ? () => adapt.locInterest(flows, dates, 0.05, end, 3, 12)
          : () => adapt.locLimit(flows, dates, 0.05, end, 3, 12, 0.1, 1000);
      const t = time(run, n >= 12000 ? 5 : 9);
      if (n === 120) base = t.medianMs;
      rows.push({ case: fn, flows: n, medianMs: t.medianMs, growth: t.medianMs / base });
    }
  }
  return rows;
}
