/**
 * One PC sheet per PC: that PC's books by month (collections, clinical costs, the MSA fee it
 * computes itself from the MSA's terms as it reads them on Inputs, interest, physician
 * compensation, net income), its own side of the line of credit, and its results (realised markup
 * and FMV status, peak balance, required limit).
 */
import { ModelInputs } from "../inputs";
import { FormulaMode } from "../plan";
import { FMT, SheetWriter, TL, statusFormats, timelineHeader, timelineWidths } from "../writer";
import * as F from "../formulas";
import { PC_COL, inRef } from "./inputs";
import { MSO } from "./names";
import { ACTIVE_ROW, PC_CASH_ROW, buildPcCash, writeActivity } from "./pc-cash";
import { PC_TERM_ROW, writePcTerms } from "./pc-terms";

/** The layout of every PC sheet: fixed rows, so links and checks address them by name. */
export const PC_ROW = {
  coll: 12,
  clin: 13,
  fee: 14,
  pt: 15,
  int: 16,
  comp: 17,
  ni: 18,
  open: 21,
  draw: 22,
  repay: 23,
  locInt: 24,
  cap: 25,
  close: 26,
  limit: 27,
  headroom: 28,
  markup: 31,
  status: 32,
  peak: 33,
  required: 34,
  limitOk: 35,
  minComp: 36,
  /**
   * "FMV by model year": a header, then one row per model year (markup in C, status in D). Below
   * the v2.2 rows (PC_CASH_ROW, from row 39) and the PC's MSA terms (PC_TERM_ROW), as the number
   * of years varies.
   */
  yearsHeader: 80,
} as const;
const PC_LOC_INT = PC_ROW.locInt;

/**
 * The MSO sheet's monthly rows this PC's sheet reads: the cost base the MSO invoices (the PC's fee
 * is the MSA's terms applied to it) and the fee and pass-through billed (its realised markup). Not
 * the terms: the PC reads those on Inputs itself (pc-terms.ts).
 */
export interface PcMsoRows {
  fee: number;
  pt: number;
  base: number;
}

export function buildPcSheet(
  pc: ModelInputs["pcs"][number],
  sheetName: string,
  inputsRow: number,
  b: PcMsoRows,
  mode: FormulaMode,
  months: string[],
  /** v2.2: the PC's row in the acquisitions table (the PC computes its own fee expense). */
  v22: { acqRow: number },
  firstBenchmark: string,
): SheetWriter {
  const w = new SheetWriter(sheetName, "pc", months);
  const ir = inputsRow;
  timelineHeader(w, `PC books — ${pc.name}`);
  timelineWidths(w);
  const R = PC_ROW;
  const C = PC_CASH_ROW;
  // Every monthly amount of the PC is multiplied by its activity flag a (MODEL.md v2.2).
  const a = (c: string) => `${c}$${ACTIVE_ROW}`;
  const t = (c: string) => `${c}$${TL.index}`;
  const j = `$C$${ACTIVE_ROW}`;
  writeActivity(w, v22.acqRow);
  w.label("A9", "State");
  w.formula("C9", `=${inRef(PC_COL.state, ir)}`, "link");
  w.label("A10", "CPOM tier (Reference sheet; verify)");
  w.formula("C10", `=IFERROR(INDEX(CPOM_Tier,MATCH(C9,CPOM_Code,0)),CPOM_Default)`);
  w.label("A11", "Income statement", "header");
  w.timelineRow(
    R.coll,
    "Collections",
    "$",
    (c) =>
      `=${a(c)}*${inRef(PC_COL.collections, ir)}/MonthsPerYear*(1+${inRef(PC_COL.growth, ir)})^${c}$${TL.year}`,
  );
  w.timelineRow(
    R.clin,
    "Clinical costs",
    "$",
    (c) =>
      `=${a(c)}*${inRef(PC_COL.clinical, ir)}/MonthsPerYear*(1+${inRef(PC_COL.growth, ir)})^${c}$${TL.year}`,
  );
  // The PC computes its fee expense itself: the MSA's terms as it reads them on Inputs (its own
  // cells, PC_TERM_ROW, not the MSO's) on the cost base the MSO invoices and its own pass-through,
  // so the Intercompany sheet compares two calculations (v2.2).
  const T = PC_TERM_ROW;
  const own = (row: number) => `$C$${row}`;
  w.timelineRow(R.fee, "MSA fee expense (MSA terms on the invoiced cost base)", "$", (c) => {
    const pre = F.feeBeforeCap(
      mode,
      `${MSO}!${c}${b.base}`,
      `${c}${R.pt}`,
      own(T.markup),
      own(T.fixed),
    ).slice(1);
    return `=${a(c)}*(${F.capAndFloor(pre, own(T.floor), own(T.hasCap), own(T.cap)).slice(1)})`;
  });
  w.timelineRow(
    R.pt,
    "of which pass-through",
    "$",
    (c) => `=${a(c)}*${inRef(PC_COL.passThrough, ir)}/MonthsPerYear`,
  );
  w.timelineRow(R.int, "Interest expense", "$", (c) => `=${c}${PC_LOC_INT}`);
  w.timelineRow(
    R.comp,
    "Physician compensation",
    "$",
    (c) =>
      `=IF(${inRef(PC_COL.compMode, ir)}="fixed",${a(c)}*${inRef(PC_COL.compAnnual, ir)}/MonthsPerYear,IF(${inRef(PC_COL.compMode, ir)}="residual",${c}${R.coll}-${c}${R.clin}-${c}${R.fee}-${c}${R.int},NA()))`,
  );
  w.timelineRow(
    R.ni,
    "Net income",
    "$",
    (c) => `=${c}${R.coll}-${c}${R.clin}-${c}${R.fee}-${c}${R.int}-${c}${R.comp}`,
  );
  w.label("A20", "Line of credit payable to the MSO", "header");
  w.timelineRow(
    R.open,
    "Opening balance",
    "$",
    (c, prev) => `=IF(${t(c)}<${j},0,IF(${t(c)}=${j},$C${R.open},${prev}${R.close}))`,
    {
      total: "none",
      constant: { formula: `=${inRef(PC_COL.locOpening, ir)}`, role: "link", format: FMT.money },
    },
  );
  w.timelineRow(
    R.draw,
    "Draw (fee deferred + draw for cash)",
    "$",
    (c) => `=${c}${C.defer}+${c}${C.cashDraw}`,
  );
  // Cash mode: a revolver repaid from cash above the minimum; deferral: the fixed repayment, or with
  // the sweep at least the cash above the minimum.
  w.timelineRow(R.repay, "Repayment", "$", (c) => {
    const surplus = `${c}${C.pre}-$C$${C.cashDraw}`;
    return `=IF(LOC_DrawMode="cash",MIN(${c}${R.open},MAX(0,${surplus})),IF(LOC_Sweep,MIN(${c}${R.open},MAX(LOC_Repayment,${surplus})),MIN(${c}${R.open},LOC_Repayment)))`;
  });
  w.timelineRow(PC_LOC_INT, "Interest", "$", (c) =>
    F.interest(mode, `${c}${R.open}`, `${c}$${TL.start}`, `${c}$${TL.days}`),
  );
  w.timelineRow(R.cap, "Interest capitalised", "$", (c) => `=IF(LOC_Capitalize,${c}${PC_LOC_INT},0)`);
  w.timelineRow(
    R.close,
    "Closing balance",
    "$",
    (c) => `=${c}${R.open}+${c}${R.draw}-${c}${R.repay}+${c}${R.cap}`,
    { total: "none" },
  );
  w.timelineRow(R.limit, "Credit limit", "$", () => `=$C$${R.limit}`, {
    total: "none",
    constant: {
      formula: `=IF(ISBLANK(${inRef(PC_COL.locLimit, ir)}),LOC_Limit,${inRef(PC_COL.locLimit, ir)})`,
      role: "formula",
      format: FMT.money,
    },
  });
  w.timelineRow(R.headroom, "Headroom", "$", (c) => `=${c}${R.limit}-${c}${R.close}`, { total: "none" });
  w.conditionalFormats.push({ range: w.span(R.comp), rule: { kind: "lessThan", value: 0 }, style: "bad" });
  w.label("A30", "Results", "header");
  const result = (row: number, label: string, unit: string, formula: string, format?: string) => {
    w.label(`A${row}`, label);
    w.label(`B${row}`, unit, "note");
    w.formula(`C${row}`, formula, "formula", format);
  };
  // FMV by model year (the last may be partial): the realised markup over the year's active months
  // (inactive months have no base, fee or pass-through), blank with status N/A when the PC has no
  // active month in the year (v2.2); rounded (RoundDecimals = 10 places) so that a markup on an
  // FMV bound in decimal is on it here too, not 1e-16 either side; the status tests the very
  // number shown.
  const years = pcYears(months.length);
  w.label(`A${R.yearsHeader}`, "FMV by model year", "header");
  w.label(`B${R.yearsHeader}`, "Unit", "header");
  w.label(`C${R.yearsHeader}`, "Realised markup", "header");
  w.label(`D${R.yearsHeader}`, "FMV status", "header");
  years.forEach((y) => {
    const row = R.yearsHeader + 1 + y;
    const mf = `${MSO}!${months[12 * y]}`;
    const ml = months[Math.min(12 * y + 11, months.length - 1)];
    const sum = (r: number) => `SUM(${mf}${r}:${ml}${r})`;
    w.label(`A${row}`, `Model year ${y + 1}`);
    w.label(`B${row}`, "%", "note");
    w.formula(
      `C${row}`,
      `=IF(${sum(b.base)}=0,"",ROUND((${sum(b.fee)}-${sum(b.pt)})/${sum(b.base)}-1,RoundDecimals))`,
      "formula",
      FMT.pct4,
    );
    w.formula(`D${row}`, `=IF(C${row}="","N/A",${F.fmvStatus(mode, `C${row}`, firstBenchmark).slice(1)})`);
  });
  const first = R.yearsHeader + 1;
  statusFormats(w, `D${first}:D${first + years.length - 1}`);
  w.conditionalFormats.push(
    {
      range: `D${first}:D${first + years.length - 1}`,
      rule: { kind: "textEquals", text: "BELOW" },
      style: "bad",
    },
    {
      range: `D${first}:D${first + years.length - 1}`,
      rule: { kind: "textEquals", text: "ABOVE" },
      style: "bad",
    },
  );
  result(R.markup, "Realised markup, first model year", "%", `=C${first}`, FMT.pct4);
  // The first year in order that is neither WITHIN nor N/A, else WITHIN — or N/A when no year has
  // an active month (an error in any year is an error).
  const yearSpan = `D${first}:D${first + years.length - 1}`;
  const status = years.reduceRight(
    (acc, y) => `IF(AND(D${first + y}<>"WITHIN",D${first + y}<>"N/A"),D${first + y},${acc})`,
    `IF(COUNTIF(${yearSpan},"N/A")=ROWS(${yearSpan}),"N/A","WITHIN")`,
  );
  result(R.status, "FMV status, every model year (first not WITHIN)", "text", `=${status}`);
  result(
    R.peak,
    "Peak LOC balance (opening at j or any month end)",
    "$",
    `=MAX(INDEX(${w.span(R.open)},1,${j}),MAX(${w.span(R.close)}))`,
    FMT.money,
  );
  result(
    R.required,
    "Required limit (peak × (1 + buffer), rounded up to the lot)",
    "$",
    `=IF(LOC_Lot=0,C${R.peak}*(1+LOC_Buffer),CEILING(C${R.peak}*(1+LOC_Buffer),LOC_Lot))`,
    FMT.money,
  );
  result(R.limitOk, "Limit covers the required limit", "TRUE/FALSE", `=C${R.required}<=$C$${R.limit}`);
  result(
    R.minComp,
    "Lowest monthly physician compensation while active",
    "$",
    `=_xlfn.MINIFS(${w.span(R.comp)},${w.span(ACTIVE_ROW)},1)`,
    FMT.money,
  );
  buildPcCash(w, v22.acqRow, ir);
  writePcTerms(w, ir, R.yearsHeader);
  return w;
}

/** Model years 0..⌈T/12⌉−1. */
export const pcYears = (months: number): number[] =>
  Array.from({ length: Math.ceil(months / 12) }, (_, y) => y);
