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
  };
  pcs: {
    name: string;
    fees: number;
    passThrough: number;
    interest: number;
    physicianComp: number;
    netIncome: number;
    minMonthlyPhysicianComp: number;
    realisedMarkup: number;
    fmvStatus: string;
    peakLoc: number;
    requiredLimit: number;
    limitOk: boolean;
    /** v2.1: the PC's credit limit (its own, else the group's). */
    limit: number;
    realisedMarkupByYear: number[];
    fmvStatusByYear: string[];
  }[];
  checks: {
    intercompanyZero: boolean;
    fmvWithin: boolean;
    afrCompliant: boolean;
    limitOk: boolean;
    physicianCompNonNegative: boolean;
    fmvAssessmentCurrent: boolean;
    fmvAssessmentByYear: boolean[];
    benchmarksContiguous: boolean;
    afrFound: boolean;
    cpomOwnership: boolean;
    complianceAnswered: boolean;
    master: boolean;
  };
}

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

async function ok(host: ValueReader, ref: CellRef): Promise<boolean> {
  const v = await read(host, ref);
  if (v !== "OK" && v !== "FAIL")
    throw new Error(`${ref.sheet}!${ref.a1} should be OK or FAIL; it is ${JSON.stringify(v)}`);
  return v === "OK";
}

export async function readSummary(plan: SheetPlan, host: ValueReader): Promise<ModelSummary> {
  const r = plan.results;
  const m = r.mso;
  const pcs: ModelSummary["pcs"] = [];
  for (const pc of r.pcs) {
    const c = pc.cells;
    pcs.push({
      name: pc.name,
      fees: await num(host, c.fees),
      passThrough: await num(host, c.passThrough),
      interest: await num(host, c.interest),
      physicianComp: await num(host, c.physicianComp),
      netIncome: await num(host, c.netIncome),
      minMonthlyPhysicianComp: await num(host, c.minMonthlyPhysicianComp),
      realisedMarkup: await num(host, c.realisedMarkup),
      fmvStatus: String(await read(host, c.fmvStatus)),
      peakLoc: await num(host, c.peakLoc),
      requiredLimit: await num(host, c.requiredLimit),
      limitOk: (await read(host, c.limitOk)) === true,
      limit: await num(host, pc.limit ?? c.requiredLimit),
      realisedMarkupByYear: await Promise.all((pc.years ?? []).map((y) => num(host, y.markup))),
      fmvStatusByYear: await Promise.all(
        (pc.years ?? []).map(async (y) => String(await read(host, y.fmvStatus))),
      ),
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
    },
    pcs,
    checks: {
      intercompanyZero: await ok(host, k.intercompanyZero),
      fmvWithin: await ok(host, k.fmvWithin),
      afrCompliant: await ok(host, k.afrCompliant),
      limitOk: await ok(host, k.limitOk),
      physicianCompNonNegative: await ok(host, k.physicianCompNonNegative),
      fmvAssessmentCurrent: await ok(host, k.fmvAssessmentCurrent),
      fmvAssessmentByYear: await Promise.all((r.fmvAssessmentByYear ?? []).map((ref) => ok(host, ref))),
      benchmarksContiguous: await ok(host, k.benchmarksContiguous),
      afrFound: await ok(host, k.afrFound),
      cpomOwnership: await ok(host, k.cpomOwnership),
      complianceAnswered: await ok(host, k.complianceAnswered),
      master: await ok(host, k.master),
    },
  };
}
