/**
 * @jest-environment jsdom
 */
// A host that builds where its workbook lives (the workbench's worker: writeModel, modelOutline):
// the pane's Build goes there and never makes the plan itself, keeps the outline it gets back, and
// follows a model written by someone else (the workbench's header), reading it like any other.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import onePc from "../../examples/one-pc.json";
import threeStates from "../../examples/three-states.json";
import * as build from "../../src/model/build";
import { type FormulaMode, type SheetPlan, planOutline } from "../../src/model/plan";
import { App } from "../../src/taskpane/App";
import { writeModel } from "../../src/taskpane/write-model";
import type { ModelWriteResult, WriteOptions, WriteResult } from "../../src/workbook/host";
import { inputsOf } from "./support";
import { TestWorkbookHost } from "./test-host";

/** The HyperFormula host with the two optional methods, as the workbench's WorkerHost offers them. */
class BuildingHost extends TestWorkbookHost {
  modelWrites = 0;
  private last: SheetPlan | null = null;
  private readonly listeners = new Set<() => void>();

  override async writePlan(plan: SheetPlan, options: WriteOptions = {}): Promise<WriteResult> {
    const result = await super.writePlan(plan, options);
    this.last = result.plan ?? plan;
    return result;
  }

  // The plan is made "in the worker": here, but with the build module's own copy of buildPlan
  // captured before the test spies on it, so a call the pane makes is told apart.
  async writeModel(
    inputs: unknown,
    mode: FormulaMode,
    options: WriteOptions = {},
  ): Promise<ModelWriteResult> {
    this.modelWrites++;
    const result = await this.writePlan(realBuildPlan(inputsOf(inputs), { formulas: mode }), options);
    for (const l of [...this.listeners]) l(); // as WorkerHost announces a new model
    return { sheetNames: result.sheetNames, plan: planOutline(result.plan!) };
  }

  async modelOutline(): Promise<SheetPlan | null> {
    return this.last ? planOutline(this.last) : null;
  }

  override onInputsChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    const off = super.onInputsChanged(listener);
    return () => {
      this.listeners.delete(listener);
      off();
    };
  }
}

const realBuildPlan = build.buildPlan;

function renderApp(host: BuildingHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host="the workbench" workbook={host} />
    </FluentProvider>,
  );
}

afterEach(() => jest.restoreAllMocks());

test("writeModel uses the host's own build when it has one, else makes the plan and writes it", async () => {
  const inputs = inputsOf(onePc);
  const worker = new BuildingHost();
  const spy = jest.spyOn(build, "buildPlan");
  const viaWorker = await writeModel(worker, inputs, "addin");
  expect(spy).not.toHaveBeenCalled();
  expect(worker.modelWrites).toBe(1);
  expect(viaWorker.plan.sheets.every((s) => s.cells.length === 0)).toBe(true);

  const plain = new TestWorkbookHost();
  const direct = await writeModel(plain, inputs, "addin");
  expect(spy).toHaveBeenCalledTimes(1);
  expect(plain.writes).toBe(1);
  // Both give the pane the same sheets and result cells; the worker's copy just has no cells.
  expect(viaWorker.plan.sheets.map((s) => s.name)).toEqual(direct.plan.sheets.map((s) => s.name));
  expect(viaWorker.plan.results).toEqual(direct.plan.results);
  expect(viaWorker.plan.inputCells).toEqual(direct.plan.inputCells);
});

test("the pane follows a model built outside it, and its own rebuild goes to the host's build", async () => {
  const host = new BuildingHost();
  renderApp(host);
  // The workbench's header builds the three-state example.
  await act(async () => {
    await host.writeModel(threeStates, "addin");
  });
  const rebuild = await screen.findByRole("button", { name: "Rebuild model" });
  fireEvent.click(screen.getByRole("tab", { name: "Review" }));
  const review = screen.getByRole("tabpanel", { name: "Review" });
  for (const pc of threeStates.pcs) await within(review).findAllByText(pc.name, { exact: false });

  // The pane's rebuild: the host builds; the pane never makes the plan.
  const spy = jest.spyOn(build, "buildPlan");
  fireEvent.click(screen.getByRole("tab", { name: "Model" }));
  fireEvent.click(rebuild);
  await screen.findByText("Model built");
  expect(host.modelWrites).toBe(2);
  expect(spy).not.toHaveBeenCalled();
  await waitFor(() =>
    expect(document.body.textContent).toContain(`sheets written for "${threeStates.name}"`),
  );
});
