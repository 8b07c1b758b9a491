/**
 * @jest-environment jsdom
 */
// The Model panel over a HyperFormula workbook: fields validated by the CLI's schema with messages
// beside them, build with progress, clash → suffix or stop, cancel, and a host that throws.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import onePc from "../../examples/one-pc.json";
import { buildPlan } from "../../src/model/build";
import { parseInputs } from "../../src/model/inputs";
import { App } from "../../src/taskpane/App";
import { ModelPanel } from "../../src/taskpane/panels/model/ModelPanel";
import { readSummary } from "../../src/model/summary";
import { headless, inputsOf, pct, renderWith, usd } from "./support";
import { OfficeLikeError, TestWorkbookHost } from "./test-host";

/** The text of the elements an element's aria-describedby points at (Fluent's Field wires it). */
function description(el: HTMLElement): string {
  return (el.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
}

/** The message parseInputs gives for one field of an edited inputs file. */
function schemaMessage(json: unknown, key: string): string {
  const r = parseInputs(json);
  if (r.ok) throw new Error("expected a refusal");
  const line = r.errors.find((e) => e.startsWith(`${key}: `));
  if (!line) throw new Error(`no message for ${key} in ${r.errors.join("; ")}`);
  return line.slice(key.length + 2);
}

const open = (name: RegExp) => fireEvent.click(screen.getByRole("button", { name }));
const buildButton = () => screen.getByRole("button", { name: /^(Build|Rebuild) model$/ });

function renderApp(host: TestWorkbookHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host="Excel" workbook={host} />
    </FluentProvider>,
  );
}

describe("Model panel: validation", () => {
  test("a field out of range shows the schema's message beside it and blocks the build", () => {
    renderWith(new TestWorkbookHost(), <ModelPanel />);
    const months = screen.getByRole("textbox", { name: /^Months/ });
    fireEvent.change(months, { target: { value: "6" } });
    const expected = schemaMessage({ ...onePc, months: 6 }, "months");
    expect(description(months)).toContain(expected);
    expect(months.getAttribute("aria-invalid")).toBe("true");
    expect(buildButton().getAttribute("aria-disabled")).toBe("true");
    const problems = screen.getByRole("list", { name: "Input problems" });
    expect(
      within(problems)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([`months: ${expected}`]);
  });

  test("text in a number field and an unknown state are refused by name", () => {
    renderWith(new TestWorkbookHost(), <ModelPanel />);
    open(/^MSA fee$/);
    const markup = screen.getByRole("textbox", { name: /Markup on allocated cost/ });
    fireEvent.change(markup, { target: { value: "abc" } });
    const edited = { ...onePc, fee: { ...onePc.fee, markup: "abc" } };
    expect(description(markup)).toContain(schemaMessage(edited, "fee.markup"));
    fireEvent.change(markup, { target: { value: "0.07" } });
    expect(markup.getAttribute("aria-invalid")).not.toBe("true");
    expect(buildButton().getAttribute("aria-disabled")).not.toBe("true");
  });

  test("PCs can be added and removed; the last one cannot be removed", () => {
    renderWith(new TestWorkbookHost(), <ModelPanel />);
    open(/^Professional corporations/);
    open(new RegExp(`^${onePc.pcs[0].name}$`));
    const remove = screen.getByRole("button", { name: `Remove PC ${onePc.pcs[0].name}` });
    expect(remove.hasAttribute("disabled")).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Add PC" }));
    expect(screen.getByRole("button", { name: "New PC 2" })).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Input problems" })).toBeNull();
    open(/^New PC 2$/);
    const name = within(screen.getByRole("group", { name: /PC 2: New PC 2/ })).getByRole("textbox", {
      name: /^PC name/,
    });
    fireEvent.change(name, { target: { value: onePc.pcs[0].name.toUpperCase() } });
    // The schema refuses a name that repeats another PC's, ignoring case.
    expect(description(name)).toMatch(/duplicate PC name/);
    fireEvent.click(screen.getByRole("button", { name: `Remove PC ${onePc.pcs[0].name.toUpperCase()}` }));
    expect(screen.queryByRole("button", { name: /New PC 2|PC 2/ })).toBeNull();
    expect(screen.queryByRole("list", { name: "Input problems" })).toBeNull();
  });

  test("reading the workbook's inputs when it has no model says so", async () => {
    renderWith(new TestWorkbookHost(), <ModelPanel />);
    fireEvent.click(screen.getByRole("button", { name: "Read from workbook" }));
    expect(await screen.findByText("No model in this workbook")).toBeTruthy();
  });
});

describe("Model panel: build", () => {
  test("builds with a progress bar moving per block; Review then shows the headless build's numbers and checks", async () => {
    const host = new TestWorkbookHost();
    renderApp(host);
    fireEvent.click(buildButton());
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(await screen.findByText("Model built")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    // One report per block, in order, the last one complete.
    const done = host.progress.map((p) => p.done);
    expect(done).toEqual(done.map((_, i) => i + 1));
    expect(host.progress[host.progress.length - 1].done).toBe(host.progress[0].total);
    expect(host.progress.length).toBeGreaterThan(2);

    const summary = await headless(onePc);
    fireEvent.click(screen.getByRole("tab", { name: "Review" }));
    const results = await screen.findByRole("table", { name: "MSO and PC results" });
    const net = within(results)
      .getAllByRole("row")
      .find((r) => within(r).queryAllByText("Net income").length)!;
    expect(
      within(net)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([usd(summary.mso.netIncome), usd(summary.pcs[0].netIncome)]);
    const fmv = screen.getByRole("table", { name: `FMV by year: ${onePc.pcs[0].name}` });
    const year1 = within(fmv).getAllByRole("row")[1];
    expect(
      within(year1)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([pct(summary.pcs[0].realisedMarkup!), summary.pcs[0].fmvStatus]);
    const loc = screen.getByRole("table", { name: `Line of credit: ${onePc.pcs[0].name}` });
    expect(within(loc).getByRole("row", { name: /Peak balance/ }).textContent).toContain(
      usd(summary.pcs[0].peakLoc),
    );
    expect(within(loc).getByRole("row", { name: /Credit limit/ }).textContent).toContain(
      usd(onePc.loc.limit),
    );
    expect(screen.getByRole("img", { name: new RegExp(`${onePc.pcs[0].name}: LOC balance`) })).toBeTruthy();

    const checks = screen.getByRole("table", { name: "Checks" });
    const statuses = within(checks)
      .getAllByRole("row")
      .slice(1)
      .map((r) => within(r).getAllByRole("cell")[0].textContent);
    const expected = Object.values(summary.checks).map((ok) => (ok ? "OK" : "FAIL"));
    expect(statuses.filter((s) => s === "OK").length).toBe(expected.filter((s) => s === "OK").length);
    expect(statuses.length).toBe(expected.length);
    const masterRow = within(checks).getByRole("row", { name: /Master check/ });
    expect(within(masterRow).getAllByRole("cell")[0].textContent).toBe(summary.checks.master ? "OK" : "FAIL");

    // The link selects the master check's own cell.
    const plan = buildPlan(inputsOf(onePc), { formulas: "addin" });
    fireEvent.click(within(masterRow).getByRole("button"));
    await waitFor(() => expect(host.selection).toEqual(plan.results.checks.master));
  });

  test("a user's sheet named MSO: the build stops, then builds with a suffix beside it", async () => {
    const host = new TestWorkbookHost();
    host.addUserSheet("MSO", [["my own notes", 42]]);
    renderApp(host);
    fireEvent.click(buildButton());
    expect(await screen.findByText("Sheet names taken")).toBeTruthy();
    expect(host.writes).toBe(0);
    fireEvent.click(screen.getByRole("button", { name: "Build with suffix" }));
    expect(await screen.findByText("Model built")).toBeTruthy();
    const names = (await host.listSheets()).map((s) => `${s.name}:${s.tag ?? "user"}`);
    expect(names).toContain("MSO:user");
    expect(names).toContain("MSO (model):mso-modeler");
    expect(host.sheetValues("MSO")).toEqual([["my own notes", 42]]);
    // The renamed model still computes the headless numbers, and Review reads them from it.
    const summary = await headless(onePc);
    const written = (
      await host.writePlan(buildPlan(inputsOf(onePc), { formulas: "addin" }), {
        onClash: { suffix: " (model)" },
      })
    ).plan!;
    expect(await readSummary(written, host)).toEqual(summary);
    fireEvent.click(screen.getByRole("tab", { name: "Review" }));
    const results = await screen.findByRole("table", { name: "MSO and PC results" });
    expect(within(results).getByRole("row", { name: /Fee revenue/ }).textContent).toContain(
      usd(summary.mso.revenue),
    );
  });

  test("Stop after a clash writes nothing and says what to do", async () => {
    const host = new TestWorkbookHost();
    host.addUserSheet("inputs");
    renderApp(host);
    fireEvent.click(buildButton());
    fireEvent.click(await screen.findByRole("button", { name: "Stop" }));
    expect(await screen.findByText("Build stopped")).toBeTruthy();
    expect(host.writes).toBe(0);
    expect(buildButton().getAttribute("aria-disabled")).not.toBe("true");
  });

  test("Cancel during a build leaves the workbook as it was", async () => {
    const host = new TestWorkbookHost();
    host.onFirstBlock = () => fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    renderApp(host);
    fireEvent.click(buildButton());
    expect(await screen.findByText("Cancelled")).toBeTruthy();
    expect(host.progress.length).toBe(1);
    expect(host.writes).toBe(0);
    expect(await host.listSheets()).toEqual([]);
  });

  test("an Office error shows what happened and what to do; the pane stays usable", async () => {
    const host = new TestWorkbookHost();
    host.failNext.writePlan = new OfficeLikeError(
      "InvalidOperationInCellEditMode",
      "The workbook is in cell-edit mode.",
    );
    renderApp(host);
    fireEvent.click(buildButton());
    expect(await screen.findByText("Could not build the model")).toBeTruthy();
    expect(screen.getByText(/Finish editing the cell/)).toBeTruthy();
    await waitFor(() => expect(buildButton().getAttribute("aria-disabled")).not.toBe("true"));
    fireEvent.click(buildButton());
    expect(await screen.findByText("Model built")).toBeTruthy();
  });
});

describe("Model panel: every input", () => {
  /** Every leaf of an inputs file with its path, as the form must show it. */
  function leaves(v: unknown, path: string[] = []): [string, unknown][] {
    if (Array.isArray(v) && v.every((x) => typeof x === "number")) return [[path.join("."), v]];
    if (v !== null && typeof v === "object")
      return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
    return [[path.join("."), v]];
  }

  test("each value of an example appears in a labelled control once its section is open", () => {
    renderWith(new TestWorkbookHost(), <ModelPanel />);
    for (const header of [
      /^Service lines$/,
      /^Professional corporations/,
      /^MSA fee$/,
      /^Fair market value$/,
      /^Line of credit$/,
      /^Tax$/,
      /^MSO$/, // the example gives the MSO's opening cash (v2.2)
    ])
      open(header);
    open(new RegExp(`^${onePc.pcs[0].name}$`));
    for (const s of onePc.serviceLines) open(new RegExp(`^${s.name.replace(/[()]/g, "\\$&")}$`));
    const missing: string[] = [];
    for (const [path, value] of leaves(onePc)) {
      // `$schema` names the file's JSON Schema for editors; it is not a model input.
      if (value === null || typeof value === "boolean" || path === "$schema") continue;
      const shown = Array.isArray(value) ? value.join(", ") : String(value);
      const controls = screen.queryAllByDisplayValue(shown);
      if (
        controls.length === 0 ||
        controls.some((c) => !c.id || !document.querySelector(`label[for="${c.id}"]`))
      )
        missing.push(`${path} = ${shown}`);
    }
    expect(missing).toEqual([]);
  });
});
