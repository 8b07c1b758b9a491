/**
 * Benchmark inputs of any size: the single-PC example's assumptions, with `pcs` practices in a
 * rotation of states and sizes and a timeline of `months` months. Valid by construction (parsed).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ModelInputs, parseInputs } from "../src/model/inputs";

const STATES = ["TX", "FL", "CA", "NY", "GA", "IL", "AZ", "CO", "WA", "PA"];

export function benchInputs(pcs: number, months: number): ModelInputs {
  const base = JSON.parse(readFileSync(join(__dirname, "..", "examples", "one-pc.json"), "utf8"));
  // Each practice is named below; the example's own tab name (shortName) would clash across copies.
  const template = { ...base.pcs[0] };
  delete template.shortName;
  // The example's compliance answers are keyed by its own PC's name, which the copies do not have.
  if (base.compliance) delete base.compliance.pcs;
  base.name = `Benchmark: ${pcs} PCs over ${months} months`;
  base.months = months;
  base.pcs = Array.from({ length: pcs }, (_, i) => ({
    ...template,
    name: `Practice ${String(i + 1).padStart(2, "0")} PC`,
    state: STATES[i % STATES.length],
    annualCollections: template.annualCollections * (0.6 + ((i * 7) % 10) / 10),
    providerFtes: template.providerFtes + (i % 5),
    annualVisits: template.annualVisits + 1000 * (i % 7),
  }));
  // A line big enough for the whole group, so the benchmark model is a compliant one.
  base.loc.limit = 1_000_000 * pcs;
  // Every practice physician-owned by a licensed owner (v2.1 Compliance keys are PC names).
  base.compliance.pcs = Object.fromEntries(
    base.pcs.map((p: { name: string }) => [p.name, { physicianOwned: "Yes", ownerLicensed: "Yes" }]),
  );
  const parsed = parseInputs(base);
  if (!parsed.ok) throw new Error(`benchmark inputs invalid: ${parsed.errors.join("; ")}`);
  return parsed.inputs;
}
