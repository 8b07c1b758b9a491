/**
 * The models the workbench offers: the repository's examples, and a large one made from the
 * single-PC example (50 practices over 120 months, the size the team measures responsiveness at),
 * generated the way bench/model-inputs.ts makes its benchmark inputs.
 */
import onePc from "../../examples/one-pc.json";
import tenPc from "../../examples/ten-pc-acquisition.json";
import threeStates from "../../examples/three-states.json";

const STATES = ["TX", "FL", "CA", "NY", "GA", "IL", "AZ", "CO", "WA", "PA"];

/** Practices rotated through states and sizes; a line of credit big enough for the group. */
export function largeExample(pcs: number, months: number): unknown {
  const base = JSON.parse(JSON.stringify(onePc)) as typeof onePc & { loc: { limit: number } };
  const template = base.pcs[0];
  return {
    ...base,
    name: `Large: ${pcs} PCs over ${months} months`,
    months,
    pcs: Array.from({ length: pcs }, (_, i) => ({
      ...template,
      name: `Practice ${String(i + 1).padStart(2, "0")} PC`,
      state: STATES[i % STATES.length],
      annualCollections: template.annualCollections * (0.6 + ((i * 7) % 10) / 10),
      providerFtes: template.providerFtes + (i % 5),
      annualVisits: template.annualVisits + 1000 * (i % 7),
    })),
    loc: { ...base.loc, limit: 1_000_000 * pcs },
  };
}

export interface Example {
  id: string;
  label: string;
  inputs: () => unknown;
}

export const EXAMPLES: Example[] = [
  { id: "three-states", label: threeStates.name, inputs: () => threeStates },
  { id: "one-pc", label: onePc.name, inputs: () => onePc },
  { id: "ten-pc", label: tenPc.name, inputs: () => tenPc },
  { id: "large", label: "Large: 50 PCs over 120 months", inputs: () => largeExample(50, 120) },
];

export const DEFAULT_EXAMPLE = "three-states";
