/**
 * A PC sheet's own reading of its MSA terms: markup, fixed fee, floor and cap, each the PC's cell on
 * Inputs when filled, else the group's (a blank group floor or cap: none). The MSO sheet resolves
 * the same terms in its own cells; the PC does not link to them, so that the fee each side books
 * is its own calculation and the Intercompany sheet catches a term either side resolves wrongly
 * (MODEL.md v2.2, "Intercompany, honestly"). Written here, apart from mso.ts, on purpose.
 */
import { FMT, SheetWriter } from "../writer";
import { PC_COL, inRef } from "./inputs";
import { PC_CASH_ROW } from "./pc-cash";

/**
 * The terms block: below the cash results (PC_CASH_ROW), above "FMV by model year"
 * (PC_ROW.yearsHeader). Literal rows, as pc.ts and pc-cash.ts import each other; writePcTerms
 * checks them against both.
 */
export const PC_TERM_ROW = { header: 73, markup: 74, fixed: 75, floor: 76, hasCap: 77, cap: 78 } as const;

/** Writes the terms block, reading the PC's row `pcInputsRow` of the Inputs sheet. */
export function writePcTerms(w: SheetWriter, pcInputsRow: number, nextBlockRow: number): void {
  const T = PC_TERM_ROW;
  if (T.header <= PC_CASH_ROW.maxBsDiff + 1 || T.cap >= nextBlockRow - 1)
    throw new Error(`PC sheet: the MSA terms (rows ${T.header}–${T.cap}) overlap the rows around them`);
  const own = (col: string) => inRef(col, pcInputsRow);
  // Blank on Inputs means "the group's value"; a blank group floor or cap means none (floor 0, no cap).
  const ownElse = (col: string, group: string) => `=IF(ISBLANK(${own(col)}),${group},${own(col)})`;
  const term = (row: number, label: string, unit: string, formula: string, format?: string) => {
    w.label(`A${row}`, label);
    w.label(`B${row}`, unit, "note");
    w.formula(`C${row}`, formula, "formula", format);
  };
  w.label(`A${T.header}`, "MSA terms, as this PC reads them on Inputs (its own, else the group's)", "header");
  term(T.markup, "Markup on cost", "%", ownElse(PC_COL.markup, "Fee_Markup"), FMT.pct);
  term(T.fixed, "Fixed fee per month", "$", ownElse(PC_COL.fixedMonthly, "Fee_Fixed"), FMT.money);
  term(
    T.floor,
    "Monthly floor (0 = none)",
    "$",
    ownElse(PC_COL.monthlyFloor, "IF(ISBLANK(Fee_Floor),0,Fee_Floor)"),
    FMT.money,
  );
  term(
    T.hasCap,
    "Monthly cap applies",
    "TRUE/FALSE",
    `=NOT(AND(ISBLANK(${own(PC_COL.monthlyCap)}),ISBLANK(Fee_Cap)))`,
  );
  term(
    T.cap,
    "Monthly cap (when it applies)",
    "$",
    ownElse(PC_COL.monthlyCap, "IF(ISBLANK(Fee_Cap),0,Fee_Cap)"),
    FMT.money,
  );
}
