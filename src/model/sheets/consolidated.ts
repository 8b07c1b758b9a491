/**
 * The Consolidated sheet (MODEL.md "v2.2"): the MSO consolidates the PCs as variable-interest
 * entities (ASC 810). By month: the group's external lines (collections, clinical costs, physician
 * compensation, the MSO's costs), EBITDA, the MSO's entity tax and net income, split between the
 * MSO and the noncontrolling interests (the PCs' owners); the intercompany eliminations, each
 * the MSO's side less the PCs' and each zero; the tie-out; group cash. Then the deal view.
 */
import { ModelInputs } from "../inputs";
import { sheetRef } from "../plan";
import { COL, FMT, SheetWriter, timelineHeader, timelineWidths } from "../writer";
import { MsoLayout } from "./mso";
import { MsoCashLayout } from "./mso-cash";
import { MSO } from "./names";
import { PC_ROW } from "./pc";
import { PC_CASH_ROW } from "./pc-cash";

export const CONSOLIDATED = "Consolidated";

export interface ConsolidatedLayout {
  collections: number;
  clinical: number;
  comp: number;
  ebitda: number;
  tax: number;
  net: number;
  msoNet: number;
  nci: number;
  tie: number;
  cash: number;
  elims: number[];
  /** Largest |tie or elimination| over all months (column C). */
  tieMax: number;
  invested: number;
  lastTwelve: number;
  enterpriseValue: number;
  moic: number;
}

export function buildConsolidated(
  inputs: ModelInputs,
  months: string[],
  mso: MsoLayout,
  msoCash: MsoCashLayout,
  pcSheets: string[],
): { writer: SheetWriter; layout: ConsolidatedLayout } {
  const w = new SheetWriter(CONSOLIDATED, "consolidated", months);
  timelineHeader(
    w,
    `Consolidated — MSO and PCs (ASC 810, PCs as variable-interest entities) — ${inputs.name}`,
  );
  timelineWidths(w);
  w.columnWidths.A = 58;
  const pcs = (c: string, row: number) => pcSheets.map((s) => `${sheetRef(s)}${c}${row}`).join("+");
  const m = (c: string, row: number) => `${MSO}!${c}${row}`;
  let r = 9;
  const L = {} as ConsolidatedLayout;
  const row = (
    key: keyof ConsolidatedLayout | null,
    label: string,
    formula: (c: string) => string,
    total: "sum" | "none" = "sum",
  ) => {
    if (key) (L[key] as number) = r;
    w.timelineRow(r, label, "$", formula, { total });
    return r++;
  };
  w.label(`A${r++}`, "Consolidated income statement", "header");
  row("collections", "Collections (all PCs)", (c) => `=${pcs(c, PC_ROW.coll)}`);
  row("clinical", "Clinical costs (all PCs)", (c) => `=${pcs(c, PC_ROW.clin)}`);
  row("comp", "Physician compensation (all PCs)", (c) => `=${pcs(c, PC_ROW.comp)}`);
  const sl = row(null, "MSO service-line costs", (c) => `=${m(c, mso.costSl)}`);
  const pt = row(null, "MSO pass-through costs", (c) => `=${m(c, mso.costPt)}`);
  row(
    "ebitda",
    "EBITDA (collections − clinical − physician comp − MSO costs)",
    (c) => `=${c}${L.collections}-${c}${L.clinical}-${c}${L.comp}-${c}${sl}-${c}${pt}`,
  );
  row("tax", "Income tax (the MSO's entity tax; PCs are pass-throughs)", (c) => `=${m(c, mso.tax)}`);
  row("net", "Net income", (c) => `=${c}${L.ebitda}-${c}${L.tax}`);
  row("msoNet", "  attributable to the MSO (MSO net income)", (c) => `=${m(c, mso.net)}`);
  row("nci", "  attributable to noncontrolling interests (PCs' net income)", (c) => `=${pcs(c, PC_ROW.ni)}`);
  r++;
  w.label(`A${r++}`, "Eliminations (MSO side − PCs' side; each 0)", "header");
  L.elims = [
    row(
      null,
      "MSA fees: MSO revenue − PCs' fee expense",
      (c) => `=ROUND(${m(c, mso.rev)}-(${pcs(c, PC_ROW.fee)}),DiffDecimals)`,
      "none",
    ),
    row(
      null,
      "Interest: MSO income − PCs' interest expense",
      (c) => `=ROUND(${m(c, mso.intInc)}-(${pcs(c, PC_ROW.int)}),DiffDecimals)`,
      "none",
    ),
    row(
      null,
      "Fees due: MSO receivable − PCs' payable",
      (c) => `=ROUND(${m(c, msoCash.dueFrom)}-(${pcs(c, PC_CASH_ROW.due)}),DiffDecimals)`,
      "none",
    ),
    row(
      null,
      "Line of credit: MSO receivable − PCs' payable",
      (c) => `=ROUND(${m(c, msoCash.loc)}-(${pcs(c, PC_ROW.close)}),DiffDecimals)`,
      "none",
    ),
  ];
  row(
    "tie",
    "Tie-out: net income − MSO's − PCs' (0)",
    (c) => `=ROUND(${c}${L.net}-${c}${L.msoNet}-${c}${L.nci},DiffDecimals)`,
    "none",
  );
  r++;
  row(
    "cash",
    "Group cash, month end (MSO + PCs)",
    (c) => `=${m(c, msoCash.cash)}+${pcs(c, PC_CASH_ROW.cash)}`,
    "none",
  );
  r++;
  w.label(`A${r++}`, "Results and deal view", "header");
  const result = (
    key: keyof ConsolidatedLayout,
    label: string,
    unit: string,
    formula: string,
    format: string,
  ) => {
    (L[key] as number) = r;
    w.label(`A${r}`, label);
    w.label(`B${r}`, unit, "note");
    w.formula(`${COL.constant}${r++}`, formula, "formula", format);
  };
  const spans = [...L.elims, L.tie].map((x) => `MAX(${w.span(x)}),-MIN(${w.span(x)})`).join(",");
  result("tieMax", "Largest |elimination or tie-out difference|", "$", `=MAX(${spans})`, FMT.money);
  result(
    "invested",
    "Invested capital (purchase prices)",
    "$",
    `=${mso.pcBlocks.map((b) => `${MSO}!$C$${b.purchase}`).join("+")}`,
    FMT.money,
  );
  const T = months.length;
  const last12 = `${months[T - 12]}`;
  const last = months[T - 1];
  result(
    "lastTwelve",
    "EBITDA attributable to the MSO, last 12 months (EBITDA − PCs' net income)",
    "$",
    `=SUM(${last12}${L.ebitda}:${last}${L.ebitda})-SUM(${last12}${L.nci}:${last}${L.nci})`,
    FMT.money,
  );
  result(
    "enterpriseValue",
    "Enterprise value at the exit multiple (blank: no multiple)",
    "$",
    `=IF(ISNUMBER(Deal_ExitMultiple),Deal_ExitMultiple*C${L.lastTwelve},"")`,
    FMT.money,
  );
  result(
    "moic",
    "Gross multiple on invested capital (blank: none invested or no multiple)",
    "×",
    `=IF(AND(ISNUMBER(C${L.enterpriseValue}),C${L.invested}>0),C${L.enterpriseValue}/C${L.invested},"")`,
    FMT.ratio,
  );
  return { writer: w, layout: L };
}
