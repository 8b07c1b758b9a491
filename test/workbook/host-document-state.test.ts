/** The document-state codec: XML with the version in its namespace, JSON inside (src/workbook/document-state.ts). */
import {
  STATE_NAMESPACE,
  decodeState,
  decodeStateParts,
  encodeState,
  rootNamespace,
} from "../../src/workbook/document-state";
import { DocumentState } from "../../src/workbook/host";

const state: DocumentState = {
  version: 1,
  scenarios: [
    { name: `A & B <c> "d" ]]> é`, inputs: { pcs: [{ name: "x" }] }, savedAt: "2026-11-30T00:00:00Z" },
  ],
  settings: { theme: "dark" },
  inputCells: [{ path: ["pcs", 0, "name"], sheet: "Inputs", a1: "C20", type: "text" }],
};

test("the namespace is versioned, as written", () => {
  expect(STATE_NAMESPACE).toBe("urn:mso-modeler:state:v1");
  expect(rootNamespace(encodeState(state))).toBe("urn:mso-modeler:state:v1");
});

test("encode then decode gives the state back, markup characters included", () => {
  const xml = encodeState(state);
  expect(xml).not.toMatch(/<c>/);
  expect(decodeState(xml)).toEqual({ status: "ok", state });
});

test("a prefixed root element and single-quoted namespace are read too", () => {
  const json = JSON.stringify({ version: 1, scenarios: [], settings: {} });
  expect(rootNamespace(`<m:state xmlns:m='urn:x'>${json}</m:state>`)).toBe("urn:x");
});

test.each([
  ["not our namespace", `<state xmlns="urn:someone-else">{}</state>`, /not an MSO Modeler/],
  ["no namespace", `<state>{}</state>`, /not an MSO Modeler/],
  ["JSON cut short", `<state xmlns="urn:mso-modeler:state:v1">{"version":1,</state>`, /does not parse/],
  ["XML cut short", `<state xmlns="urn:mso-modeler:state:v1">{"version":1}`, /not whole/],
  [
    "wrong shape",
    `<state xmlns="urn:mso-modeler:state:v1">{"version":1,"scenarios":{},"settings":{}}</state>`,
    /scenarios/,
  ],
  [
    "a scenario without a name",
    `<state xmlns="urn:mso-modeler:state:v1">{"version":1,"scenarios":[{"inputs":1,"savedAt":"x"}],"settings":{}}</state>`,
    /scenarios\[0\]/,
  ],
  ["newer", `<state xmlns="urn:mso-modeler:state:v7">anything at all</state>`, /newer version.*v7/],
])("%s → unreadable with the reason", (_, xml, reason) => {
  const load = decodeState(xml);
  expect(load.status).toBe("unreadable");
  expect(load.status === "unreadable" && load.reason).toMatch(reason);
});

test("several parts: none is empty, a bad one anywhere wins over a good one (so a save cannot lose it)", () => {
  const good = encodeState(state);
  const newer = `<state xmlns="urn:mso-modeler:state:v2">{}</state>`;
  expect(decodeStateParts([])).toEqual({ status: "empty" });
  expect(decodeStateParts([good])).toEqual({ status: "ok", state });
  expect(decodeStateParts([good, newer]).status).toBe("unreadable");
});
