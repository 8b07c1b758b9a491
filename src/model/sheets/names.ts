/** The workbook's sheet names and the PC tab names derived from the PCs' names. */
import { REFERENCE_SHEET } from "../reference";

export const INPUTS = "Inputs";
export const MSO = "MSO";
export const IC = "Intercompany";
export const CHECKS = "Checks";
export const SUMMARY = "Summary";
// "Consolidated" and "Tax" (v2.2 sheets) start with no "PC – ", so no PC tab can take them.
const RESERVED = [INPUTS, MSO, IC, CHECKS, SUMMARY, REFERENCE_SHEET];

/** `$C$12`: an absolute address, for names and cross-sheet links. */
export const abs = (row: number, col: string): string => `$${col}$${row}`;

/** "PC – <name>": ≤ 31 characters, none of []:*?/\, no edge apostrophes, unique (case-insensitive). */
export function pcSheetNames(names: string[]): string[] {
  const taken = new Set(RESERVED.map((n) => n.toLowerCase()));
  return names.map((raw) => {
    const clean = raw
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const base = `PC – ${clean}`
      .slice(0, 31)
      .replace(/^'+|'+$/g, "")
      .trim();
    let name = base;
    for (let k = 2; taken.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = base.slice(0, 31 - suffix.length).trim() + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
