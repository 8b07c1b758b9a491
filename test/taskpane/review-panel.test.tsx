/**
 * @jest-environment jsdom
 */
// The Review panel on several PCs, and its error paths: a failing read and a failing selection
// show what happened and what to do; Refresh reads again.
import { fireEvent, screen, within } from "@testing-library/react";
import threeStates from "../../examples/three-states.json";
import { buildPlan } from "../../src/model/build";
import { ReviewPanel } from "../../src/taskpane/panels/review/ReviewPanel";
import { headless, inputsOf, pct, renderWith, usd } from "./support";
import { OfficeLikeError, TestWorkbookHost } from "./test-host";

function setup() {
  const host = new TestWorkbookHost();
  const inputs = inputsOf(threeStates);
  const plan = buildPlan(inputs, { formulas: "portable" });
  host.writePlanSync(plan);
  return { host, plan, inputs };
}

test("every PC's markup, status and LOC against its limit, as the headless build computes them", async () => {
  const { host, plan, inputs } = setup();
  renderWith(host, <ReviewPanel />, { plan, inputs, sheetNames: {} });
  const summary = await headless(threeStates, "portable");
  await screen.findByRole("table", { name: "Checks" });
  for (const pc of summary.pcs) {
    const fmv = screen.getByRole("table", { name: `FMV by year: ${pc.name}` });
    expect(
      within(within(fmv).getAllByRole("row")[1])
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([pct(pc.realisedMarkup!), pc.fmvStatus]);
    const loc = screen.getByRole("table", { name: `Line of credit: ${pc.name}` });
    expect(within(loc).getByRole("row", { name: /Peak balance/ }).textContent).toContain(usd(pc.peakLoc));
    expect(within(loc).getByRole("row", { name: /Required limit/ }).textContent).toContain(
      usd(pc.requiredLimit),
    );
    expect(within(loc).getByRole("row", { name: /Limit covers it/ }).textContent).toContain(
      pc.limitOk ? "OK" : "FAIL",
    );
    expect(
      screen.getByRole("img", { name: new RegExp(`^${pc.name}: realised markup against the FMV band`) }),
    ).toBeTruthy();
  }
  // The side-by-side table follows the PC chosen.
  const third = summary.pcs[2];
  fireEvent.change(screen.getByRole("combobox", { name: "PC" }), { target: { value: "2" } });
  const results = screen.getByRole("table", { name: "MSO and PC results" });
  expect(within(results).getByRole("columnheader", { name: third.name })).toBeTruthy();
  const fees = within(results).getByRole("row", { name: /Fee revenue/ });
  expect(
    within(fees)
      .getAllByRole("cell")
      .map((c) => c.textContent),
  ).toEqual([usd(summary.mso.revenue), usd(third.fees)]);
});

test("a failing read shows a message; Refresh reads again", async () => {
  const { host, plan, inputs } = setup();
  host.failNext.readRanges = new OfficeLikeError("GeneralException", "An internal error has occurred.");
  renderWith(host, <ReviewPanel />, { plan, inputs, sheetNames: {} });
  expect(await screen.findByText("Could not read the model's results")).toBeTruthy();
  expect(screen.queryByRole("table", { name: "Checks" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
  expect(await screen.findByRole("table", { name: "Checks" })).toBeTruthy();
});

test("a failing selection says which cell and what to do", async () => {
  const { host, plan, inputs } = setup();
  renderWith(host, <ReviewPanel />, { plan, inputs, sheetNames: {} });
  const checks = await screen.findByRole("table", { name: "Checks" });
  host.failNext.selectCell = new OfficeLikeError("InvalidOperationInCellEditMode", "Cell-edit mode.");
  const master = within(checks).getByRole("row", { name: /Master check/ });
  fireEvent.click(within(master).getByRole("button"));
  const ref = plan.results.checks.master;
  expect(await screen.findByText(`Could not select ${ref.sheet}!${ref.a1}`)).toBeTruthy();
  expect(screen.getByText(/Finish editing the cell/)).toBeTruthy();
});

test("no model yet: the panel says where to build one", () => {
  renderWith(new TestWorkbookHost(), <ReviewPanel />);
  expect(screen.getByText(/Build one on the Model tab/)).toBeTruthy();
});
