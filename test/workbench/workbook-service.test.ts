// The workbench's worker-side workbook, driven directly in Node: a plan sent in chunks builds the
// same workbook as the headless build, the grid's window carries the plan's formats, roles and
// formulas, spilled ranges are marked, edits recalculate, and conditional formats follow Excel's rules.
import fs from "node:fs";
import path from "node:path";
import { buildPlan } from "../../src/model/build";
import { parseInputs } from "../../src/model/inputs";
import { parseA1 } from "../../src/model/plan";
import { readSummary } from "../../src/model/summary";
import { evaluateConditionalFormat, shiftFormula } from "../../src/workbench/conditional-format";
import { WorkbookService } from "../../src/workbench/workbook-service";
import { evaluatePlan } from "../../src/workbook/hyperformula";

const ROOT = path.resolve(__dirname, "..", "..");
const threeStates = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "three-states.json"), "utf8"));
const onePc = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "one-pc.json"), "utf8"));

function plan() {
  const parsed = parseInputs(threeStates);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  return buildPlan(parsed.inputs, { formulas: "addin" });
}

test("a plan sent in chunks gives the headless build's summary", async () => {
  const p = plan();
  const service = new WorkbookService();
  service.beginPlan({ ...p, sheets: p.sheets.map((s) => ({ ...s, cells: [] })) });
  p.sheets.forEach((s, i) => {
    for (let at = 0; at < s.cells.length; at += 500) service.addCells(i, s.cells.slice(at, at + 500));
  });
  await service.commitPlan();
  const expected = await readSummary(p, evaluatePlan(p));
  expect(await readSummary(p, { readValue: async (s, a1) => service.readValue(s, a1) })).toEqual(expected);
  expect((await service.listSheets()).map((s) => s.name)).toEqual(p.sheets.map((s) => s.name));
});

test("a model built in the worker comes back as an outline: the plan's sheets, names and results, no cells", async () => {
  const service = new WorkbookService();
  const result = await service.buildModel(threeStates, "addin");
  const p = plan();
  expect(result.plan.sheets.map((s) => s.name)).toEqual(p.sheets.map((s) => s.name));
  expect(result.plan.sheets.map((s) => s.cells.length)).toEqual(p.sheets.map(() => 0));
  expect(result.plan.results).toEqual(p.results);
  expect(result.plan.names).toEqual(p.names);
  expect(result.plan.inputCells).toEqual(p.inputCells);
  expect(service.outline()).toEqual(result.plan);
  // The workbook itself is whole: its summary is the headless build's.
  expect(await readSummary(p, { readValue: async (s, a1) => service.readValue(s, a1) })).toEqual(
    await readSummary(p, evaluatePlan(p)),
  );
});

test("a build cancelled while its sheets are prepared leaves the model that was there", async () => {
  const service = new WorkbookService();
  await service.buildModel(onePc, "addin");
  const before = service.info();
  const fee = (await service.buildModel(onePc, "addin")).plan.results.pcs[0].cells.fees;
  const feeBefore = service.readValue(fee.sheet, fee.a1);
  let cancelled = false;
  await expect(
    service.buildModel(threeStates, "addin", (p) => {
      // The first report after the layout: cancel as a user would from the pane.
      if (!cancelled && p.phase.startsWith("Sheet ")) {
        cancelled = true;
        service.cancelBuild();
      }
    }),
  ).rejects.toThrow("cancelled");
  expect(service.info()).toEqual(before);
  expect(service.readValue(fee.sheet, fee.a1)).toEqual(feeBefore);
  expect((await service.listSheets()).map((s) => s.name)).toEqual(before!.sheets.map((s) => s.name));
});

test("the window of cells in view carries each cell's value, format, role and formula", async () => {
  const service = new WorkbookService();
  await service.buildModel(threeStates, "addin");
  const p = plan();
  const fee = p.results.pcs[0].cells.fees;
  const cell = p.sheets.find((s) => s.name === fee.sheet)!.cells.find((c) => c.a1 === fee.a1)!;
  const { row, col } = parseA1(fee.a1);
  const [[got]] = service.view(fee.sheet, row, row, col, col);
  expect(got).toMatchObject({ format: cell.format, role: cell.role, formula: cell.formula });
  expect(got.value).toBe(service.readValue(fee.sheet, fee.a1));
  // A window past the sheet's last cell is cut to the sheet.
  const layout = service.info()!.sheets.find((s) => s.name === fee.sheet)!;
  expect(service.view(fee.sheet, layout.rows - 1, layout.rows + 50, 0, 0)).toHaveLength(1);
});

test("a spilled range is marked on every cell it covers, with its edges", async () => {
  const service = new WorkbookService();
  await service.buildModel(threeStates, "addin");
  const p = plan();
  const spilled = p.sheets.flatMap((s) => s.cells.filter((c) => c.spill).map((c) => ({ sheet: s.name, c })));
  expect(spilled.length).toBeGreaterThan(0);
  const { sheet, c } = spilled[0];
  const [a, b] = c.spill!.split(":");
  const s = parseA1(a);
  const e = parseA1(b);
  const window = service.view(sheet, s.row, e.row, s.col, e.col);
  const cells = window.flat();
  expect(cells.length).toBe((e.row - s.row + 1) * (e.col - s.col + 1));
  expect(cells.every((x) => x.spillAnchor === c.a1)).toBe(true);
  expect(cells[0].spillEdges).toMatchObject({ top: true, left: true });
  expect(cells[cells.length - 1].spillEdges).toMatchObject({ bottom: true, right: true });
});

test("editing an input recalculates what depends on it", async () => {
  const service = new WorkbookService();
  await service.buildModel(threeStates, "addin");
  const p = plan();
  const fee = p.results.pcs[0].cells.fees;
  const before = service.readValue(fee.sheet, fee.a1) as number;
  // The markup input: the Inputs cell holding 0.065, the three-state example's markup.
  const inputs = p.sheets.find((s) => s.kind === "inputs")!;
  const markup = inputs.cells.find((c) => c.role === "input" && c.value === threeStates.fee.markup)!;
  await service.writeValues(inputs.name, [{ a1: markup.a1, value: 0.2 }]);
  expect(service.readValue(fee.sheet, fee.a1) as number).toBeGreaterThan(before);
});

test("relative references in a conditional-format formula move with the cell; anchored ones stay", () => {
  expect(shiftFormula("=ISERROR(C5)", 2, 1)).toBe("=ISERROR(D7)");
  expect(shiftFormula("=$C5<0", 3, 4)).toBe("=$C8<0");
  expect(shiftFormula('=C$5="FAIL"', 1, 1)).toBe('=D$5="FAIL"');
  expect(shiftFormula("=Checks!B2>LOG10(A1)", 1, 0)).toBe("=Checks!B3>LOG10(A2)");
});

test("conditional formats: text ignoring case, numbers below a value, formulas; only inside the range", () => {
  const calc = (f: string) => f === "=ISERROR(D7)";
  const fail = { range: "B2:C9", rule: { kind: "textEquals", text: "FAIL" }, style: "bad" } as const;
  expect(evaluateConditionalFormat(fail, 1, 1, "fail", calc)).toBe(true);
  expect(evaluateConditionalFormat(fail, 1, 1, "OK", calc)).toBe(false);
  expect(evaluateConditionalFormat(fail, 0, 1, "FAIL", calc)).toBe(false);
  const neg = { range: "A1:A3", rule: { kind: "lessThan", value: 0 }, style: "warning" } as const;
  expect(evaluateConditionalFormat(neg, 2, 0, -0.01, calc)).toBe(true);
  expect(evaluateConditionalFormat(neg, 2, 0, "-1", calc)).toBe(false);
  const err = { range: "C5:E9", rule: { kind: "formula", formula: "=ISERROR(C5)" }, style: "bad" } as const;
  expect(evaluateConditionalFormat(err, 6, 3, null, calc)).toBe(true);
  expect(evaluateConditionalFormat(err, 4, 2, null, calc)).toBe(false);
});

test("readValues and readRanges answer many refs in one call, as the headless build computes them", async () => {
  const service = new WorkbookService();
  const p = (await service.buildModel(threeStates, "addin")).plan;
  const headless = evaluatePlan(plan());
  try {
    const refs = [
      p.results.mso.revenue,
      ...p.results.pcs.map((pc) => pc.cells.fees),
      p.results.checks.master,
    ];
    expect(service.readValues(refs)).toEqual(refs.map((r) => headless.readValueSync(r.sheet, r.a1)));
    const row = p.results.pcs[0].rows.pcClose;
    const cols = p.results.monthColumns;
    const range = { sheet: row.sheet, a1: `${cols[0]}${row.row}:${cols[cols.length - 1]}${row.row}` };
    expect(service.readRanges([range, refs[0]])).toEqual([
      headless.readRangeSync(range.sheet, range.a1),
      [[headless.readValueSync(refs[0].sheet, refs[0].a1)]],
    ]);
  } finally {
    headless.destroy();
  }
});
