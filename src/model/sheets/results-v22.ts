/** Where v2.2's results live (PlanResults.v22), gathered from the sheets' layouts. */
import { CellRef, PlanResultsV22, RowRef } from "../plan";
import { ChecksLayout } from "./checks";
import { CONSOLIDATED, ConsolidatedLayout } from "./consolidated";
import { MsoLayout } from "./mso";
import { MsoCashLayout } from "./mso-cash";
import { CHECKS, MSO } from "./names";
import { PC_ROW } from "./pc";
import { ACTIVE_ROW, PC_CASH_ROW } from "./pc-cash";
import { TAX, TaxLayout } from "./tax";

export function planResultsV22(
  pcSheets: string[],
  mso: MsoLayout,
  msoCash: MsoCashLayout,
  cons: ConsolidatedLayout,
  tax: TaxLayout,
  ck: ChecksLayout,
): PlanResultsV22 {
  const cell = (sheet: string, a1: string): CellRef => ({ sheet, a1 });
  const rows = (sheet: string, r: Record<string, number>): Record<string, RowRef> =>
    Object.fromEntries(Object.entries(r).map(([k, row]) => [k, { sheet, row }]));
  const { elims, ...consRows } = cons;
  const taxLines = {
    preTax: tax.preTax,
    nolOpen: tax.nolOpen,
    nolUsed: tax.nolUsed,
    taxCarryforward: tax.taxCarryforward,
    entityTax: tax.entityTax,
    dividends: tax.dividends,
    ownerTax: tax.ownerTax,
    physicianIncome: tax.physicianIncome,
    physicianTax: tax.physicianTax,
    total: tax.total,
    economic: tax.economic,
    effective: tax.effective,
  };
  return {
    mso: {
      cells: {
        ebitda: cell(MSO, `D${msoCash.ebitda}`),
        closingCash: cell(MSO, `C${msoCash.closingCash}`),
        dividends: cell(MSO, `D${mso.dividends}`),
      },
      rows: rows(MSO, {
        tax: mso.tax,
        net: mso.net,
        dividends: mso.dividends,
        ebitda: msoCash.ebitda,
        operating: msoCash.operating,
        investing: msoCash.investing,
        financing: msoCash.financing,
        cash: msoCash.cash,
        dueFrom: msoCash.dueFrom,
        loc: msoCash.loc,
        investment: msoCash.investment,
        equity: msoCash.equity,
        bsDiff: msoCash.bsDiff,
      }),
    },
    pcs: pcSheets.map((s) => ({
      cells: {
        closingCash: cell(s, `C${PC_CASH_ROW.closingCash}`),
        minCash: cell(s, `C${PC_CASH_ROW.minCash}`),
      },
      rows: rows(s, {
        active: ACTIVE_ROW,
        coll: PC_ROW.coll,
        open: PC_ROW.open,
        draw: PC_ROW.draw,
        repay: PC_ROW.repay,
        rec: PC_CASH_ROW.rec,
        ar: PC_CASH_ROW.ar,
        feeCash: PC_CASH_ROW.feeCash,
        feePaid: PC_CASH_ROW.feePaid,
        due: PC_CASH_ROW.due,
        intPaid: PC_CASH_ROW.intPaid,
        pre: PC_CASH_ROW.pre,
        cashDraw: PC_CASH_ROW.cashDraw,
        operating: PC_CASH_ROW.operating,
        financing: PC_CASH_ROW.financing,
        cash: PC_CASH_ROW.cash,
        assets: PC_CASH_ROW.assets,
        equity: PC_CASH_ROW.equity,
        bsDiff: PC_CASH_ROW.bsDiff,
      }),
    })),
    consolidated: {
      cells: {
        collections: cell(CONSOLIDATED, `D${cons.collections}`),
        ebitda: cell(CONSOLIDATED, `D${cons.ebitda}`),
        netIncome: cell(CONSOLIDATED, `D${cons.net}`),
        nonControllingInterest: cell(CONSOLIDATED, `D${cons.nci}`),
      },
      rows: {
        ...rows(CONSOLIDATED, consRows),
        ...Object.fromEntries(elims.map((row, i) => [`elim${i}`, { sheet: CONSOLIDATED, row }])),
      },
    },
    tax: {
      cells: {
        msoEntityTax: cell(TAX, `D${tax.entityTax}`),
        msoOwnerTax: cell(TAX, `D${tax.ownerTax}`),
        physicianTax: cell(TAX, `D${tax.physicianTax}`),
        total: cell(TAX, `D${tax.total}`),
        effectiveRate: cell(TAX, `D${tax.effective}`),
      },
      years: Object.fromEntries(
        Object.entries(taxLines).map(([k, row]) => [k, tax.yearCols.map((c) => cell(TAX, `${c}${row}`))]),
      ),
    },
    deal: {
      invested: cell(CONSOLIDATED, `C${cons.invested}`),
      enterpriseValue: cell(CONSOLIDATED, `C${cons.enterpriseValue}`),
      moic: cell(CONSOLIDATED, `C${cons.moic}`),
    },
    checks: {
      balanceSheetsBalance: cell(CHECKS, `C${ck.grBs}`),
      pcCashNonNegative: cell(CHECKS, `C${ck.grPcCash}`),
      msoCashNonNegative: cell(CHECKS, `C${ck.grMsoCash}`),
      consolidationTies: cell(CHECKS, `C${ck.grCons}`),
    },
  };
}
