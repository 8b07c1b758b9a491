/**
 * npm run bench:workbench [-- --out FILE.json]   (after npm run build)
 *
 * The workbench's timings in Debian's Chromium against the production build: time from opening the
 * page to the first built model (the three-state example), and for the 50-PC × 120-month model the
 * build time and the longest main-thread task the browser saw (PerformanceObserver 'longtask').
 * Seconds depend on the machine; they are reported, never asserted.
 */
import { writeFileSync } from "node:fs";
import { openWorkbench, startSession, waitBuilt } from "../test/e2e/browser";

async function main(): Promise<void> {
  const outAt = process.argv.indexOf("--out");
  const session = await startSession();
  try {
    const started = Date.now();
    const { context, page } = await openWorkbench(session);
    const firstModelSeconds = (Date.now() - started) / 1000;
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(e.duration);
      }).observe({ type: "longtask" });
    });
    await page.getByRole("combobox", { name: "Example", exact: true }).click();
    await page.getByRole("option", { name: "Large: 50 PCs over 120 months" }).click();
    const large = Date.now();
    await page.getByRole("button", { name: "Build example" }).click();
    await page.getByRole("progressbar", { name: "Build progress" }).waitFor();
    await waitBuilt(page, 900_000);
    const largeSeconds = (Date.now() - large) / 1000;
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    await context.close();
    const result = {
      firstModelSeconds,
      large: {
        pcs: 50,
        months: 120,
        buildSeconds: largeSeconds,
        longTasks: longTasks.length,
        longestTaskMs: Math.round(Math.max(0, ...longTasks)),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    if (outAt >= 0) writeFileSync(process.argv[outAt + 1], JSON.stringify(result, null, 2) + "\n");
  } finally {
    await session.close();
  }
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
