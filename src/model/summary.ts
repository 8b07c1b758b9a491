/**
 * The summary file of MODEL.md, read back from an evaluated workbook through the host interface
 * (the numbers the workbook shows, never computed a second time).
 */
import { CellRef, SheetPlan } from "./plan";
import { CellValue, WorkbookHost, isCellError } from "../workbook/host";

/** The one thing the summary needs of a host: read a computed cell. */
type ValueReader = Pick<WorkbookHost, "readValue">;

export interface ModelSummary {
  months: number;
  mso: {
    revenue: number;
    interestIncome: number;
    costs: number;
    preTax: number;
    tax: number;
    netIncome: number;
    /** v2.2: fee revenue − service-line and pass-through costs, over all months. */
    ebitda: number;
    /** v2.2: cash at the last month end. */
    closingCash: number;
    /** v2.2: dividends paid (C-corp), positive. */
    dividends: number;
  };
  pcs: {
    name: string;
    fees: number;
    passThrough: number;
    interest: number;
    physicianComp: number;
    netIncome: number;
    minMonthlyPhysicianComp: number;
    /** Year 1's realised markup; null for a PC not active in year 1 (v2.2). */
    realisedMarkup: number | null;
    fmvStatus: string;
    peakLoc: number;
    requiredLimit: number;
    limitOk: boolean;
    /** v2.2: cash at the last month end, and the lowest month-end cash while active. */
    closingCash: number;
    minCash: number;
  }[];
  /** v2.2: the MSO consolidating the PCs (ASC 810). */
  consolidated: { collections: number; ebitda: number; netIncome: number; nonControllingInterest: number };
  /** v2.2: tax across the structure; msoOwnerTax is the owners' tax (pass-through) or dividend tax (C-corp). */
  tax: {
    msoEntityTax: number;
    msoOwnerTax: number;
    physicianTax: number;
    total: number;
    effectiveRate: number | null;
  };
  /** v2.2: invested capital, value at the exit multiple (null without one) and its multiple on cost. */
  deal: { invested: number; enterpriseValue: number | null; moic: number | null };
  checks: {
    intercompanyZero: boolean;
    fmvWithin: boolean;
    afrCompliant: boolean;
    limitOk: boolean;
    physicianCompNonNegative: boolean;
    fmvAssessmentCurrent: boolean;
    balanceSheetsBalance: boolean;
    pcCashNonNegative: boolean;
    msoCashNonNegative: boolean;
    consolidationTies: boolean;
    master: boolean;
  };
}

/** The checks v2.2 added to the summary. */
export type V22CheckKey =
  "balanceSheetsBalance" | "pcCashNonNegative" | "msoCashNonNegative" | "consolidationTies";

async function read(host: ValueReader, ref: CellRef): Promise<CellValue> {
  const v = await host.readValue(ref.sheet, ref.a1);
  if (isCellError(v))
    throw new Error(`${ref.sheet}!${ref.a1} is ${v.error}${v.message ? `: ${v.message}` : ""}`);
  return v;
}

async function num(host: ValueReader, ref: CellRef): Promise<number> {
  const v = await read(host, ref);
  if (typeof v !== "number")
    throw new Error(`${ref.sheet}!${ref.a1} should be a number; it is ${JSON.stringify(v)}`);
  return v;
}

/** A number, or null for a blank result ("" — e.g. no exit multiple, no markup in year 1). */
async function numOrNull(host: ValueReader, ref: CellRef): Promise<number | null> {
  const v = await read(host, ref);
  return v === "" || v === null ? null : num(host, ref);
}

/** The plan's v2.2 results; a plan built before v2.2 has none. */
function v22Of(plan: SheetPlan): NonNullable<SheetPlan["results"]["v22"]> {
  const v = plan.results.v22;
  if (!v) throw new Error("the plan has no v2.2 results (cash, consolidation, tax); rebuild the model");
  return v;
}

async function ok(host: ValueReader, ref: CellRef): Promise<boolean> {
  const v = await read(host, ref);
  if (v !== "OK" && v !== "FAIL")
    throw new Error(`${ref.sheet}!${ref.a1} should be OK or FAIL; it is ${JSON.stringify(v)}`);
  return v === "OK";
}

export async function readSummary(plan: SheetPlan, host: ValueReader): Promise<ModelSummary> {
  const r = plan.results;
  const m = r.mso;
  const v = v22Of(plan);
  const pcs: ModelSummary["pcs"] = [];
  for (const [p, pc] of r.pcs.entries()) {
    const c = pc.cells;
    pcs.push({
      name: pc.name,
      fees: await num(host, c.fees),
      passThrough: await num(host, c.passThrough),
      interest: await num(host, c.interest),
      physicianComp: await num(host, c.physicianComp),
      netIncome: await num(host, c.netIncome),
      minMonthlyPhysicianComp: await num(host, c.minMonthlyPhysicianComp),
      realisedMarkup: await numOrNull(host, c.realisedMarkup),
      fmvStatus: String(await read(host, c.fmvStatus)),
      peakLoc: await num(host, c.peakLoc),
      requiredLimit: await num(host, c.requiredLimit),
      limitOk: (await read(host, c.limitOk)) === true,
      closingCash: await num(host, v.pcs[p].cells.closingCash),
      minCash: await num(host, v.pcs[p].cells.minCash),
    });
  }
  const k = r.checks;
  return {
    months: await num(host, r.months),
    mso: {
      revenue: await num(host, m.revenue),
      interestIncome: await num(host, m.interestIncome),
      costs: await num(host, m.costs),
      preTax: await num(host, m.preTax),
      tax: await num(host, m.tax),
      netIncome: await num(host, m.netIncome),
      ebitda: await num(host, v.mso.cells.ebitda),
      closingCash: await num(host, v.mso.cells.closingCash),
      dividends: await num(host, v.mso.cells.dividends),
    },
    pcs,
    consolidated: {
      collections: await num(host, v.consolidated.cells.collections),
      ebitda: await num(host, v.consolidated.cells.ebitda),
      netIncome: await num(host, v.consolidated.cells.netIncome),
      nonControllingInterest: await num(host, v.consolidated.cells.nonControllingInterest),
    },
    tax: {
      msoEntityTax: await num(host, v.tax.cells.msoEntityTax),
      msoOwnerTax: await num(host, v.tax.cells.msoOwnerTax),
      physicianTax: await num(host, v.tax.cells.physicianTax),
      total: await num(host, v.tax.cells.total),
      effectiveRate: await numOrNull(host, v.tax.cells.effectiveRate),
    },
    deal: {
      invested: await num(host, v.deal.invested),
      enterpriseValue: await numOrNull(host, v.deal.enterpriseValue),
      moic: await numOrNull(host, v.deal.moic),
    },
    checks: {
      intercompanyZero: await ok(host, k.intercompanyZero),
      fmvWithin: await ok(host, k.fmvWithin),
      afrCompliant: await ok(host, k.afrCompliant),
      limitOk: await ok(host, k.limitOk),
      physicianCompNonNegative: await ok(host, k.physicianCompNonNegative),
      fmvAssessmentCurrent: await ok(host, k.fmvAssessmentCurrent),
      balanceSheetsBalance: await ok(host, v.checks.balanceSheetsBalance),
      pcCashNonNegative: await ok(host, v.checks.pcCashNonNegative),
      msoCashNonNegative: await ok(host, v.checks.msoCashNonNegative),
      consolidationTies: await ok(host, v.checks.consolidationTies),
      master: await ok(host, k.master),
    },
  };
}
