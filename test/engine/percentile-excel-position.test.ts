/**
 * PERCENTILE.INC and .EXC at fractions with no exact decimal (=1/3, =2/3, =1/7): Excel and
 * LibreOffice Calc compute the position in binary, where 3 × (1/3) is exactly 1, so they return a
 * data value, not #NUM! and not a value a hair off. Expected values: LibreOffice Calc's
 * PERCENTILE.EXC / PERCENTILE.INC on the same data, which follow Excel's documented positions
 * h = (n + 1)p and h = (n − 1)p + 1.
 */
import * as F from "../../src/functions/adapters";

const col = (xs: number[]) => xs.map((x) => [x]);
const range = (xs: number[], lo: number, hi: number, method: string) =>
  F.fmvRange(col(xs), lo, hi, method)[0];

test("EXC on 10, 20 at 1/3 and 2/3: h = 3 × 1/3 = 1 and 3 × 2/3 = 2, so the low is 10 and the high 20", () => {
  expect(range([10, 20], 1 / 3, 2 / 3, "EXC")).toEqual([10, 15, 20]);
});

test("EXC on 1..6 at 1/7 and 6/7: h = 7/7 = 1 and 42/7 = 6 → 1 and 6", () => {
  expect(range([1, 2, 3, 4, 5, 6], 1 / 7, 6 / 7, "EXC")).toEqual([1, 3.5, 6]);
});

test("EXC on 1..10 at 1/11 and 10/11 → 1 and 10", () => {
  expect(range([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1 / 11, 10 / 11, "EXC")).toEqual([1, 5.5, 10]);
});

test("INC on 1..4 at 1/3 and 2/3: h = 3p + 1 = 2 and 3 → 2 and 3 exactly", () => {
  expect(range([1, 2, 3, 4], 1 / 3, 2 / 3, "INC")).toEqual([2, 2.5, 3]);
});

test("a decimal p stays exact: INC on 1..4 at 0.1 is 1 + 0.3 × (2 − 1) = 1.3", () => {
  expect(range([1, 2, 3, 4], 0.1, 0.9, "INC")).toEqual([1.3, 2.5, 3.7]);
});

test("EXC still gives #NUM! where the position really is outside the data: 4 values at 0.1 → h = 0.5", () => {
  expect(() => range([1, 2, 3, 4], 0.1, 0.75, "EXC")).toThrow(/lowPct/);
});

test("FMV.TEST agrees at those positions: 20 on 10, 20 at 1/3..2/3 (EXC) is WITHIN, 20.000001 ABOVE", () => {
  expect(F.fmvTest(20, col([10, 20]), 1 / 3, 2 / 3, "EXC")).toBe("WITHIN");
  expect(F.fmvTest(20.000001, col([10, 20]), 1 / 3, 2 / 3, "EXC")).toBe("ABOVE");
});

test("EXC at 1/49 on 48 values is #NUM!, as in Excel: 49 × (1/49) is 0.9999999999999999 in binary", () => {
  const values = Array.from({ length: 48 }, (_, i) => i + 1);
  expect(49 * (1 / 49)).toBeLessThan(1); // the binary product the position is
  expect(() => range(values, 1 / 49, 0.5, "EXC")).toThrow(/lowPct: with method EXC/);
});
