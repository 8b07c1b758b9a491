/**
 * The Summary sheet: per model year, the entities side by side (MSO, then each PC), each line a
 * SUMIF over the entity's timeline by its model-year row; then all months; then the realised
 * markups beside the FMV range, for the charts.
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
  const years = Math.ceil(T / 12);
  const sm = new SheetWriter(SUMMARY, "summary");
  sm.label("A1", `Summary by model year, entities side by side — ${inputs.name}`, "title");
  sm.label(
    "A2",
    "Amounts in US dollars; each model year's months summed (the last year may be partial).",
    "note",
  );
  const entities = [
    { name: "MSO", sheet: MSO },
    ...inputs.pcs.map((pc, p) => ({ name: pc.name, sheet: pcSheets[p] })),
  ];
  const col = (e: number) => columnLetter(3 + e);
  ["Line", "Unit", "Model year, 0-based"].forEach((t, i) => sm.label(`${"ABC"[i]}4`, t, "header"));
  entities.forEach((e, i) => sm.label(`${col(i)}4`, e.name, "header"));
  // One line per row: the MSO's row and each PC's row (0 = not on that entity's books).
  const lines: [string, number, number][] = [
    ["Collections", 0, PC_ROW.coll],
    ["MSA fee: MSO revenue / PC expense", mso.rev, PC_ROW.fee],
    ["Interest: MSO income / PC expense", mso.intInc, PC_ROW.int],
    ["MSO total costs / PC clinical costs", mso.costs, PC_ROW.clin],
    ["Physician compensation", 0, PC_ROW.comp],
    ["MSO pre-tax income", mso.preTax, 0],
    ["MSO income tax", mso.tax, 0],
    ["Net income", mso.net, PC_ROW.ni],
  ];
  const range = (sheet: string, row: number) =>
    `${sheetRef(sheet)}$${months[0]}$${row}:$${months[T - 1]}$${row}`;
  let r = 5;
  const block = (title: string, year: number | null) => {
    const head = r++;
    sm.label(`A${head}`, title, "header");
    if (year !== null) sm.value(`C${head}`, year, "note", FMT.int);
    for (const [label, msoRow, pcRow] of lines) {
      sm.label(`A${r}`, label);
      sm.label(`B${r}`, "$", "note");
      entities.forEach((e, i) => {
        const row = i === 0 ? msoRow : pcRow;
        if (row === 0) return;
        const v = range(e.sheet, row);
        const f = year === null ? `=SUM(${v})` : `=SUMIF(${range(e.sheet, TL.year)},$C$${head},${v})`;
        sm.formula(`${col(i)}${r}`, f, "formula", FMT.money);
      });
      r++;
    }
    r++;
  };
  for (let y = 0; y < years; y++) block(`Model year ${y + 1}`, y);
  block(`All ${T} months`, null);
  // v2.2's lines (cash, consolidation, tax, deal), one column per model year under its own header.
  const yCols = Array.from({ length: years }, (_, i) => columnLetter(2 + i));
  const totCol = columnLetter(2 + years);
  const yearHead = r++;
  sm.label(`A${yearHead}`, "Cash, consolidation and tax by model year", "header");
  sm.label(`B${yearHead}`, "Model year, 0-based", "note");
  yCols.forEach((c, i) => sm.value(`${c}${yearHead}`, i, "header", FMT.int));
  const labels = r++;
  yCols.forEach((c, i) => sm.value(`${c}${labels}`, `Year ${i + 1}`, "header"));
  sm.value(`${totCol}${labels}`, "Total", "header");
  r = summaryV22Rows(sm, r, months, yCols, totCol, v22, yearHead);
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
  sm.columnWidths.C = 12;
  entities.forEach((_, i) => (sm.columnWidths[col(i)] = 18));

  return { writer: sm, layout: { fmvHead, fmv0, fmv1 } };
}
