/**
 * What the Review panel shows, read from the workbook through the plan's result cells (the numbers
 * the workbook shows, never computed here): every cell and row is collected first, then read in ONE
 * host call — in Excel one round trip, not one per cell (about 15 per PC before).
 */
import type { CellRef, SheetPlan } from "../../../model/plan";
import type { CellValue, SheetRef, WorkbookHost } from "../../../workbook/host";
import { checkRows, fmvBand, monthlyRange, pcLimit, pcYears } from "../../plan-view";

export interface Located<T = CellValue> {
  value: T;
  ref: CellRef;
}

export interface PcReview {
  name: string;
  years: { markup: Located; status: Located }[];
  peakLoc: Located;
  requiredLimit: Located;
  limit: Located | null;
  limitOk: Located;
  /** Month-end LOC balances, month 1..T. */
  closes: CellValue[];
  results: Record<"fees" | "interest" | "physicianComp" | "netIncome", Located>;
}

export interface Review {
  band: { low: Located; high: Located };
  pcs: PcReview[];
  mso: Record<"revenue" | "interestIncome" | "costs" | "preTax" | "tax" | "netIncome", Located>;
  checks: { key: string; label: string; value: CellValue; ref: CellRef }[];
}

/** The Review of the model in the workbook; `locate` maps the plan's sheet names to the written ones. */
export async function readReview(
  host: Pick<WorkbookHost, "readRanges">,
  plan: SheetPlan,
  locate: (ref: CellRef) => CellRef,
): Promise<Review> {
  // The Located objects get their values after the one read.
  const reads: SheetRef[] = [];
  const pending: [Located, number][] = [];
  const at = (ref: CellRef): Located => {
    const where = locate(ref);
    const cell: Located = { value: null, ref: where };
    pending.push([cell, reads.push(where) - 1]);
    return cell;
  };
  const band = fmvBand(plan);
  const pcs: PcReview[] = [];
  const closeReads: [CellValue[], number][] = [];
  for (let p = 0; p < plan.results.pcs.length; p++) {
    const pc = plan.results.pcs[p];
    const years = [];
    for (const y of pcYears(plan, p)) years.push({ markup: at(y.markup), status: at(y.fmvStatus) });
    const limitRef = pcLimit(plan, p);
    const closeRow = locate({ sheet: pc.rows.pcClose.sheet, a1: "A1" }).sheet;
    const closes: CellValue[] = [];
    closeReads.push([
      closes,
      reads.push({ sheet: closeRow, a1: monthlyRange(plan, pc.rows.pcClose.row) }) - 1,
    ]);
    pcs.push({
      name: pc.name,
      years,
      peakLoc: at(pc.cells.peakLoc),
      requiredLimit: at(pc.cells.requiredLimit),
      limit: limitRef ? at(limitRef) : null,
      limitOk: at(pc.cells.limitOk),
      closes,
      results: {
        fees: at(pc.cells.fees),
        interest: at(pc.cells.interest),
        physicianComp: at(pc.cells.physicianComp),
        netIncome: at(pc.cells.netIncome),
      },
    });
  }
  const m = plan.results.mso;
  const mso = {
    revenue: at(m.revenue),
    interestIncome: at(m.interestIncome),
    costs: at(m.costs),
    preTax: at(m.preTax),
    tax: at(m.tax),
    netIncome: at(m.netIncome),
  };
  const checkCells = checkRows(plan).map((c) => ({ c, v: at(c.ref) }));
  const low = at(band.low);
  const high = at(band.high);
  const got = await host.readRanges(reads);
  for (const [cell, i] of pending) cell.value = got[i][0][0];
  for (const [closes, i] of closeReads) closes.push(...(got[i][0] ?? []));
  const checks: Review["checks"] = checkCells.map(({ c, v }) => ({
    key: c.key,
    label: c.label,
    value: v.value,
    ref: v.ref,
  }));
  return { band: { low, high }, pcs, mso, checks };
}
