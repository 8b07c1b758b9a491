// Building the 50-PC × 120-month model keeps the page responsive (issue 10): the browser's own
// PerformanceObserver for long tasks sees no main-thread task over 200 ms, whether the workbench's
// header builds the example or the task pane rebuilds it (both make the plan and the workbook in
// the Web Worker). Progress is shown meanwhile, the pane follows the model the header built, and
// the model is whole: a tab per PC and the master check OK (the generator makes a compliant model:
// test/workbench/examples.test.ts). The build times and longest tasks are printed for the report.
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

// Where the large model's master check is: from its plan (layout only, nothing evaluated here).
function masterCell() {
  const parsed = parseInputs(EXAMPLES.find((e) => e.id === "large")!.inputs());
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const plan = buildPlan(parsed.inputs, { formulas: "addin" });
  return { master: plan.results.checks.master, sheets: plan.sheets.map((s) => s.name) };
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
