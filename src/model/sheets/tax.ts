/**
 * The Tax sheet (MODEL.md "v2.2"): tax across the structure by model year (the last may be
 * partial). The MSO's entity tax — none for a pass-through; a C-corp's as booked monthly, or with
 * losses carried forward the year's tax on income less the NOL used (at most 80% of the year's
 * income) — the owners' tax (on pass-through income, or on C-corp dividends), the physicians' tax
 * on compensation plus distributions, the total and the effective rate on the structure's income.
 * Rates are inputs, not advice.
 */
import { ModelInputs } from "../inputs";
import { columnLetter } from "../plan";
import { FMT, SheetWriter, TL } from "../writer";
import { CONSOLIDATED, ConsolidatedLayout } from "./consolidated";
import { MsoLayout } from "./mso";
import { MSO } from "./names";

export const TAX = "Tax";
/** Year columns start where a timeline's months do, so a year's column is E + y. */
const FIRST_YEAR_COL = 4;

export interface TaxLayout {
  yearCols: string[];
  preTax: number;
  nolOpen: number;
  nolUsed: number;
  nolClose: number;
  taxCarryforward: number;
  entityTax: number;
  dividends: number;
  ownerTax: number;
  physicianIncome: number;
  physicianTax: number;
  total: number;
  economic: number;
  effective: number;
}

/** The carry-forward tax row as an absolute range, for the MSO sheet's INDEX (built before this sheet). */
export function taxCarryforwardRange(months: number): string {
  const years = Math.ceil(months / 12);
  return `${TAX}!$${columnLetter(FIRST_YEAR_COL)}$${TAX_ROW.taxCarryforward}:$${columnLetter(FIRST_YEAR_COL + years - 1)}$${TAX_ROW.taxCarryforward}`;
}

const TAX_ROW = {
  preTax: 7,
  rate: 8,
  nolOpen: 9,
  nolUsed: 10,
  nolClose: 11,
  taxCarryforward: 12,
  entityTax: 13,
  netIncome: 14,
  dividends: 15,
  ownerTax: 16,
  physicianIncome: 18,
  physicianTax: 19,
  total: 21,
  economic: 22,
  effective: 23,
} as const;

export function buildTax(
  inputs: ModelInputs,
  months: string[],
  mso: MsoLayout,
  cons: ConsolidatedLayout,
): { writer: SheetWriter; layout: TaxLayout } {
  const T = months.length;
  const years = Math.ceil(T / 12);
  const w = new SheetWriter(TAX, "tax");
  const R = TAX_ROW;
  const yearCols = Array.from({ length: years }, (_, y) => columnLetter(FIRST_YEAR_COL + y));
  w.label("A1", `Tax across the structure, by model year — ${inputs.name}`, "title");
  w.label("A2", "Rates are inputs (Inputs sheet), not advice. The last year may be partial.", "note");
  w.label("A3", "Model year, 0-based (y)", "note");
  w.label("A4", "Line", "header");
  w.label("B4", "Unit", "header");
  w.label("C4", "Constant", "header");
  w.label("D4", "Total", "header");
  yearCols.forEach((c, y) => {
    w.formula(`${c}3`, `=COLUMN()-COLUMN($D$3)-1`, "header", FMT.int);
    w.value(`${c}4`, `Year ${y + 1}`, "header");
  });
  const span = (sheet: string, row: number) => `${sheet}!$${months[0]}$${row}:$${months[T - 1]}$${row}`;
  const bySum = (sheet: string, row: number) => (c: string) =>
    `=SUMIF(${span(sheet, TL.year)},${c}$3,${span(sheet, row)})`;
  const line = (
    row: number,
    label: string,
    unit: string,
    formula: (c: string, prev: string) => string,
    total: "sum" | string | null = "sum",
    format: string = FMT.money,
  ) => {
    w.label(`A${row}`, label);
    w.label(`B${row}`, unit, "note");
    yearCols.forEach((c, y) =>
      w.formula(`${c}${row}`, formula(c, y === 0 ? "" : yearCols[y - 1]), "formula", format),
    );
    if (total === "sum")
      w.formula(`D${row}`, `=SUM(${yearCols[0]}${row}:${yearCols[years - 1]}${row})`, "formula", format);
    else if (total) w.formula(`D${row}`, total, "formula", format);
  };
  w.label("A6", "MSO entity tax", "header");
  line(R.preTax, "MSO pre-tax income", "$", bySum(MSO, mso.preTax));
  w.label(`A${R.rate}`, "Combined entity rate (state + federal × (1 − state))");
  w.label(`B${R.rate}`, "%", "note");
  w.formula(`C${R.rate}`, "=Tax_State+Tax_Federal*(1-Tax_State)", "formula", FMT.pct);
  line(
    R.nolOpen,
    "Losses carried forward, start of year (C-corp, carryforward)",
    "$",
    (c, p) => (p === "" ? "=0" : `=${p}${R.nolClose}`),
    null,
  );
  line(
    R.nolUsed,
    "Losses used (at most the NOL limit × the year's income)",
    "$",
    (c) => `=MIN(${c}${R.nolOpen},Tax_NolLimit*MAX(0,${c}${R.preTax}))`,
  );
  line(
    R.nolClose,
    "Losses carried forward, end of year",
    "$",
    (c) => `=${c}${R.nolOpen}-${c}${R.nolUsed}+MAX(0,-${c}${R.preTax})`,
    null,
  );
  line(
    R.taxCarryforward,
    "Tax with losses carried forward (booked in the year's last month)",
    "$",
    (c) => `=$C$${R.rate}*MAX(0,${c}${R.preTax}-${c}${R.nolUsed})`,
  );
  line(R.entityTax, "MSO entity tax, as booked on the MSO sheet", "$", bySum(MSO, mso.tax));
  line(R.netIncome, "MSO net income", "$", bySum(MSO, mso.net));
  line(R.dividends, "Dividends paid (C-corp)", "$", bySum(MSO, mso.dividends));
  line(
    R.ownerTax,
    "MSO owners' tax: on dividends (C-corp) or on the MSO's income (pass-through)",
    "$",
    (c) => `=IF(Tax_MsoEntity="c-corp",Tax_DividendRate*${c}${R.dividends},Tax_OwnerRate*${c}${R.preTax})`,
  );
  w.label("A17", "Physicians", "header");
  line(
    R.physicianIncome,
    "Physician compensation + PC distributions",
    "$",
    (c) =>
      `=SUMIF(${span(CONSOLIDATED, TL.year)},${c}$3,${span(CONSOLIDATED, cons.comp)})+SUMIF(${span(CONSOLIDATED, TL.year)},${c}$3,${span(CONSOLIDATED, cons.nci)})`,
  );
  line(
    R.physicianTax,
    "Physicians' tax (negative = benefit)",
    "$",
    (c) => `=Tax_PhysicianRate*${c}${R.physicianIncome}`,
  );
  w.label("A20", "The structure", "header");
  line(
    R.total,
    "Total tax of the structure (entity + owners + physicians)",
    "$",
    (c) => `=${c}${R.entityTax}+${c}${R.ownerTax}+${c}${R.physicianTax}`,
  );
  line(
    R.economic,
    "Income of the structure (collections − clinical − service lines − pass-through)",
    "$",
    (c) =>
      `=SUMIF(${span(CONSOLIDATED, TL.year)},${c}$3,${span(CONSOLIDATED, cons.collections)})-SUMIF(${span(CONSOLIDATED, TL.year)},${c}$3,${span(CONSOLIDATED, cons.clinical)})-SUMIF(${span(MSO, TL.year)},${c}$3,${span(MSO, mso.costs)})`,
  );
  line(
    R.effective,
    "Effective rate (blank when the income is 0 or less)",
    "%",
    (c) => `=IF(${c}${R.economic}<=0,"",${c}${R.total}/${c}${R.economic})`,
    `=IF(D${R.economic}<=0,"",D${R.total}/D${R.economic})`,
    FMT.pct,
  );
  Object.assign(w.columnWidths, { A: 66, B: 8, C: 12, D: 16 });
  for (const c of yearCols) w.columnWidths[c] = 16;
  return {
    writer: w,
    layout: {
      yearCols,
      preTax: R.preTax,
      nolOpen: R.nolOpen,
      nolUsed: R.nolUsed,
      nolClose: R.nolClose,
      taxCarryforward: R.taxCarryforward,
      entityTax: R.entityTax,
      dividends: R.dividends,
      ownerTax: R.ownerTax,
      physicianIncome: R.physicianIncome,
      physicianTax: R.physicianTax,
      total: R.total,
      economic: R.economic,
      effective: R.effective,
    },
  };
}
