/**
 * An independent implementation of MODEL.md "Calculations" in plain TypeScript numbers: the
 * expected value of every monthly row and total of the model, written from the specification
 * alone. It imports nothing from the builder but the inputs and summary types (the caller parses the inputs,
 * which fills the documented defaults) and never reads a value back from a workbook, so a test
 * that compares the evaluated workbook with it checks the builder against MODEL.md, not against
 * itself.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { ModelInputs } from "../../src/model/inputs";
import type { ModelSummary, V22CheckKey } from "../../src/model/summary";

/** The question ids of MODEL.md v2.1 "Compliance sheet", typed here from the specification. */
export const QUESTION_IDS = [
  "cpom-laws",
  "physician-owned",
  "fee-fmv",
  "fee-documentation",
  "cost-allocation",
  "loc-needed",
  "annual-fmv",
  "fees-regulation",
  "separate-statements",
  "tax-compliance",
];

/** The AFR table as the data file has it (percent), read here without the builder's code. */
function afrFromCsv(month: string, term: string, m: number): number | null {
  const lines = readFileSync(join(__dirname, "..", "..", "data", "afr-table-1.csv"), "utf8")
    .trim()
    .split("\n");
  const head = lines[0].split(",");
  const col = `${{ short: "st", mid: "mt", long: "lt" }[term]}_${{ 1: "annual", 2: "semi", 4: "quarterly", 12: "monthly" }[m]}`;
  const row = lines.slice(1).find((l) => l.startsWith(`${month},`));
  if (!row) return null;
  const v = row.split(",")[head.indexOf(col)];
  return v === "" ? null : Number(v) / 100;
}

/** CPOM tier of a state, from data/cpom-states.json (unknown states: the default tier). */
function cpomTier(state: string): string {
  const d = JSON.parse(readFileSync(join(__dirname, "..", "..", "data", "cpom-states.json"), "utf8"));
  return (d.states as { code: string; tier: string }[]).find((x) => x.code === state)?.tier ?? d.defaultTier;
}

export type FmvStatus = "BELOW" | "WITHIN" | "ABOVE";

export interface OraclePc {
  name: string;
  /** Monthly rows, index t − 1. */
  coll: number[];
  clin: number[];
  pt: number[];
  base: number[];
  fee: number[];
  open: number[];
  draw: number[];
  repay: number[];
  int: number[];
  close: number[];
  comp: number[];
  ni: number[];
  /** Totals over all T months. */
  totals: { fees: number; passThrough: number; interest: number; physicianComp: number; netIncome: number };
  minMonthlyPhysicianComp: number;
  realisedMarkup: number;
  realisedMarkupByYear: number[];
  fmvStatusByYear: FmvStatus[];
  /** The first status in year order that is not WITHIN, else WITHIN. */
  fmvStatus: FmvStatus;
  limit: number;
  feeSplittingRisk: boolean;
  peakLoc: number;
  requiredLimit: number;
  limitOk: boolean;
}

export type MsoKey = "revenue" | "interestIncome" | "costs" | "preTax" | "tax" | "netIncome";

/** The checks of MODEL.md, named as the summary file names them. */
export type OracleChecks = Omit<ModelSummary["checks"], V22CheckKey>;

export interface Oracle {
  months: number;
  /** Days in each month, d_t. */
  days: number[];
  /** Model year of each month, y(t), 0-based. */
  year: number[];
  /** cost[s][t − 1]. */
  cost: number[][];
  pcs: OraclePc[];
  /** MSO monthly rows and their totals over T months. */
  mso: Record<MsoKey, number[]>;
  msoTotals: Record<MsoKey, number>;
  /** FMV.RANGE of the benchmarks: low, median, high. */
  fmvRange: { low: number; median: number; high: number };
  /** The AFR used: typed, else looked up (null when the table has no such row). */
  afr: number | null;
  checks: OracleChecks;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Data sorted ascending; percentile by method (FUNCTIONS.md "FMV"). */
export function percentile(
  data: number[],
  p: number,
  method: ModelInputs["fmv"]["method"],
  low: boolean,
): number {
  const x = [...data].sort((a, b) => a - b);
  const n = x.length;
  switch (method) {
    case "MINMAX":
      return low ? x[0] : x[n - 1];
    case "INC": {
      // PERCENTILE.INC: h = (n − 1) p, interpolate between the ⌊h⌋-th and next (0-based).
      const h = (n - 1) * p;
      const i = Math.floor(h);
      return i + 1 < n ? x[i] + (h - i) * (x[i + 1] - x[i]) : x[i];
    }
    case "EXC": {
      // PERCENTILE.EXC: rank r = p (n + 1), 1-based; interpolate between the ⌊r⌋-th and next.
      const r = p * (n + 1);
      const i = Math.floor(r);
      if (r < 1 || r > n) throw new Error(`PERCENTILE.EXC out of range: p = ${p}, n = ${n}`);
      return i < n ? x[i - 1] + (r - i) * (x[i] - x[i - 1]) : x[n - 1];
    }
    case "IRS": {
      // k = p × n exactly (decimal): rounding to 10 places recovers the decimal product.
      const k = Math.round(p * n * 1e10) / 1e10;
      if (Number.isInteger(k)) return (x[k - 1] + x[k]) / 2;
      return x[Math.ceil(k) - 1];
    }
  }
}

function median(data: number[]): number {
  const x = [...data].sort((a, b) => a - b);
  const n = x.length;
  return n % 2 === 1 ? x[(n - 1) / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

/** Effective annual yield of a nominal rate compounded m times a year. */
const effective = (rate: number, m: number) => (1 + rate / m) ** m - 1;

/** LOC.AFRTEST: the note's effective annual yield at least the AFR's (exactly rate ≥ AFR if alike). */
export function afrTest(rate: number, rateM: number, afr: number, afrM: number): boolean {
  if (rateM === afrM) return rate >= afr;
  return effective(rate, rateM) >= effective(afr, afrM);
}

/** The FMV status used by the workbook's check: the realised markup rounded to 10 places. */
export function fmvStatus(markup: number, range: { low: number; high: number }): FmvStatus {
  const m = Math.round(markup * 1e10) / 1e10;
  return m < range.low ? "BELOW" : m > range.high ? "ABOVE" : "WITHIN";
}

/**
 * One month's MSA fee of one PC, from its cost base and pass-through: the PC's own terms, else the
 * group's (MODEL.md v2.1 "Terms per PC"); floor, then cap. Shared by the v1/v2.1 and v2.2 oracles.
 */
export function monthlyFee(
  f: ModelInputs["fee"],
  pc: ModelInputs["pcs"][number],
  b: number,
  passThrough: number,
): number {
  const markup = pc.markup ?? f.markup;
  const fixed = pc.fixedMonthly ?? f.fixedMonthly;
  const floor = pc.monthlyFloor ?? f.monthlyFloor;
  const cap = pc.monthlyCap ?? f.monthlyCap;
  let x: number;
  if (f.structure === "cost-plus") x = b * (1 + markup) + passThrough;
  else if (f.structure === "fixed") x = fixed + passThrough;
  else x = b * (1 + markup) + passThrough + fixed;
  if (floor !== null) x = Math.max(x, floor);
  if (cap !== null) x = Math.min(x, cap);
  return x;
}

export function oracle(inputs: ModelInputs): Oracle {
  const T = inputs.months;
  const [sy, sm] = inputs.startMonth.split("-").map(Number);
  const ts = Array.from({ length: T }, (_, i) => i + 1);
  // Month t: the (t−1)-th month after startMonth; Date.UTC rolls months over into years.
  const days = ts.map((t) => new Date(Date.UTC(sy, sm - 1 + t, 0)).getUTCDate());
  const year = ts.map((t) => Math.floor((t - 1) / 12));
  const grow = (annual: number, g: number) => year.map((y) => (annual / 12) * (1 + g) ** y);

  const cost = inputs.serviceLines.map((s) => grow(s.annualCost, s.annualGrowth));
  const coll = inputs.pcs.map((p) => grow(p.annualCollections, p.annualGrowth));
  const clin = inputs.pcs.map((p) => grow(p.annualClinicalCosts, p.annualGrowth));
  const pt = inputs.pcs.map((p) => ts.map(() => p.annualPassThrough / 12));

  const driver = (p: number, s: number, t: number): number => {
    const pc = inputs.pcs[p];
    switch (inputs.serviceLines[s].driver) {
      case "collections":
        return coll[p][t];
      case "providerFtes":
        return pc.providerFtes;
      case "visits":
        return pc.annualVisits;
      case "equal":
        return 1;
    }
  };
  const P = inputs.pcs.length;
  const base = inputs.pcs.map((_, p) =>
    ts.map((_t, t) =>
      sum(
        inputs.serviceLines.map((_s, s) => {
          let total = 0;
          for (let q = 0; q < P; q++) total += driver(q, s, t);
          return (cost[s][t] * driver(p, s, t)) / total;
        }),
      ),
    ),
  );

  const f = inputs.fee;
  const feeOf = (pc: ModelInputs["pcs"][number], b: number, passThrough: number): number =>
    monthlyFee(f, pc, b, passThrough);

  const bm = inputs.fmv.benchmarks;
  const fmvRange = {
    low: percentile(bm, inputs.fmv.lowPct, inputs.fmv.method, true),
    median: median(bm),
    high: percentile(bm, inputs.fmv.highPct, inputs.fmv.method, false),
  };

  const loc = inputs.loc;
  const years = Array.from({ length: Math.ceil(T / 12) }, (_, y) => y);
  const pcs: OraclePc[] = inputs.pcs.map((pc, p) => {
    const fee = ts.map((_t, t) => feeOf(pc, base[p][t], pt[p][t]));
    const open: number[] = [];
    const draw: number[] = [];
    const repay: number[] = [];
    const int: number[] = [];
    const close: number[] = [];
    const opening = (pc as { locOpeningBalance?: number }).locOpeningBalance ?? 0;
    for (let t = 0; t < T; t++) {
      open[t] = t === 0 ? opening : close[t - 1];
      draw[t] = loc.deferralShare * fee[t];
      repay[t] = Math.min(open[t], loc.monthlyRepayment);
      int[t] = (open[t] * loc.rate * days[t]) / 365;
      close[t] = open[t] + draw[t] - repay[t] + (loc.capitalizeInterest ? int[t] : 0);
    }
    const comp = ts.map((_t, t) =>
      pc.physicianComp.mode === "fixed"
        ? pc.physicianComp.annual / 12
        : coll[p][t] - clin[p][t] - fee[t] - int[t],
    );
    const ni = ts.map((_t, t) => coll[p][t] - clin[p][t] - fee[t] - int[t] - comp[t]);
    // Realised markup of each model year y over its months (the last year may be partial).
    const realisedMarkupByYear = years.map((y) => {
      let feeLessPt = 0;
      let baseSum = 0;
      for (let t = 12 * y; t < Math.min(12 * y + 12, T); t++) {
        feeLessPt += fee[t] - pt[p][t];
        baseSum += base[p][t];
      }
      return feeLessPt / baseSum - 1;
    });
    const fmvStatusByYear = realisedMarkupByYear.map((m) => fmvStatus(m, fmvRange));
    const limit = pc.locLimit ?? loc.limit;
    // MODEL.md v2.2: the peak counts the opening balance too (max(open at j, max close)).
    const peakLoc = Math.max(open[0], ...close);
    const buffered = peakLoc * (1 + loc.buffer);
    const requiredLimit = loc.lot === 0 ? buffered : Math.ceil(buffered / loc.lot) * loc.lot;
    return {
      name: pc.name,
      coll: coll[p],
      clin: clin[p],
      pt: pt[p],
      base: base[p],
      fee,
      open,
      draw,
      repay,
      int,
      close,
      comp,
      ni,
      totals: {
        fees: sum(fee),
        passThrough: sum(pt[p]),
        interest: sum(int),
        physicianComp: sum(comp),
        netIncome: sum(ni),
      },
      minMonthlyPhysicianComp: Math.min(...comp),
      realisedMarkup: realisedMarkupByYear[0],
      realisedMarkupByYear,
      fmvStatusByYear,
      fmvStatus: fmvStatusByYear.find((x) => x !== "WITHIN") ?? "WITHIN",
      limit,
      feeSplittingRisk:
        cpomTier(pc.state).includes("Strict") && inputs.serviceLines.some((s) => s.driver === "collections"),
      peakLoc,
      requiredLimit,
      limitOk: requiredLimit <= limit,
    };
  });

  const over = (g: (t: number) => number) => ts.map((_t, t) => g(t));
  const revenue = over((t) => sum(pcs.map((x) => x.fee[t])));
  const interestIncome = over((t) => sum(pcs.map((x) => x.int[t])));
  const costs = over((t) => sum(cost.map((c) => c[t])) + sum(pt.map((x) => x[t])));
  const preTax = over((t) => revenue[t] + interestIncome[t] - costs[t]);
  const { msoFederalRate: fed, msoStateRate: st } = inputs.tax;
  const tax = over((t) => preTax[t] * (st + fed * (1 - st)));
  const netIncome = over((t) => preTax[t] - tax[t]);
  const mso = { revenue, interestIncome, costs, preTax, tax, netIncome };
  const msoTotals = Object.fromEntries(Object.entries(mso).map(([k, v]) => [k, sum(v)])) as Record<
    MsoKey,
    number
  >;

  // Year y starts on F_y, 12y months after the first day; covered by an assessment a with
  // EDATE(F_y, −12) ≤ a ≤ F_y (ISO dates compare as text).
  const iso = (months: number) => new Date(Date.UTC(sy, sm - 1 + months, 1)).toISOString().slice(0, 10);
  const fmvAssessmentByYear = years.map((y) =>
    inputs.fmv.assessments.some((a) => iso(12 * y - 12) <= a && a <= iso(12 * y)),
  );
  const afr = loc.afr ?? afrFromCsv(inputs.startMonth, loc.afrTerm, loc.afrCompounding);
  const owned = (name: string) => {
    const key = Object.keys(inputs.compliance.pcs).find((k) => k.toLowerCase() === name.toLowerCase());
    const o = key === undefined ? {} : inputs.compliance.pcs[key];
    return o.physicianOwned === "Yes" && o.ownerLicensed === "Yes";
  };
  const checks = {
    intercompanyZero: true, // both sets of books follow the same calculations
    fmvWithin: pcs.every((x) => x.fmvStatusByYear.every((st) => st === "WITHIN")),
    benchmarksContiguous: true, // a JSON list has no gaps
    afrFound: afr !== null,
    // The note compounds monthly (v2.1): LOC.AFRTEST(rate, 12, afr, afrCompounding).
    afrCompliant: afr !== null && afrTest(loc.rate, 12, afr, loc.afrCompounding),
    limitOk: pcs.every((x) => x.limitOk),
    physicianCompNonNegative: pcs.every((x) => x.comp.every((c) => c >= 0)),
    fmvAssessmentCurrent: fmvAssessmentByYear.every(Boolean),
    cpomOwnership: inputs.pcs.every((pc) => owned(pc.name)),
    complianceAnswered: QUESTION_IDS.every((id) => {
      const a = inputs.compliance.answers[id];
      return a !== undefined && a.answer !== undefined && a.date !== undefined;
    }),
  };
  return {
    months: T,
    days,
    year,
    cost,
    pcs,
    mso,
    msoTotals,
    fmvRange,
    afr,
    checks: { ...checks, fmvAssessmentByYear, master: Object.values(checks).every(Boolean) },
  };
}
