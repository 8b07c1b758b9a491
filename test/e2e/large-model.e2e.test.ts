// Building the 50-PC × 120-month model keeps the page responsive (issue 10): the browser's own
// PerformanceObserver for long tasks sees no main-thread task over 200 ms, whether the workbench's
// header builds the example or the task pane rebuilds it (both make the plan and the workbook in
// the Web Worker). Progress is shown meanwhile, the pane follows the model the header built, and
// the model is whole: a tab per PC and the master check OK (the generator makes a compliant model:
// test/workbench/examples.test.ts). Recalculating it after an input is edited in the grid, with the
// Review panel open, stays under the same bound. The times and longest tasks are printed for the report.
import { buildPlan } from "../../src/model/build";
import { parseInputs } from "../../src/model/inputs";
import { EXAMPLES } from "../../src/workbench/examples";
import {
  longTasks,
  observeLongTasks,
  readCell,
  sheetTabs,
  waitBuilt,
  waitPaneBuilt,
  workbenchForFile,
} from "./browser";

const LIMIT_MS = 200;

const wb = workbenchForFile();

// Where the large model's cells are: from its plan (layout only, nothing evaluated here).
function masterCell() {
  const parsed = parseInputs(EXAMPLES.find((e) => e.id === "large")!.inputs());
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const plan = buildPlan(parsed.inputs, { formulas: "addin" });
  const markup = plan.inputCells!.find((c) => c.path.join(".") === "fee.markup")!;
  return {
    master: plan.results.checks.master,
    fee: plan.results.pcs[0].cells.fees,
    markup,
    sheets: plan.sheets.map((s) => s.name),
  };
}

test("the header builds 50 PCs × 120 months with progress and no main-thread task over 200 ms", async () => {
  await wb.page.getByRole("combobox", { name: "Example", exact: true }).click();
  await wb.page.getByRole("option", { name: "Large: 50 PCs over 120 months" }).click();
  await observeLongTasks(wb.page);
  const started = Date.now();
  await wb.page.getByRole("button", { name: "Build example" }).click();
  await wb.page.getByRole("progressbar", { name: "Build progress" }).waitFor({ timeout: 30_000 });
  const status = await waitBuilt(wb.page, 600_000);
  const tasks = await longTasks(wb.page);
  const longest = Math.max(0, ...tasks);
  console.log(
    `header build, 50 PCs × 120 months: ${status} ${(Date.now() - started) / 1000} s in the test; ` +
      `${tasks.length} long task(s), longest ${Math.round(longest)} ms.`,
  );
  expect({ longest, over: longest > LIMIT_MS }).toEqual({ longest, over: false });

  const { master, sheets } = masterCell();
  expect(await sheetTabs(wb.page)).toEqual(sheets);
  expect(sheets.filter((s) => s.startsWith("PC – "))).toHaveLength(50);
  expect((await readCell(wb.page, master.sheet, master.a1)).value).toBe("OK");
});

test("the pane follows the header's model and rebuilds it with progress and no task over 200 ms", async () => {
  const pane = wb.page.getByRole("complementary", { name: "Task pane" });
  // The pane took the header's model: its form now holds the 50 practices and offers a rebuild.
  const rebuild = pane.getByRole("button", { name: "Rebuild model" });
  await rebuild.waitFor({ timeout: 60_000 });
  await observeLongTasks(wb.page);
  const started = Date.now();
  await rebuild.click();
  await pane.getByRole("progressbar").first().waitFor({ timeout: 30_000 });
  await waitPaneBuilt(wb.page);
  const tasks = await longTasks(wb.page);
  const longest = Math.max(0, ...tasks);
  console.log(
    `pane rebuild, 50 PCs × 120 months: ${(Date.now() - started) / 1000} s; ` +
      `${tasks.length} long task(s), longest ${Math.round(longest)} ms.`,
  );
  expect({ longest, over: longest > LIMIT_MS }).toEqual({ longest, over: false });
  const { master } = masterCell();
  expect((await readCell(wb.page, master.sheet, master.a1)).value).toBe("OK");
});

test("an input edited in the 50-PC grid recalculates with the Review panel open and no task over 200 ms", async () => {
  const { master, fee, markup } = masterCell();
  await wb.openPanel("Review");
  const checks = wb.pane().getByRole("table", { name: "Checks" });
  await checks.waitFor({ timeout: 120_000 });
  const feeBefore = (await readCell(wb.page, fee.sheet, fee.a1)).value;
  // 6% → 6.5%: still inside the FMV band, so the model stays compliant while every fee moves.
  await readCell(wb.page, markup.sheet, markup.a1);
  await observeLongTasks(wb.page);
  const started = Date.now();
  await wb.page
    .locator(`[role=grid][aria-label="Sheet ${markup.sheet}"] [role=gridcell][data-a1="${markup.a1}"]`)
    .dblclick();
  const editor = wb.page.getByRole("textbox", { name: `Edit ${markup.a1}` });
  await editor.fill("0.065");
  await editor.press("Enter");
  await wb.page.waitForFunction(
    (text) => document.querySelector('[data-testid="workbench-status"]')?.textContent === text,
    `Recalculated after ${markup.sheet}!${markup.a1} changed.`,
    { timeout: 600_000, polling: 500 },
  );
  // The Review panel reads the recalculated workbook (one batch read) and renders it.
  await wb.page.waitForTimeout(3000);
  const tasks = await longTasks(wb.page);
  const longest = Math.max(0, ...tasks);
  console.log(
    `recalculation after an edit, 50 PCs × 120 months: ${(Date.now() - started) / 1000} s; ` +
      `${tasks.length} long task(s), longest ${Math.round(longest)} ms.`,
  );
  expect({ longest, over: longest > LIMIT_MS }).toEqual({ longest, over: false });
  const feeAfter = (await readCell(wb.page, fee.sheet, fee.a1)).value;
  expect(Number(feeAfter)).toBeGreaterThan(Number(feeBefore));
  expect((await readCell(wb.page, master.sheet, master.a1)).value).toBe("OK");
  await expect(checks.getByRole("row", { name: /Master check/ }).textContent()).resolves.toContain("OK");
  // The Review panel followed: its side-by-side table shows the first PC's new fee (en-US dollars,
  // written here), which differs from the old one.
  const dollars = (n: number) =>
    new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(
      n,
    );
  expect(dollars(Number(feeAfter))).not.toBe(dollars(Number(feeBefore)));
  const feeRow = wb
    .pane()
    .getByRole("table", { name: "MSO and PC results" })
    .getByRole("row", { name: /Fee revenue/ });
  await expect(feeRow.textContent()).resolves.toContain(dollars(Number(feeAfter)));
});
