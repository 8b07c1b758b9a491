// Compliance in the workbench: an answer given in the Compliance panel lands on the Compliance
// sheet's grid. Needs the model's Compliance sheet (MODEL.md v2.1).
import { BrowserContext, Page } from "playwright-core";
import { Session, openWorkbench, sheetTabs, startSession } from "./browser";

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

const pane = () => page.getByRole("complementary", { name: "Task pane" });
const openPanel = (name: string) =>
  pane().getByRole("tablist", { name: "Panels" }).getByRole("tab", { name }).click();

test("an answer saved in the Compliance panel is on the Compliance sheet", async () => {
  await openPanel("Model");
  await pane()
    .getByRole("button", { name: /^(Build|Rebuild) model$/ })
    .click();
  await pane().getByRole("button", { name: "Rebuild model" }).waitFor({ timeout: 300_000 });
  expect(await sheetTabs(page)).toContain("Compliance");
  await openPanel("Compliance");
  const first = pane().getByRole("group").first();
  await first.getByRole("combobox", { name: "Answer" }).selectOption({ index: 1 });
  const answer = await first.getByRole("combobox", { name: "Answer" }).inputValue();
  await first.getByLabel("Date").fill("2026-02-01");
  await first.getByRole("textbox", { name: "By" }).fill("Workbench test");
  await pane().getByRole("button", { name: "Save to the Compliance sheet" }).click();
  await pane().getByText("The answers are on the Compliance sheet.").waitFor({ timeout: 60_000 });
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Compliance" }).click();
  const grid = page.getByRole("grid", { name: "Sheet Compliance" });
  await grid.getByRole("gridcell", { name: "Workbench test" }).waitFor({ timeout: 60_000 });
  await expect(grid.getByRole("gridcell", { name: answer, exact: true }).count()).resolves.toBeGreaterThan(0);
});
