// What a scenario writes into input cells, and what makes it need a rebuild. Serials are Excel's
// 1900 date system, counted by hand from 1899-12-30 (serial 46023 is 2026-01-01).
import onePc from "../../examples/one-pc.json";
import type { PlanInputCell } from "../../src/model/plan";
import { cellValueOf, layoutChanges } from "../../src/taskpane/panels/scenarios/scenario-run";
import { inputsOf } from "./support";

const cell = (path: (string | number)[], type: PlanInputCell["type"]): PlanInputCell => ({
  path,
  type,
  sheet: "Inputs",
  a1: "C1",
});

test("input values as their cells hold them", () => {
  const inputs = { a: "2026-01-10", m: "2026-03", n: 0.06, t: "=not a formula", b: true, l: [0.04, 0.05] };
  expect(cellValueOf(cell(["a"], "date"), inputs)).toBe(46032);
  expect(cellValueOf(cell(["m"], "month"), inputs)).toBe(46082);
  expect(cellValueOf(cell(["n"], "number"), inputs)).toBe(0.06);
  expect(cellValueOf(cell(["t"], "text"), inputs)).toBe("=not a formula");
  expect(cellValueOf(cell(["b"], "boolean"), inputs)).toBe(true);
  expect(cellValueOf(cell(["l"], "numberList"), inputs)).toBe("0.04, 0.05");
  // A field left out is a blank cell (its default applies when read back).
  expect(cellValueOf(cell(["missing"], "number"), inputs)).toBeNull();
});

test("layout changes: months, start, PCs, service lines; terms are not layout", () => {
  const base = inputsOf(onePc);
  expect(layoutChanges(base, inputsOf({ ...onePc, fee: { ...onePc.fee, markup: 0.1 } }))).toEqual([]);
  expect(layoutChanges(base, inputsOf({ ...onePc, months: 36 }))).toEqual(["36 months"]);
  expect(layoutChanges(base, inputsOf({ ...onePc, startMonth: "2027-01" }))).toEqual(["start month 2027-01"]);
  const twoPcs = { ...onePc, pcs: [...onePc.pcs, { ...onePc.pcs[0], name: "Second PC" }] };
  expect(layoutChanges(base, inputsOf(twoPcs))).toEqual(["2 PCs"]);
  // Compliance answers are keyed by PC name: the renamed PC has none yet.
  const renamed = {
    ...onePc,
    pcs: [{ ...onePc.pcs[0], name: "Other name" }],
    compliance: { ...onePc.compliance, pcs: {} },
  };
  expect(layoutChanges(base, inputsOf(renamed))).toEqual(["different PC names"]);
  const fewerLines = { ...onePc, serviceLines: onePc.serviceLines.slice(0, 1) };
  expect(layoutChanges(base, inputsOf(fewerLines))).toContain("1 service line");
});
