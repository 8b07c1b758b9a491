/**
 * @jest-environment jsdom
 */
// The Scenarios panel on a HyperFormula workbook: save, apply, compare in the workbook (values
// restored afterwards), the Scenarios sheet, layout changes, and an unreadable saved state.
// Expected numbers are the headless build's (buildPlan → HyperFormula → readSummary) of each
// scenario's own inputs, never the pane's.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import onePc from "../../examples/one-pc.json";
import { buildPlan } from "../../src/model/build";
import type { PlanInputCell, SheetPlan } from "../../src/model/plan";
import { readSummary } from "../../src/model/summary";
import { ModelPanel } from "../../src/taskpane/panels/model/ModelPanel";
import { ScenariosPanel } from "../../src/taskpane/panels/scenarios/ScenariosPanel";
import { headless, inputsOf, renderWith, usd } from "./support";
import { TestWorkbookHost } from "./test-host";

/**
 * Until the v2.1 builder fills `plan.inputCells`, the tests map a few inputs to their cells
 * through the plan's own defined names (the Inputs sheet's named ranges).
 */
const NAMED_INPUTS: Record<string, (string | number)[]> = {
  Fee_Markup: ["fee", "markup"],
  LOC_Rate: ["loc", "rate"],
  LOC_Limit: ["loc", "limit"],
  Tax_Federal: ["tax", "msoFederalRate"],
  Tax_State: ["tax", "msoStateRate"],
};

function withInputCells(plan: SheetPlan): SheetPlan {
  const inputCells: PlanInputCell[] = plan.names
    .filter((n) => NAMED_INPUTS[n.name])
    .map((n) => ({
      path: NAMED_INPUTS[n.name],
      sheet: n.sheet,
      a1: n.ref.replace(/\$/g, ""),
      type: "number",
    }));
  expect(inputCells).toHaveLength(Object.keys(NAMED_INPUTS).length);
  return { ...plan, inputCells };
}

const markup9 = { ...onePc, fee: { ...onePc.fee, markup: 0.09 } };
const taxed = {
  ...onePc,
  tax: { msoFederalRate: 0.3, msoStateRate: 0.1 },
  loc: { ...onePc.loc, rate: 0.07 },
};
const longer = { ...onePc, months: 48 };

function setup(scenarios: { name: string; inputs: unknown }[] = []) {
  const host = new TestWorkbookHost();
  const inputs = inputsOf(onePc);
  const plan = withInputCells(buildPlan(inputs, { formulas: "addin" }));
  host.writePlanSync(plan);
  if (scenarios.length)
    void host.saveState({
      version: 1,
      scenarios: scenarios.map((s) => ({ ...s, savedAt: "2026-01-01T00:00:00.000Z" })),
      settings: {},
    });
  renderWith(host, <ScenariosPanel />, { plan, inputs, sheetNames: {} });
  return { host, plan };
}

const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole("cell")
    .map((c) => c.textContent);

test("saves the current inputs under a name in the document's state", async () => {
  const { host } = setup();
  fireEvent.change(screen.getByRole("textbox", { name: "Scenario name" }), {
    target: { value: "Base case" },
  });
  fireEvent.click(screen.getByRole("button", { name: "Save current inputs" }));
  expect(await screen.findByText("Scenario saved")).toBeTruthy();
  const state = await host.loadState();
  if (state.status !== "ok") throw new Error(state.status);
  expect(state.state.scenarios.map((s) => s.name)).toEqual(["Base case"]);
  expect(state.state.scenarios[0].inputs).toEqual(JSON.parse(JSON.stringify(inputsOf(onePc))));
  expect(
    within(screen.getByRole("list", { name: "Saved scenarios" })).getByRole("checkbox", {
      name: "Base case",
    }),
  ).toBeTruthy();
});

test("compares scenarios as the workbook computes them, then restores the inputs", async () => {
  const { host, plan } = setup([
    { name: "Markup 9%", inputs: markup9 },
    { name: "Taxed", inputs: taxed },
    { name: "Longer", inputs: longer },
  ]);
  const list = await screen.findByRole("list", { name: "Saved scenarios" });
  expect(within(list).getByText(/Changes the layout \(48 months\)/)).toBeTruthy();
  for (const name of ["Markup 9%", "Taxed", "Longer"])
    fireEvent.click(within(list).getByRole("checkbox", { name }));
  fireEvent.click(screen.getByRole("button", { name: "Compare selected" }));
  const table = await screen.findByRole("table", { name: "Scenario comparison" });

  const a = await headless(markup9);
  const b = await headless(taxed);
  const row = (label: RegExp) => within(table).getByRole("row", { name: label });
  expect(cellsOf(row(/^MSA fees/))).toEqual([usd(a.mso.revenue), usd(b.mso.revenue), "—"]);
  expect(cellsOf(row(/^MSO net income/))).toEqual([usd(a.mso.netIncome), usd(b.mso.netIncome), "—"]);
  expect(cellsOf(row(/^MSO tax/))).toEqual([usd(a.mso.tax), usd(b.mso.tax), "—"]);
  const comp = (s: typeof a) => s.pcs.reduce((t, p) => t + p.physicianComp, 0);
  expect(cellsOf(row(/^Physician compensation/))).toEqual([usd(comp(a)), usd(comp(b)), "—"]);
  expect(cellsOf(row(/^LOC peak/))).toEqual([usd(a.pcs[0].peakLoc), usd(b.pcs[0].peakLoc), "—"]);
  const ok = (v: boolean) => (v ? "OK" : "FAIL");
  expect(cellsOf(row(/^Master check/))).toEqual([ok(a.checks.master), ok(b.checks.master), "—"]);
  // The scenarios really differ, so the comparison is not one model shown three times.
  expect(a.mso.revenue).not.toBe(b.mso.revenue);
  expect(b.mso.tax).not.toBe(a.mso.tax);

  // The workbook is back on its own inputs and numbers.
  const base = await headless(onePc);
  expect(await readSummary(plan, host)).toEqual(base);
  expect(
    host.readValueSync("Inputs", plan.inputCells!.find((c) => c.path.join(".") === "fee.markup")!.a1),
  ).toBe(onePc.fee.markup);
});

test("writes the comparison to a Scenarios sheet as values", async () => {
  const { host } = setup([{ name: "Markup 9%", inputs: markup9 }]);
  fireEvent.click(await screen.findByRole("checkbox", { name: "Markup 9%" }));
  fireEvent.click(screen.getByRole("button", { name: "Compare selected" }));
  fireEvent.click(await screen.findByRole("button", { name: "Write Scenarios sheet" }));
  expect(await screen.findByText("Scenarios sheet written")).toBeTruthy();
  const sheet = (await host.listSheets()).find((s) => s.name === "Scenarios");
  expect(sheet?.tag).toBe("mso-modeler");
  const a = await headless(markup9);
  expect(host.readValueSync("Scenarios", "C4")).toBe("Markup 9%");
  expect(host.readValueSync("Scenarios", "C5")).toBeCloseTo(a.mso.revenue, 6);
  // Written as a value, not a formula.
  expect(
    host.engine.getCellFormula({ sheet: host.engine.getSheetId("Scenarios")!, row: 4, col: 2 }),
  ).toBeUndefined();
});

test("applies a scenario by writing its values to the Inputs sheet", async () => {
  const { host, plan } = setup([{ name: "Markup 9%", inputs: markup9 }]);
  fireEvent.click(await screen.findByRole("button", { name: "Apply Markup 9%" }));
  expect(await screen.findByText(/changed 1 input cell on the Inputs sheet/)).toBeTruthy();
  expect(await readSummary(plan, host)).toEqual(await headless(markup9));
});

test("a scenario with another layout is applied by a rebuild", async () => {
  const { host } = setup([{ name: "Longer", inputs: longer }]);
  fireEvent.click(await screen.findByRole("button", { name: "Apply Longer" }));
  expect(await screen.findByText(/rebuilt the model \(48 months\)/)).toBeTruthy();
  const rebuilt = buildPlan(inputsOf(longer), { formulas: "addin" });
  expect(await readSummary(rebuilt, host)).toEqual(await headless(longer));
});

test("an unreadable saved state is reported and kept; nothing can be saved over it", async () => {
  const host = new TestWorkbookHost();
  const inputs = inputsOf(onePc);
  const plan = buildPlan(inputs, { formulas: "addin" });
  const newer = `<?xml version="1.0" encoding="UTF-8"?><state xmlns="urn:mso-modeler:state:v9" version="9">{}</state>`;
  host.addStatePart(newer);
  // Written after the unreadable part, so the plan's input-cell map must not be saved over it either.
  host.writePlanSync(plan);
  renderWith(host, <ScenariosPanel />, { plan, inputs, sheetNames: {} });
  expect(await screen.findByText("Saved scenarios unreadable")).toBeTruthy();
  fireEvent.change(screen.getByRole("textbox", { name: "Scenario name" }), { target: { value: "X" } });
  expect(screen.getByRole("button", { name: "Save current inputs" }).getAttribute("aria-disabled")).toBe(
    "true",
  );
  expect(host.statePartsXml).toEqual([newer]);
});

test("a comparison on a model without an input map says to rebuild", async () => {
  const host = new TestWorkbookHost();
  const inputs = inputsOf(onePc);
  const plan = buildPlan(inputs, { formulas: "addin" });
  host.writePlanSync(plan);
  await host.saveState({
    version: 1,
    scenarios: [{ name: "M", inputs: markup9, savedAt: "x" }],
    settings: {},
  });
  renderWith(host, <ScenariosPanel />, { plan: { ...plan, inputCells: [] }, inputs, sheetNames: {} });
  fireEvent.click(await screen.findByRole("checkbox", { name: "M" }));
  fireEvent.click(screen.getByRole("button", { name: "Compare selected" }));
  expect(await screen.findByText(/no input map/)).toBeTruthy();
  await waitFor(() => expect(host.valueWrites).toEqual([]));
});

test("after a scenario is applied the Model form shows its inputs", async () => {
  const host = new TestWorkbookHost();
  const inputs = inputsOf(onePc);
  const plan = withInputCells(buildPlan(inputs, { formulas: "addin" }));
  host.writePlanSync(plan);
  await host.saveState({
    version: 1,
    scenarios: [{ name: "Markup 9%", inputs: markup9, savedAt: "x" }],
    settings: {},
  });
  renderWith(
    host,
    <>
      <ModelPanel />
      <ScenariosPanel />
    </>,
    { plan, inputs, sheetNames: {} },
  );
  fireEvent.click(screen.getByRole("button", { name: "MSA fee" }));
  const markup = screen.getByRole("textbox", { name: /Markup on allocated cost/ }) as HTMLInputElement;
  expect(markup.value).toBe(String(onePc.fee.markup));
  fireEvent.click(await screen.findByRole("button", { name: "Apply Markup 9%" }));
  await waitFor(() => expect(markup.value).toBe("0.09"));
});
