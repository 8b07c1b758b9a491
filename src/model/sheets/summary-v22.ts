/**
 * The Summary sheet's v2.2 rows (MODEL.md "v2.2"), by model year beside the v1 rows: the MSO's
 * EBITDA, margin, dividends and year-end cash (the deal view's yearly lines); the consolidated
 * collections, EBITDA, net income and noncontrolling interests; and the Tax sheet's totals.
 */
import { sheetRef } from "../plan";
import { FMT, SheetWriter, TL } from "../writer";
import { CONSOLIDATED, ConsolidatedLayout } from "./consolidated";
import { MsoLayout } from "./mso";
import { MsoCashLayout } from "./mso-cash";
import { MSO } from "./names";
import { TAX, TaxLayout } from "./tax";

export interface SummaryV22Sources {
  mso: MsoLayout;
  msoCash: MsoCashLayout;
  cons: ConsolidatedLayout;
  tax: TaxLayout;
}

/** Writes the rows from `start` on; returns the next free row. Year y sits in `yCols[y]`, row 3 holds y. */
export function summaryV22Rows(
  sm: SheetWriter,
  start: number,
  months: string[],
  yCols: string[],
  totCol: string,
  src: SummaryV22Sources,
): number {
  const T = months.length;
  let r = start;
  const range = (sheet: string, row: number) =>
    `${sheetRef(sheet)}$${months[0]}$${row}:$${months[T - 1]}$${row}`;
  const line = (
    label: string,
    unit: string,
    cell: (c: string, y: number) => string,
    total: string,
    format: string,
  ) => {
    sm.label(`A${r}`, label);
    sm.label(`B${r}`, unit, "note");
    yCols.forEach((c, y) => sm.formula(`${c}${r}`, cell(c, y), "formula", format));
    sm.formula(`${totCol}${r}`, total, "formula", format);
    return r++;
  };
  const sumYears = (row: number) => `=SUM(${yCols[0]}${row}:${yCols[yCols.length - 1]}${row})`;
  const byYear = (label: string, sheet: string, row: number) => {
    const at = r;
    return line(
      label,
      "$",
      (c) => `=SUMIF(${range(sheet, TL.year)},${c}$3,${range(sheet, row)})`,
      sumYears(at),
      FMT.money,
    );
  };
  const { mso, msoCash, cons, tax } = src;
  const revenue = r;
  line(
    "MSA fee revenue (for the margin)",
    "$",
    (c) => `=SUMIF(${range(MSO, TL.year)},${c}$3,${range(MSO, mso.rev)})`,
    sumYears(revenue),
    FMT.money,
  );
  const ebitda = byYear("EBITDA (fee revenue − MSO costs)", MSO, msoCash.ebitda);
  line(
    "EBITDA margin (blank: no revenue)",
    "%",
    (c) => `=IF(${c}${revenue}=0,"",${c}${ebitda}/${c}${revenue})`,
    `=IF(${totCol}${revenue}=0,"",${totCol}${ebitda}/${totCol}${revenue})`,
    FMT.pct,
  );
  byYear("Dividends", MSO, mso.dividends);
  // Year-end cash: the cash row at the year's last month (month 12(y+1), or T).
  line(
    "Cash at the year end",
    "$",
    (c) => `=INDEX(${range(MSO, msoCash.cash)},1,MIN(MonthsPerYear*(${c}$3+1),Months))`,
    `=INDEX(${range(MSO, msoCash.cash)},1,Months)`,
    FMT.money,
  );
  sm.label(`A${r++}`, "Consolidated (MSO and PCs, ASC 810)", "header");
  byYear("Collections", CONSOLIDATED, cons.collections);
  byYear("EBITDA", CONSOLIDATED, cons.ebitda);
  byYear("Net income", CONSOLIDATED, cons.net);
  byYear("of which noncontrolling interests (PCs)", CONSOLIDATED, cons.nci);
  sm.label(`A${r++}`, "Tax across the structure (Tax sheet)", "header");
  const taxLine = (label: string, row: number, format: string = FMT.money, unit = "$") =>
    line(label, unit, (_c, y) => `=${TAX}!${tax.yearCols[y]}${row}`, `=${TAX}!D${row}`, format);
  taxLine("MSO entity tax", tax.entityTax);
  taxLine("MSO owners' tax (dividends or pass-through income)", tax.ownerTax);
  taxLine("Physicians' tax", tax.physicianTax);
  taxLine("Total tax of the structure", tax.total);
  taxLine("Effective rate (blank: income 0 or less)", tax.effective, FMT.pct, "%");
  return r;
}
