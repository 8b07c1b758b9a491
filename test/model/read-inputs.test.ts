/**
 * read-inputs: the inputs file rebuilt from the cells an input-cell map names — blank cells leave
 * their field out, list blocks keep their filled rows in order, dates and months come back from
 * Excel serials — so that `parseInputs` validates what the user typed like any other file; and the
 * plan's own input-cell map: the inputs rebuilt from the cells of a built, evaluated workbook
 * (HyperFormula) parse to the very inputs it was built from, for every example and both modes.
 */
import { buildPlan } from "../../src/model/build";
import { parseInputs } from "../../src/model/inputs";
import { PlanInputCell } from "../../src/model/plan";
import { inputsFromCells, serialToIso } from "../../src/model/read-inputs";
import { evaluatePlan } from "../../src/workbook/hyperformula";
import { exampleFiles, loadInputs, withJoinMonths } from "./support";

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

describe.each(exampleFiles())("%s", (file) => {
  it.each(["addin", "portable"] as const)(
    "%s: inputsFromCells(plan.inputCells, workbook) parses to the inputs",
    (mode) => {
      const inputs = loadInputs(file);
      const plan = buildPlan(inputs, { formulas: mode });
      const host = evaluatePlan(plan);
      try {
        const json = inputsFromCells(plan.inputCells ?? [], (s, a1) => host.readValueSync(s, a1));
        const parsed = parseInputs(json);
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
        expect(parsed.ok && parsed.inputs).toEqual(withJoinMonths(inputs));
      } finally {
        host.destroy();
      }
    },
  );
});

describe("the input-cell map", () => {
  const inputs = loadInputs("three-states.json");
  const plan = buildPlan(inputs, { formulas: "portable" });
  const cells = plan.inputCells ?? [];
  const at = (...path: (string | number)[]) =>
    cells.find((c) => JSON.stringify(c.path) === JSON.stringify(path));

  it("names every blue and grey input cell of the plan exactly once", () => {
    const inputCells = plan.sheets.flatMap((s) =>
      s.cells.filter((c) => c.role === "input" || c.role === "structural").map((c) => `${s.name}!${c.a1}`),
    );
    const mapped = cells.map((c) => `${c.sheet}!${c.a1}`);
    expect(new Set(mapped).size).toBe(mapped.length);
    // The Reference tables are blue but are data, not fields of the inputs file.
    expect(inputCells.filter((a) => !a.startsWith("Reference!")).sort()).toEqual([...mapped].sort());
  });

  it("a blank cell leaves the field out, a typed value comes back in its field", () => {
    const values = new Map<string, unknown>();
    const read = (s: string, a1: string) => (values.has(`${s}!${a1}`) ? values.get(`${s}!${a1}`) : null);
    values.set(`Inputs!${at("pcs", 1, "markup")!.a1}`, 0.07);
    values.set(`Inputs!${at("fmv", "benchmarks", 3)!.a1}`, 0.05);
    values.set(`Inputs!${at("fmv", "assessments", 0)!.a1}`, 46023); // 2026-01-01
    values.set(`Inputs!${at("startMonth")!.a1}`, 46054); // 2026-02-01
    values.set(`Inputs!${at("loc", "capitalizeInterest")!.a1}`, "TRUE");
    const json = inputsFromCells(cells, read as never) as Record<string, any>;
    expect(json).toEqual({
      startMonth: "2026-02",
      fmv: { benchmarks: [0.05], assessments: ["2026-01-01"] },
      loc: { capitalizeInterest: true },
      pcs: [undefined, { markup: 0.07 }], // a PC keeps its index
    });
  });
});
