/**
 * FMV.RANGE / FMV.TEST against DOMAIN.md §2.2 (TV-IQR-1..5: IRS per Treas. Reg. §1.482-1(e)(2)(iii)(C),
 * Excel PERCENTILE.INC and PERCENTILE.EXC, numpy-cross-checked) and the edge cases §2.2 lists.
 */
import "../functions/helpers/excel";
import * as F from "../../src/functions/functions";

const col = (xs: number[]) => xs.map((x) => [x]);
type Row = [number, number, number];
const range = (xs: number[], lo: number | null, hi: number | null, method: string | null): Row =>
  F.fmvRange(col(xs), lo as never, hi as never, method as never)[0] as Row;
const near = (got: Row, want: Row) => want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 12));

const IQR: [id: string, data: number[], irs: Row, inc: [number, number], exc: [number, number]][] = [
  ["TV-IQR-1 (Reg. Example 3)", [42, 44, 45, 47.5], [43, 44.5, 46.25], [43.5, 45.625], [42.5, 46.875]],
  ["TV-IQR-2", [4, 5, 6, 7, 8, 9, 10, 11], [5.5, 7.5, 9.5], [5.75, 9.25], [5.25, 9.75]],
  ["TV-IQR-3", [3.1, 4.5, 5.0, 6.2, 7.8, 8.4, 9.9, 12.0, 15.3], [5.0, 7.8, 9.9], [5.0, 9.9], [4.75, 10.95]],
  [
    "TV-IQR-4",
    [2.0, 3.5, 4.1, 5.0, 5.6, 6.3, 7.0, 8.2, 9.5, 12.0],
    [4.1, 5.95, 8.2],
    [4.325, 7.9],
    [3.95, 8.525],
  ],
  ["TV-IQR-5", [6, 8, 9, 11, 20], [8, 9, 11], [8, 11], [7, 15.5]],
];

describe.each(IQR)("%s", (_id, data, irs, inc, exc) => {
  const shuffled = [...data].reverse();
  test("IRS (default method and percentiles)", () => near(range(shuffled, null, null, null), irs));
  test("INC", () => near(range(shuffled, 0.25, 0.75, "INC"), [inc[0], irs[1], inc[1]]));
  test("EXC", () => near(range(shuffled, 0.25, 0.75, "exc"), [exc[0], irs[1], exc[1]]));
  test("MINMAX", () => near(range(shuffled, null, null, "MinMax"), [data[0], irs[1], data[data.length - 1]]));
});

describe("edge cases (DOMAIN.md §2.2)", () => {
  test("n = 1: every quantile is the value", () => {
    for (const m of ["IRS", "INC"]) near(range([7], 0.1, 0.9, m), [7, 7, 7]);
  });
  test("n = 2: IRS k = 0.5 → x1, median (x1+x2)/2, k = 1.5 → x2", () =>
    near(range([10, 2], null, null, "IRS"), [2, 6, 10]));
  test("n = 2: INC Q1 = 2 + 0.25 × 8 = 4, Q3 = 8", () => near(range([10, 2], null, null, "INC"), [4, 6, 8]));
  test("duplicates", () => {
    // IRS: n = 6, k = 1.5 → x2 = 5; k = 4.5 → x5 = 7; median (5+7)/2 = 6.
    near(range([5, 5, 5, 7, 7, 7], null, null, "IRS"), [5, 6, 7]);
  });
  test("blanks are skipped", () => {
    expect(F.fmvRange([[42], [null], [44], [""], [45], [47.5]])).toEqual([[43, 44.5, 46.25]]);
  });
  test("a 2-D range is read as a set of values", () => {
    expect(
      F.fmvRange([
        [47.5, 42],
        [45, 44],
      ]),
    ).toEqual([[43, 44.5, 46.25]]);
  });
  test("MINMAX ignores lowPct and highPct, even invalid ones", () => {
    near(range([3, 1, 2], 0.9, 0.1, "MINMAX"), [1, 2, 3]);
    near(range([3, 1, 2], 5, -5, "minmax"), [1, 2, 3]);
  });
  test("INC allows 0 and 1: min and max", () => near(range([3, 1, 2], 0, 1, "INC"), [1, 2, 3]));
  test("EXC at the edge of the data: p = 1/(n+1) and n/(n+1) give x1 and xn", () => {
    // n = 4: 0.2 × 5 = 1 and 0.8 × 5 = 4.
    near(range([1, 2, 3, 4], 0.2, 0.8, "EXC"), [1, 2.5, 4]);
  });
  test("method text is trimmed and case-insensitive", () =>
    near(range([1, 2, 3, 4], null, null, " inc "), [1.75, 2.5, 3.25]));
});

describe("exact k = p × n (the floating-point trap)", () => {
  const seq = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  test("the traps are real in binary floating point", () => {
    expect(0.28 * 25).not.toBe(7); // 7.000000000000001
    expect(0.29 * 100).not.toBe(29); // 28.999999999999996
    expect(0.07 * 100).not.toBe(7); // 7.000000000000001
  });
  test("p = 0.28, n = 25: k = 7 exactly → (x7 + x8)/2 = 7.5, not x8 = 8", () => {
    expect(range(seq(25), 0.28, 0.5, "IRS")[0]).toBe(7.5);
  });
  test("p = 0.29, n = 100: k = 29 exactly → (x29 + x30)/2 = 29.5, not x29", () => {
    expect(range(seq(100), 0.29, 0.5, "IRS")[0]).toBe(29.5);
  });
  test("p = 0.07, n = 100: k = 7 → 7.5", () => {
    expect(range(seq(100), 0.07, 0.5, "IRS")[0]).toBe(7.5);
  });
  test("p = 0.3, n = 10: k = 3 → (x3 + x4)/2 = 3.5; p = 0.7 → (x7 + x8)/2 = 7.5", () => {
    expect(range(seq(10), 0.3, 0.7, "IRS")).toEqual([3.5, 5.5, 7.5]);
  });
  test("p = 0.1, n = 3: k = 0.3 → x1 (0.1 × 3 = 0.30000000000000004 in binary)", () => {
    expect(range([5, 6, 7], 0.1, 0.5, "IRS")[0]).toBe(5);
  });
  test("INC interpolates exactly: data 1..4, p = 0.1 → 1 + 0.3 = 1.3 (binary: 1.3000000000000003)", () => {
    expect(range([1, 2, 3, 4], 0.1, 0.9, "INC")).toEqual([1.3, 2.5, 3.7]);
  });
  test("EXC interpolates exactly: 0.1, 0.2, 0.3, 0.4 at p = 0.25 → 0.1 + 0.25 × 0.1 = 0.125", () => {
    expect(range([0.1, 0.2, 0.3, 0.4], 0.25, 0.75, "EXC")).toEqual([0.125, 0.25, 0.375]);
  });
});

describe("FMV.TEST", () => {
  const data = col([2.0, 3.5, 4.1, 5.0, 5.6, 6.3, 7.0, 8.2, 9.5, 12.0]); // TV-IQR-4: IRS [4.1, 8.2]
  test("TV-CP-8: markup 10% is ABOVE [4.1, 8.2]; 8% is WITHIN", () => {
    expect(F.fmvTest(10, data)).toBe("ABOVE");
    expect(F.fmvTest(8, data)).toBe("WITHIN");
  });
  test("bounds are inside the range", () => {
    expect(F.fmvTest(4.1, data)).toBe("WITHIN");
    expect(F.fmvTest(8.2, data)).toBe("WITHIN");
    expect(F.fmvTest(4.09, data)).toBe("BELOW");
    expect(F.fmvTest(8.21, data)).toBe("ABOVE");
  });
  test("uses the same method and percentiles as FMV.RANGE: INC [4.325, 7.9]", () => {
    expect(F.fmvTest(4.2, data, 0.25, 0.75, "INC")).toBe("BELOW");
    expect(F.fmvTest(4.2, data)).toBe("WITHIN"); // IRS [4.1, 8.2]
    expect(F.fmvTest(8, data, 0.25, 0.75, "INC")).toBe("ABOVE");
    expect(F.fmvTest(1, data, null as never, null as never, "MINMAX")).toBe("BELOW");
    expect(F.fmvTest(2, data, null as never, null as never, "MINMAX")).toBe("WITHIN");
  });
});
