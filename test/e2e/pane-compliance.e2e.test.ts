// Compliance in the workbench: an answer given in the Compliance panel lands on the Compliance
// sheet's grid. Needs the model's Compliance sheet (MODEL.md v2.1).
import { sheetTabs, workbenchForFile } from "./browser";

const wb = workbenchForFile();

test("an answer saved in the Compliance panel is on the Compliance sheet", async () => {
  await wb.openPanel("Model");
  await wb
    .pane()
    .getByRole("button", { name: /^(Build|Rebuild) model$/ })
    .click();
  await wb.pane().getByRole("button", { name: "Rebuild model" }).waitFor({ timeout: 300_000 });
  expect(await sheetTabs(wb.page)).toContain("Compliance");
  await wb.openPanel("Compliance");
  const first = wb.pane().getByRole("group").first();
  await first.getByRole("combobox", { name: "Answer" }).selectOption({ index: 1 });
  const answer = await first.getByRole("combobox", { name: "Answer" }).inputValue();
  await first.getByLabel("Date").fill("2026-02-01");
  await first.getByRole("textbox", { name: "By" }).fill("Workbench test");
  await wb.pane().getByRole("button", { name: "Save to the Compliance sheet" }).click();
  await wb.pane().getByText("The answers are on the Compliance sheet.").waitFor({ timeout: 60_000 });
  await wb.page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Compliance" }).click();
  const grid = wb.page.getByRole("grid", { name: "Sheet Compliance" });
  await grid.getByRole("gridcell", { name: "Workbench test" }).waitFor({ timeout: 60_000 });
  await expect(grid.getByRole("gridcell", { name: answer, exact: true }).count()).resolves.toBeGreaterThan(0);
});
