/**
 * `npm run bench`: what the functions and the model cost against what users would otherwise use,
 * measured side by side in one run. Prints tables and writes bench/results.json and
 * bench/results.md (the table the README carries). Not part of `npm test`: speed is measured here
 * as ratios, never asserted by timed tests.
 */
import { execFileSync, execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { exactnessCost, lineScaling, versusFormulajs } from "./engine-cases";
import { excelHostCases } from "./excel-host-cases";
import { measureWorkbench } from "./workbench-cases";
import { costPlusCase, fmvRangeCase, locInterestCase } from "./hyperformula-cases";
import { writeReadmeBench } from "../scripts/readme-bench";

const ROOT = join(__dirname, "..");

interface ModelRow {
  pcs: number;
  months: number;
  mode: string;
  cells: number;
  xlsxBytes: number;
  buildMs: number;
  evaluateMs: number;
  writeMs: number;
  peakRssMiB: number;
}

function modelRuns(): (ModelRow & {
  buildCellsPerSec: number;
  evaluateCellsPerSec: number;
  writeCellsPerSec: number;
})[] {
  const rows = [];
  for (const pcs of [1, 10, 50])
    for (const months of [12, 120])
      for (const mode of ["addin", "portable"]) {
        const runs = pcs * months >= 6000 ? 3 : 5;
        process.stderr.write(`model ${pcs} PCs × ${months} months, ${mode} (${runs} runs)…\n`);
        const out = execFileSync(
          process.execPath,
          [
            "--import",
            "tsx",
            join(__dirname, "model-worker.ts"),
            String(pcs),
            String(months),
            mode,
            String(runs),
          ],
          { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 },
        );
        const r = JSON.parse(out.trim().split("\n").pop() as string) as ModelRow;
        rows.push({
          ...r,
          buildCellsPerSec: r.cells / (r.buildMs / 1000),
          evaluateCellsPerSec: r.cells / (r.evaluateMs / 1000),
          writeCellsPerSec: r.cells / (r.writeMs / 1000),
        });
      }
  return rows;
}

/** A built file's size, minified and gzipped (level 9, as a CDN would serve it). */
function bundleSize(name: string) {
  const file = join(ROOT, "dist", name);
  const code = readFileSync(file);
  return {
    file: `dist/${name}`,
    minifiedBytes: code.byteLength,
    gzippedBytes: gzipSync(code, { level: 9 }).byteLength,
  };
}

const fmt = (n: number, digits = 2) =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits }) : String(n);

async function main() {
  const machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
  // One production build first, so the bundle sizes and the workbench are the current code's.
  process.stderr.write("production build…\n");
  execSync("npx webpack --mode production", { cwd: ROOT, stdio: "ignore" });
  process.stderr.write("custom functions vs native formulas in HyperFormula…\n");
  const customVsNative = [costPlusCase(), fmvRangeCase(), locInterestCase()];
  process.stderr.write("engine: exactness, formulajs, scaling…\n");
  const exactness = exactnessCost();
  const formulajs = versusFormulajs();
  const scaling = lineScaling();
  const model = modelRuns();
  const bundle = bundleSize("functions.js");
  // The Excel task pane's first bundle (no HyperFormula, no ExcelJS), and the Excel host's round trips
  // and request sizes on the strict Office.js fake: counts, the same on any machine.
  const taskpaneBundle = bundleSize("taskpane.js");
  process.stderr.write("Excel host: syncs and bytes for 1, 10 and 50 PCs…\n");
  const excelHost = await excelHostCases();
  process.stderr.write("workbench in Chromium: production build, first model, 50 PCs × 120 months…\n");
  const workbench = await measureWorkbench();
  const results = {
    machine,
    customVsNative,
    exactness,
    formulajs,
    scaling,
    model,
    bundle,
    taskpaneBundle,
    excelHost,
    workbench,
  };
  writeFileSync(join(__dirname, "results.json"), JSON.stringify(results, null, 2) + "\n");

  const md: string[] = [];
  md.push(
    `Measured ${machine.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}. Medians of repeated runs; custom vs native: CPU time, the median ratio of interleaved runs with its spread.`,
  );
  md.push(
    "",
    "| Custom function vs native formulas (HyperFormula) | ours ms | native ms | ratio | spread (min–max) | runs | wall-clock ratio | aim |",
    "|---|---:|---:|---:|---:|---:|---:|---|",
  );
  for (const r of customVsNative)
    md.push(
      `| ${r.case} | ${fmt(r.oursMs)} | ${fmt(r.nativeMs)} | ${fmt(r.ratio.median)} | ${fmt(r.ratio.min)}–${fmt(r.ratio.max)} | ${r.ratio.runs} | ${fmt(r.wallRatio.median)} | ≤ ${fmt(r.aim)}: ${r.ratio.median <= r.aim ? "met" : "missed"} |`,
    );
  md.push("", "| Engine comparison | ours ms | theirs ms | ratio |", "|---|---:|---:|---:|");
  for (const r of [...exactness, ...formulajs])
    md.push(`| ${r.case} | ${fmt(r.oursMs)} | ${fmt(r.theirsMs)} | ${fmt(r.ratio)} |`);
  md.push("", "| Scaling | flows | ms | growth vs 120 flows |", "|---|---:|---:|---:|");
  for (const r of scaling) md.push(`| ${r.case} | ${r.flows} | ${fmt(r.medianMs)} | ${fmt(r.growth, 1)}× |`);
  md.push(
    "",
    "| Model | mode | cells | build ms | evaluate ms | write .xlsx ms | evaluate cells/s | peak RSS MiB |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of model)
    md.push(
      `| ${r.pcs} PC × ${r.months} mo | ${r.mode} | ${fmt(r.cells, 0)} | ${fmt(r.buildMs, 0)} | ${fmt(r.evaluateMs, 0)} | ${fmt(r.writeMs, 0)} | ${fmt(r.evaluateCellsPerSec, 0)} | ${fmt(r.peakRssMiB, 0)} |`,
    );
  md.push(
    "",
    `functions.js: ${fmt(bundle.minifiedBytes / 1024, 1)} KiB minified, ${fmt(bundle.gzippedBytes / 1024, 1)} KiB gzipped.`,
    `taskpane.js: ${fmt(taskpaneBundle.minifiedBytes / 1024, 1)} KiB minified, ${fmt(taskpaneBundle.gzippedBytes / 1024, 1)} KiB gzipped.`,
  );
  md.push(
    "",
    "| Excel host build (strict fake, 120 months) | cells | syncs | floor (bytes / 2 MB + 2 reads) | total MB | largest request MB | Review's reads: syncs |",
    "|---|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of excelHost)
    md.push(
      `| ${r.pcs} PC | ${fmt(r.cells, 0)} | ${r.syncs} | ${r.syncFloor} | ${fmt(r.totalBytes / 2 ** 20)} | ${fmt(r.largestRequestBytes / 2 ** 20)} | ${r.reviewSyncs} |`,
    );
  const w = workbench.large;
  md.push(
    "",
    `Workbench (Chromium, production build): first model ${fmt(workbench.firstModelSeconds, 1)} s after opening.`,
    "",
    "| Workbench, 50 PCs × 120 months | seconds | long tasks (> 50 ms) | longest task ms |",
    "|---|---:|---:|---:|",
    `| header build | ${fmt(w.header.seconds, 1)} | ${w.header.longTasks} | ${w.header.longestTaskMs} |`,
    `| task pane rebuild | ${fmt(w.pane.seconds, 1)} | ${w.pane.longTasks} | ${w.pane.longestTaskMs} |`,
  );
  writeFileSync(join(__dirname, "results.md"), md.join("\n") + "\n");
  console.log(md.join("\n"));
  writeReadmeBench(); // README.md's benchmark block, from the results.json just written
}

void main();
