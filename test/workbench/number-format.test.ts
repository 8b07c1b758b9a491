// Expected texts are what Excel shows for these format codes, worked by hand from Excel's rules
// (sections positive;negative;zero;text, [Red] colours, half-away-from-zero rounding, % × 100,
// 1900 date serials: 1 = 1900-01-01, 60 = the fictitious 1900-02-29, 46023 = 2026-01-01).
import { formatValue, serialToDate } from "../../src/workbench/number-format";

const MONEY = "#,##0.00;[Red]-#,##0.00";

test.each([
  [1234567.891, MONEY, "1,234,567.89", undefined],
  [-1234567.891, MONEY, "-1,234,567.89", "red"],
  [0, MONEY, "0.00", undefined],
  [0.005, MONEY, "0.01", undefined], // half away from zero
  [-0.005, MONEY, "-0.01", "red"],
  [999.995, MONEY, "1,000.00", undefined],
  [12, "#,##0.00", "12.00", undefined],
  [-12.345, "#,##0.00", "-12.35", undefined],
  [0.065, "0.00%", "6.50%", undefined],
  [0.0725, "0.0000%", "7.2500%", undefined],
  [-0.0125, "0.00%", "-1.25%", undefined],
  [1.23456, "0.0000", "1.2346", undefined],
  [36, "0", "36", undefined],
  [2.5, "0", "3", undefined],
  [-2.5, "0", "-3", undefined],
  [46023, "yyyy-mm-dd", "2026-01-01", undefined],
  [46053, "mmm yyyy", "Jan 2026", undefined],
  [46054, "mmm yyyy", "Feb 2026", undefined],
  [1, "yyyy-mm-dd", "1900-01-01", undefined],
  [61, "yyyy-mm-dd", "1900-03-01", undefined],
  [1234.5, "General", "1234.5", undefined],
  [1 / 3, undefined, "0.333333333", undefined],
  [-2, '0.00;(0.00);"zero"', "(2.00)", undefined],
  [0, '0.00;(0.00);"zero"', "zero", undefined],
])("%p in %p shows %p", (value, code, text, color) => {
  expect(formatValue(value, code)).toEqual(color ? { text, color } : { text });
});

test("text, booleans and blanks show as themselves", () => {
  expect(formatValue("OK", MONEY)).toEqual({ text: "OK" });
  expect(formatValue(true, "0")).toEqual({ text: "TRUE" });
  expect(formatValue(false, undefined)).toEqual({ text: "FALSE" });
  expect(formatValue(null, MONEY)).toEqual({ text: "" });
});

test("serials around Excel's fictitious 1900-02-29", () => {
  expect(serialToDate(59)).toEqual({ y: 1900, m: 2, d: 28 });
  expect(serialToDate(60)).toEqual({ y: 1900, m: 2, d: 29 });
  expect(serialToDate(61)).toEqual({ y: 1900, m: 3, d: 1 });
  expect(serialToDate(45658)).toEqual({ y: 2025, m: 1, d: 1 });
});
