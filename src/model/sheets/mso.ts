/**
 * The MSO sheet: the MSO's books by month — service-line costs, cost pools by driver, and per PC
 * the allocated cost base, the MSA fee and the MSO's own side of the line of credit; then the
 * income statement. The PC's collections are linked from its sheet (a driver of the allocation).
 */
import { DRIVERS, ModelInputs } from "../inputs";
import { FormulaMode, sheetRef } from "../plan";
import { FMT, SheetWriter, TL, timelineHeader, timelineWidths } from "../writer";
import * as F from "../formulas";
import { InputsLayout, PC_COL, SL_COL, inRef } from "./inputs";
import { ACQ_COL } from "./inputs-v22";
import { MSO } from "./names";
import { PC_ROW } from "./pc";
import { ACTIVE_ROW, PC_CASH_ROW } from "./pc-cash";

/** The rows of one PC's block on the MSO sheet. */
export interface MsoPcBlock {
  header: number;
  active: number;
  coll: number;
  shColl: number;
  shFte: number;
  shVis: number;
  shEq: number;
  base: number;
  pt: number;
  /**
   * The PC's terms as the MSO resolves them (its own, else the group's): constants in column C. The
   * PC's sheet resolves them itself (pc-terms.ts) and never reads these.
   */
  markup: number;
  fixed: number;
  floor: number;
  hasCap: number;
  cap: number;
  pre: number;
  fee: number;
  defer: number;
  cashDraw: number;
  draw: number;
  open: number;
  repay: number;
  int: number;
  capInt: number;
  close: number;
  feeCash: number;
  feeRecv: number;
  dueFrom: number;
  intRecv: number;
  purchase: number;
  investment: number;
}

/** Where the MSO sheet's results are: per-PC blocks and the income statement's rows. */
export interface MsoLayout {
  pcBlocks: MsoPcBlock[];
  rev: number;
  intInc: number;
  costs: number;
  preTax: number;
  tax: number;
  net: number;
  /** v2.2 rows: the MSO's EBITDA, dividends, cash flows and balance sheet (mso-cash.ts). */
  slTotal: number;
  ptRec: number;
  costSl: number;
  costPt: number;
  dividends: number;
  yearEnd: number;
  /** First row free below the income statement, where the cash blocks start. */
  next: number;
  poolTotal: number;
}

export function buildMso(
  inputs: ModelInputs,
  mode: FormulaMode,
  months: string[],
  lay: InputsLayout,
  pcSheets: string[],
  v22: { acqRows: number[]; taxCfRow: string },
): { writer: SheetWriter; layout: MsoLayout } {
  const mso = new SheetWriter(MSO, "mso", months);
  timelineHeader(mso, `MSO books — ${inputs.name}`);
  timelineWidths(mso);
  let r = 9;
  mso.label(`A${r++}`, "Service-line costs", "header");
  const slRows = inputs.serviceLines.map((_, s) => {
    const row = r++;
    const ir = lay.sl[s].row;
    mso.timelineRow(
      row,
      inputs.serviceLines[s].name,
      "$",
      (c) => `=${inRef(SL_COL.cost, ir)}/MonthsPerYear*(1+${inRef(SL_COL.growth, ir)})^${c}$${TL.year}`,
      {
        constant: { formula: `=${inRef(SL_COL.driver, ir)}`, role: "link" },
      },
    );
    return row;
  });
  const slFirst = slRows[0];
  const slLast = slRows[slRows.length - 1];
  const slTotal = r++;
  mso.timelineRow(slTotal, "Total service-line costs", "$", (c) => `=SUM(${c}${slFirst}:${c}${slLast})`);
  r++;
  mso.label(`A${r++}`, "Cost pools by allocation driver", "header");
  const poolRow: Record<string, number> = {};
  for (const d of DRIVERS) {
    const row = r++;
    poolRow[d] = row;
    mso.timelineRow(
      row,
      `Pool allocated by ${d}`,
      "$",
      (c) => `=SUMIF($C$${slFirst}:$C$${slLast},$C${row},${c}$${slFirst}:${c}$${slLast})`,
      {
        constant: { value: d, role: "label" },
      },
    );
  }
  // Every service line's cost lands in a pool only when its driver is one of the four; the
  // Intercompany sheet compares this total with the service-line costs (a typo'd driver fails).
  const poolTotal = r++;
  mso.timelineRow(
    poolTotal,
    "Total of the cost pools",
    "$",
    (c) => `=SUM(${c}${poolRow[DRIVERS[0]]}:${c}${poolRow[DRIVERS[DRIVERS.length - 1]]})`,
  );
  r++;
  mso.label(`A${r++}`, "Driver totals, active PCs", "header");
  const totColl = r++;
  const totFte = r++;
  const totVis = r++;
  const totCount = r++;
  r++;
  // Per-PC blocks: rows reserved now, formulas below (the collections total sums them).
  const pcBlocks: MsoPcBlock[] = inputs.pcs.map(() => {
    const keys = [
      "header",
      "active",
      "coll",
      "shColl",
      "shFte",
      "shVis",
      "shEq",
      "base",
      "pt",
      "markup",
      "fixed",
      "floor",
      "hasCap",
      "cap",
      "pre",
      "fee",
      "defer",
      "cashDraw",
      "draw",
      "open",
      "repay",
      "int",
      "capInt",
      "close",
      "feeCash",
      "feeRecv",
      "dueFrom",
      "intRecv",
      "purchase",
      "investment",
    ] as const;
    const b = Object.fromEntries(keys.map((k, i) => [k, r + i])) as unknown as MsoPcBlock;
    r += keys.length + 1;
    return b;
  });
  const sumOver = (
    c: string,
    pick: (b: (typeof pcBlocks)[number]) => number,
    times: (b: (typeof pcBlocks)[number]) => string = () => "",
  ) => pcBlocks.map((b) => `${c}${pick(b)}${times(b)}`).join("+");
  mso.timelineRow(totColl, "Collections", "$", (c) => `=${sumOver(c, (b) => b.coll)}`);
  // Driver totals run over active PCs only (a PC before its joining month takes no share).
  mso.timelineRow(
    totFte,
    "Provider FTEs",
    "FTE",
    (c) =>
      `=${sumOver(
        c,
        (b) => b.active,
        (b) => `*$C$${b.shFte}`,
      )}`,
    {
      format: FMT.number,
      total: "none",
    },
  );
  mso.timelineRow(
    totVis,
    "Annual visits",
    "visits",
    (c) =>
      `=${sumOver(
        c,
        (b) => b.active,
        (b) => `*$C$${b.shVis}`,
      )}`,
    {
      format: FMT.int,
      total: "none",
    },
  );
  mso.timelineRow(
    totCount,
    "Number of active PCs (equal split)",
    "PCs",
    (c) => `=${sumOver(c, (b) => b.active)}`,
    {
      format: FMT.int,
      total: "none",
    },
  );

  inputs.pcs.forEach((pc, p) => {
    const b = pcBlocks[p];
    const ir = lay.pc[p].row;
    const ps = sheetRef(pcSheets[p]);
    const acq = (col: string) => inRef(col, v22.acqRows[p]);
    const a = (c: string) => `${c}${b.active}`;
    const t = (c: string) => `${c}$${TL.index}`;
    // First active month: active now and not in the month before (or the first month).
    const first = (c: string, prev: string) => `AND(${a(c)}=1,OR(${t(c)}=1,${prev}${b.active}=0))`;
    mso.label(`A${b.header}`, `${pc.name} (${pc.state})`, "header");
    mso.timelineRow(b.active, "Active (from the PC's books)", "flag", (c) => `=${ps}${c}${ACTIVE_ROW}`, {
      role: "link",
      format: FMT.int,
      total: "none",
    });
    mso.timelineRow(b.coll, "Collections (from the PC's books)", "$", (c) => `=${ps}${c}${PC_ROW.coll}`, {
      role: "link",
    });
    const share = (c: string, part: string, total: number) => `=IF(${c}$${total}=0,0,${part}/${c}$${total})`;
    mso.timelineRow(b.shColl, "Share of collections", "ratio", (c) => share(c, `${c}${b.coll}`, totColl), {
      format: FMT.ratio,
      total: "none",
    });
    mso.timelineRow(
      b.shFte,
      "Share of provider FTEs",
      "ratio",
      (c) => share(c, `${a(c)}*$C${b.shFte}`, totFte),
      {
        format: FMT.ratio,
        total: "none",
        constant: { formula: `=${inRef(PC_COL.ftes, ir)}`, role: "link", format: FMT.number },
      },
    );
    mso.timelineRow(b.shVis, "Share of visits", "ratio", (c) => share(c, `${a(c)}*$C${b.shVis}`, totVis), {
      format: FMT.ratio,
      total: "none",
      constant: { formula: `=${inRef(PC_COL.visits, ir)}`, role: "link", format: FMT.int },
    });
    mso.timelineRow(b.shEq, "Equal share", "ratio", (c) => share(c, a(c), totCount), {
      format: FMT.ratio,
      total: "none",
    });
    mso.timelineRow(
      b.base,
      "Allocated cost base",
      "$",
      (c) =>
        `=${c}$${poolRow.collections}*${c}${b.shColl}+${c}$${poolRow.providerFtes}*${c}${b.shFte}+${c}$${poolRow.visits}*${c}${b.shVis}+${c}$${poolRow.equal}*${c}${b.shEq}`,
    );
    mso.timelineRow(
      b.pt,
      "Pass-through recovered",
      "$",
      (c) => `=${a(c)}*${inRef(PC_COL.passThrough, ir)}/MonthsPerYear`,
    );
    // The PC's terms as the MSO bills them: its own cell on Inputs when filled, else the group's.
    // The PC's sheet reads Inputs itself, so a term resolved wrongly here shows on Intercompany.
    const own = (col: string) => inRef(col, ir);
    const term = (row: number, label: string, unit: string, formula: string, format?: string) => {
      mso.label(`A${row}`, label);
      mso.label(`B${row}`, unit, "note");
      mso.formula(`C${row}`, formula, "formula", format);
    };
    const orGroup = (col: string, group: string) => `=IF(ISBLANK(${own(col)}),${group},${own(col)})`;
    term(
      b.markup,
      "Markup on cost (the PC's, else the group's)",
      "%",
      orGroup(PC_COL.markup, "Fee_Markup"),
      FMT.pct,
    );
    term(
      b.fixed,
      "Fixed fee per month (the PC's, else the group's)",
      "$",
      orGroup(PC_COL.fixedMonthly, "Fee_Fixed"),
      FMT.money,
    );
    term(
      b.floor,
      "Monthly floor (the PC's, else the group's; 0 = none)",
      "$",
      orGroup(PC_COL.monthlyFloor, "IF(ISBLANK(Fee_Floor),0,Fee_Floor)"),
      FMT.money,
    );
    term(
      b.hasCap,
      "Monthly cap applies",
      "TRUE/FALSE",
      `=NOT(AND(ISBLANK(${own(PC_COL.monthlyCap)}),ISBLANK(Fee_Cap)))`,
    );
    term(
      b.cap,
      "Monthly cap (the PC's, else the group's)",
      "$",
      orGroup(PC_COL.monthlyCap, "IF(ISBLANK(Fee_Cap),0,Fee_Cap)"),
      FMT.money,
    );
    mso.timelineRow(b.pre, "MSA fee before cap and floor", "$", (c) =>
      F.feeBeforeCap(mode, `${c}${b.base}`, `${c}${b.pt}`, `$C$${b.markup}`, `$C$${b.fixed}`),
    );
    mso.timelineRow(
      b.fee,
      "MSA fee",
      "$",
      (c) =>
        `=${a(c)}*(${F.capAndFloor(`${c}${b.pre}`, `$C$${b.floor}`, `$C$${b.hasCap}`, `$C$${b.cap}`).slice(1)})`,
    );
    mso.timelineRow(
      b.defer,
      "Fee deferred into the line (deferral mode)",
      "$",
      (c) => `=IF(LOC_DrawMode="cash",0,${c}${b.fee}*LOC_DeferralShare)`,
    );
    // The PC decides its draws for cash and its repayments; the MSO links to them (MODEL.md v2.2).
    mso.timelineRow(
      b.cashDraw,
      "Draw for the PC's cash needs (from the PC's books)",
      "$",
      (c) => `=${ps}${c}${PC_CASH_ROW.cashDraw}`,
      { role: "link" },
    );
    mso.timelineRow(b.draw, "Lent to the PC (draw)", "$", (c) => `=${c}${b.defer}+${c}${b.cashDraw}`);
    mso.timelineRow(
      b.open,
      "LOC receivable, opening",
      "$",
      (c, prev) => `=IF(${a(c)}=0,0,IF(${first(c, prev)},$C${b.open},${prev}${b.close}))`,
      {
        total: "none",
        // One opening balance per PC, on Inputs; the PC sheet links to the same cell.
        constant: { formula: `=${inRef(PC_COL.locOpening, ir)}`, role: "link", format: FMT.money },
      },
    );
    mso.timelineRow(b.repay, "Repayment (from the PC's books)", "$", (c) => `=${ps}${c}${PC_ROW.repay}`, {
      role: "link",
    });
    mso.timelineRow(b.int, "Interest income", "$", (c) =>
      F.interest(mode, `${c}${b.open}`, `${c}$${TL.start}`, `${c}$${TL.days}`),
    );
    mso.timelineRow(b.capInt, "Interest capitalised", "$", (c) => `=IF(LOC_Capitalize,${c}${b.int},0)`);
    mso.timelineRow(
      b.close,
      "LOC receivable, closing",
      "$",
      (c) => `=${c}${b.open}+${c}${b.draw}-${c}${b.repay}+${c}${b.capInt}`,
      {
        total: "none",
      },
    );
    mso.timelineRow(b.feeCash, "MSA fee billed for cash", "$", (c) => `=${c}${b.fee}-${c}${b.defer}`);
    mso.timelineRow(
      b.feeRecv,
      "MSA fee received (after the payment lag)",
      "$",
      (c) =>
        `=IF(${t(c)}-Fee_PaymentLag<1,0,INDEX($${months[0]}$${b.feeCash}:$${months[months.length - 1]}$${b.feeCash},1,MAX(1,${t(c)}-Fee_PaymentLag)))`,
    );
    mso.timelineRow(
      b.dueFrom,
      "Due from the PC, closing",
      "$",
      (c, prev) => `=IF(${t(c)}=1,0,${prev}${b.dueFrom})+${c}${b.feeCash}-${c}${b.feeRecv}`,
      { total: "none" },
    );
    mso.timelineRow(b.intRecv, "Interest received in cash", "$", (c) => `=${c}${b.int}-${c}${b.capInt}`);
    mso.timelineRow(
      b.purchase,
      "Purchase price paid (end of the joining month)",
      "$",
      (c, prev) => `=IF(${first(c, prev)},$C${b.purchase},0)`,
      { constant: { formula: `=${acq(ACQ_COL.price)}`, role: "link", format: FMT.money } },
    );
    mso.timelineRow(
      b.investment,
      "Investment in the practice, at cost",
      "$",
      (c) => `=${a(c)}*$C${b.purchase}`,
      {
        total: "none",
      },
    );
  });

  mso.label(`A${r++}`, "MSO income statement", "header");
  const rev = r++;
  const ptRec = r++;
  const intInc = r++;
  const costSl = r++;
  const costPt = r++;
  const costs = r++;
  const preTax = r++;
  const tax = r++;
  const net = r++;
  const recv = r++;
  mso.timelineRow(rev, "MSA fee revenue", "$", (c) => `=${sumOver(c, (b) => b.fee)}`);
  mso.timelineRow(ptRec, "of which pass-through recovered", "$", (c) => `=${sumOver(c, (b) => b.pt)}`);
  mso.timelineRow(intInc, "Interest income", "$", (c) => `=${sumOver(c, (b) => b.int)}`);
  mso.timelineRow(costSl, "Service-line costs", "$", (c) => `=${c}${slTotal}`);
  mso.timelineRow(costPt, "Pass-through costs paid for PCs", "$", (c) => `=${c}${ptRec}`);
  mso.timelineRow(costs, "Total costs", "$", (c) => `=${c}${costSl}+${c}${costPt}`);
  mso.timelineRow(preTax, "Pre-tax income", "$", (c) => `=${c}${rev}+${c}${intInc}-${c}${costs}`);
  const yearEnd = r++;
  const dividends = r++;
  // Entity tax: none for a pass-through MSO; a C-corp's monthly (refund) or, carrying losses
  // forward, the year's tax from the Tax sheet booked in the year's last month.
  mso.timelineRow(
    tax,
    "Income tax (negative = benefit)",
    "$",
    (c) =>
      `=IF(Tax_MsoEntity="pass-through",0,IF(Tax_Losses="carryforward",IF(${c}${yearEnd}=1,INDEX(${v22.taxCfRow},1,${c}$${TL.year}+1),0),${c}${preTax}*(Tax_State+Tax_Federal*(1-Tax_State))))`,
  );
  mso.timelineRow(net, "Net income", "$", (c) => `=${c}${preTax}-${c}${tax}`);
  mso.timelineRow(recv, "LOC receivable, all PCs", "$", (c) => `=${sumOver(c, (b) => b.close)}`, {
    total: "none",
  });
  mso.timelineRow(
    yearEnd,
    "Last month of a model year",
    "flag",
    (c) => `=IF(OR(MOD(${c}$${TL.index},MonthsPerYear)=0,${c}$${TL.index}=Months),1,0)`,
    { format: FMT.int, total: "none" },
  );
  const span = (row: number) => `$${months[0]}$${row}:$${months[months.length - 1]}$${row}`;
  mso.timelineRow(
    dividends,
    "Dividends (C-corp, at the end of the model year)",
    "$",
    (c) =>
      `=IF(AND(Tax_MsoEntity="c-corp",${c}${yearEnd}=1),Tax_PayoutShare*MAX(0,SUMIF(${span(TL.year)},${c}$${TL.year},${span(net)})),0)`,
  );
  return {
    writer: mso,
    layout: {
      pcBlocks,
      rev,
      intInc,
      costs,
      preTax,
      tax,
      net,
      slTotal,
      poolTotal,
      ptRec,
      costSl,
      costPt,
      dividends,
      yearEnd,
      next: r + 1,
    },
  };
}
