/**
 * One PC sheet per PC: that PC's books by month (collections, clinical costs, the MSA fee linked
 * from the MSO sheet, interest, physician compensation, net income), its own side of the line of
 * credit, and its results (realised markup and FMV status, peak balance, required limit).
 */
import { ModelInputs } from "../inputs";
import { FormulaMode } from "../plan";
import { FMT, SheetWriter, TL, timelineHeader, timelineWidths } from "../writer";
import * as F from "../formulas";
import { inRef } from "./inputs";
import { MSO } from "./names";
import { ACTIVE_ROW, PC_CASH_ROW, buildPcCash, writeActivity } from "./pc-cash";

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
} as const;
const PC_LOC_INT = PC_ROW.locInt;

/** The MSO sheet's rows this PC's sheet links to or measures its markup on. */
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
  /** v2.2: the fee terms (the PC computes its own fee expense) and its row in the acquisitions table. */
  v22: { fee: ModelInputs["fee"]; acqRow: number },
): SheetWriter {
  const first12 = months.slice(0, Math.min(12, months.length));
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
  w.formula("C9", `=${inRef("B", ir)}`, "link");
  w.label("A10", "CPOM tier (Reference sheet; verify)");
  w.formula("C10", `=IFERROR(INDEX(CPOM_Tier,MATCH(C9,CPOM_Code,0)),CPOM_Default)`);
  w.label("A11", "Income statement", "header");
  w.timelineRow(
    R.coll,
    "Collections",
    "$",
    (c) => `=${a(c)}*${inRef("D", ir)}/MonthsPerYear*(1+${inRef("E", ir)})^${c}$${TL.year}`,
  );
  w.timelineRow(
    R.clin,
    "Clinical costs",
    "$",
    (c) => `=${a(c)}*${inRef("F", ir)}/MonthsPerYear*(1+${inRef("E", ir)})^${c}$${TL.year}`,
  );
  // The PC computes its fee expense itself, from the MSA's terms on the cost base the MSO invoices
  // and its own pass-through, so the Intercompany sheet compares two calculations (v2.2).
  w.timelineRow(
    R.fee,
    "MSA fee expense (MSA terms on the invoiced cost base)",
    "$",
    (c) => `=${a(c)}*(${F.fee(mode, v22.fee, `${MSO}!${c}${b.base}`, `${c}${R.pt}`).slice(1)})`,
  );
  w.timelineRow(R.pt, "of which pass-through", "$", (c) => `=${a(c)}*${inRef("I", ir)}/MonthsPerYear`);
  w.timelineRow(R.int, "Interest expense", "$", (c) => `=${c}${PC_LOC_INT}`);
  w.timelineRow(
    R.comp,
    "Physician compensation",
    "$",
    (c) =>
      `=IF(${inRef("J", ir)}="fixed",${a(c)}*${inRef("K", ir)}/MonthsPerYear,${c}${R.coll}-${c}${R.clin}-${c}${R.fee}-${c}${R.int})`,
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
      constant: { formula: `=${inRef("L", ir)}`, role: "link", format: FMT.money },
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
  w.timelineRow(R.limit, "Credit limit", "$", () => `=LOC_Limit`, { total: "none" });
  w.timelineRow(R.headroom, "Headroom", "$", (c) => `=${c}${R.limit}-${c}${R.close}`, { total: "none" });
  w.label("A30", "Results", "header");
  const result = (row: number, label: string, unit: string, formula: string, format?: string) => {
    w.label(`A${row}`, label);
    w.label(`B${row}`, unit, "note");
    w.formula(`C${row}`, formula, "formula", format);
  };
  const mf = `${MSO}!${first12[0]}`;
  const ml = first12[first12.length - 1];
  result(
    R.markup,
    "Realised markup, first model year",
    "%",
    // Rounded (RoundDecimals = 10 places) so that a markup on an FMV bound in decimal is on it
    // here too, not 1e-16 either side; the status tests the very number shown.
    // Blank when the PC has no active month in year 1 (v2.2: N/A, not a failure).
    `=IF(SUM(${mf}${b.base}:${ml}${b.base})=0,"",ROUND((SUM(${mf}${b.fee}:${ml}${b.fee})-SUM(${mf}${b.pt}:${ml}${b.pt}))/SUM(${mf}${b.base}:${ml}${b.base})-1,RoundDecimals))`,
    FMT.pct4,
  );
  result(
    R.status,
    "FMV status",
    "text",
    `=IF(C${R.markup}="","N/A",${F.fmvStatus(mode, `C${R.markup}`).slice(1)})`,
  );
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
  result(R.limitOk, "Limit covers the required limit", "TRUE/FALSE", `=C${R.required}<=LOC_Limit`);
  result(
    R.minComp,
    "Lowest monthly physician compensation while active",
    "$",
    `=_xlfn.MINIFS(${w.span(R.comp)},${w.span(ACTIVE_ROW)},1)`,
    FMT.money,
  );
  buildPcCash(w, v22.acqRow, ir);
  return w;
}
