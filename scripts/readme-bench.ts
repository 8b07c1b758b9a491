/**
 * The README's benchmark block, written from bench/results.json so its figures cannot drift: the
 * tables and every number in the summary sentences (ranges, counts, "met"/"missed") are computed
 * here, never typed. `npm run bench` calls writeReadmeBench() after it writes results.json;
 * `npx tsx scripts/readme-bench.ts` rewrites the block from the results on disk; a jest test fails
 * when the README's block is not what the current results.json gives.
 *
 * results.json has changed shape before: `customVsNative` rows may give a plain median (`ratio`,
 * `oursMs`, `nativeMs`) or a spread (`{ median, min, max, runs }`, or `ratioMin`/`ratioMax`/`runs`
 * beside the median), and an aim per row or one for all. Both are read.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const BENCH_START = "<!-- bench:start -->";
export const BENCH_END = "<!-- bench:end -->";
const ROOT = join(__dirname, "..");

type Stat = number | { median: number; min?: number; max?: number; runs?: number };
type Row = Record<string, unknown>;

export interface BenchResults {
  machine?: { cpu?: string; cores?: number; memoryGiB?: number; node?: string; date?: string };
  aim?: number;
  customVsNative?: Row[];
  exactness?: Row[];
  formulajs?: Row[];
  scaling?: Row[];
  model?: Row[];
  bundle?: { file?: string; minifiedBytes?: number; gzippedBytes?: number };
  taskpaneBundle?: { file?: string; minifiedBytes?: number; gzippedBytes?: number };
  excelHost?: Row[];
  workbench?: {
    firstModelSeconds?: number;
    large?: { pcs?: number; months?: number; header?: WorkbenchBuildRow; pane?: WorkbenchBuildRow };
  };
}

interface WorkbenchBuildRow {
  seconds?: number;
  longTasks?: number;
  longestTaskMs?: number;
}

/** One custom-vs-native comparison, whatever shape results.json gave it in. */
export interface CustomVsNativeRow {
  name: string;
  oursMs: number;
  nativeMs: number;
  ratio: number;
  min?: number;
  max?: number;
  runs?: number;
  /** The median ratio from wall-clock time, when the bench measured the main ratio in CPU time. */
  wall?: number;
  aim: number;
}

const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const median = (s: unknown): number | undefined =>
  isNum(s)
    ? s
    : s && typeof s === "object" && isNum((s as { median?: unknown }).median)
      ? (s as { median: number }).median
      : undefined;
const part = (s: unknown, key: "min" | "max" | "runs"): number | undefined => {
  const v = s && typeof s === "object" ? (s as Record<string, unknown>)[key] : undefined;
  return isNum(v) ? v : undefined;
};
const first = <T>(...xs: (T | undefined)[]): T | undefined => xs.find((x) => x !== undefined);

export function customVsNativeRows(results: BenchResults): CustomVsNativeRow[] {
  const aim = isNum(results.aim) ? results.aim : 1.1;
  return (results.customVsNative ?? []).map((r) => {
    const ratioStat = (r.ratio ?? r.median) as Stat | undefined;
    const oursMs = first(median(r.oursMs), median(r.ours));
    const nativeMs = first(median(r.nativeMs), median(r.native));
    const ratio = first(median(ratioStat), oursMs !== undefined && nativeMs ? oursMs / nativeMs : undefined);
    const name = String(r.case ?? r.fn ?? r.function ?? r.name ?? "?");
    if (oursMs === undefined || nativeMs === undefined || ratio === undefined)
      throw new Error(`bench/results.json: customVsNative "${name}" has no median times or ratio`);
    return {
      name,
      oursMs,
      nativeMs,
      ratio,
      min: first(
        part(r.ratio, "min"),
        isNum(r.ratioMin) ? r.ratioMin : undefined,
        isNum(r.min) ? r.min : undefined,
      ),
      max: first(
        part(r.ratio, "max"),
        isNum(r.ratioMax) ? r.ratioMax : undefined,
        isNum(r.max) ? r.max : undefined,
      ),
      runs: first(
        part(r.ratio, "runs"),
        isNum(r.runs) ? r.runs : undefined,
        part(r.ours, "runs"),
        part(r.oursMs, "runs"),
      ),
      wall: median(r.wallRatio),
      aim: isNum(r.aim) ? r.aim : aim,
    };
  });
}

/** en-US digits, at most `digits` decimals: 1,817 · 0.97 · 241.4. */
export const fmt = (n: number, digits = 2): string =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits });
/** A ratio to two significant figures, as a reader compares them: 0.72 · 1.3 · 9.3 · 240. */
export function ratio(n: number): string {
  if (n === 0) return "0";
  const digits = Math.max(0, 1 - Math.floor(Math.log10(Math.abs(n))));
  const rounded = Number(n.toPrecision(2));
  return rounded.toLocaleString("en-US", { maximumFractionDigits: digits });
}
/** "a" when both ends round alike, else "a to b" (already formatted by `f`). */
function span(lo: number, hi: number, f: (n: number) => string, joiner = " to "): string {
  return f(lo) === f(hi) ? f(lo) : `${f(lo)}${joiner}${f(hi)}`;
}
const num = (r: Row, key: string): number => {
  const v = median(r[key]);
  if (v === undefined) throw new Error(`bench/results.json: "${String(r.case ?? "")}" has no number ${key}`);
  return v;
};
const list = (xs: string[]) =>
  xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
/** The function a case is about: its first NAME.NAME word (`1000 LOC.INTEREST (12 flows) vs …`). */
const fnOf = (name: string) => /[A-Z]+\.[A-Z0-9]+/.exec(name)?.[0] ?? name;

function customVsNativeBlock(rows: CustomVsNativeRow[]): string[] {
  if (rows.length === 0) return [];
  const spread = rows.some((r) => r.min !== undefined && r.max !== undefined);
  const wall = rows.some((r) => r.wall !== undefined);
  const aims = [...new Set(rows.map((r) => r.aim))];
  const head = [
    "Custom function vs native formulas (HyperFormula)",
    wall ? "ours CPU ms" : "ours ms",
    wall ? "native CPU ms" : "native ms",
    "ratio",
    ...(spread ? ["spread (min–max)", "runs"] : []),
    ...(wall ? ["wall-clock ratio"] : []),
    aims.length === 1 ? `aim ≤ ${fmt(aims[0])}` : "aim",
  ];
  const out = [
    `| ${head.join(" | ")} |`,
    `|---|---:|---:|---:|${spread ? "---:|---:|" : ""}${wall ? "---:|" : ""}---|`,
  ];
  for (const r of rows) {
    const cells = [r.name, fmt(r.oursMs), fmt(r.nativeMs), fmt(r.ratio)];
    if (spread)
      cells.push(
        r.min !== undefined && r.max !== undefined ? `${fmt(r.min)}–${fmt(r.max)}` : "",
        r.runs !== undefined ? String(r.runs) : "",
      );
    if (wall) cells.push(r.wall !== undefined ? fmt(r.wall) : "");
    const verdict = r.ratio <= r.aim ? "met" : "missed";
    cells.push(aims.length === 1 ? verdict : `≤ ${fmt(r.aim)}: ${verdict}`);
    out.push(`| ${cells.join(" | ")} |`);
  }
  if (wall)
    out.push(
      "",
      "Custom vs native times are CPU time of the process; the ratio is the median of the per-run ratios (each run times both sides back to back), with its spread; the wall-clock ratio is the same from elapsed time, which a busy shared machine inflates unevenly.",
    );
  return out;
}

function customVsNativeSummary(rows: CustomVsNativeRow[]): string | null {
  if (rows.length === 0) return null;
  const met = rows.filter((r) => r.ratio <= r.aim);
  const missed = rows.filter((r) => r.ratio > r.aim);
  const describe = (r: CustomVsNativeRow) => {
    const noise = r.min !== undefined && r.max !== undefined ? `, runs ${fmt(r.min)}–${fmt(r.max)}` : "";
    return `\`${fnOf(r.name)}\` (${fmt(r.ratio)}×${noise})`;
  };
  const aims = [...new Set(rows.map((r) => r.aim))];
  const aimText =
    aims.length === 1
      ? `the aim (at most ${fmt(aims[0])}× the native formulas' time)`
      : `their aims (at most ${list(aims.map((a) => `${fmt(a)}×`))} the native formulas' time, by row)`;
  let s = `**Custom vs native**: ${met.length} of ${rows.length} functions meet ${aimText}`;
  if (met.length > 0) s += ` — ${list(met.map(describe))}`;
  if (missed.length > 0)
    s += `; ${list(missed.map(describe))} ${missed.length === 1 ? "misses it" : "miss it"}`;
  const straddle = rows.filter(
    (r) => r.min !== undefined && r.max !== undefined && r.min <= r.aim && r.max > r.aim,
  );
  s += ".";
  if (straddle.length > 0)
    s += ` The spread of ${list(straddle.map((r) => `\`${fnOf(r.name)}\``))} crosses the aim, so that verdict is within the noise.`;
  return s;
}

function ratioTable(title: string, rows: Row[]): string[] {
  if (rows.length === 0) return [];
  const out = [`| ${title} | ours ms | theirs ms | ratio |`, "|---|---:|---:|---:|"];
  for (const r of rows)
    out.push(
      `| ${String(r.case)} | ${fmt(num(r, "oursMs"))} | ${fmt(num(r, "theirsMs"))} | ${fmt(num(r, "ratio"))} |`,
    );
  return out;
}

function exactnessSummary(rows: Row[]): string | null {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => num(a, "ratio") - num(b, "ratio"));
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  const ends =
    lo === hi
      ? `${ratio(num(lo, "ratio"))}× (${fnOf(String(lo.case))})`
      : `${ratio(num(lo, "ratio"))}× (${fnOf(String(lo.case))}) to ${ratio(num(hi, "ratio"))}× (${fnOf(String(hi.case))})`;
  return `**Exactness**: exact decimal arithmetic takes ${ends} the time of plain binary floats running the same algorithm.`;
}

function formulajsSummary(rows: Row[]): string | null {
  if (rows.length === 0) return null;
  const parts = rows.map((r) => {
    const x = num(r, "ratio");
    const what = String(r.case)
      .replace(/ ×[\d,]+.*$/, "")
      .replace(/ vs .*$/, "");
    return `${what} takes ${ratio(x)}× formulajs's time`;
  });
  return `**Against formulajs** (Excel's functions reimplemented in JavaScript floats): ${list(parts)}.`;
}

function scalingBlock(rows: Row[]): string[] {
  if (rows.length === 0) return [];
  const base = Math.min(...rows.map((r) => num(r, "flows")));
  const out = [`| Scaling | flows | ms | growth vs ${fmt(base, 0)} flows |`, "|---|---:|---:|---:|"];
  for (const r of rows)
    out.push(
      `| ${String(r.case)} | ${fmt(num(r, "flows"), 0)} | ${fmt(num(r, "medianMs"))} | ${fmt(num(r, "growth"), 1)}× |`,
    );
  return out;
}

function scalingSummary(rows: Row[]): string | null {
  if (rows.length === 0) return null;
  const byCase = new Map<string, Row[]>();
  for (const r of rows) byCase.set(String(r.case), [...(byCase.get(String(r.case)) ?? []), r]);
  const ends = [...byCase.values()].map((rs) => {
    const sorted = [...rs].sort((a, b) => num(a, "flows") - num(b, "flows"));
    const lo = sorted[0];
    const hi = sorted[sorted.length - 1];
    return {
      flows: num(hi, "flows") / num(lo, "flows"),
      time: num(hi, "medianMs") / num(lo, "medianMs"),
    };
  });
  const flows = [...new Set(ends.map((e) => e.flows))];
  const times = ends.map((e) => e.time);
  const names = list([...byCase.keys()].map((n) => `\`${n}\``));
  if (flows.length !== 1)
    return `**Scaling**: ${names} grow by ${span(Math.min(...times), Math.max(...times), (n) => `${ratio(n)}×`)} in time across the flow counts measured.`;
  return `**Scaling**: for ${names}, ${fmt(flows[0], 0)}× the flows takes ${span(Math.min(...times), Math.max(...times), (n) => `${ratio(n)}×`)} the time (interest is computed per segment between events, never per day).`;
}

function modelBlock(rows: Row[]): string[] {
  if (rows.length === 0) return [];
  const out = [
    "| Model | mode | cells | build ms | evaluate ms | write .xlsx ms | evaluate cells/s | peak RSS MiB |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows)
    out.push(
      `| ${num(r, "pcs")} PC × ${num(r, "months")} mo | ${String(r.mode)} | ${fmt(num(r, "cells"), 0)} | ${fmt(num(r, "buildMs"), 0)} | ${fmt(num(r, "evaluateMs"), 0)} | ${fmt(num(r, "writeMs"), 0)} | ${fmt(num(r, "cells") / (num(r, "evaluateMs") / 1000), 0)} | ${fmt(num(r, "peakRssMiB"), 0)} |`,
    );
  return out;
}

/** Thousands to two significant figures: 18,000 · 63,000. */
const rate = (n: number) => Number(n.toPrecision(2)).toLocaleString("en-US");
const seconds = (ms: number) => fmt(ms / 1000, ms < 10000 ? 1 : 0);
const memory = (mib: number) => (mib >= 1024 ? `${fmt(mib / 1024, 1)} GiB` : `${fmt(mib, 0)} MiB`);

function modelSummary(rows: Row[]): string | null {
  if (rows.length === 0) return null;
  const perSec = rows.map((r) => num(r, "cells") / (num(r, "evaluateMs") / 1000));
  const biggest = Math.max(...rows.map((r) => num(r, "cells")));
  const top = rows.filter((r) => num(r, "cells") === biggest);
  const t = top[0];
  const evalMs = top.map((r) => num(r, "evaluateMs"));
  const writeMs = top.map((r) => num(r, "writeMs"));
  const rss = top.map((r) => num(r, "peakRssMiB"));
  return (
    `**Model**: evaluating a built model in HyperFormula runs at ${rate(Math.min(...perSec))} to ${rate(Math.max(...perSec))} cells a second over the ${rows.length} runs above; ` +
    `the largest (${num(t, "pcs")} PCs × ${num(t, "months")} months, ${fmt(biggest, 0)} cells) evaluates in ${span(Math.min(...evalMs), Math.max(...evalMs), seconds, "–")} s, ` +
    `writes its .xlsx in ${span(Math.min(...writeMs), Math.max(...writeMs), seconds, "–")} s and peaks at ${span(Math.min(...rss), Math.max(...rss), memory, "–")} of memory.`
  );
}

/** The Markdown between the markers (without them). */
export function renderBenchBlock(results: BenchResults): string {
  const m = results.machine ?? {};
  const cvn = customVsNativeRows(results);
  const lines: string[] = [];
  lines.push(
    `Measured ${m.date ?? "?"} on ${m.cpu ?? "?"}, ${m.cores ?? "?"} cores, ${m.memoryGiB ?? "?"} GiB, Node ${m.node ?? "?"}. ` +
      "Every figure is a median of repeated runs; every ratio compares two medians measured side by side in one process.",
  );
  const sections: string[][] = [
    customVsNativeBlock(cvn),
    ratioTable("Engine comparison", [...(results.exactness ?? []), ...(results.formulajs ?? [])]),
    scalingBlock(results.scaling ?? []),
    modelBlock(results.model ?? []),
  ];
  for (const s of sections) if (s.length > 0) lines.push("", ...s);
  const bundles = [
    { b: results.bundle, file: "dist/functions.js" },
    { b: results.taskpaneBundle, file: "dist/taskpane.js" },
  ].filter(({ b }) => b && isNum(b.minifiedBytes) && isNum(b.gzippedBytes));
  if (bundles.length > 0) lines.push("");
  for (const { b, file } of bundles)
    lines.push(
      `${(b!.file ?? file).replace(/^dist\//, "")}: ${fmt(b!.minifiedBytes! / 1024, 1)} KiB minified, ${fmt(b!.gzippedBytes! / 1024, 1)} KiB gzipped.`,
    );
  for (const block of [excelHostBlock(results.excelHost ?? []), workbenchBlock(results.workbench)])
    if (block.length > 0) lines.push("", ...block);
  const summary = [
    customVsNativeSummary(cvn),
    exactnessSummary(results.exactness ?? []),
    formulajsSummary(results.formulajs ?? []),
    scalingSummary(results.scaling ?? []),
    modelSummary(results.model ?? []),
    workbenchSummary(results.workbench),
  ].filter((s): s is string => s !== null);
  if (summary.length > 0) lines.push("", "In short:", "", ...summary.map((s) => `- ${s}`));
  return lines.join("\n");
}

function excelHostBlock(rows: Row[]): string[] {
  if (rows.length === 0) return [];
  const mib = (n: unknown) => (isNum(n) ? fmt(n / 2 ** 20) : "");
  return [
    "| Excel host build (strict Office.js fake, 120 months) | cells | syncs | floor (bytes / 2 MB + 2 reads) | total MiB | largest request MiB | Review's reads: syncs |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.pcs} PC | ${isNum(r.cells) ? fmt(r.cells, 0) : ""} | ${r.syncs} | ${r.syncFloor} | ${mib(r.totalBytes)} | ${mib(r.largestRequestBytes)} | ${r.reviewSyncs ?? ""} |`,
    ),
  ];
}

function workbenchBlock(w: BenchResults["workbench"]): string[] {
  const large = w?.large;
  if (!w || !large?.header || !large.pane) return [];
  const row = (what: string, b: WorkbenchBuildRow) =>
    `| ${what} | ${isNum(b.seconds) ? fmt(b.seconds, 1) : ""} | ${b.longTasks ?? ""} | ${b.longestTaskMs ?? ""} |`;
  return [
    `| Workbench in Chromium, ${large.pcs ?? "?"} PCs × ${large.months ?? "?"} months | seconds | long tasks (over 50 ms) | longest task ms |`,
    "|---|---:|---:|---:|",
    row("built from the header", large.header),
    row("rebuilt from the task pane", large.pane),
  ];
}

function workbenchSummary(w: BenchResults["workbench"]): string | null {
  const large = w?.large;
  if (!w || !isNum(w.firstModelSeconds) || !large?.header || !large.pane) return null;
  const longest = Math.max(large.header.longestTaskMs ?? 0, large.pane.longestTaskMs ?? 0);
  return (
    `**Workbench**: the first model shows ${fmt(w.firstModelSeconds, 1)} s after the page opens; ` +
    `${large.pcs} PCs × ${large.months} months build in ${fmt(large.header.seconds ?? NaN, 1)} s from the header ` +
    `and ${fmt(large.pane.seconds ?? NaN, 1)} s from the task pane, ` +
    (longest > 0
      ? `the longest main-thread task ${longest} ms (the browser test's bound is 200 ms).`
      : "with no main-thread task over 50 ms, the browser's long-task threshold (the browser test's bound is 200 ms).")
  );
}

/** `readme` with the text between the markers replaced by `block`; refuses a README without them. */
export function replaceBenchBlock(readme: string, block: string): string {
  const start = readme.indexOf(BENCH_START);
  const end = readme.indexOf(BENCH_END);
  if (start < 0 || end < start)
    throw new Error(`README.md has no ${BENCH_START} … ${BENCH_END} block for the benchmark figures`);
  return `${readme.slice(0, start + BENCH_START.length)}\n${GENERATED_NOTE}\n\n${block}\n\n${readme.slice(end)}`;
}
const GENERATED_NOTE =
  "<!-- Written by scripts/readme-bench.ts from bench/results.json (npm run bench); edits here are overwritten. -->";

/** The benchmark block as it stands in `readme`, or null without markers. */
export function currentBenchBlock(readme: string): string | null {
  const start = readme.indexOf(BENCH_START);
  const end = readme.indexOf(BENCH_END);
  return start < 0 || end < start ? null : readme.slice(start, end + BENCH_END.length);
}

export function readResults(root = ROOT): BenchResults {
  return JSON.parse(readFileSync(join(root, "bench", "results.json"), "utf8")) as BenchResults;
}

/** Rewrites README.md's benchmark block from bench/results.json. */
export function writeReadmeBench(root = ROOT): void {
  const file = join(root, "README.md");
  const readme = readFileSync(file, "utf8");
  const next = replaceBenchBlock(readme, renderBenchBlock(readResults(root)));
  if (next !== readme) writeFileSync(file, next);
}

if (require.main === module) writeReadmeBench();
