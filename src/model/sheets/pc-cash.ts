/**
 * A PC sheet's v2.2 blocks (MODEL.md "v2.2"): its cash (receipts after the collection lag, the fee
 * settled after the payment lag, interest paid, distributions, cash before financing and the draw
 * the line's mode decides), the cash-flow statement and the month-end balance sheet. The rows sit
 * below the v1 rows (PC_ROW); the activity flag a[p,t] is row ACTIVE_ROW, its joining month j in
 * column C of that row.
 */
import { sheetRef } from "../plan";
import { FMT, SheetWriter, TL } from "../writer";
import { ACQ_COL } from "./inputs-v22";
import { inRef } from "./inputs";
import { PC_ROW } from "./pc";

/** Row of the activity flag on every PC sheet (inside the timeline header, which ends at row 7). */
export const ACTIVE_ROW = 8;

/** First v2.2 row: below the v1 rows of PC_ROW (pc.ts imports this module, so no computed start). */
const START = 39;

/** The v2.2 rows of every PC sheet. */
export const PC_CASH_ROW = {
  header: START,
  rec: START + 1,
  ar: START + 2,
  feeCash: START + 3,
  feePaid: START + 4,
  due: START + 5,
  intPaid: START + 6,
  dist: START + 7,
  pre: START + 8,
  defer: START + 9,
  cashDraw: START + 10,
  cfHeader: START + 12,
  openCash: START + 13,
  operating: START + 14,
  financing: START + 15,
  cash: START + 16,
  cfCheck: START + 17,
  bsHeader: START + 19,
  bsCash: START + 20,
  bsAr: START + 21,
  assets: START + 22,
  bsDue: START + 23,
  bsLoc: START + 24,
  equity: START + 25,
  liabEquity: START + 26,
  bsDiff: START + 27,
  resHeader: START + 29,
  closingCash: START + 30,
  minCash: START + 31,
  maxBsDiff: START + 32,
} as const;

/** The activity flag: C holds j (from the Inputs joining month), each month 1 from j on. */
export function writeActivity(w: SheetWriter, acqRow: number): void {
  const join = inRef(ACQ_COL.join, acqRow);
  w.timelineRow(
    ACTIVE_ROW,
    "Active (a = 1 from the joining month j)",
    "flag",
    (c) => `=IF(${c}$${TL.index}>=$C$${ACTIVE_ROW},1,0)`,
    {
      format: FMT.int,
      total: "none",
      constant: {
        formula: `=(YEAR(${join})-YEAR(StartDate))*MonthsPerYear+MONTH(${join})-MONTH(StartDate)+1`,
        role: "formula",
        format: FMT.int,
      },
    },
  );
}

/** `INDEX(E12:AN12,1,k)`: month k of a row of this sheet. */
const monthOf = (w: SheetWriter, row: number, k: string) =>
  `INDEX($${w.firstMonth}$${row}:$${w.lastMonth}$${row},1,${k})`;

export function buildPcCash(w: SheetWriter, acqRow: number, pcInputsRow: number): void {
  const R = PC_ROW;
  if (Math.max(...Object.values(R)) >= START - 1)
    throw new Error(`PC sheet: the v2.2 rows from ${START} would overwrite PC_ROW; move START down`);
  const C = PC_CASH_ROW;
  const a = (c: string) => `${c}$${ACTIVE_ROW}`;
  const j = `$C$${ACTIVE_ROW}`;
  const t = (c: string) => `${c}$${TL.index}`;
  const acq = (col: string) => inRef(col, acqRow);
  // The first month of a balance: j's value from column C, before j nothing, after it last month's.
  const rollFrom = (c: string, p: string, opening: string, prevRow: number) =>
    `IF(${t(c)}<${j},0,IF(${t(c)}=${j},${opening},${p}${prevRow}))`;

  w.label(`A${C.header}`, "Cash (collection lag, fee settlement, line of credit)", "header");
  w.timelineRow(
    C.rec,
    "Receipts from collections",
    "$",
    (c) =>
      `=${a(c)}*IF(${t(c)}>=${j}+$C$${C.rec},${monthOf(w, R.coll, `MAX(1,${t(c)}-$C$${C.rec})`)},IF(${acq(ACQ_COL.deNovo)},0,${monthOf(w, R.coll, j)}))`,
    { constant: { formula: `=${acq(ACQ_COL.lag)}`, role: "link", format: FMT.int } },
  );
  w.timelineRow(
    C.ar,
    "Patient receivables, closing",
    "$",
    (c, p) => `=${a(c)}*(${rollFrom(c, p, `$C$${C.ar}`, C.ar)}+${c}${R.coll}-${c}${C.rec})`,
    {
      total: "none",
      // Opening receivables at j: L months of collections for a practice that had them; none de novo.
      constant: {
        formula: `=IF(${acq(ACQ_COL.deNovo)},0,$C$${C.rec}*${monthOf(w, R.coll, j)})`,
        role: "formula",
        format: FMT.money,
      },
    },
  );
  w.timelineRow(
    C.feeCash,
    "MSA fee billed for cash (fee less the deferred part)",
    "$",
    (c) => `=${c}${R.fee}-${c}${C.defer}`,
  );
  w.timelineRow(
    C.feePaid,
    "MSA fee paid (after the payment lag)",
    "$",
    (c) => `=IF(${t(c)}-Fee_PaymentLag<${j},0,${monthOf(w, C.feeCash, `MAX(1,${t(c)}-Fee_PaymentLag)`)})`,
  );
  w.timelineRow(
    C.due,
    "Due to the MSO, closing",
    "$",
    (c, p) => `=IF(${t(c)}=1,0,${p}${C.due})+${c}${C.feeCash}-${c}${C.feePaid}`,
    { total: "none" },
  );
  w.timelineRow(C.intPaid, "Interest paid in cash", "$", (c) => `=${c}${R.locInt}-${c}${R.cap}`);
  w.timelineRow(C.dist, "Distributions to physician owners (net income)", "$", (c) => `=${c}${R.ni}`);
  w.timelineRow(
    C.pre,
    "Cash before financing",
    "$",
    (c, p) =>
      `=${a(c)}*(${rollFrom(c, p, acq(ACQ_COL.openingCash), C.cash)}+${c}${C.rec}-${c}${R.clin}-${c}${R.comp}-${c}${C.feePaid}-${c}${C.intPaid}-${c}${C.dist})`,
    { total: "none" },
  );
  w.timelineRow(
    C.defer,
    "Fee deferred into the line (deferral mode)",
    "$",
    (c) => `=IF(LOC_DrawMode="cash",0,${c}${R.fee}*LOC_DeferralShare)`,
  );
  w.timelineRow(
    C.cashDraw,
    "Draw for cash needs (cash mode: up to the minimum cash)",
    "$",
    (c) => `=IF(LOC_DrawMode="cash",${a(c)}*MAX(0,$C$${C.cashDraw}-${c}${C.pre}),0)`,
    { constant: { formula: `=${acq(ACQ_COL.minimumCash)}`, role: "link", format: FMT.money } },
  );

  w.label(`A${C.cfHeader}`, "Cash-flow statement", "header");
  w.timelineRow(
    C.openCash,
    "Opening cash",
    "$",
    (c, p) => `=${a(c)}*${rollFrom(c, p, `$C$${C.openCash}`, C.cash)}`,
    { total: "none", constant: { formula: `=${acq(ACQ_COL.openingCash)}`, role: "link", format: FMT.money } },
  );
  w.timelineRow(
    C.operating,
    "Operating: receipts − clinical − compensation − fee paid − interest paid",
    "$",
    (c) => `=${c}${C.rec}-${c}${R.clin}-${c}${R.comp}-${c}${C.feePaid}-${c}${C.intPaid}`,
  );
  w.timelineRow(
    C.financing,
    "Financing: cash draws − repayments − distributions",
    "$",
    (c) => `=${c}${C.cashDraw}-${c}${R.repay}-${c}${C.dist}`,
  );
  w.timelineRow(C.cash, "Closing cash", "$", (c) => `=${c}${C.pre}+${c}${C.cashDraw}-${c}${R.repay}`, {
    total: "none",
  });
  w.timelineRow(
    C.cfCheck,
    "Opening + flows − closing (0)",
    "$",
    (c) => `=ROUND(${c}${C.openCash}+${c}${C.operating}+${c}${C.financing}-${c}${C.cash},DiffDecimals)`,
    { total: "none" },
  );

  w.label(`A${C.bsHeader}`, "Balance sheet, month end", "header");
  w.timelineRow(C.bsCash, "Cash", "$", (c) => `=${c}${C.cash}`, { total: "none" });
  w.timelineRow(C.bsAr, "Patient receivables", "$", (c) => `=${c}${C.ar}`, { total: "none" });
  w.timelineRow(C.assets, "Total assets", "$", (c) => `=${c}${C.bsCash}+${c}${C.bsAr}`, { total: "none" });
  w.timelineRow(C.bsDue, "Due to the MSO", "$", (c) => `=${c}${C.due}`, { total: "none" });
  w.timelineRow(C.bsLoc, "Line of credit payable", "$", (c) => `=${c}${R.close}`, { total: "none" });
  w.timelineRow(
    C.equity,
    "Equity (opening cash + receivables − opening LOC; distributions keep it constant)",
    "$",
    (c) => `=${a(c)}*$C$${C.equity}`,
    {
      total: "none",
      constant: {
        formula: `=$C$${C.openCash}+$C$${C.ar}-${inRef("L", pcInputsRow)}`,
        role: "formula",
        format: FMT.money,
      },
    },
  );
  w.timelineRow(
    C.liabEquity,
    "Total liabilities and equity",
    "$",
    (c) => `=${c}${C.bsDue}+${c}${C.bsLoc}+${c}${C.equity}`,
    { total: "none" },
  );
  w.timelineRow(
    C.bsDiff,
    "Assets − liabilities − equity (0)",
    "$",
    (c) => `=ROUND(${c}${C.assets}-${c}${C.liabEquity},DiffDecimals)`,
    { total: "none" },
  );

  w.label(`A${C.resHeader}`, "Cash results", "header");
  const result = (row: number, label: string, formula: string) => {
    w.label(`A${row}`, label);
    w.label(`B${row}`, "$", "note");
    w.formula(`C${row}`, formula, "formula", FMT.money);
  };
  const span = (row: number) => w.span(row);
  result(C.closingCash, "Cash at the last month end", `=${w.lastMonth}${C.cash}`);
  result(
    C.minCash,
    "Lowest month-end cash while active",
    `=_xlfn.MINIFS(${span(C.cash)},${span(ACTIVE_ROW)},1)`,
  );
  result(
    C.maxBsDiff,
    "Largest |assets − liabilities − equity|, cash-flow difference",
    `=MAX(MAX(${span(C.bsDiff)}),-MIN(${span(C.bsDiff)}),MAX(${span(C.cfCheck)}),-MIN(${span(C.cfCheck)}))`,
  );
}

/** A PC sheet's cell as a formula reference from another sheet. */
export const pcRef = (sheet: string, a1: string): string => `${sheetRef(sheet)}${a1}`;
