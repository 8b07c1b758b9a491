/**
 * The MSO sheet's v2.2 blocks (MODEL.md "v2.2"): EBITDA, the cash-flow statement (operating,
 * investing — purchases of practices and lending to PCs — and financing — dividends) with its
 * non-cash memo lines, and the month-end balance sheet with its check. Written below the income
 * statement from the rows the MSO's own per-PC blocks computed.
 */
import { FMT, SheetWriter, TL } from "../writer";
import { inRef } from "./inputs";
import { MsoLayout } from "./mso";

export interface MsoCashLayout {
  ebitda: number;
  operating: number;
  investing: number;
  financing: number;
  cash: number;
  dueFrom: number;
  loc: number;
  investment: number;
  assets: number;
  equity: number;
  bsDiff: number;
  closingCash: number;
  minCash: number;
  maxDiff: number;
  purchases: number;
  cashDraws: number;
  repaid: number;
}

export function buildMsoCash(w: SheetWriter, m: MsoLayout, pcInputsRows: number[]): MsoCashLayout {
  let r = m.next;
  const sum = (c: string, pick: (b: MsoLayout["pcBlocks"][number]) => number) =>
    m.pcBlocks.map((b) => `${c}${pick(b)}`).join("+");
  const t = (c: string) => `${c}$${TL.index}`;
  const L = {} as MsoCashLayout;
  const row = (
    key: keyof MsoCashLayout,
    label: string,
    formula: (c: string, p: string) => string,
    total: "sum" | "none" = "sum",
  ) => {
    L[key] = r;
    w.timelineRow(r++, label, "$", formula, { total });
  };
  L.ebitda = r;
  w.timelineRow(
    r++,
    "EBITDA (fee revenue − service-line and pass-through costs)",
    "$",
    (c) => `=${c}${m.rev}-${c}${m.costs}`,
  );
  r++;
  w.label(`A${r++}`, "MSO cash-flow statement", "header");
  const feeRecv = r++;
  const intRecv = r++;
  w.timelineRow(feeRecv, "MSA fees received", "$", (c) => `=${sum(c, (b) => b.feeRecv)}`);
  w.timelineRow(intRecv, "Interest received", "$", (c) => `=${sum(c, (b) => b.intRecv)}`);
  row(
    "operating",
    "Operating: fees + interest received − costs − tax",
    (c) => `=${c}${feeRecv}+${c}${intRecv}-${c}${m.costSl}-${c}${m.costPt}-${c}${m.tax}`,
  );
  row("purchases", "Practices purchased", (c) => `=${sum(c, (b) => b.purchase)}`);
  row("cashDraws", "Lent to PCs for cash needs", (c) => `=${sum(c, (b) => b.cashDraw)}`);
  row("repaid", "Repaid by PCs", (c) => `=${sum(c, (b) => b.repay)}`);
  row(
    "investing",
    "Investing: − purchases − lending + repayments",
    (c) => `=-${c}${L.purchases}-${c}${L.cashDraws}+${c}${L.repaid}`,
  );
  row("financing", "Financing: − dividends", (c) => `=-${c}${m.dividends}`);
  const openCash = r++;
  const cashRow = openCash + 1;
  w.timelineRow(openCash, "Opening cash", "$", (c, p) => `=IF(${t(c)}=1,MSO_OpeningCash,${p}${cashRow})`, {
    total: "none",
  });
  row(
    "cash",
    "Closing cash",
    (c) => `=${c}${openCash}+${c}${L.operating}+${c}${L.investing}+${c}${L.financing}`,
    "none",
  );
  const memoDefer = r++;
  const memoCap = r++;
  w.timelineRow(
    memoDefer,
    "Memo (non-cash): fees deferred into the line",
    "$",
    (c) => `=${sum(c, (b) => b.defer)}`,
  );
  w.timelineRow(memoCap, "Memo (non-cash): interest capitalised", "$", (c) => `=${sum(c, (b) => b.capInt)}`);
  r++;
  w.label(`A${r++}`, "MSO balance sheet, month end", "header");
  const bsCash = r++;
  w.timelineRow(bsCash, "Cash", "$", (c) => `=${c}${L.cash}`, { total: "none" });
  row("dueFrom", "Due from PCs (fees billed, not yet paid)", (c) => `=${sum(c, (b) => b.dueFrom)}`, "none");
  row("loc", "Line of credit receivable", (c) => `=${sum(c, (b) => b.close)}`, "none");
  row("investment", "Investment in practices, at cost", (c) => `=${sum(c, (b) => b.investment)}`, "none");
  row(
    "assets",
    "Total assets",
    (c) => `=${c}${bsCash}+${c}${L.dueFrom}+${c}${L.loc}+${c}${L.investment}`,
    "none",
  );
  L.equity = r;
  w.timelineRow(
    r++,
    "Equity (opening cash + opening LOC + net income − dividends)",
    "$",
    (c, p) => `=IF(${t(c)}=1,$C${L.equity},${p}${L.equity})+${c}${m.net}-${c}${m.dividends}`,
    {
      total: "none",
      constant: {
        formula: `=MSO_OpeningCash+${pcInputsRows.map((x) => inRef("L", x)).join("+")}`,
        role: "formula",
        format: FMT.money,
      },
    },
  );
  row("bsDiff", "Assets − equity (0)", (c) => `=ROUND(${c}${L.assets}-${c}${L.equity},DiffDecimals)`, "none");
  r++;
  w.label(`A${r++}`, "MSO cash results", "header");
  const result = (key: keyof MsoCashLayout, label: string, formula: string) => {
    L[key] = r;
    w.label(`A${r}`, label);
    w.label(`B${r}`, "$", "note");
    w.formula(`C${r++}`, formula, "formula", FMT.money);
  };
  result("closingCash", "Cash at the last month end", `=${w.lastMonth}${L.cash}`);
  result("minCash", "Lowest month-end cash", `=MIN(${w.span(L.cash)})`);
  result("maxDiff", "Largest |assets − equity|", `=MAX(MAX(${w.span(L.bsDiff)}),-MIN(${w.span(L.bsDiff)}))`);
  return L;
}
