/**
 * The Intercompany sheet: per PC and month, the MSO's figure less the PC's for the fee, the
 * interest, the fees due and the line-of-credit balance. Each side computes its own books (the PC
 * its fee from the MSA's terms, each side its own interest, billing and balances), so every row is
 * a reconciliation of two calculations, never a cell less a link to itself; all must be zero.
 */
import { ModelInputs } from "../inputs";
import { sheetRef } from "../plan";
import { COL, FMT, SheetWriter, TL, timelineHeader, timelineWidths } from "../writer";
import { MsoPcBlock } from "./mso";
import { IC, MSO } from "./names";
import { PC_ROW } from "./pc";
import { PC_CASH_ROW } from "./pc-cash";

/** The difference rows (one per PC and kind) and the row of the largest |difference|. */
export interface IntercompanyLayout {
  icRows: number[];
  icMax: number;
}

export function buildIntercompany(
  inputs: ModelInputs,
  months: string[],
  pcBlocks: MsoPcBlock[],
  pcSheets: string[],
): { writer: SheetWriter; layout: IntercompanyLayout } {
  const ic = new SheetWriter(IC, "intercompany", months);
  timelineHeader(ic, "Intercompany reconciliation — MSO less PC, every month (all zero)");
  timelineWidths(ic);
  ic.label(`${COL.total}${TL.index - 1}`, "Largest |difference|", "header");
  let r = 9;
  const icRows: number[] = [];
  inputs.pcs.forEach((pc, p) => {
    const b = pcBlocks[p];
    const ps = sheetRef(pcSheets[p]);
    ic.label(`A${r++}`, pc.name, "header");
    const pairs: [string, number, number][] = [
      ["MSA fee: MSO revenue − PC expense", b.fee, PC_ROW.fee],
      ["Interest: MSO income − PC expense", b.int, PC_ROW.int],
      ["Fees due: MSO receivable − PC payable", b.dueFrom, PC_CASH_ROW.due],
      ["LOC: MSO receivable − PC payable", b.close, PC_ROW.close],
    ];
    for (const [label, mr, pr] of pairs) {
      const row = r++;
      icRows.push(row);
      ic.timelineRow(row, label, "$", (c) => `=${MSO}!${c}${mr}-${ps}${c}${pr}`, { total: "none" });
      ic.formula(
        `${COL.total}${row}`,
        `=MAX(MAX(${ic.span(row)}),-MIN(${ic.span(row)}))`,
        "formula",
        FMT.money,
      );
    }
  });
  r++;
  const icMax = r;
  ic.label(`A${icMax}`, "Largest |difference|, all PCs", "header");
  ic.formula(
    `${COL.total}${icMax}`,
    `=MAX(${icRows.map((row) => `${COL.total}${row}`).join(",")})`,
    "formula",
    FMT.money,
  );
  return { writer: ic, layout: { icRows, icMax } };
}
