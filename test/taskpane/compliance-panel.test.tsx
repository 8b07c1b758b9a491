/**
 * @jest-environment jsdom
 */
// The Compliance panel: questions and per-PC CPOM rows read from the Compliance sheet, answered in
// the pane and written to their cells (dates as Excel serials, text always text), with the error paths.
import { fireEvent, screen, within } from "@testing-library/react";
import onePc from "../../examples/one-pc.json";
import { buildPlan } from "../../src/model/build";
import type { PlanCell, SheetPlan } from "../../src/model/plan";
import { PLAN_TAG } from "../../src/model/plan";
import { CompliancePanel } from "../../src/taskpane/panels/compliance/CompliancePanel";
import { inputsOf, renderWith } from "./support";
import { OfficeLikeError, TestWorkbookHost } from "./test-host";

/**
 * A Compliance sheet laid out as MODEL.md v2.1 describes (question rows with answer, date, by and
 * note; one row per PC with state, tier and the two ownership answers), standing in for the v2.1
 * builder's sheet until it is on main.
 */
function withCompliance(plan: SheetPlan): SheetPlan {
  const C = "Compliance";
  const cells: PlanCell[] = [
    { a1: "A1", value: "Compliance", role: "title" },
    { a1: "A4", value: "cpom-laws", role: "label" },
    { a1: "B4", value: "Will the MSO follow state CPOM laws?", role: "label" },
    { a1: "A5", value: "annual-fmv", role: "label" },
    { a1: "B5", value: "Annual FMV assessment", role: "label" },
    { a1: "C5", value: "N/A", role: "input" },
    { a1: "D5", value: 46100, role: "input", format: "yyyy-mm-dd" },
    { a1: "A8", value: onePc.pcs[0].name, role: "label" },
    { a1: "B8", value: onePc.pcs[0].state, role: "label" },
    { a1: "C8", value: "Strict (test tier)", role: "label" },
  ];
  const q = (id: string, text: string, row: number) => ({
    id,
    text,
    answer: { sheet: C, a1: `C${row}` },
    date: { sheet: C, a1: `D${row}` },
    by: { sheet: C, a1: `E${row}` },
    note: { sheet: C, a1: `F${row}` },
  });
  return {
    ...plan,
    sheets: [...plan.sheets, { name: C, tag: PLAN_TAG, kind: "compliance", cells, columnWidths: {} }],
    results: {
      ...plan.results,
      compliance: {
        questions: [
          q("cpom-laws", "Will the MSO follow state CPOM laws?", 4),
          q("annual-fmv", "Annual FMV assessment", 5),
        ],
        pcs: [
          {
            name: onePc.pcs[0].name,
            state: { sheet: C, a1: "B8" },
            tier: { sheet: C, a1: "C8" },
            physicianOwned: { sheet: C, a1: "D8" },
            ownerLicensed: { sheet: C, a1: "E8" },
          },
        ],
      },
    },
  };
}

function setup(compliance = true) {
  const host = new TestWorkbookHost();
  const inputs = inputsOf(onePc);
  const base = buildPlan(inputs, { formulas: "addin" });
  // The v2.1 builder writes its own Compliance sheet; these tests use their own small one, or none.
  const without = {
    ...base,
    sheets: base.sheets.filter((s) => s.kind !== "compliance"),
    results: { ...base.results, compliance: undefined },
  };
  const plan = compliance ? withCompliance(without) : without;
  host.writePlanSync(plan);
  renderWith(host, <CompliancePanel />, { plan, inputs, sheetNames: {} });
  return host;
}

const question = (text: string) => screen.getByRole("group", { name: text });

test("a model without a Compliance sheet says to rebuild", () => {
  setup(false);
  expect(screen.getByText(/no Compliance sheet/)).toBeTruthy();
});

test("reads the sheet's answers and each PC's state tier", async () => {
  setup();
  const fmv = await screen.findByRole("group", { name: "Annual FMV assessment" });
  await within(fmv).findByDisplayValue("2026-03-19"); // serial 46100
  expect((within(fmv).getByRole("combobox", { name: "Answer" }) as HTMLSelectElement).value).toBe("N/A");
  const pc = screen.getByRole("group", { name: onePc.pcs[0].name });
  expect(within(pc).getByText(`${onePc.pcs[0].state} — CPOM tier: Strict (test tier)`)).toBeTruthy();
});

test("answers are written to their cells: dates as serials, text as text", async () => {
  const host = setup();
  const cpom = await screen.findByRole("group", { name: "Will the MSO follow state CPOM laws?" });
  fireEvent.change(within(cpom).getByRole("combobox", { name: "Answer" }), { target: { value: "Yes" } });
  fireEvent.change(within(cpom).getByLabelText("Date"), { target: { value: "2026-01-10" } });
  fireEvent.change(within(cpom).getByRole("textbox", { name: "By" }), { target: { value: "A. Analyst" } });
  fireEvent.change(within(cpom).getByRole("textbox", { name: "Evidence or note" }), {
    target: { value: '=HYPERLINK("http://x","y")' },
  });
  const pc = question(onePc.pcs[0].name);
  fireEvent.change(within(pc).getByRole("combobox", { name: "Physician-owned" }), {
    target: { value: "Yes" },
  });
  fireEvent.change(within(pc).getByRole("combobox", { name: /Owner licensed/ }), { target: { value: "No" } });
  fireEvent.click(screen.getByRole("button", { name: "Save to the Compliance sheet" }));
  expect(await screen.findByText("Saved")).toBeTruthy();
  const at = (a1: string) => host.readValueSync("Compliance", a1);
  expect([at("C4"), at("D4"), at("E4"), at("F4")]).toEqual([
    "Yes",
    46032,
    "A. Analyst",
    '=HYPERLINK("http://x","y")',
  ]);
  expect([at("D8"), at("E8")]).toEqual(["Yes", "No"]);
  // The other question is kept as it was.
  expect([at("C5"), at("D5")]).toEqual(["N/A", 46100]);
});

test("an answer with no date is refused beside the date", async () => {
  setup();
  const cpom = await screen.findByRole("group", { name: "Will the MSO follow state CPOM laws?" });
  fireEvent.change(within(cpom).getByRole("combobox", { name: "Answer" }), { target: { value: "No" } });
  const date = within(cpom).getByLabelText("Date");
  expect(date.getAttribute("aria-invalid")).toBe("true");
  expect(within(cpom).getByText("an answer needs a date")).toBeTruthy();
  expect(
    screen.getByRole("button", { name: "Save to the Compliance sheet" }).getAttribute("aria-disabled"),
  ).toBe("true");
});

test("a protected workbook: the error says what to do and the answers stay in the pane", async () => {
  const host = setup();
  host.failNext.writeValues = new OfficeLikeError("AccessDenied", "The sheet is protected.");
  const cpom = await screen.findByRole("group", { name: "Will the MSO follow state CPOM laws?" });
  fireEvent.change(within(cpom).getByRole("textbox", { name: "By" }), { target: { value: "Kept" } });
  fireEvent.click(screen.getByRole("button", { name: "Save to the Compliance sheet" }));
  expect(await screen.findByText("Could not write the Compliance sheet")).toBeTruthy();
  expect(screen.getByText(/Unprotect it/)).toBeTruthy();
  expect((within(cpom).getByRole("textbox", { name: "By" }) as HTMLInputElement).value).toBe("Kept");
  expect(host.readValueSync("Compliance", "E4")).toBeNull();
});
