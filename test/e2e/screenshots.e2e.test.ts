// Screenshots for the README: the workbench at 1280×800 and the task pane at 320 px wide, light and
// dark (the browser's colour scheme stands in for Office's theme). The test checks each file is a PNG
// of the size asked for. They go to out/screenshots/ (ignored by git), so `npm test` never rewrites
// tracked files; `npm run screenshots` writes them to docs/images/, where the README shows them.
import fs from "node:fs";
import path from "node:path";
import { pngSize } from "../helpers/build-config";
import { ROOT, Session, openWorkbench, startSession } from "./browser";

const IMAGES = path.resolve(ROOT, process.env.SCREENSHOTS_DIR ?? path.join("out", "screenshots"));
let session: Session;

beforeAll(async () => {
  session = await startSession();
  fs.mkdirSync(IMAGES, { recursive: true });
});
afterAll(async () => session?.close());

test.each(["light", "dark"] as const)("workbench at 1280×800, %s", async (colorScheme) => {
  const { context, page } = await openWorkbench(session, { colorScheme });
  try {
    const file = path.join(IMAGES, `workbench-${colorScheme}.png`);
    await page.screenshot({ path: file });
    expect(pngSize(fs.readFileSync(file))).toEqual({ width: 1280, height: 800 });
  } finally {
    await context.close();
  }
});

test.each(["light", "dark"] as const)("task pane at 320 px wide, %s", async (colorScheme) => {
  const { context, page } = await openWorkbench(session, { colorScheme, width: 320, height: 900 });
  try {
    const file = path.join(IMAGES, `pane-${colorScheme}.png`);
    const pane = page.getByRole("complementary", { name: "Task pane" });
    // No horizontal scroll at 320 px.
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await pane.screenshot({ path: file });
    expect(pngSize(fs.readFileSync(file)).width).toBe(320);
  } finally {
    await context.close();
  }
});
