/**
 * Benchmark inputs of any size: the workbench's "Large" inputs (src/model/large-inputs.ts) made from
 * the single-PC example, parsed, so a benchmark never runs on inputs the model would refuse.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ModelInputs, parseInputs } from "../src/model/inputs";
import { largeInputs } from "../src/model/large-inputs";

export function benchInputs(pcs: number, months: number): ModelInputs {
  const onePc = JSON.parse(readFileSync(join(__dirname, "..", "examples", "one-pc.json"), "utf8"));
  const parsed = parseInputs({
    ...largeInputs(onePc, pcs, months),
    name: `Benchmark: ${pcs} PCs over ${months} months`,
  });
  if (!parsed.ok) throw new Error(`benchmark inputs invalid: ${parsed.errors.join("; ")}`);
  return parsed.inputs;
}
