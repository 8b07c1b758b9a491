/**
 * The plan's input-cell map and read-inputs: the inputs file rebuilt from the cells of a built,
 * evaluated workbook (HyperFormula) parses to the very inputs it was built from — for every
 * example and both modes — and a value typed into a cell comes back in its field.
 */
import { buildPlan } from "../../src/model/build";
import { parseInputs } from "../../src/model/inputs";
import { inputsFromCells, serialToIso } from "../../src/model/read-inputs";
import { evaluatePlan } from "../../src/workbook/hyperformula";
import { exampleFiles, loadInputs } from "./support";

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
        expect(parsed.ok && parsed.inputs).toEqual(inputs);
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
      pcs: [{ markup: 0.07 }],
    });
  });

  it("serial dates read back as ISO dates (Excel's 1900 system from March 1900)", () => {
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(46022)).toBe("2025-12-31");
  });
});
