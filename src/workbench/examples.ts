/**
 * The models the workbench offers: the repository's examples, and a large one made from the
 * single-PC example (50 practices over 120 months, the size the team measures responsiveness at),
 * the same inputs as the benchmarks' (src/model/large-inputs.ts).
 */
import onePc from "../../examples/one-pc.json";
import rollUp from "../../examples/roll-up.json";
import tenPc from "../../examples/ten-pc-acquisition.json";
import threeStates from "../../examples/three-states.json";
import { largeInputs } from "../model/large-inputs";

export interface Example {
  id: string;
  label: string;
  inputs: () => unknown;
}

export const EXAMPLES: Example[] = [
  { id: "three-states", label: threeStates.name, inputs: () => threeStates },
  { id: "one-pc", label: onePc.name, inputs: () => onePc },
  { id: "ten-pc", label: tenPc.name, inputs: () => tenPc },
  { id: "roll-up", label: rollUp.name, inputs: () => rollUp },
  { id: "large", label: "Large: 50 PCs over 120 months", inputs: () => largeInputs(onePc, 50, 120) },
];

export const DEFAULT_EXAMPLE = "three-states";
