/** Sheet names and renames every host applies the same way (src/workbook/host-sheets.ts). */
import { SheetClashError } from "../../src/workbook/host";
import { planSheetRenames, renameFormulaSheets, sheetNameProblem } from "../../src/workbook/host-sheets";

const to = (map: Record<string, string>) => (name: string) => map[name.toLowerCase()];

test("quoted and bare sheet references are renamed, string literals and other sheets are not", () => {
  const r = to({ mso: "MSO (model)", "pc – o'neil": "PC – O'Neil (2)" });
  expect(renameFormulaSheets(`=MSO!$E$12+'PC – O''Neil'!A1&"MSO!A1"&Other!B2`, r)).toBe(
    `='MSO (model)'!$E$12+'PC – O''Neil (2)'!A1&"MSO!A1"&Other!B2`,
  );
  expect(renameFormulaSheets(`=SUM('MSO'!E5:P5,Inputs!C3)`, r)).toBe(`=SUM('MSO (model)'!E5:P5,Inputs!C3)`);
  expect(renameFormulaSheets(`=IF(A1="it''s",MSO!A1)`, r)).toBe(`=IF(A1="it''s",'MSO (model)'!A1)`);
});

test("Excel's sheet-name rules", () => {
  expect(sheetNameProblem("PC – Lakeside Family Medicine PC")).toMatch(/31/);
  expect(sheetNameProblem("a/b")).toMatch(/must not contain/);
  expect(sheetNameProblem("'x")).toMatch(/apostrophe/);
  expect(sheetNameProblem("history")).toMatch(/reserved/);
  expect(sheetNameProblem(" ")).toMatch(/blank/);
  expect(sheetNameProblem("PC – O'Neil")).toBeNull();
});

test("renames: tagged sheets are replaced, a user's sheet (any case) clashes", () => {
  const plan = { sheets: [{ name: "Inputs" }, { name: "MSO" }] } as never;
  expect(planSheetRenames(plan, [{ name: "MSO", tag: "mso-modeler" }]).size).toBe(0);
  expect(() => planSheetRenames(plan, [{ name: "mso", tag: null }])).toThrow(SheetClashError);
  expect([...planSheetRenames(plan, [{ name: "mso", tag: null }], { suffix: " (2)" })]).toEqual([
    ["MSO", "MSO (2)"],
  ]);
  expect(() =>
    planSheetRenames(
      plan,
      [
        { name: "mso", tag: null },
        { name: "MSO (2)", tag: null },
      ],
      { suffix: " (2)" },
    ),
  ).toThrow(SheetClashError);
  expect(() => planSheetRenames(plan, [{ name: "MSO", tag: null }], { suffix: "/x" })).toThrow(/suffix/);
});
