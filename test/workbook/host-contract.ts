/**
 * The WorkbookHost contract (src/workbook/host.ts), one suite run against every host: the
 * HyperFormula host and the Excel host on the strict Office.js fake. What a host must do is stated
 * here once; each host's test file only says how to make one and how to look inside it.
 *
 * Expected values come from outside the host under test: the plan's own cells (what was asked to
 * be written), the headless HyperFormula evaluation of the same plan (evaluatePlan), Excel's sheet
 * rules and the codec's XML.
 */
import { buildPlan } from "../../src/model/build";
import { PLAN_TAG, PlanScalar, SheetPlan } from "../../src/model/plan";
import { readSummary } from "../../src/model/summary";
import { encodeState } from "../../src/workbook/document-state";
import {
  DocumentState,
  SheetClashError,
  WorkbookHost,
  WriteCancelledError,
  WriteProgress,
} from "../../src/workbook/host";
import { evaluatePlan } from "../../src/workbook/hyperformula";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseInputs } from "../../src/model/inputs";
import { EXAMPLES_DIR, exampleFiles, loadInputs, withJoinMonths } from "../model/support";

/** A fresh, empty workbook behind a host, and the means to act as its user. */
export interface HostHarness {
  host: WorkbookHost;
  /** The user adds a sheet of their own (strings starting with "=" are formulas, as typed). */
  addUserSheet(name: string, rows: PlanScalar[][]): Promise<void>;
  /** Everything the workbook holds for a sheet, serialised: equal strings = unchanged sheet. */
  sheetSnapshot(name: string): Promise<string>;
  /** Puts a state part in the document as another add-in version or a damaged file left it. */
  addStatePart(xml: string): Promise<void>;
  /** The XML of the add-in's state parts as stored. */
  stateParts(): Promise<string[]>;
  /** The cell the workbook shows as selected. */
  selection(): Promise<{ sheet: string; a1: string } | null>;
  /** The user types a value into a cell; change events fire as the workbook fires them. */
  userEdit(sheet: string, a1: string, value: PlanScalar): Promise<void>;
  /** Lets pending events arrive. */
  settle(): Promise<void>;
  dispose(): void;
}

const onePc = () => buildPlan(loadInputs("one-pc.json"), { formulas: "portable" });

/** A text input cell on the Inputs sheet (the model's name), from the plan's input map when it has one. */
function pcNameCell(plan: SheetPlan): { sheet: string; a1: string } {
  const mapped = plan.inputCells?.find((c) => c.path.length === 1 && c.path[0] === "name");
  if (mapped) return { sheet: mapped.sheet, a1: mapped.a1 };
  const name = plan.results.pcs[0].name;
  for (const s of plan.sheets)
    for (const c of s.cells)
      if (s.kind === "inputs" && (c.role === "input" || c.role === "structural") && c.value === name)
        return { sheet: s.name, a1: c.a1 };
  throw new Error(`the plan has no text input cell on its Inputs sheet`);
}

const HOSTILE = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "'quoted", "0012", "TRUE", "1/2/2026"];

export function hostContract(name: string, make: () => Promise<HostHarness>): void {
  describe(`WorkbookHost contract: ${name}`, () => {
    let h: HostHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(() => h.dispose());

    test("an empty workbook lists its sheets; a written plan's sheets are tagged, in plan order, after the user's", async () => {
      await h.addUserSheet("Notes", [["my notes"]]);
      const plan = onePc();
      await h.host.writePlan(plan);
      const sheets = await h.host.listSheets();
      expect(sheets.map((s) => s.name)).toEqual(["Notes", ...plan.sheets.map((s) => s.name)]);
      expect(sheets[0].tag).toBeNull();
      for (const [i, s] of plan.sheets.entries()) {
        expect(sheets[i + 1].tag).toBe(PLAN_TAG);
        expect(sheets[i + 1].kind).toBe(s.kind);
      }
    });

    test("writes the plan: constants read back as the plan wrote them, results as the headless evaluation computes them", async () => {
      const plan = onePc();
      const progress: WriteProgress[] = [];
      const result = await h.host.writePlan(plan, { onProgress: (p) => progress.push(p) });
      expect(result.sheetNames).toEqual(Object.fromEntries(plan.sheets.map((s) => [s.name, s.name])));
      // progress moves forward and ends complete
      expect(progress.length).toBeGreaterThanOrEqual(1);
      for (let i = 1; i < progress.length; i++)
        expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
      expect(progress[progress.length - 1].done).toBe(progress[progress.length - 1].total);
      // constants
      for (const s of plan.sheets)
        for (const c of s.cells
          .filter((c) => c.formula === undefined && c.value !== undefined && c.value !== null)
          .slice(0, 40))
          expect({ at: `${s.name}!${c.a1}`, v: await h.host.readValue(s.name, c.a1) }).toEqual({
            at: `${s.name}!${c.a1}`,
            v: c.value,
          });
      // computed results, against the headless build
      const headless = evaluatePlan(plan);
      try {
        expect(await readSummary(plan, h.host)).toEqual(await readSummary(plan, headless));
      } finally {
        headless.destroy();
      }
    });

    test("readRange gives rows of cells, the same values readValue gives", async () => {
      const plan = onePc();
      await h.host.writePlan(plan);
      const pc = plan.results.pcs[0];
      const row = pc.rows.pcClose.row;
      const cols = plan.results.monthColumns;
      const range = await h.host.readRange(pc.sheet, `${cols[0]}${row}:${cols[3]}${row + 1}`);
      expect(range.length).toBe(2);
      expect(range.every((r) => r.length === 4)).toBe(true);
      for (let c = 0; c < 4; c++) {
        expect(range[0][c]).toEqual(await h.host.readValue(pc.sheet, `${cols[c]}${row}`));
        expect(range[1][c]).toEqual(await h.host.readValue(pc.sheet, `${cols[c]}${row + 1}`));
      }
      expect(typeof range[0][0]).toBe("number");
    });

    test("readValues: one value per ref, in order, as readValue gives them: errors as errors, refs on a user's sheet and on a suffixed model sheet", async () => {
      // The user's own "MSO" sheet: text, a number and a division by zero, which Excel shows as
      // #DIV/0! (Excel help, "Correct a #DIV/0! error": "=5/0" is its first example).
      await h.addUserSheet("MSO", [["my own", 7, "=1/0"]]);
      const plan = onePc();
      const written = await h.host.writePlan(plan, { onClash: { suffix: " (model)" } });
      expect(written.sheetNames.MSO).toBe("MSO (model)");
      const revenue = plan.results.mso.revenue;
      expect(revenue.sheet).toBe("MSO");
      const headless = evaluatePlan(plan);
      let expected: unknown;
      try {
        expected = headless.readValueSync(revenue.sheet, revenue.a1);
      } finally {
        headless.destroy();
      }
      expect(typeof expected).toBe("number");
      const refs = [
        { sheet: "MSO (model)", a1: revenue.a1 },
        { sheet: "MSO", a1: "C1" },
        { sheet: "MSO", a1: "A1" },
        { sheet: "MSO", a1: "B1" },
        { sheet: "MSO", a1: revenue.a1 }, // the user's sheet is empty there
        { sheet: "MSO (model)", a1: revenue.a1 },
      ];
      const values = await h.host.readValues(refs);
      expect(values).toHaveLength(refs.length);
      expect(values[0]).toBeCloseTo(expected as number, 6);
      expect(values[1]).toMatchObject({ error: "#DIV/0!" });
      expect(values.slice(2, 5)).toEqual(["my own", 7, null]);
      expect(values[5]).toEqual(values[0]);
      for (const [i, r] of refs.entries()) expect(values[i]).toEqual(await h.host.readValue(r.sheet, r.a1));
      expect(await h.host.readValues([])).toEqual([]);
      // readRanges: the same, a range's rows per ref
      const ranges = await h.host.readRanges([
        { sheet: "MSO", a1: "A1:C1" },
        { sheet: "MSO (model)", a1: revenue.a1 },
      ]);
      expect(ranges).toHaveLength(2);
      expect(ranges[0][0].slice(0, 2)).toEqual(["my own", 7]);
      expect(ranges[0][0][2]).toMatchObject({ error: "#DIV/0!" });
      expect(ranges[1]).toEqual([[values[0]]]);
    });

    test("writeValues: strings land as text, never as formulas or numbers; numbers stay numbers", async () => {
      const plan = onePc();
      await h.host.writePlan(plan);
      const cell = pcNameCell(plan);
      for (const text of HOSTILE) {
        await h.host.writeValues(cell.sheet, [{ a1: cell.a1, value: text }]);
        expect(await h.host.readValue(cell.sheet, cell.a1)).toBe(text);
      }
      const inputs = plan.sheets.find((s) => s.kind === "inputs")!;
      const numeric = inputs.cells.find((c) => c.role === "input" && typeof c.value === "number")!;
      await h.host.writeValues(inputs.name, [{ a1: numeric.a1, value: 12345.5 }]);
      expect(await h.host.readValue(inputs.name, numeric.a1)).toBe(12345.5);
    });

    test("writeValues refuses the user's own sheets and leaves them as they were", async () => {
      await h.addUserSheet("Notes", [["keep me"]]);
      const before = await h.sheetSnapshot("Notes");
      await expect(h.host.writeValues("Notes", [{ a1: "A1", value: "overwritten" }])).rejects.toThrow(
        /Notes/,
      );
      expect(await h.sheetSnapshot("Notes")).toBe(before);
    });

    test.each(exampleFiles())("readInputs(write(plan(x))) parses to x after defaults: %s", async (file) => {
      const json = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), "utf8"));
      const expected = parseInputs(json);
      if (!expected.ok) throw new Error(`${file}: ${expected.errors.join("; ")}`);
      expect(await h.host.readInputs()).toBeNull();
      await h.host.writePlan(buildPlan(expected.inputs, { formulas: "portable" }));
      expect(parseInputs(await h.host.readInputs())).toEqual({
        ok: true,
        inputs: withJoinMonths(expected.inputs),
      });
    });

    test("selectCell selects the cell the pane asks for", async () => {
      const plan = onePc();
      await h.host.writePlan(plan);
      const master = plan.results.checks.master;
      await h.host.selectCell(master.sheet, master.a1);
      expect(await h.selection()).toEqual({ sheet: master.sheet, a1: master.a1 });
      await expect(h.host.selectCell("No such sheet", "A1")).rejects.toThrow(/No such sheet/);
    });

    test("document state: empty, then saved and loaded back as it was saved", async () => {
      expect(await h.host.loadState()).toEqual({ status: "empty" });
      const state: DocumentState = {
        version: 1,
        scenarios: [
          {
            name: 'Base & <high> "case"',
            inputs: { fee: { markup: 0.07 } },
            savedAt: "2026-11-30T20:00:00Z",
          },
        ],
        settings: { formulas: "portable" },
      };
      await h.host.saveState(state);
      expect(await h.host.loadState()).toEqual({ status: "ok", state });
      expect(await h.stateParts()).toEqual([encodeState(state)]);
    });

    test.each([
      ["damaged", `<state xmlns="urn:mso-modeler:state:v1">{not json</state>`, /damaged/],
      ["newer", `<state xmlns="urn:mso-modeler:state:v2">{"version":2,"things":[]}</state>`, /newer version/],
    ])(
      "document state: a %s entry is reported, kept byte for byte, and never overwritten",
      async (_, xml, reason) => {
        await h.addStatePart(xml);
        const load = await h.host.loadState();
        expect(load.status).toBe("unreadable");
        expect(load.status === "unreadable" && load.reason).toMatch(reason);
        await expect(h.host.saveState({ version: 1, scenarios: [], settings: {} })).rejects.toThrow(/kept/);
        await h.host.writePlan(onePc());
        expect(await h.stateParts()).toEqual([xml]);
      },
    );

    test("onInputsChanged: told when an Inputs cell changes, not after unsubscribing", async () => {
      const plan = onePc();
      await h.host.writePlan(plan);
      let calls = 0;
      const off = h.host.onInputsChanged(() => calls++);
      await h.settle();
      const cell = pcNameCell(plan);
      await h.userEdit(cell.sheet, cell.a1, "Renamed PC");
      await h.settle();
      expect(calls).toBeGreaterThanOrEqual(1);
      off();
      await h.settle();
      const seen = calls;
      await h.userEdit(cell.sheet, cell.a1, "Renamed again");
      await h.settle();
      expect(calls).toBe(seen);
    });

    test("clash: a user's sheet named like a model sheet stops the build before anything is written", async () => {
      await h.addUserSheet("MSO", [["user's own", 42, "=B1*2"]]);
      const before = await h.sheetSnapshot("MSO");
      const err = await h.host.writePlan(onePc()).catch((e) => e);
      expect(err).toBeInstanceOf(SheetClashError);
      expect((err as SheetClashError).names).toEqual(["MSO"]);
      expect((await h.host.listSheets()).map((s) => s.name)).toEqual(["MSO"]);
      expect(await h.sheetSnapshot("MSO")).toBe(before);
    });

    test("clash with a suffix: the model's sheet takes the suffix, computes the same, the user's sheet is untouched", async () => {
      await h.addUserSheet("mso", [["user's own", 42]]);
      const before = await h.sheetSnapshot("mso");
      const plan = onePc();
      const result = await h.host.writePlan(plan, { onClash: { suffix: " (model)" } });
      expect(result.sheetNames.MSO).toBe("MSO (model)");
      const sheets = await h.host.listSheets();
      expect(sheets.find((s) => s.name === "mso")?.tag).toBeNull();
      expect(sheets.find((s) => s.name === "MSO (model)")?.tag).toBe(PLAN_TAG);
      expect(await h.sheetSnapshot("mso")).toBe(before);
      const headless = evaluatePlan(plan);
      try {
        expect(await readSummary(result.plan!, h.host)).toEqual(await readSummary(plan, headless));
      } finally {
        headless.destroy();
      }
    });

    test("a rebuild replaces only the add-in's sheets", async () => {
      await h.addUserSheet("Notes", [["keep", 1]]);
      const before = await h.sheetSnapshot("Notes");
      const plan = onePc();
      await h.host.writePlan(plan);
      await h.host.writeValues(pcNameCell(plan).sheet, [{ a1: pcNameCell(plan).a1, value: "Edited" }]);
      await h.host.writePlan(plan);
      const sheets = await h.host.listSheets();
      expect(sheets.map((s) => s.name)).toEqual(["Notes", ...plan.sheets.map((s) => s.name)]);
      const cell = pcNameCell(plan);
      const original = plan.sheets
        .find((s) => s.name === cell.sheet)!
        .cells.find((c) => c.a1 === cell.a1)!.value;
      expect(await h.host.readValue(cell.sheet, cell.a1)).toBe(original);
      expect(await h.sheetSnapshot("Notes")).toBe(before);
    });

    test("a cancelled build leaves the workbook as it was", async () => {
      await h.addUserSheet("Notes", [["keep"]]);
      const controller = new AbortController();
      controller.abort();
      await expect(h.host.writePlan(onePc(), { signal: controller.signal })).rejects.toBeInstanceOf(
        WriteCancelledError,
      );
      expect((await h.host.listSheets()).map((s) => s.name)).toEqual(["Notes"]);
    });

    test("a build cancelled after its first block leaves the workbook as it was or fully built", async () => {
      const plan = onePc();
      await h.host.writePlan(plan);
      const controller = new AbortController();
      const outcome = await h.host
        .writePlan(plan, { signal: controller.signal, onProgress: () => controller.abort() })
        .then(
          () => "built",
          (e) => (e instanceof WriteCancelledError ? "cancelled" : e),
        );
      expect(["built", "cancelled"]).toContain(outcome);
      const headless = evaluatePlan(plan);
      try {
        expect((await h.host.listSheets()).map((s) => s.name)).toEqual(plan.sheets.map((s) => s.name));
        expect(await readSummary(plan, h.host)).toEqual(await readSummary(plan, headless));
      } finally {
        headless.destroy();
      }
    });
  });
}
