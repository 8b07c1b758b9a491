/**
 * What the panels read from a plan's results, in one place. The model grows under the pane (v2.1
 * per-year FMV, per-PC limits, more checks; v2.2 EBITDA and structure tax), so the parts that a
 * given plan may not have yet are optional here and the panels show "—" for them.
 */
import { FMV_RANGE_CELLS } from "../model/formulas";
import type { CellRef, SheetPlan } from "../model/plan";

const cell = (sheet: string, a1: string): CellRef => ({ sheet, a1: a1.replace(/\$/g, "") });

function isRef(v: unknown): v is CellRef {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as CellRef).sheet === "string" &&
    typeof (v as CellRef).a1 === "string"
  );
}

/** The FMV band's low and high edges. */
export function fmvBand(plan: SheetPlan): { low: CellRef; high: CellRef } {
  return (
    plan.results.fmvBand ?? {
      low: cell(FMV_RANGE_CELLS.sheet, FMV_RANGE_CELLS.low),
      high: cell(FMV_RANGE_CELLS.sheet, FMV_RANGE_CELLS.high),
    }
  );
}

/** A PC's credit limit: its own (v2.1 per-PC terms) or the group's `LOC_Limit`. */
export function pcLimit(plan: SheetPlan, p: number): CellRef | null {
  const own = plan.results.pcs[p]?.limit;
  if (own) return own;
  const name = plan.names.find((n) => n.name === "LOC_Limit");
  return name ? cell(name.sheet, name.ref) : null;
}

/** A PC's markup and FMV status per model year; a v1 plan has year 1 only. */
export function pcYears(plan: SheetPlan, p: number): { markup: CellRef; fmvStatus: CellRef }[] {
  const pc = plan.results.pcs[p];
  return pc.years ?? [{ markup: pc.cells.realisedMarkup, fmvStatus: pc.cells.fmvStatus }];
}

/** The monthly range of one row on a timeline sheet, e.g. `E40:AN40`. */
export function monthlyRange(plan: SheetPlan, row: number): string {
  const cols = plan.results.monthColumns;
  return `${cols[0]}${row}:${cols[cols.length - 1]}${row}`;
}

export interface CheckRow {
  key: string;
  label: string;
  ref: CellRef;
}

const CHECK_LABELS: Record<string, string> = {
  intercompanyZero: "Intercompany balances agree",
  fmvWithin: "Every fee within its FMV band",
  afrCompliant: "LOC rate at least the AFR",
  afrFound: "AFR found for the start month",
  limitOk: "Every PC within its credit limit",
  physicianCompNonNegative: "Physician compensation never negative",
  fmvAssessmentCurrent: "FMV assessment current",
  fmvAssessmentByYear: "FMV assessment covers year",
  benchmarksContiguous: "FMV benchmarks without gaps",
  cpomOwnership: "PCs physician-owned by licensed owners",
  complianceAnswered: "Every compliance question answered",
  balanceSheetsBalance: "Balance sheets balance",
  pcCashNonNegative: "PC cash never below zero",
  msoCashNonNegative: "MSO cash never below zero",
  consolidationTies: "Consolidation ties out",
  master: "Master check",
};

function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Every check the plan exposes, the master check last: a check is one cell, or a list of cells
 * (one per model year).
 */
export function checkRows(plan: SheetPlan): CheckRow[] {
  const rows: CheckRow[] = [];
  let master: CheckRow | null = null;
  for (const [key, v] of Object.entries(plan.results.checks as Record<string, unknown>)) {
    const label = CHECK_LABELS[key] ?? humanize(key);
    if (isRef(v)) {
      const row = { key, label, ref: v };
      if (key === "master") master = row;
      else rows.push(row);
    } else if (Array.isArray(v)) {
      v.forEach((r, i) => {
        if (isRef(r)) rows.push({ key: `${key}.${i}`, label: `${label} ${i + 1}`, ref: r });
      });
    }
  }
  return master ? [...rows, master] : rows;
}

/** The outputs Scenarios compares; the v2.2 ones are null until the plan has them. */
export interface ComparedRefs {
  fee: CellRef;
  msoEbitda: CellRef | null;
  msoNetIncome: CellRef;
  msoTax: CellRef;
  structureTax: CellRef | null;
  physicianComp: CellRef[];
  peakLoc: CellRef[];
  master: CellRef;
}

export function comparedRefs(plan: SheetPlan): ComparedRefs {
  const r = plan.results;
  const mso = r.mso as Record<string, unknown>;
  const tax = (r as unknown as Record<string, unknown>).tax as Record<string, unknown> | undefined;
  return {
    fee: r.mso.revenue,
    msoEbitda: isRef(mso.ebitda) ? mso.ebitda : null,
    msoNetIncome: r.mso.netIncome,
    msoTax: r.mso.tax,
    structureTax: tax && isRef(tax.total) ? tax.total : null,
    physicianComp: r.pcs.map((pc) => pc.cells.physicianComp),
    peakLoc: r.pcs.map((pc) => pc.cells.peakLoc),
    master: r.checks.master,
  };
}
