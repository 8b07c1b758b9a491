// The README's benchmark block is generated from bench/results.json (scripts/readme-bench.ts): it must
// be what the current results would write, and its sentences must say what the numbers say. The
// fixtures' expected figures are worked out by hand in the comments beside them.
import fs from "node:fs";
import path from "node:path";
import {
  BENCH_END,
  BENCH_START,
  BenchResults,
  currentBenchBlock,
  customVsNativeRows,
  readResults,
  renderBenchBlock,
  replaceBenchBlock,
} from "../../scripts/readme-bench";

const ROOT = path.join(__dirname, "..", "..");
const readme = () => fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

describe("README.md's benchmark block", () => {
  test("is what bench/results.json writes (run `npx tsx scripts/readme-bench.ts` after a bench)", () => {
    const text = readme();
    const now = currentBenchBlock(text);
    expect(now).not.toBeNull();
    expect(now).toBe(currentBenchBlock(replaceBenchBlock(text, renderBenchBlock(readResults(ROOT)))));
  });

  test("a hand edit of a figure inside the block is caught", () => {
    const text = readme();
    const fresh = replaceBenchBlock(text, renderBenchBlock(readResults(ROOT)));
    const block = currentBenchBlock(fresh) as string;
    const tampered = fresh.replace(block, block.replace(/(met|missed) \|/, "aim reached |"));
    expect(tampered).not.toBe(fresh);
    expect(currentBenchBlock(tampered)).not.toBe(block);
  });

  test("has exactly one pair of markers, and a README without them is refused", () => {
    const text = readme();
    expect(text.split(BENCH_START)).toHaveLength(2);
    expect(text.split(BENCH_END)).toHaveLength(2);
    expect(() => replaceBenchBlock("# no markers\n", "x")).toThrow(/bench:start/);
  });
});

// Today's shape: one median per side and a ratio.
const today: BenchResults = {
  machine: { cpu: "Test CPU", cores: 2, memoryGiB: 8, node: "v20.0.0", date: "2026-01-02" },
  aim: 1.1,
  customVsNative: [
    { case: "100 MSA.COSTPLUS vs SUM", cells: 100, oursMs: 9, nativeMs: 10, ratio: 0.9 },
    { case: "100 LOC.INTEREST vs SUMPRODUCT", cells: 100, oursMs: 13, nativeMs: 10, ratio: 1.3 },
  ],
  exactness: [
    { case: "MSA.COSTPLUS ×1000: decimal vs float", oursMs: 4, theirsMs: 0.016, ratio: 250 },
    { case: "FMV.RANGE IRS ×1000: decimal vs float", oursMs: 10, theirsMs: 1, ratio: 10 },
  ],
  formulajs: [{ case: "DAYS360 ×10000 vs formulajs DAYS360", oursMs: 2, theirsMs: 5, ratio: 0.4 }],
  scaling: [
    { case: "LOC.INTEREST", flows: 100, medianMs: 1, growth: 1 },
    { case: "LOC.INTEREST", flows: 10000, medianMs: 60, growth: 60 },
    { case: "LOC.LIMIT", flows: 100, medianMs: 2, growth: 1 },
    { case: "LOC.LIMIT", flows: 10000, medianMs: 180, growth: 90 },
  ],
  model: [
    {
      pcs: 1,
      months: 12,
      mode: "addin",
      cells: 2000,
      buildMs: 2,
      evaluateMs: 100,
      writeMs: 50,
      peakRssMiB: 100,
    },
    {
      pcs: 5,
      months: 24,
      mode: "addin",
      cells: 30000,
      buildMs: 20,
      evaluateMs: 500,
      writeMs: 2500,
      peakRssMiB: 2048,
    },
    {
      pcs: 5,
      months: 24,
      mode: "portable",
      cells: 30000,
      buildMs: 20,
      evaluateMs: 600,
      writeMs: 3000,
      peakRssMiB: 1536,
    },
  ],
  bundle: { file: "dist/functions.js", minifiedBytes: 2048, gzippedBytes: 1024 },
};

describe("renderBenchBlock, today's results shape", () => {
  const out = renderBenchBlock(today);

  test("verdicts against the aim: 0.9 ≤ 1.1 met, 1.3 > 1.1 missed; counted in the summary", () => {
    expect(out).toContain("| 100 MSA.COSTPLUS vs SUM | 9 | 10 | 0.9 | met |");
    expect(out).toContain("| 100 LOC.INTEREST vs SUMPRODUCT | 13 | 10 | 1.3 | missed |");
    expect(out).toContain("1 of 2 functions meet the aim (at most 1.1× the native formulas' time)");
    expect(out).toMatch(/`LOC\.INTEREST` \(1\.3×\) misses it/);
  });

  test("exactness range runs from the smallest ratio to the largest, with their functions", () => {
    expect(out).toContain("takes 10× (FMV.RANGE) to 250× (MSA.COSTPLUS) the time of plain binary floats");
  });

  test("scaling: 10000/100 = 100× the flows; time 60/1 = 60× and 180/2 = 90×", () => {
    expect(out).toContain("100× the flows takes 60× to 90× the time");
  });

  test("model: cells a second 2000/0.1 = 20,000 to 30000/0.5 = 60,000; the largest model's ranges", () => {
    expect(out).toContain("| 1 PC × 12 mo | addin | 2,000 | 2 | 100 | 50 | 20,000 | 100 |");
    expect(out).toContain("runs at 20,000 to 60,000 cells a second over the 3 runs above");
    // 30,000 cells: evaluate 500–600 ms, write 2.5–3 s, memory 1,536 MiB = 1.5 GiB to 2,048 MiB = 2 GiB.
    expect(out).toContain(
      "(5 PCs × 24 months, 30,000 cells) evaluates in 0.5–0.6 s, writes its .xlsx in 2.5–3 s",
    );
    expect(out).toContain("peaks at 1.5 GiB–2 GiB of memory");
  });

  test("bundle size in KiB: 2048 B = 2 KiB, 1024 B = 1 KiB", () => {
    expect(out).toContain("functions.js: 2 KiB minified, 1 KiB gzipped.");
  });

  test("the machine line comes from results.machine", () => {
    expect(out.split("\n")[0]).toMatch(/^Measured 2026-01-02 on Test CPU, 2 cores, 8 GiB, Node v20\.0\.0\./);
  });
});

describe("renderBenchBlock, the customVsNative shape with a spread per function", () => {
  const withSpread: BenchResults = {
    ...today,
    customVsNative: [
      {
        case: "MSA.COSTPLUS",
        oursMs: { median: 9.5, min: 9, max: 11, runs: 7 },
        nativeMs: { median: 10, min: 9.5, max: 12, runs: 7 },
        ratio: { median: 0.95, min: 0.9, max: 1.05, runs: 7 },
        aim: 1.0,
      },
      {
        case: "LOC.INTEREST",
        oursMs: { median: 10.5, min: 10, max: 12, runs: 7 },
        nativeMs: { median: 10, min: 9, max: 11, runs: 7 },
        ratio: { median: 1.05, min: 0.98, max: 1.2, runs: 7 },
        aim: 1.1,
      },
    ],
  };

  test("reads medians, spreads, runs and per-function aims", () => {
    expect(customVsNativeRows(withSpread)).toEqual([
      {
        name: "MSA.COSTPLUS",
        oursMs: 9.5,
        nativeMs: 10,
        ratio: 0.95,
        min: 0.9,
        max: 1.05,
        runs: 7,
        aim: 1.0,
      },
      {
        name: "LOC.INTEREST",
        oursMs: 10.5,
        nativeMs: 10,
        ratio: 1.05,
        min: 0.98,
        max: 1.2,
        runs: 7,
        aim: 1.1,
      },
    ]);
  });

  test("the table shows the spread and each row's aim; the summary flags spreads that cross the aim", () => {
    const out = renderBenchBlock(withSpread);
    expect(out).toContain("| MSA.COSTPLUS | 9.5 | 10 | 0.95 | 0.9–1.05 | 7 | ≤ 1: met |");
    expect(out).toContain("| LOC.INTEREST | 10.5 | 10 | 1.05 | 0.98–1.2 | 7 | ≤ 1.1: met |");
    expect(out).toContain(
      "2 of 2 functions meet their aims (at most 1× and 1.1× the native formulas' time, by row)",
    );
    // 0.9–1.05 crosses 1.0 and 0.98–1.2 crosses 1.1.
    expect(out).toContain("The spread of `MSA.COSTPLUS` and `LOC.INTEREST` crosses the aim");
  });

  test("a wall-clock ratio beside a CPU-time ratio gets its own column and a note", () => {
    const out = renderBenchBlock({
      customVsNative: [
        {
          case: "LOC.INTEREST",
          aim: 1.1,
          oursMs: 11,
          nativeMs: 10,
          ratio: { median: 1.1, min: 1.0, max: 1.3, runs: 9 },
          wallRatio: { median: 1.25, min: 1.1, max: 1.6, runs: 9 },
        },
      ],
    });
    expect(out).toContain(
      "| ours CPU ms | native CPU ms | ratio | spread (min–max) | runs | wall-clock ratio | aim ≤ 1.1 |",
    );
    expect(out).toContain("| LOC.INTEREST | 11 | 10 | 1.1 | 1–1.3 | 9 | 1.25 | met |");
    expect(out).toMatch(/the wall-clock ratio is the same from elapsed time/);
  });

  test("ratioMin / ratioMax / runs beside a plain median are read too", () => {
    const rows = customVsNativeRows({
      aim: 1.1,
      customVsNative: [
        { case: "FMV.RANGE", oursMs: 7, nativeMs: 10, ratio: 0.7, ratioMin: 0.6, ratioMax: 0.8, runs: 5 },
      ],
    });
    expect(rows).toEqual([
      { name: "FMV.RANGE", oursMs: 7, nativeMs: 10, ratio: 0.7, min: 0.6, max: 0.8, runs: 5, aim: 1.1 },
    ]);
  });

  test("a row with no times is refused by name rather than printed as NaN", () => {
    expect(() => customVsNativeRows({ customVsNative: [{ case: "X.Y" }] })).toThrow(/X\.Y/);
  });
});
