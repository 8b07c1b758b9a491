/**
 * MODEL.md v2.1's honest checks: a check whose tested value is an error is FAIL, and the master
 * check counts every row that is not OK, so one error anywhere makes the master FAIL — in
 * HyperFormula in both formula modes, and in LibreOffice Calc recalculating the portable file.
 * The unchanged workbook is OK, so each assertion can fail.
 */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { buildPlan } from "../../src/model/build";
import { FormulaMode, SheetPlan, parseA1 } from "../../src/model/plan";
import { evaluatePlan } from "../../src/workbook/hyperformula";
import { writeXlsx } from "../../src/workbook/xlsx";
import { loadInputs } from "../model/support";
import { recalcToCsv, requireSoffice } from "../../scripts/libreoffice";

const EXAMPLE = "one-pc.json";

/** Which cell of the first counted check row is replaced: its tested value, or its OK/FAIL cell. */
type Target = "value" | "status";

/** The plan with one counted check row's cell replaced by a formula giving an error. */
function withError(plan: SheetPlan, target: Target, formula: string): SheetPlan {
  const copy = structuredClone(plan);
  const row = copy.results.checkRows?.find((r) => !r.group && !r.informational);
  if (!row) throw new Error("the plan lists no counted check row");
  const a1 = target === "value" ? row.value : row.a1;
  const cell = copy.sheets.find((s) => s.name === "Checks")?.cells.find((c) => c.a1 === a1);
  if (!cell) throw new Error(`Checks!${a1} is not in the plan`);
  cell.formula = formula;
  delete cell.value;
  return copy;
}

function master(plan: SheetPlan): unknown {
  const host = evaluatePlan(plan);
  try {
    const ref = plan.results.checks.master;
    return host.readValueSync(ref.sheet, ref.a1);
  } finally {
    host.destroy();
  }
}

async function calcMaster(plan: SheetPlan, name: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "mso-master-")), `${name}.xlsx`);
  await writeXlsx(plan, path, null); // no cached values: whatever Calc shows, Calc computed
  const ref = plan.results.checks.master;
  const grid = recalcToCsv(path, [ref.sheet])[ref.sheet];
  const { row, col } = parseA1(ref.a1);
  return grid[row]?.[col] ?? "";
}

const cases: [Target, string][] = [
  ["value", "=1/0"],
  ["status", "=NA()"],
];

describe("a check forced to an error makes the master check FAIL", () => {
  describe.each(["addin", "portable"] as FormulaMode[])("HyperFormula, %s mode", (mode) => {
    const plan = buildPlan(loadInputs(EXAMPLE), { formulas: mode });

    it("unchanged: the master is OK", () => {
      expect(master(plan)).toBe("OK");
    });

    it.each(cases)("the %s cell of a check row is %s: the master is FAIL", (target, formula) => {
      expect(master(withError(plan, target, formula))).toBe("FAIL");
    });
  });

  describe("LibreOffice Calc, portable file", () => {
    beforeAll(() => requireSoffice());
    const plan = buildPlan(loadInputs(EXAMPLE), { formulas: "portable" });

    it("unchanged: the master is OK", async () => {
      expect(await calcMaster(plan, "unchanged")).toBe("OK");
    }, 180_000);

    it.each(cases)(
      "the %s cell of a check row is %s: the master is FAIL",
      async (target, formula) => {
        expect(await calcMaster(withError(plan, target, formula), `error-${target}`)).toBe("FAIL");
      },
      180_000,
    );
  });
});
