// Scenarios in the workbench: two saved scenarios compared side by side; the comparison's numbers
// equal two headless builds of the same inputs (to the whole dollar the pane shows).
import { workbenchForFile } from "./browser";
import { example, headless } from "./headless";

const wb = workbenchForFile();

async function build(markup: string): Promise<void> {
  await wb.openPanel("Model");
  const field = wb.pane().getByRole("textbox", { name: /^Markup on allocated cost/ });
  if (!(await field.isVisible())) await wb.pane().getByRole("button", { name: "MSA fee" }).click();
  await field.fill(markup);
  await wb
    .pane()
    .getByRole("button", { name: /^(Build|Rebuild) model$/ })
    .click();
  await wb.pane().getByRole("button", { name: "Rebuild model" }).waitFor({ timeout: 300_000 });
  await wb.page.waitForFunction(
    () => !document.querySelector('[aria-label="Task pane"] [role="progressbar"]'),
    undefined,
    {
      timeout: 300_000,
    },
  );
}

async function save(name: string): Promise<void> {
  await wb.openPanel("Scenarios");
  await wb.pane().getByRole("textbox", { name: "Scenario name" }).fill(name);
  await wb.pane().getByRole("button", { name: "Save current inputs" }).click();
  await wb.pane().getByRole("checkbox", { name }).waitFor({ timeout: 60_000 });
}

const dollars = (text: string) => Number(text.replace(/[$,\s]/g, "").replace(/^\((.*)\)$/, "-$1"));

test("two saved scenarios compared: the numbers of two headless builds", async () => {
  const three = example("three-states") as { name: string; fee: { markup: number } };
  await wb.openPanel("Model");
  await wb
    .pane()
    .getByRole("combobox", { name: "Start from an example" })
    .selectOption({ label: three.name });
  await wb.pane().getByRole("button", { name: "Load example" }).click();
  await build(String(three.fee.markup));
  await save("Base");
  await build("0.06");
  await save("Lower markup");
  await wb.pane().getByRole("checkbox", { name: "Base" }).check();
  await wb.pane().getByRole("checkbox", { name: "Lower markup" }).check();
  await wb.pane().getByRole("button", { name: "Compare selected" }).click();
  const table = wb.pane().getByRole("table", { name: "Scenario comparison" });
  await table.waitFor({ timeout: 300_000 });

  const base = await headless(three);
  const lower = await headless({ ...three, fee: { ...three.fee, markup: 0.06 } });
  const row = async (label: string) =>
    table
      .getByRole("row")
      .filter({ has: wb.page.getByRole("rowheader", { name: label }) })
      .getByRole("cell")
      .allTextContents();
  const net = await row("MSO net income");
  expect(Math.abs(dollars(net[0]) - base.summary.mso.netIncome)).toBeLessThanOrEqual(0.5);
  expect(Math.abs(dollars(net[1]) - lower.summary.mso.netIncome)).toBeLessThanOrEqual(0.5);
  const fees = await row("MSA fees (MSO fee revenue)");
  const total = (s: typeof base.summary) => s.pcs.reduce((t, p) => t + p.fees, 0);
  expect(Math.abs(dollars(fees[0]) - total(base.summary))).toBeLessThanOrEqual(0.5);
  expect(Math.abs(dollars(fees[1]) - total(lower.summary))).toBeLessThanOrEqual(0.5);
  expect(await row("Master check")).toEqual([
    base.summary.checks.master ? "OK" : "FAIL",
    lower.summary.checks.master ? "OK" : "FAIL",
  ]);
});
