/**
 * read-inputs: the inputs file rebuilt from the cells an input-cell map names — blank cells leave
 * their field out, list blocks keep their filled rows in order, dates and months come back from
 * Excel serials — so that `parseInputs` validates what the user typed like any other file.
 */
import { PlanInputCell } from "../../src/model/plan";
import { inputsFromCells, serialToIso } from "../../src/model/read-inputs";

const cell = (a1: string, path: PlanInputCell["path"], type: PlanInputCell["type"]): PlanInputCell => ({
  sheet: "Inputs",
  a1,
  path,
  type,
});

describe("inputsFromCells", () => {
  const cells = [
    cell("C5", ["name"], "text"),
    cell("C6", ["startMonth"], "month"),
    cell("C7", ["loc", "capitalizeInterest"], "boolean"),
    cell("C8", ["fmv", "benchmarks", 0], "number"),
    cell("C9", ["fmv", "benchmarks", 1], "number"),
    cell("C10", ["fmv", "benchmarks", 2], "number"),
    cell("C11", ["fmv", "assessments", 0], "date"),
    cell("N20", ["pcs", 0, "markup"], "number"),
    cell("N21", ["pcs", 1, "markup"], "number"),
    cell("D5", ["compliance", "answers", "cpom-laws", "answer"], "text"),
  ];
  const values: Record<string, unknown> = {
    C5: "Model",
    C6: 46054, // 2026-02-01
    C7: "TRUE",
    C8: 0.05,
    C9: null, // a blank row inside the block: dropped
    C10: 0.07,
    C11: 46022, // 2025-12-31
    N20: null,
    N21: 0.06,
    D5: "fixed ", // text stays as typed, for the schema to judge
  };
  it("rebuilds the JSON by path; blanks are left out; value lists keep their filled rows in order", () => {
    expect(inputsFromCells(cells, (_s, a1) => (values[a1] ?? null) as never)).toEqual({
      name: "Model",
      startMonth: "2026-02",
      loc: { capitalizeInterest: true },
      fmv: { benchmarks: [0.05, 0.07], assessments: ["2025-12-31"] },
      pcs: [undefined, { markup: 0.06 }], // a PC keeps its index (the schema names pcs[0])
      compliance: { answers: { "cpom-laws": { answer: "fixed " } } },
    });
  });
  it("an error value is passed on for the schema to refuse by its path", () => {
    expect(inputsFromCells([cell("C5", ["loc", "rate"], "number")], () => ({ error: "#VALUE!" }))).toEqual({
      loc: { rate: { error: "#VALUE!" } },
    });
  });
  it("serial dates read back as ISO dates (Excel's 1900 system from March 1900)", () => {
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(46022)).toBe("2025-12-31");
  });
});
