/**
 * The browser tests' harness: Debian's Chromium (/usr/bin/chromium, installed by
 * scripts/ensure-system-deps.mjs; never a downloaded browser) driven by playwright-core, against
 * the production build in dist/ served on a free localhost port over plain http.
 */
import fs from "node:fs";
import path from "node:path";
import { Browser, BrowserContext, Page, chromium } from "playwright-core";
import { Served, serveStatic } from "../../scripts/start-server";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** The flags that work on the team's machines (/work/.library/env/machines/node.md). */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Session {
  browser: Browser;
  served: Served;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (sudo apt-get install -y chromium, or npm run setup:system as root)`,
    );
  const dist = path.join(ROOT, "dist");
  if (!fs.existsSync(path.join(dist, "index.html")))
    throw new Error("dist/index.html is missing: run npm run build");
  const served = await serveStatic({ root: dist, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  return {
    browser,
    served,
    close: async () => {
      await browser.close();
      await served.close();
    },
  };
}

/** Opens the workbench and waits until the first model is built and its grid shows. */
export async function openWorkbench(
  session: Session,
  options: { width?: number; height?: number; colorScheme?: "light" | "dark" } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await session.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? "light",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(session.served.url);
  await waitBuilt(page);
  if (errors.length) throw new Error(`the page threw: ${errors.join("; ")}`);
  return { context, page };
}

/** Waits for the status line to say a model is built (or throws with what it says instead). */
export async function waitBuilt(page: Page, timeout = 180_000): Promise<string> {
  const status = page.getByTestId("workbench-status");
  await page.waitForFunction(
    () =>
      /^Built |could not/.test(document.querySelector('[data-testid="workbench-status"]')?.textContent ?? ""),
    undefined,
    { timeout },
  );
  const text = (await status.textContent()) ?? "";
  if (!text.startsWith("Built ")) throw new Error(text);
  return text;
}

/** Shows `sheet!a1` through the name box and returns the selected cell's shown text and value. */
export async function readCell(
  page: Page,
  sheet: string,
  a1: string,
): Promise<{ text: string; value: string | null }> {
  const box = page.getByRole("textbox", { name: "Name box" });
  await box.fill(`'${sheet.replace(/'/g, "''")}'!${a1}`);
  await box.press("Enter");
  const cell = page.locator(`[role=grid][aria-label="Sheet ${sheet}"] [role=gridcell][data-a1="${a1}"]`);
  await cell.waitFor();
  // Values arrive from the worker after the cell is drawn.
  await page.waitForFunction(
    (el) => el !== null && (el.textContent ?? "") !== "",
    await cell.elementHandle(),
    { timeout: 60_000 },
  );
  return { text: (await cell.textContent()) ?? "", value: await cell.getAttribute("data-value") };
}

/** The sheet tabs' names, in order (Fluent's Tab draws its text twice, so read the tab's own mark). */
export async function sheetTabs(page: Page): Promise<string[]> {
  return page
    .getByRole("tablist", { name: "Sheets" })
    .getByRole("tab")
    .evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-sheet") ?? ""));
}

/**
 * Starts (or restarts) recording the page's long tasks: the browser's own PerformanceObserver for
 * `longtask` entries, main-thread tasks over 50 ms (https://w3c.github.io/longtasks/).
 */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; longTaskObserver?: PerformanceObserver };
    w.longTasks = [];
    if (w.longTaskObserver) return;
    w.longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    });
    w.longTaskObserver.observe({ type: "longtask" });
  });
}

/** The durations (ms) of the long tasks seen since observeLongTasks. */
export async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

/**
 * Waits for the Model panel's "Model built" message. Checks one element type once a second: a text
 * search over a 50-PC page would itself be a long task.
 */
export async function waitPaneBuilt(page: Page, timeout = 600_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const titles = [...document.querySelectorAll("#panel-model .fui-MessageBarTitle")];
      const text = titles.map((e) => e.textContent ?? "");
      if (text.some((t) => t.startsWith("Could not")))
        throw new Error(`the pane's build failed: ${text.join("; ")}`);
      return text.includes("Model built");
    },
    undefined,
    { timeout, polling: 1000 },
  );
}

/**
 * One workbench page shared by the tests of a file: opened (first model built) before them, closed
 * after. `wb.page` is the page; `wb.pane()` the task pane; `wb.openPanel("Review")` picks a panel.
 */
export function workbenchForFile() {
  let session: Session | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    session = await startSession();
    ({ context, page } = await openWorkbench(session));
  });
  afterAll(async () => {
    await context?.close();
    await session?.close();
  });
  const wb = {
    get page(): Page {
      if (!page) throw new Error("the workbench page is not open (beforeAll failed?)");
      return page;
    },
    pane: () => wb.page.getByRole("complementary", { name: "Task pane" }),
    openPanel: async (name: string) => {
      await wb.pane().getByRole("tablist", { name: "Panels" }).getByRole("tab", { name }).click();
    },
  };
  return wb;
}
