/**
 * The Summary sheet: every entity's income statement lines by model year (SUMIF over each
 * timeline's model-year row), and the realised markups beside the FMV range for the charts.
 */
import { ModelInputs } from "../inputs";
import { columnLetter, sheetRef } from "../plan";
import { FMT, SheetWriter, TL } from "../writer";
import { MsoLayout } from "./mso";
import { CHECKS, MSO, SUMMARY } from "./names";
import { PC_ROW } from "./pc";
import { SummaryV22Sources, summaryV22Rows } from "./summary-v22";

/** The FMV table's header row and its first and last PC rows (the charts' source). */
export interface SummaryLayout {
  fmvHead: number;
  fmv0: number;
  fmv1: number;
}

export function buildSummary(
  inputs: ModelInputs,
  months: string[],
  mso: MsoLayout,
  pcSheets: string[],
  v22: SummaryV22Sources,
): { writer: SheetWriter; layout: SummaryLayout } {
  const T = months.length;
  const { rev, intInc, costs, preTax, tax, net } = mso;
  const years = Math.ceil(T / 12);
  const sm = new SheetWriter(SUMMARY, "summary");
  sm.label("A1", `Summary by model year — ${inputs.name}`, "title");
  sm.label("A3", "Model year, 0-based", "note");
  const yCols = Array.from({ length: years }, (_, i) => columnLetter(2 + i));
  const totCol = columnLetter(2 + years);
  yCols.forEach((c, i) => {
    sm.formula(`${c}3`, `=COLUMN()-COLUMN($B$3)-1`, "header", FMT.int);
    sm.value(`${c}4`, `Year ${i + 1}`, "header");
  });
  sm.value(`${totCol}4`, "Total", "header");
  sm.label("A4", "Entity / line", "header");
  sm.label("B4", "Unit", "header");
  let r = 5;
  const yearRow = (label: string, sheet: string, row: number) => {
    const s = sheetRef(sheet);
    const y = `${s}$${months[0]}$${TL.year}:$${months[T - 1]}$${TL.year}`;
    const v = `${s}$${months[0]}$${row}:$${months[T - 1]}$${row}`;
    sm.label(`A${r}`, label);
    sm.label(`B${r}`, "$", "note");
    yCols.forEach((c) => sm.formula(`${c}${r}`, `=SUMIF(${y},${c}$3,${v})`, "formula", FMT.money));
    sm.formula(`${totCol}${r}`, `=SUM(${yCols[0]}${r}:${yCols[years - 1]}${r})`, "formula", FMT.money);
    r++;
  };
  sm.label(`A${r++}`, "MSO", "header");
  yearRow("MSA fee revenue", MSO, rev);
  yearRow("Interest income", MSO, intInc);
  yearRow("Total costs", MSO, costs);
  yearRow("Pre-tax income", MSO, preTax);
  yearRow("Income tax", MSO, tax);
  yearRow("Net income", MSO, net);
  r = summaryV22Rows(sm, r, months, yCols, totCol, v22);
  inputs.pcs.forEach((pc, p) => {
    sm.label(`A${r++}`, pc.name, "header");
    yearRow("Collections", pcSheets[p], PC_ROW.coll);
    yearRow("MSA fee expense", pcSheets[p], PC_ROW.fee);
    yearRow("Interest expense", pcSheets[p], PC_ROW.int);
    yearRow("Physician compensation", pcSheets[p], PC_ROW.comp);
    yearRow("Net income", pcSheets[p], PC_ROW.ni);
  });
  r++;
  const fmvHead = r++;
  ["PC", "Realised markup", "FMV low", "FMV high"].forEach((t, i) =>
    sm.label(`${columnLetter(i)}${fmvHead}`, t, "header"),
  );
  const fmv0 = r;
  inputs.pcs.forEach((pc, p) => {
    sm.value(`A${r}`, pc.name, "label");
    sm.formula(`B${r}`, `=${sheetRef(pcSheets[p])}C${PC_ROW.markup}`, "link", FMT.pct4);
    sm.formula(`C${r}`, `=${CHECKS}!$B$5`, "link", FMT.pct4);
    sm.formula(`D${r}`, `=${CHECKS}!$D$5`, "link", FMT.pct4);
    r++;
  });
  const fmv1 = r - 1;
  sm.columnWidths.A = 40;
  sm.columnWidths.B = 16;
  for (const c of [...yCols, totCol]) sm.columnWidths[c] = 16;

  return { writer: sm, layout: { fmvHead, fmv0, fmv1 } };
}
