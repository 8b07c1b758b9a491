/**
 * @jest-environment jsdom
 */
// The pane's frame: panels as tabs in the analyst's order, the workbook from the entry's factory,
// and an Excel too old for the host shown as a message while the pane still opens.
import { act, fireEvent, screen, within } from "@testing-library/react";
import type { Root } from "react-dom/client";
import { type OfficeLike, start } from "../../src/taskpane/start";
import { ExcelRequirementError, REQUIREMENTS, excelHostFor } from "../../src/workbook/excel";
import { TestWorkbookHost } from "./test-host";

const excel: OfficeLike = { onReady: () => Promise.resolve({ host: "Excel" }), context: {} };
let roots: Root[] = [];
afterEach(() => {
  act(() => roots.forEach((r) => r.unmount()));
  roots = [];
  document.body.innerHTML = "";
});

async function startWith(factory: Parameters<typeof start>[3]) {
  const container = document.createElement("div");
  document.body.appendChild(container);
  await act(async () => {
    roots.push(await start(container, excel, 1000, factory));
  });
}

test("tabs in the order an analyst works; with a workbook the Model tab is open", async () => {
  const host = new TestWorkbookHost();
  await startWith(() => host);
  const tabs = within(screen.getByRole("tablist", { name: "Panels" })).getAllByRole("tab");
  const names = ["Model", "Review", "Compliance", "Scenarios", "Functions"];
  expect(tabs).toEqual(names.map((name) => screen.getByRole("tab", { name })));
  expect(tabs[0].getAttribute("aria-selected")).toBe("true");
  expect(screen.getByRole("tabpanel", { name: "Model" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "Model inputs" })).toBeTruthy();
  fireEvent.click(tabs[4]);
  expect(screen.getByRole("list", { name: "Worksheet functions" })).toBeTruthy();
  expect(screen.queryByRole("heading", { name: "Model inputs" })).toBeNull();
});

test("an Excel lacking a requirement set: the pane opens and says what to use instead", async () => {
  await startWith(() => {
    throw new ExcelRequirementError(REQUIREMENTS.slice(0, 1));
  });
  expect(screen.getByText("The workbook features are unavailable")).toBeTruthy();
  expect(screen.getByText(new RegExp(`${REQUIREMENTS[0].set} ${REQUIREMENTS[0].version}`))).toBeTruthy();
  expect(screen.getByRole("list", { name: "Worksheet functions" })).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: "Model" }));
  expect(screen.getByRole("button", { name: "Build model" }).getAttribute("aria-disabled")).toBe("true");
});

test("outside Excel there is no workbook host", () => {
  expect(excelHostFor(null)).toBeNull();
  expect(excelHostFor("Word")).toBeNull();
});
