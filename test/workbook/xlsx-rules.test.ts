/**
 * The plan's data validations and conditional formats reach the .xlsx as Excel stores them
 * (ECMA-376 Part 1, §18.3.1.32 dataValidation and §18.3.1.18 conditionalFormatting in the sheet
 * XML), and structural cells are grey.
 */
import JSZip from "jszip";
import { PLAN_TAG, SheetPlan } from "../../src/model/plan";
import { xlsxBuffer } from "../../src/workbook/xlsx";

const plan: SheetPlan = {
  title: "Rules",
  mode: "portable",
  tag: PLAN_TAG,
  sheets: [
    {
      name: "Inputs",
      tag: PLAN_TAG,
      kind: "inputs",
      columnWidths: {},
      cells: [
        { a1: "C5", value: "cost-plus", role: "input" },
        { a1: "C6", value: 0.08, role: "input" },
        { a1: "C7", value: 24, role: "structural" },
        { a1: "C9", formula: '=IF(C6>=0,"OK","FAIL")', role: "check" },
        { a1: "E9", value: -5, role: "formula" },
      ],
      validations: [
        {
          range: "C5",
          rule: { kind: "list", values: ["cost-plus", "fixed", "hybrid"] },
          allowBlank: false,
          error: "fee.structure: cost-plus, fixed, hybrid",
        },
        {
          range: "C6",
          rule: { kind: "decimal", min: 0, max: 10 },
          allowBlank: false,
          error: "fee.markup: 0 to 10",
        },
      ],
      conditionalFormats: [
        { range: "C9", rule: { kind: "textEquals", text: "FAIL" }, style: "bad" },
        { range: "C9", rule: { kind: "textEquals", text: "OK" }, style: "good" },
        { range: "E9", rule: { kind: "lessThan", value: 0 }, style: "bad" },
      ],
    },
  ],
  names: [],
  tables: [],
  charts: [],
  results: {} as SheetPlan["results"],
};

describe("validations and conditional formats in the .xlsx", () => {
  let xml = "";
  let styles = "";
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await xlsxBuffer(plan, null));
    xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    styles = await zip.file("xl/styles.xml")!.async("string");
  });
  // "between" is the OOXML default operator, so it is not written.
  it("writes an in-cell list and a decimal range with their messages", () => {
    expect(xml).toMatch(
      /<dataValidation[^>]*type="list"[^>]*sqref="C5"[^>]*>\s*<formula1>&quot;cost-plus,fixed,hybrid&quot;<\/formula1>/,
    );
    expect(xml).toMatch(
      /<dataValidation[^>]*type="decimal"[^>]*sqref="C6"[^>]*>\s*<formula1>0<\/formula1>\s*<formula2>10<\/formula2>/,
    );
    expect(xml).toContain('error="fee.markup: 0 to 10"');
  });
  it("writes FAIL red, OK green and negatives red as cellIs rules", () => {
    expect(xml).toMatch(
      /<conditionalFormatting sqref="C9">\s*<cfRule type="cellIs"[^>]*operator="equal"[^>]*>\s*<formula>&quot;FAIL&quot;<\/formula>/,
    );
    expect(xml).toMatch(
      /<conditionalFormatting sqref="E9">\s*<cfRule type="cellIs"[^>]*operator="lessThan"[^>]*>\s*<formula>0<\/formula>/,
    );
    expect(styles).toContain("FFFFC7CE"); // Excel's "Bad" fill
    expect(styles).toContain("FFC6EFCE"); // Excel's "Good" fill
  });
  it("styles a structural cell grey", () => {
    expect(styles).toContain("FFE7E6E6");
  });
});
