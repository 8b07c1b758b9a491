/**
 * The Excel host on the strict Office.js fake: the WorkbookHost contract, then what only Excel has —
 * round trips, request sizes, text that must stay text, payload halving, requirement sets, and a
 * model that computes once Excel holds it.
 */
import { HyperFormula } from "hyperformula";
import { benchInputs } from "../../bench/model-inputs";
import { buildPlan } from "../../src/model/build";
import { parseInputs } from "../../src/model/inputs";
import { PlanScalar, SheetPlan } from "../../src/model/plan";
import { readSummary } from "../../src/model/summary";
import { registerAddinFunctions } from "../../src/workbook/addin-plugin";
import { ExcelHost, ExcelRequirementError, ExcelRun, REQUEST_BUDGET } from "../../src/workbook/excel";
import { CellValue, WriteCancelledError } from "../../src/workbook/host";
import { evaluatePlan } from "../../src/workbook/hyperformula";
import { type Located, readReview } from "../../src/taskpane/panels/review/read-review";
import { monthlyRange } from "../../src/taskpane/plan-view";
import { loadInputs, validInputs, withJoinMonths } from "../model/support";
import { FakeExcel } from "./fake-office/fake-excel";
import { hostContract } from "./host-contract";

const MB2 = 2 * 1024 * 1024;

function excelHost(fake: FakeExcel, requestBudget?: number): ExcelHost {
  return new ExcelHost({
    run: fake.run as unknown as ExcelRun,
    isSetSupported: fake.isSetSupported,
    requestBudget,
  });
}

const tick = () => new Promise((r) => setTimeout(r, 5));

function harness() {
  const fake = new FakeExcel();
  const host = excelHost(fake);
  return {
    fake,
    host,
    async addUserSheet(name: string, rows: PlanScalar[][]) {
      fake.addSheet(name);
      rows.forEach((row, r) =>
        row.forEach((v, c) => fake.userEdit(name, `${String.fromCharCode(65 + c)}${r + 1}`, v)),
      );
      await tick();
    },
    async sheetSnapshot(name: string) {
      return fake.snapshot(name);
    },
    async addStatePart(xml: string) {
      fake.addPart(xml);
    },
    async stateParts() {
      return fake.parts.map((p) => p.xml);
    },
    async selection() {
      return fake.selection;
    },
    async userEdit(sheet: string, a1: string, value: PlanScalar) {
      fake.userEdit(sheet, a1, value);
    },
    async settle() {
      for (let i = 0; i < 4; i++) await tick();
    },
    dispose() {},
  };
}

hostContract("Excel on the strict fake", async () => harness());

/** The fake's cells and names, loaded into a fresh HyperFormula: what a workbook Excel holds computes to. */
function loadIntoHyperFormula(fake: FakeExcel): { readValue: (s: string, a1: string) => Promise<CellValue> } {
  registerAddinFunctions();
  const hf = HyperFormula.buildFromSheets(
    fake.exportSheets(),
    { licenseKey: "gpl-v3", maxColumns: 16384, smartRounding: false },
    fake.exportNames(),
  );
  return {
    async readValue(sheet, a1) {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      const v = hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row: Number(m[2]) - 1, col: col - 1 });
      if (v !== null && typeof v === "object") return { error: (v as { value: string }).value };
      return v as CellValue;
    },
  };
}

describe("Excel host", () => {
  test("building the one-PC example takes at most 3 syncs", async () => {
    const fake = new FakeExcel();
    await excelHost(fake).writePlan(buildPlan(loadInputs("one-pc.json"), { formulas: "addin" }));
    expect(fake.syncs).toBeLessThanOrEqual(3);
  });

  test("Review of a 10-PC model reads in exactly one sync, the values per-cell readValue gives", async () => {
    const plan = buildPlan(loadInputs("ten-pc-acquisition.json"), { formulas: "addin" });
    expect(plan.results.pcs).toHaveLength(10);
    const fake = new FakeExcel();
    const host = excelHost(fake);
    await host.writePlan(plan);
    const before = fake.syncs;
    const review = await readReview(host, plan, (ref) => ref);
    expect(fake.syncs - before).toBe(1);
    // Every cell the panel shows, read again one by one: one sync each, the same value.
    const located: Located[] = [
      review.band.low,
      review.band.high,
      ...Object.values(review.mso),
      ...review.pcs.flatMap((pc) => [
        ...pc.years.flatMap((y) => [y.markup, y.status]),
        pc.peakLoc,
        pc.requiredLimit,
        ...(pc.limit ? [pc.limit] : []),
        pc.limitOk,
        ...Object.values(pc.results),
      ]),
      ...review.checks,
    ];
    const oneByOne = fake.syncs;
    for (const cell of located) expect(cell.value).toEqual(await host.readValue(cell.ref.sheet, cell.ref.a1));
    for (const [p, pc] of review.pcs.entries()) {
      const row = plan.results.pcs[p].rows.pcClose;
      expect(pc.closes).toHaveLength(plan.results.monthColumns.length);
      expect(pc.closes).toEqual((await host.readRange(row.sheet, monthlyRange(plan, row.row)))[0]);
    }
    expect(fake.syncs - oneByOne).toBe(located.length + review.pcs.length);
    // The reads are the model's results, not blanks: every PC's fees are a number.
    for (const pc of review.pcs) expect(typeof pc.results.fees.value).toBe("number");
  });

  test("the cells left in Excel, loaded into HyperFormula, give the headless build's summary (both formula modes)", async () => {
    for (const [file, mode] of [
      ["ten-pc-acquisition.json", "addin"],
      ["one-pc.json", "portable"],
    ] as const) {
      const plan = buildPlan(loadInputs(file), { formulas: mode });
      const fake = new FakeExcel();
      await excelHost(fake).writePlan(plan);
      const headless = evaluatePlan(plan);
      try {
        expect(await readSummary(plan, loadIntoHyperFormula(fake))).toEqual(
          await readSummary(plan, headless),
        );
      } finally {
        headless.destroy();
      }
    }
  });

  test("50 PCs × 120 months: every request under 2 MB, syncs no more than the bytes need (+3)", async () => {
    const plan = buildPlan(benchInputs(50, 120), { formulas: "addin" });
    const fake = new FakeExcel();
    await excelHost(fake).writePlan(plan);
    const total = fake.syncBytes.reduce((a, b) => a + b, 0);
    expect(Math.max(...fake.syncBytes)).toBeLessThan(MB2);
    // "What the bytes need" at the host's own budget per request (REQUEST_BUDGET, 50 KB under 2 MB).
    expect(fake.syncs).toBeLessThanOrEqual(Math.ceil(total / REQUEST_BUDGET) + 3);
    // the model is all there: every plan cell holds its formula or constant
    const last = plan.sheets[plan.sheets.length - 1];
    expect(fake.sheet(last.name).cells.size).toBeGreaterThan(0);
    let cells = 0;
    for (const s of fake.sheets)
      cells += [...s.cells.values()].filter((c) => c.formula !== undefined || c.value !== undefined).length;
    expect(cells).toBe(
      plan.sheets.reduce(
        (n, s) =>
          n +
          s.cells.filter(
            (c) => c.formula !== undefined || (c.value !== undefined && c.value !== null && c.value !== ""),
          ).length,
        0,
      ),
    );
  });

  test("a user's sheet named MSO stays byte for byte unchanged, whether the build stops or takes a suffix", async () => {
    const fake = new FakeExcel();
    fake.addSheet("MSO");
    fake.userEdit("MSO", "A1", "My own MSO notes");
    fake.userEdit("MSO", "B2", 1234.5);
    fake.userEdit("MSO", "C3", "=B2*2");
    const before = fake.snapshot("MSO");
    const host = excelHost(fake);
    const plan = buildPlan(loadInputs("one-pc.json"), { formulas: "portable" });
    await expect(host.writePlan(plan)).rejects.toThrow(/MSO/);
    expect(fake.snapshot("MSO")).toBe(before);
    await host.writePlan(plan, { onClash: { suffix: " (model)" } });
    await host.writePlan(plan, { onClash: { suffix: " (model)" } });
    expect(fake.snapshot("MSO")).toBe(before);
    expect(fake.sheets.map((s) => s.name)).toContain("MSO (model)");
  });

  test("hostile PC names land as text, as typed, in every cell that shows them", async () => {
    const hostile = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)"];
    const base = JSON.parse(JSON.stringify(loadInputs("one-pc.json")));
    if (base.compliance) delete base.compliance.pcs; // keyed by the example's PC name
    base.pcs = hostile.map((name, i) => {
      const pc = { ...base.pcs[0], name, state: ["TX", "GA", "FL", "NY"][i] };
      delete pc.shortName; // the example's tab name would clash across the copies
      return pc;
    });
    const plan = buildPlan(validInputs(base), { formulas: "portable" });
    const fake = new FakeExcel();
    await excelHost(fake).writePlan(plan);
    const inputs = plan.sheets.find((s) => s.kind === "inputs")!;
    const nameCells = inputs.cells.filter((c) => typeof c.value === "string" && hostile.includes(c.value));
    expect(nameCells.map((c) => c.value).sort()).toEqual([...hostile].sort());
    for (const c of nameCells) {
      const stored = fake.sheet(inputs.name).cells.get(cellKey(c.a1))!;
      expect(stored).toMatchObject({ value: c.value });
      expect(stored.formula).toBeUndefined();
    }
  });

  test("when Excel refuses a request as too large, the block is halved and the build completes", async () => {
    const plan = buildPlan(loadInputs("ten-pc-acquisition.json"), { formulas: "addin" });
    const fake = new FakeExcel();
    fake.payloadLimit = 400_000; // an Excel that refuses what the host thinks fits
    await excelHost(fake).writePlan(plan);
    expect(Math.max(...fake.syncBytes)).toBeLessThanOrEqual(400_000);
    const reference = new FakeExcel();
    await excelHost(reference).writePlan(plan);
    for (const s of plan.sheets)
      expect(fake.snapshot(s.name).replace(/\{sheet-\d+\}/g, "")).toBe(
        reference.snapshot(s.name).replace(/\{sheet-\d+\}/g, ""),
      );
  });

  test("a rebuild cancelled between requests puts the old model back exactly (sheets, cells, names)", async () => {
    const plan = buildPlan(loadInputs("one-pc.json"), { formulas: "addin" });
    const fake = new FakeExcel();
    fake.addSheet("Notes");
    fake.userEdit("Notes", "A1", "=MSO!A1");
    const host = excelHost(fake, 60_000);
    await host.writePlan(plan);
    // Excel reads 'MSO'!A1 and MSO!A1 alike; the fake's rename always quotes, so compare unquoted.
    const plain = (text: string) => text.replace(/'([A-Za-z_][\w.]*)'!/g, "$1!");
    const picture = () => ({
      sheets: fake.sheets.map((s) => s.name),
      cells: fake.sheets.map((s) => plain(fake.snapshot(s.name).replace(/"id":"\{sheet-\d+\}",/, ""))),
      names: [...fake.names]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((n) => ({ ...n, formula: plain(n.formula) })),
    });
    const before = picture();
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await host
      .writePlan(plan, {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done === 2) controller.abort();
        },
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(WriteCancelledError);
    expect(seen).toEqual([1, 2]);
    expect(picture()).toEqual(before);
  });

  test("the input map travels with the document: a reopened pane (a new host) reads the inputs back", async () => {
    const inputs = loadInputs("three-states.json");
    const fake = new FakeExcel();
    await excelHost(fake).writePlan(buildPlan(inputs, { formulas: "addin" }));
    const reopened = excelHost(fake);
    const load = await reopened.loadState();
    expect(load.status === "ok" && (load.state.inputCells?.length ?? 0) > 0).toBe(true);
    expect(parseInputs(await reopened.readInputs())).toEqual({ ok: true, inputs: withJoinMonths(inputs) });
  });

  test("a missing requirement set gives a message naming it and what it is for", () => {
    const fake = new FakeExcel();
    fake.missingSets = ["ExcelApi 1.12", "ExcelApi 1.9"];
    let error: unknown;
    try {
      excelHost(fake);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExcelRequirementError);
    expect((error as Error).message).toMatch(
      /ExcelApi 1\.9 \(.+\); ExcelApi 1\.12 \(tagging the add-in's sheets/,
    );
    expect((error as Error).message).not.toMatch(/ExcelApi 1\.8/);
  });

  test("styles, widths, panes, names, validation, conditional formats and charts reach Excel", async () => {
    const plan: SheetPlan = buildPlan(loadInputs("one-pc.json"), { formulas: "portable" });
    const fake = new FakeExcel();
    await excelHost(fake).writePlan(plan);
    const log = fake.sheets.flatMap((s) => s.log.map((l) => `${l.path} ${l.op}`));
    expect(log.some((l) => /getRanges\(.*\)\.format\.font\.color set/.test(l))).toBe(true);
    expect(log.some((l) => /format\.columnWidth set/.test(l))).toBe(true);
    expect(fake.names.map((n) => n.name).sort()).toEqual(
      [...plan.names.map((n) => n.name), ...plan.tables.map((t) => t.name)].sort(),
    );
    const charts = fake.sheets.flatMap((s) =>
      s.log.filter((l) => /charts\.add$/.test(l.path) && l.op === "call"),
    );
    expect(charts.length).toBe(plan.charts.length);
    const validations = plan.sheets.reduce((n, s) => n + (s.validations?.length ?? 0), 0);
    expect(fake.sheets.flatMap((s) => s.log.filter((l) => /dataValidation\.rule$/.test(l.path))).length).toBe(
      validations,
    );
    const frozen = plan.sheets.filter((s) => s.freeze && (s.freeze.rows > 0 || s.freeze.columns > 0)).length;
    expect(fake.sheets.flatMap((s) => s.log.filter((l) => /freezePanes\.freeze/.test(l.path))).length).toBe(
      frozen,
    );
  });
});

function cellKey(a1: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return `${Number(m[2]) - 1},${col - 1}`;
}

test("the Excel host's imports stay free of HyperFormula, ExcelJS and JSZip (the pane's bundle)", () => {
  const fs = jest.requireActual<typeof import("node:fs")>("node:fs");
  const path = jest.requireActual<typeof import("node:path")>("node:path");
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const m of source.matchAll(/^import\s[^;]*?from\s+"([^"]+)"/gm)) {
      if (/^import\s+type\s/.test(m[0])) continue;
      const spec = m[1];
      if (!spec.startsWith(".")) packages.add(spec);
      else visit(path.resolve(path.dirname(file), `${spec}.ts`));
    }
  };
  visit(path.resolve(__dirname, "../../src/workbook/excel.ts"));
  expect(seen.size).toBeGreaterThan(3);
  expect([...packages].filter((p) => /hyperformula|exceljs|jszip/.test(p))).toEqual([]);
});
