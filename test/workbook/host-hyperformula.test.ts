/** The HyperFormula host against the WorkbookHost contract, and what only it has. */
import { PlanScalar } from "../../src/model/plan";
import { HyperFormulaHost } from "../../src/workbook/hyperformula";
import { hostContract } from "./host-contract";

function harness() {
  const host = new HyperFormulaHost();
  return {
    host,
    async addUserSheet(name: string, rows: PlanScalar[][]) {
      host.addUserSheet(name, rows);
    },
    async sheetSnapshot(name: string) {
      const id = host.engine.getSheetId(name)!;
      return JSON.stringify({ name, formulas: host.engine.getSheetSerialized(id) });
    },
    async addStatePart(xml: string) {
      host.addStatePart(xml);
    },
    async stateParts() {
      return host.statePartsXml;
    },
    async selection() {
      return host.selection;
    },
    async userEdit(sheet: string, a1: string, value: PlanScalar) {
      await host.writeValues(sheet, [{ a1, value }]);
    },
    async settle() {},
    dispose: () => host.destroy(),
  };
}

hostContract("HyperFormula", async () => harness());

describe("HyperFormula host", () => {
  test("a user's defined name with a model name's spelling stops the build; the user's name stays", async () => {
    const { buildPlan } = await import("../../src/model/build");
    const { loadInputs } = await import("../model/support");
    const { NameClashError } = await import("../../src/workbook/host");
    const plan = buildPlan(loadInputs("one-pc.json"), { formulas: "portable" });
    if (plan.names.length === 0) throw new Error("the plan has no defined names to clash with");
    const host = new HyperFormulaHost();
    host.addUserSheet("Mine", [[1]]);
    host.addUserName(plan.names[0].name.toUpperCase(), "=Mine!$A$1");
    await expect(host.writePlan(plan)).rejects.toBeInstanceOf(NameClashError);
    expect(host.listSheetsSync().map((s) => s.name)).toEqual(["Mine"]);
    host.destroy();
  });

  test("selectCell tells the workbench's listeners", async () => {
    const host = new HyperFormulaHost();
    host.addUserSheet("Mine", [[1]]);
    const seen: unknown[] = [];
    const off = host.onSelectionChanged((s) => seen.push(s));
    await host.selectCell("Mine", "B7");
    off();
    await host.selectCell("Mine", "C1");
    expect(seen).toEqual([{ sheet: "Mine", a1: "B7" }]);
    host.destroy();
  });
});
