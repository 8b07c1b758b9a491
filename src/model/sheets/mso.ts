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
import { MSO } from "./names";
import { PC_ROW } from "./pc";

/** The rows of one PC's block on the MSO sheet. */
export interface MsoPcBlock {
  header: number;
  coll: number;
  shColl: number;
  shFte: number;
  shVis: number;
  shEq: number;
  base: number;
  pt: number;
  /** The PC's resolved terms (its own, else the group's): constants in column C. */
  markup: number;
  fixed: number;
  floor: number;
  hasCap: number;
  cap: number;
  pre: number;
  fee: number;
  draw: number;
  open: number;
  repay: number;
  int: number;
  capInt: number;
  close: number;
  due: number;
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
  slTotal: number;
  poolTotal: number;
}

export function buildMso(
  inputs: ModelInputs,
  mode: FormulaMode,
  months: string[],
  lay: InputsLayout,
  pcSheets: string[],
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
  mso.label(`A${r++}`, "Driver totals, all PCs", "header");
  const totColl = r++;
  const totFte = r++;
  const totVis = r++;
  const totCount = r++;
  r++;
  // Per-PC blocks: rows reserved now, formulas below (the collections total sums them).
  const pcBlocks: MsoPcBlock[] = inputs.pcs.map(() => {
    const b = {
      header: r,
      coll: r + 1,
      shColl: r + 2,
      shFte: r + 3,
      shVis: r + 4,
      shEq: r + 5,
      base: r + 6,
      pt: r + 7,
      markup: r + 8,
      fixed: r + 9,
      floor: r + 10,
      hasCap: r + 11,
      cap: r + 12,
      pre: r + 13,
      fee: r + 14,
      draw: r + 15,
      open: r + 16,
      repay: r + 17,
      int: r + 18,
      capInt: r + 19,
      close: r + 20,
      due: r + 21,
    };
    r += 23;
    return b;
  });
  const sumOver = (c: string, pick: (b: (typeof pcBlocks)[number]) => number) =>
    pcBlocks.map((b) => `${c}${pick(b)}`).join("+");
  mso.timelineRow(totColl, "Collections", "$", (c) => `=${sumOver(c, (b) => b.coll)}`);
  mso.timelineRow(totFte, "Provider FTEs", "FTE", () => `=SUM(PC_FTEs)`, {
    format: FMT.number,
    total: "none",
  });
  mso.timelineRow(totVis, "Annual visits", "visits", () => `=SUM(PC_Visits)`, {
    format: FMT.int,
    total: "none",
  });
  mso.timelineRow(totCount, "Number of PCs (equal split)", "PCs", () => `=COUNTA(PC_Names)`, {
    format: FMT.int,
    total: "none",
  });

  inputs.pcs.forEach((pc, p) => {
    const b = pcBlocks[p];
    const ir = lay.pc[p].row;
    const ps = sheetRef(pcSheets[p]);
    mso.label(`A${b.header}`, `${pc.name} (${pc.state})`, "header");
    mso.timelineRow(b.coll, "Collections (from the PC's books)", "$", (c) => `=${ps}${c}${PC_ROW.coll}`, {
      role: "link",
    });
    mso.timelineRow(b.shColl, "Share of collections", "ratio", (c) => `=${c}${b.coll}/${c}$${totColl}`, {
      format: FMT.ratio,
      total: "none",
    });
    mso.timelineRow(b.shFte, "Share of provider FTEs", "ratio", (c) => `=$C${b.shFte}/${c}$${totFte}`, {
      format: FMT.ratio,
      total: "none",
      constant: { formula: `=${inRef(PC_COL.ftes, ir)}`, role: "link", format: FMT.number },
    });
    mso.timelineRow(b.shVis, "Share of visits", "ratio", (c) => `=$C${b.shVis}/${c}$${totVis}`, {
      format: FMT.ratio,
      total: "none",
      constant: { formula: `=${inRef(PC_COL.visits, ir)}`, role: "link", format: FMT.int },
    });
    mso.timelineRow(b.shEq, "Equal share", "ratio", (c) => `=1/${c}$${totCount}`, {
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
      () => `=${inRef(PC_COL.passThrough, ir)}/MonthsPerYear`,
    );
    // The PC's terms, resolved once: its own cell on Inputs when filled, else the group's.
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
    mso.timelineRow(b.fee, "MSA fee", "$", (c) =>
      F.capAndFloor(`${c}${b.pre}`, `$C$${b.floor}`, `$C$${b.hasCap}`, `$C$${b.cap}`),
    );
    mso.timelineRow(
      b.draw,
      "Fee deferred into the line (draw)",
      "$",
      (c) => `=${c}${b.fee}*LOC_DeferralShare`,
    );
    mso.timelineRow(
      b.open,
      "LOC receivable, opening",
      "$",
      (c, prev) => `=IF(${c}$${TL.index}=1,$C${b.open},${prev}${b.close})`,
      {
        total: "none",
        // One opening balance per PC, on Inputs; the PC sheet links to the same cell.
        constant: { formula: `=${inRef(PC_COL.locOpening, ir)}`, role: "link", format: FMT.money },
      },
    );
    mso.timelineRow(b.repay, "Repayment", "$", (c) => `=MIN(${c}${b.open},LOC_Repayment)`);
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
    mso.timelineRow(
      b.due,
      "Cash due from the PC",
      "$",
      (c) => `=${c}${b.fee}-${c}${b.draw}+${c}${b.int}-${c}${b.capInt}+${c}${b.repay}`,
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
  mso.timelineRow(
    tax,
    "Income tax (negative = benefit)",
    "$",
    (c) => `=${c}${preTax}*(Tax_State+Tax_Federal*(1-Tax_State))`,
  );
  mso.timelineRow(net, "Net income", "$", (c) => `=${c}${preTax}-${c}${tax}`);
  mso.timelineRow(recv, "LOC receivable, all PCs", "$", (c) => `=${sumOver(c, (b) => b.close)}`, {
    total: "none",
  });
  return { writer: mso, layout: { pcBlocks, rev, intInc, costs, preTax, tax, net, slTotal, poolTotal } };
}
