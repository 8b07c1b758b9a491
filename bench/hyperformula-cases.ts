/**
 * Custom functions against the native formulas they replace, both evaluated by HyperFormula on the
 * same data in the same process. Each run writes the formula sheet into a workbook that already
 * holds the data (parse + dependency graph + evaluation, what a user pays when a model recalculates)
 * and clears it again untimed. Array arithmetic is on, as in Excel 365, so SUMPRODUCT(a, end - dates)
 * works as a user would write it.
 */
import { HyperFormula, RawCellContent } from "hyperformula";

import { registerAddinFunctions } from "../src/workbook/addin-plugin";
import { median, seeded } from "./timing";

/** A ratio over interleaved runs: each run times ours and native once, back to back. */
export interface RatioSpread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface CustomVsNative {
  case: string;
  cells: number;
  /** The most ours may cost, as a multiple of the native formulas (issue 13). */
  aim: number;
  /** Medians of the runs, CPU milliseconds of this process. */
  oursMs: number;
  nativeMs: number;
  /** Medians of the runs, wall-clock milliseconds. */
  oursWallMs: number;
  nativeWallMs: number;
  /** ours / native per run: the median and the spread. */
  ratio: RatioSpread;
  /** The same from wall-clock time, which a busy shared machine inflates unevenly. */
  wallRatio: RatioSpread;
  maxAbsDifference: number;
}

function workbook(data: RawCellContent[][]): { hf: HyperFormula; calc: number } {
  registerAddinFunctions();
  const hf = HyperFormula.buildFromSheets(
    { Data: data, Calc: [] },
    { licenseKey: "gpl-v3", maxColumns: 200, useArrayArithmetic: true },
  );
  return { hf, calc: hf.getSheetId("Calc") as number };
}

/** CPU time of this process (all its threads, so garbage collection counts), in ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function evaluateOnce(
  hf: HyperFormula,
  calc: number,
  formulas: RawCellContent[][],
): { cpu: number; wall: number; values: number[] } {
  const c0 = cpuMs();
  const t0 = performance.now();
  hf.setSheetContent(calc, formulas);
  const wall = performance.now() - t0;
  const cpu = cpuMs() - c0;
  const values = hf
    .getSheetValues(calc)
    .flat()
    .map((v) => (typeof v === "number" ? v : NaN));
  hf.clearSheet(calc);
  return { cpu, wall, values };
}

function spread(ratios: number[]): RatioSpread {
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), runs: ratios.length };
}

/**
 * `runs` interleaved runs after two warm-ups. Each run evaluates both sheets back to back, the order
 * alternating run by run, and gives one ratio; a slow moment of the machine falls on both sides of
 * the same ratio; the median ratio is robust to the few runs where a major garbage collection, for
 * garbage either side left, falls on one side only (the spread shows them). CPU time is the measure
 * because the machine is shared: another process taking the core stretches wall time but not this
 * process's CPU time.
 */
function measure(
  name: string,
  aim: number,
  data: RawCellContent[][],
  ours: RawCellContent[][],
  native: RawCellContent[][],
  runs = 11,
): CustomVsNative {
  const { hf, calc } = workbook(data);
  const cpu = { ours: [] as number[], native: [] as number[] };
  const wall = { ours: [] as number[], native: [] as number[] };
  let oursValues: number[] = [];
  let nativeValues: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const order = i % 2 ? (["native", "ours"] as const) : (["ours", "native"] as const);
    for (const which of order) {
      const r = evaluateOnce(hf, calc, which === "ours" ? ours : native);
      if (which === "ours") oursValues = r.values;
      else nativeValues = r.values;
      if (i >= 2) {
        cpu[which].push(r.cpu);
        wall[which].push(r.wall);
      }
    }
  }
  hf.destroy();
  let maxAbsDifference = 0;
  for (let i = 0; i < Math.max(oursValues.length, nativeValues.length); i++) {
    const d = Math.abs((oursValues[i] ?? NaN) - (nativeValues[i] ?? NaN));
    maxAbsDifference = Math.max(maxAbsDifference, Number.isNaN(d) ? Infinity : d);
  }
  return {
    case: name,
    cells: ours.length,
    aim,
    oursMs: median(cpu.ours),
    nativeMs: median(cpu.native),
    oursWallMs: median(wall.ours),
    nativeWallMs: median(wall.native),
    ratio: spread(cpu.ours.map((t, i) => t / cpu.native[i])),
    wallRatio: spread(wall.ours.map((t, i) => t / wall.native[i])),
    maxAbsDifference,
  };
}

const money = (rnd: () => number, max: number) => Math.round(rnd() * max * 100) / 100;

/** 10,000 MSA.COSTPLUS cells against SUM(..)*(1+..)+SUM(..). */
export function costPlusCase(n = 10_000): CustomVsNative {
  const rnd = seeded(1);
  const data = Array.from({ length: n }, () => [
    money(rnd, 300_000),
    money(rnd, 100_000),
    Math.round(rnd() * 150) / 1000,
    money(rnd, 50_000),
    money(rnd, 50_000),
  ]);
  const ours = data.map((_, i) => [
    `=MSA.COSTPLUS(Data!A${i + 1}:B${i + 1},Data!C${i + 1},Data!D${i + 1}:E${i + 1})`,
  ]);
  const native = data.map((_, i) => [
    `=SUM(Data!A${i + 1}:B${i + 1})*(1+Data!C${i + 1})+SUM(Data!D${i + 1}:E${i + 1})`,
  ]);
  return measure(`${n} MSA.COSTPLUS vs SUM(..)*(1+..)+SUM(..)`, 1.0, data, ours, native);
}

/** 1,000 FMV.RANGE (INC) calls against PERCENTILE.INC, MEDIAN, PERCENTILE.INC on the same ranges. */
export function fmvRangeCase(n = 1_000, width = 20): CustomVsNative {
  const rnd = seeded(2);
  const data = Array.from({ length: n }, () =>
    Array.from({ length: width }, () => Math.round(rnd() * 20000) / 1000),
  );
  const last = String.fromCharCode(64 + width);
  const range = (i: number) => `Data!A${i + 1}:${last}${i + 1}`;
  const ours = data.map((_, i) => [`=FMV.RANGE(${range(i)},0.25,0.75,"INC")`, null, null]);
  const native = data.map((_, i) => [
    `=PERCENTILE.INC(${range(i)},0.25)`,
    `=MEDIAN(${range(i)})`,
    `=PERCENTILE.INC(${range(i)},0.75)`,
  ]);
  return measure(
    `${n} FMV.RANGE (${width} values, INC) vs PERCENTILE.INC+MEDIAN+PERCENTILE.INC`,
    1.0,
    data,
    ours,
    native,
  );
}

/**
 * 1,000 LOC.INTEREST calls (12 draws each, simple, Actual/365) against the day-weighted SUMPRODUCT:
 * each flow earns interest from its date to the end, so Σ flow × (end − date) × rate / 365.
 */
export function locInterestCase(n = 1_000, flows = 12): CustomVsNative {
  const rnd = seeded(3);
  const data = Array.from({ length: n }, () => {
    const start = 45658 + Math.floor(rnd() * 365);
    const amounts = Array.from({ length: flows }, () => money(rnd, 100_000));
    const dates = Array.from({ length: flows }, (_, k) => start + k * 30);
    return [...amounts, ...dates, start + flows * 30 + 15, Math.round(rnd() * 80) / 1000];
  });
  const col = (k: number) => (k < 26 ? String.fromCharCode(65 + k) : "A" + String.fromCharCode(65 + k - 26));
  const [fa, fz, da, dz, end, rate] = [
    col(0),
    col(flows - 1),
    col(flows),
    col(2 * flows - 1),
    col(2 * flows),
    col(2 * flows + 1),
  ];
  const ours = data.map((_, i) => {
    const r = i + 1;
    return [
      `=LOC.INTEREST(Data!${fa}${r}:${fz}${r},Data!${da}${r}:${dz}${r},Data!${rate}${r},Data!${end}${r},3)`,
    ];
  });
  const native = data.map((_, i) => {
    const r = i + 1;
    return [
      `=SUMPRODUCT(Data!${fa}${r}:${fz}${r},Data!${end}${r}-Data!${da}${r}:${dz}${r})*Data!${rate}${r}/365`,
    ];
  });
  return measure(`${n} LOC.INTEREST (${flows} flows) vs SUMPRODUCT day-weighted`, 1.1, data, ours, native);
}
