/**
 * One model benchmark in its own process, so its peak memory (maxRSS) is its own:
 *   node --import tsx bench/model-worker.ts PCS MONTHS MODE RUNS
 * Prints one JSON line: median milliseconds of building the SheetPlan, evaluating it in
 * HyperFormula and writing the .xlsx, the cell count, and peak resident memory.
 */
import { buildPlan } from "../src/model/build";
import { evaluatePlan } from "../src/workbook/hyperformula";
import { xlsxBuffer } from "../src/workbook/xlsx";
import { benchInputs } from "./model-inputs";
import { median } from "./timing";

async function main() {
  const [pcs, months, mode, runs] = process.argv.slice(2);
  const formulas = mode === "portable" ? "portable" : "addin";
  const inputs = benchInputs(Number(pcs), Number(months));
  const build: number[] = [];
  const evaluate: number[] = [];
  const write: number[] = [];
  let cells = 0;
  let bytes = 0;
  for (let i = 0; i < Number(runs); i++) {
    let t0 = performance.now();
    const plan = buildPlan(inputs, { formulas });
    build.push(performance.now() - t0);
    cells = plan.sheets.reduce((n, s) => n + s.cells.length, 0);
    t0 = performance.now();
    const host = evaluatePlan(plan);
    evaluate.push(performance.now() - t0);
    t0 = performance.now();
    const buffer = await xlsxBuffer(plan, (sheet, a1) => host.readValueSync(sheet, a1));
    write.push(performance.now() - t0);
    bytes = buffer.byteLength;
    host.destroy();
  }
  const result = {
    pcs: Number(pcs),
    months: Number(months),
    mode: formulas,
    cells,
    xlsxBytes: bytes,
    buildMs: median(build),
    evaluateMs: median(evaluate),
    writeMs: median(write),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
