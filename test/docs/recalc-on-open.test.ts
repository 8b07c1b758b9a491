// What the README and the support page say about opening a built workbook rests on one setting:
// the .xlsx asks Excel to recalculate every formula when it is opened (ECMA-376 Part 1, §18.2.2
// calcPr, attribute fullCalcOnLoad: "the application shall perform a full calculation when the
// workbook is opened"). So add-in cells are not shown from their cached values: Excel computes them
// again, showing #BUSY! until the add-in's functions are loaded and #NAME? where it is missing.
import JSZip from "jszip";
import { buildPlan } from "../../src/model/build";
import { planToWorkbook } from "../../src/workbook/xlsx";
import { loadInputs } from "../model/support";

describe.each(["addin", "portable"] as const)("a %s workbook", (formulas) => {
  test("sets fullCalcOnLoad in workbook.xml's calcPr", async () => {
    const plan = buildPlan(loadInputs("one-pc.json"), { formulas });
    const buffer = await planToWorkbook(plan, null).xlsx.writeBuffer();
    const zip = await JSZip.loadAsync(buffer as ArrayBuffer);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const calcPr = /<calcPr\b[^>]*>/.exec(workbookXml)?.[0] ?? "";
    expect(calcPr).toMatch(/\bfullCalcOnLoad="(1|true)"/);
  });
});
