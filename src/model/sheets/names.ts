/** The workbook's sheet names and the PC tab names derived from the PCs' names. */
import { tabName, tabText } from "../inputs";

export const INPUTS = "Inputs";
export const MSO = "MSO";
export const IC = "Intercompany";
export const CHECKS = "Checks";
export const SUMMARY = "Summary";

/** `$C$12`: an absolute address, for names and cross-sheet links. */
export const abs = (row: number, col: string): string => `$${col}$${row}`;

/**
 * "PC – <short name or name>": the text cut to 24 characters, none of []:*?/\ (replaced by
 * spaces), no edge apostrophes. Clashes are refused when the inputs are parsed (no "(2)").
 */
export function pcSheetNames(pcs: { name: string; shortName?: string }[]): string[] {
  return pcs.map((pc) => `PC – ${tabText(tabName(pc))}`);
}
