// The models the workbench offers must build: a visitor who picks one sees a model, not a refusal.
// The large one (the 50-PC model the team measures responsiveness with) once failed to parse after
// v2.1 keyed compliance answers by PC name; here it parses at full size, and a small cut of the same
// generator builds headless with every check OK (the benchmark model is a compliant one: an FMV
// assessment before each year, MSO cash in proportion to the practices).
import onePc from "../../examples/one-pc.json";
import { buildPlan } from "../../src/model/build";
import { parseInputs } from "../../src/model/inputs";
import { largeInputs } from "../../src/model/large-inputs";
import { readSummary } from "../../src/model/summary";
import { EXAMPLES } from "../../src/workbench/examples";
import { evaluatePlan } from "../../src/workbook/hyperformula";

test.each(EXAMPLES.map((e) => [e.id, e] as const))("the workbench's %s example parses", (_id, example) => {
  const parsed = parseInputs(example.inputs());
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
});

test("the large example has 50 practices over 120 months, each with its own tab name and compliance answers", () => {
  const parsed = parseInputs(EXAMPLES.find((e) => e.id === "large")!.inputs());
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  expect(parsed.inputs.months).toBe(120);
  expect(parsed.inputs.pcs).toHaveLength(50);
  expect(new Set(parsed.inputs.pcs.map((p) => p.name)).size).toBe(50);
});

test("three practices over three years from the same generator build with every check OK", async () => {
  const parsed = parseInputs(largeInputs(onePc, 3, 36));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const plan = buildPlan(parsed.inputs, { formulas: "portable" });
  const host = evaluatePlan(plan);
  try {
    const summary = await readSummary(plan, host);
    const failing = Object.entries(summary.checks).filter(([, ok]) => ok !== true && !Array.isArray(ok));
    expect(failing).toEqual([]);
    expect(summary.checks.master).toBe(true);
    expect(summary.pcs.map((p) => p.name)).toEqual(["Practice 01 PC", "Practice 02 PC", "Practice 03 PC"]);
  } finally {
    host.destroy();
  }
});
