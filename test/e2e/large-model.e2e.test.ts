// Building the 50-PC × 120-month model in the workbench keeps the page responsive: the browser's own
// PerformanceObserver for long tasks sees no main-thread task over 200 ms while it builds (the
// workbook and the plan are made in the Web Worker). A property of responsiveness measured by the
// browser, as agreed in issue 10; the longest task and the build time are printed for the report.
import { BrowserContext, Page } from "playwright-core";
import { Session, openWorkbench, readCell, sheetTabs, startSession, waitBuilt } from "./browser";

let session: Session;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  ({ context, page } = await openWorkbench(session));
});
afterAll(async () => {
  await context?.close();
  await session?.close();
});

test("building 50 PCs × 120 months shows progress and has no main-thread task over 200 ms", async () => {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: "longtask" });
  });
  await page.getByRole("combobox", { name: "Example", exact: true }).click();
  await page.getByRole("option", { name: "Large: 50 PCs over 120 months" }).click();
  const started = Date.now();
  await page.getByRole("button", { name: "Build example" }).click();
  // Progress is shown while it builds.
  await page.getByRole("progressbar", { name: "Build progress" }).waitFor({ timeout: 30_000 });
  const status = await waitBuilt(page, 590_000);
  const seconds = (Date.now() - started) / 1000;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const longest = Math.max(0, ...longTasks);
  console.log(
    `50 PCs × 120 months: ${status} Wall time ${seconds} s; ${longTasks.length} long task(s), longest ${Math.round(longest)} ms.`,
  );
  const tabs = (await sheetTabs(page)).length;
  expect(tabs).toBeGreaterThanOrEqual(50);
  expect(await readCell(page, "PC – Practice 50 PC", "A1")).toBeDefined();
  expect({ longestTaskOver200ms: longest > 200, longest }).toEqual({ longestTaskOver200ms: false, longest });
});
