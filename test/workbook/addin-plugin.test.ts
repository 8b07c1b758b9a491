/**
 * The add-in's functions inside HyperFormula, the headless host: spilled results take the shape the
 * contract gives them when their arguments are real ranges, not only array constants.
 */
import { HyperFormula } from "hyperformula";
import { registerAddinFunctions } from "../../src/workbook/addin-plugin";

function sheet(rows: (number | string | null)[][]) {
  registerAddinFunctions();
  const hf = HyperFormula.buildFromSheets({ S: rows }, { licenseKey: "gpl-v3" });
  return { hf, at: (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col }) };
}

test("MSA.ALLOCATE spills down a column range of drivers: 100 by 1:2:3 → 16.67, 33.33, 50", () => {
  // 10,000 cents × 1/6 = 1,666.67 → 1,666 r 4/6; × 2/6 = 3,333 r 2/6; × 3/6 = 5,000 r 0:
  // 1 cent left goes to the largest remainder, the first cell → 16.67, 33.33, 50.00.
  const { hf, at } = sheet([
    [1, "=MSA.ALLOCATE(100,A1:A3)"],
    [2, null],
    [3, null],
  ]);
  expect([at(0, 1), at(1, 1), at(2, 1)]).toEqual([16.67, 33.33, 50]);
  hf.destroy();
});

test("MSA.ALLOCATE spills across a row range and keeps a 2-D shape", () => {
  // 1 by 1:1:1 → 100 cents → 34, 33, 33 (ties to the earlier cell).
  const row = sheet([
    [1, 1, 1],
    ["=MSA.ALLOCATE(1,A1:C1)", null, null],
  ]);
  expect([row.at(1, 0), row.at(1, 1), row.at(1, 2)]).toEqual([0.34, 0.33, 0.33]);
  row.hf.destroy();
  // 10 by a 2×2 block of 1s → 2.5 each, in the block's shape.
  const block = sheet([
    [1, 1, "=MSA.ALLOCATE(10,A1:B2)", null],
    [1, 1, null, null],
  ]);
  expect([block.at(0, 2), block.at(0, 3), block.at(1, 2), block.at(1, 3)]).toEqual([2.5, 2.5, 2.5, 2.5]);
  block.hf.destroy();
});

test("FMV.RANGE spills low, median, high across a row from a column of benchmarks", () => {
  // Treas. Reg. §1.482-1(e)(5) Example 3: 42, 44, 45, 47.5 → 43, 44.5, 46.25.
  const { hf, at } = sheet([[42, "=FMV.RANGE(A1:A4)", null, null], [44], [45], [47.5]]);
  expect([at(0, 1), at(0, 2), at(0, 3)]).toEqual([43, 44.5, 46.25]);
  hf.destroy();
});

describe("an error value in an argument is the result, unchanged (Excel does not call the function)", () => {
  const value = (hf: HyperFormula, col: number) => hf.getCellValue({ sheet: 0, row: 0, col });

  test("a scalar argument's error: #DIV/0! from =1/0 in markup", () => {
    const { hf } = sheet([[100, "=1/0", "=MSA.COSTPLUS(A1,B1)"]]);
    expect(value(hf, 2)).toMatchObject({ type: "DIV_BY_ZERO", value: "#DIV/0!" });
    hf.destroy();
  });

  test("the first of two errors, in argument order: #DIV/0! before #N/A", () => {
    const { hf } = sheet([["=1/0", "=NA()", "=MSA.COSTPLUS(A1,B1)", "=MSA.COSTPLUS(B1,A1)"]]);
    expect(value(hf, 2)).toMatchObject({ type: "DIV_BY_ZERO" });
    expect(value(hf, 3)).toMatchObject({ type: "NA" });
    hf.destroy();
  });

  test("an error inside a range argument: #N/A among the benchmarks", () => {
    const { hf } = sheet([[1, "=NA()", 3, "=FMV.RANGE(A1:C1)", null, null]]);
    expect(value(hf, 3)).toMatchObject({ type: "NA" });
    hf.destroy();
  });

  test("another function's error keeps its type and message: #NUM! for basis 9 passed on", () => {
    const { hf } = sheet([
      ["=LOC.INTEREST(100,45658,0.05,45688,9)", "=MSA.COSTPLUS(A1,0.1)", "=LOC.LIMIT(A1,45658,0.05,45688)"],
    ]);
    const source = value(hf, 0);
    expect(source).toMatchObject({ type: "NUM", message: "basis must be one of 0, 1, 2, 3, 4; got 9" });
    for (const col of [1, 2]) {
      const got = value(hf, col) as { type: string; message: string };
      expect({ type: got.type, message: got.message }).toEqual({
        type: "NUM",
        message: "basis must be one of 0, 1, 2, 3, 4; got 9",
      });
    }
    hf.destroy();
  });

  test("an error in an optional argument: a #VALUE! and its message, given as cap", () => {
    const { hf } = sheet([[100, "=MSA.COSTPLUS(A1,-1)", "=MSA.COSTPLUS(A1,0.1,,,B1)"]]);
    const source = value(hf, 1) as { type: string; message: string };
    expect(source.type).toBe("VALUE");
    expect(value(hf, 2)).toMatchObject({ type: "VALUE", message: source.message });
    hf.destroy();
  });
});

describe("arguments as HyperFormula holds them", () => {
  test("the first error in argument order, a range's before a later scalar's: #N/A, not #DIV/0!", () => {
    const { hf } = sheet([[1, "=NA()", "=MSA.COSTPLUS(A1:B1,1/0)"]]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toMatchObject({ type: "NA" });
    hf.destroy();
  });

  test("too few or too many arguments is #N/A, as HyperFormula's own functions give", () => {
    const { hf } = sheet([[1, "=MSA.COSTPLUS(A1)", "=LOC.AFRTEST(0.05,12,0.04,1,1)"]]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toMatchObject({ type: "NA" });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toMatchObject({ type: "NA" });
    hf.destroy();
  });

  test("percentages, dates and blanks inside a range read as Excel passes them: numbers and blanks", () => {
    // 10% and 30% are rich numbers in HyperFormula; the blank cell is skipped: (0.1 + 0.3) × 1.5 = 0.6.
    const { hf, at } = sheet([
      ["10%", null, "30%", "=MSA.COSTPLUS(A1:C1,0.5)", "=MSA.COSTPLUS(A2:C2,0)"],
      ["01/01/2025", 1],
    ]);
    expect(at(0, 3)).toBe(0.6);
    // 01/01/2025 (HyperFormula reads DD/MM/YYYY) is a date cell, serial 45658: 45658 + 1.
    expect(at(0, 4)).toBe(45659);
    hf.destroy();
  });
});
