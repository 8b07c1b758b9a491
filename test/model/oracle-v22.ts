/**
 * An independent implementation of MODEL.md "v2.2" (acquisitions, PC cash, fee settlement, the
 * deferral and cash draw modes, balance sheets, consolidation, the deal view and tax across the
 * structure) in plain TypeScript numbers, written from the specification alone. Like ./oracle.ts
 * it imports nothing from the builder but the inputs types (the caller parses the file, which fills
 * the documented defaults) and never reads a workbook: a test comparing the two checks the builder
 * against MODEL.md.
 *
 * Arrays are monthly, index t − 1. Where MODEL.md leaves a reading open, the choice is written
 * beside the line that makes it.
 */
import type { ModelInputs } from "../../src/model/inputs";
import { FmvStatus, afrTest, fmvStatus, monthlyFee, percentile } from "./oracle";

export type YearStatus = FmvStatus | "N/A";

export interface OraclePc22 {
  name: string;
  /** Joining month j, 1-based. */
  join: number;
  /** a[p,t]: 1 from j on, else 0. */
  active: number[];
  coll: number[];
  clin: number[];
  pt: number[];
  base: number[];
  fee: number[];
  // Line of credit.
  open: number[];
  draw: number[];
  repay: number[];
  int: number[];
  capInt: number[];
  close: number[];
  // Income statement.
  comp: number[];
  ni: number[];
  // Cash.
  rec: number[];
  ar: number[];
  feeCash: number[];
  feePaid: number[];
  dueToMso: number[];
  intPaid: number[];
  dist: number[];
  pre: number[];
  /** The draw paid in cash (cash mode), 0 in deferral mode. */
  cashDraw: number[];
  operating: number[];
  financing: number[];
  cash: number[];
  // Balance sheet.
  assets: number[];
  liabilities: number[];
  equity: number[];
  /** assets − liabilities − equity. */
  bsDiff: number[];
  totals: { fees: number; passThrough: number; interest: number; physicianComp: number; netIncome: number };
  /** Over active months only. */
  minMonthlyPhysicianComp: number;
  minCash: number;
  closingCash: number;
  /** max(open at j, max close). */
  peakLoc: number;
  requiredLimit: number;
  limitOk: boolean;
  /** Year 1's markup; null when the PC has no active month in year 1. */
  realisedMarkup: number | null;
  markupByYear: (number | null)[];
  statusByYear: YearStatus[];
  /** The first status in year order that is not WITHIN (N/A skipped), else WITHIN. */
  fmvStatus: FmvStatus;
}

export interface OracleMso22 {
  slCost: number[];
  /** Service-line cost no active PC carries (months with no active PC). */
  unallocated: number[];
  revenue: number[];
  interestIncome: number[];
  ptCost: number[];
  costs: number[];
  preTax: number[];
  tax: number[];
  netIncome: number[];
  ebitda: number[];
  dividends: number[];
  purchases: number[];
  feePaid: number[];
  intPaid: number[];
  cashDraws: number[];
  repay: number[];
  operating: number[];
  investing: number[];
  financing: number[];
  cash: number[];
  dueFromPc: number[];
  locReceivable: number[];
  investment: number[];
  equity: number[];
  bsDiff: number[];
}

export interface OracleConsolidated {
  collections: number[];
  clinical: number[];
  physicianComp: number[];
  msoCosts: number[];
  /** Eliminations, MSO side less PC side: each 0. */
  elimFees: number[];
  elimInterest: number[];
  elimDue: number[];
  elimLoc: number[];
  ebitda: number[];
  tax: number[];
  netIncome: number[];
  attributableToMso: number[];
  nonControllingInterest: number[];
  cash: number[];
}

export interface OracleTaxYear {
  msoPreTax: number;
  msoEntityTax: number;
  /** Carry-forward only: losses available at the start of the year and used in it. */
  nolOpening: number;
  nolUsed: number;
  msoNetIncome: number;
  dividends: number;
  /** Owner tax (pass-through) or dividend tax (C-corp). */
  msoOwnerTax: number;
  physicianIncome: number;
  physicianTax: number;
  total: number;
  /** Collections − clinical − service-line costs − pass-through. */
  preTaxEconomic: number;
}

export interface Oracle22 {
  months: number;
  days: number[];
  year: number[];
  years: number;
  cost: number[][];
  pcs: OraclePc22[];
  mso: OracleMso22;
  consolidated: OracleConsolidated;
  taxYears: OracleTaxYear[];
  deal: {
    msoEbitdaByYear: number[];
    msoMarginByYear: (number | null)[];
    invested: number;
    enterpriseValue: number | null;
    moic: number | null;
  };
  summary: {
    mso: { ebitda: number; closingCash: number; dividends: number };
    consolidated: { collections: number; ebitda: number; netIncome: number; nonControllingInterest: number };
    tax: {
      msoEntityTax: number;
      msoOwnerTax: number;
      physicianTax: number;
      total: number;
      effectiveRate: number | null;
    };
    deal: { invested: number; enterpriseValue: number | null; moic: number | null };
  };
  fmvRange: { low: number; high: number };
  checks: {
    balanceSheetsBalance: boolean;
    pcCashNonNegative: boolean;
    msoCashNonNegative: boolean;
    consolidationTies: boolean;
    limitOk: boolean;
    fmvWithin: boolean;
    physicianCompNonNegative: boolean;
    afrCompliant: boolean;
  };
}

/** Half a cent: the balance check's tolerance and "below 0" for the cash checks (MODEL.md v2 details). */
export const HALF_CENT = 0.005;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const zeros = (n: number) => new Array<number>(n).fill(0);

/** 1-based month of `month` (YYYY-MM) in a model starting at `start`. */
function monthNumber(start: string, month: string): number {
  const [sy, sm] = start.split("-").map(Number);
  const [y, m] = month.split("-").map(Number);
  return (y - sy) * 12 + (m - sm) + 1;
}

export function oracle22(inputs: ModelInputs): Oracle22 {
  const T = inputs.months;
  const [sy, sm] = inputs.startMonth.split("-").map(Number);
  const idx = Array.from({ length: T }, (_, i) => i);
  const days = idx.map((i) => new Date(Date.UTC(sy, sm + i, 0)).getUTCDate());
  const year = idx.map((i) => Math.floor(i / 12));
  const years = Math.ceil(T / 12);
  const lastOfYear = (y: number) => Math.min(12 * (y + 1), T) - 1; // index of the year's last month
  const grow = (annual: number, g: number) => year.map((y) => (annual / 12) * (1 + g) ** y);

  const P = inputs.pcs.length;
  const joins = inputs.pcs.map((pc) => {
    const j = (pc as { joinMonth?: string }).joinMonth;
    return j === undefined ? 1 : monthNumber(inputs.startMonth, j);
  });
  const active = joins.map((j) => idx.map((i) => (i + 1 >= j ? 1 : 0)));

  // Run rates grow by model year whether or not the PC is active; the activity flag multiplies.
  const cost = inputs.serviceLines.map((s) => grow(s.annualCost, s.annualGrowth));
  const collRun = inputs.pcs.map((p) => grow(p.annualCollections, p.annualGrowth));
  const coll = collRun.map((row, p) => row.map((x, i) => x * active[p][i]));
  const clin = inputs.pcs.map((p, q) =>
    grow(p.annualClinicalCosts, p.annualGrowth).map((x, i) => x * active[q][i]),
  );
  const pt = inputs.pcs.map((p, q) => idx.map((i) => (p.annualPassThrough / 12) * active[q][i]));

  const driver = (p: number, s: number, i: number): number => {
    const pc = inputs.pcs[p];
    const d = inputs.serviceLines[s].driver;
    const raw =
      d === "collections"
        ? coll[p][i]
        : d === "providerFtes"
          ? pc.providerFtes
          : d === "visits"
            ? pc.annualVisits
            : 1;
    return raw * active[p][i];
  };
  const base: number[][] = inputs.pcs.map(() => zeros(T));
  const unallocated = zeros(T);
  for (let i = 0; i < T; i++)
    inputs.serviceLines.forEach((_s, s) => {
      let total = 0;
      for (let q = 0; q < P; q++) total += driver(q, s, i);
      if (total === 0) unallocated[i] += cost[s][i];
      else for (let p = 0; p < P; p++) base[p][i] += (cost[s][i] * driver(p, s, i)) / total;
    });

  const f = inputs.fee;
  const feeOf = (p: number, b: number, passThrough: number): number =>
    monthlyFee(f, inputs.pcs[p], b, passThrough);
  const F = (f as { paymentLagMonths?: number }).paymentLagMonths ?? 0;

  const bm = inputs.fmv.benchmarks;
  const fmvRange = {
    low: percentile(bm, inputs.fmv.lowPct, inputs.fmv.method, true),
    high: percentile(bm, inputs.fmv.highPct, inputs.fmv.method, false),
  };

  const loc = inputs.loc;
  const cashMode = loc.drawMode === "cash";
  const pcs: OraclePc22[] = inputs.pcs.map((pc, p) => {
    const j = joins[p];
    const a = active[p];
    const J = j - 1; // index of the joining month
    const fee = idx.map((i) => a[i] * feeOf(p, base[p][i], pt[p][i]));
    const L = pc.collectionLagMonths;
    // Receipts: lagged collections once the lag has passed; before that an existing practice
    // collects its own receivables at the joining month's rate, a de novo practice nothing.
    const rec = idx.map((i) => {
      if (i < J) return 0;
      if (i >= J + L) return coll[p][i - L];
      return pc.deNovo ? 0 : coll[p][J];
    });
    const arOpening = pc.deNovo ? 0 : L * coll[p][J];
    const ar = zeros(T);
    for (let i = J; i < T; i++) ar[i] = (i === J ? arOpening : ar[i - 1]) + coll[p][i] - rec[i];

    const open = zeros(T);
    const draw = zeros(T);
    const repay = zeros(T);
    const int = zeros(T);
    const capInt = zeros(T);
    const close = zeros(T);
    const comp = zeros(T);
    const ni = zeros(T);
    const feeCash = zeros(T);
    const feePaid = zeros(T);
    const due = zeros(T);
    const intPaid = zeros(T);
    const pre = zeros(T);
    const cashDraw = zeros(T);
    const cash = zeros(T);
    for (let i = J; i < T; i++) {
      open[i] = i === J ? pc.locOpeningBalance : close[i - 1];
      int[i] = (open[i] * loc.rate * days[i]) / 365;
      capInt[i] = loc.capitalizeInterest ? int[i] : 0;
      intPaid[i] = int[i] - capInt[i];
      comp[i] =
        pc.physicianComp.mode === "fixed"
          ? pc.physicianComp.annual / 12
          : coll[p][i] - clin[p][i] - fee[i] - int[i];
      ni[i] = coll[p][i] - clin[p][i] - fee[i] - int[i] - comp[i];
      // Deferral mode puts a share of the fee straight into the line; that part is never cash.
      const deferred = cashMode ? 0 : loc.deferralShare * fee[i];
      feeCash[i] = fee[i] - deferred;
      // feeCash of a month before j is 0 (the PC was not billed), so "0 when t − F < j" follows.
      feePaid[i] = i - F >= J ? feeCash[i - F] : 0;
      due[i] = (i === J ? 0 : due[i - 1]) + feeCash[i] - feePaid[i];
      const cashBefore = i === J ? pc.openingCash : cash[i - 1];
      pre[i] = cashBefore + rec[i] - clin[p][i] - comp[i] - feePaid[i] - intPaid[i] - ni[i];
      if (cashMode) {
        draw[i] = Math.max(0, pc.minimumCash - pre[i]);
        repay[i] = Math.min(open[i], Math.max(0, pre[i] - pc.minimumCash));
        cashDraw[i] = draw[i];
        cash[i] = pre[i] + draw[i] - repay[i];
      } else {
        draw[i] = deferred;
        repay[i] = loc.sweep
          ? Math.min(open[i], Math.max(loc.monthlyRepayment, pre[i] - pc.minimumCash))
          : Math.min(open[i], loc.monthlyRepayment);
        cash[i] = pre[i] - repay[i];
      }
      close[i] = open[i] + draw[i] - repay[i] + capInt[i];
    }
    const dist = ni.slice();
    const operating = idx.map((i) => rec[i] - clin[p][i] - comp[i] - feePaid[i] - intPaid[i]);
    const financing = idx.map((i) => cashDraw[i] - repay[i] - dist[i]);
    const assets = idx.map((i) => cash[i] + ar[i]);
    const liabilities = idx.map((i) => due[i] + close[i]);
    const equity = idx.map((i) => a[i] * (pc.openingCash + arOpening - pc.locOpeningBalance));
    const bsDiff = idx.map((i) => assets[i] - liabilities[i] - equity[i]);

    const act = idx.filter((i) => a[i] === 1);
    const peakLoc = Math.max(open[J], ...act.map((i) => close[i]));
    const buffered = peakLoc * (1 + loc.buffer);
    const requiredLimit = loc.lot === 0 ? buffered : Math.ceil(buffered / loc.lot) * loc.lot;

    const markupByYear: (number | null)[] = [];
    const statusByYear: YearStatus[] = [];
    for (let y = 0; y < years; y++) {
      const ms = act.filter((i) => year[i] === y);
      if (ms.length === 0) {
        markupByYear.push(null);
        statusByYear.push("N/A");
        continue;
      }
      const m = sum(ms.map((i) => fee[i] - pt[p][i])) / sum(ms.map((i) => base[p][i])) - 1;
      const rounded = Math.round(m * 1e10) / 1e10;
      markupByYear.push(rounded);
      statusByYear.push(fmvStatus(rounded, fmvRange));
    }
    const firstBad = statusByYear.find((s) => s !== "WITHIN" && s !== "N/A");
    return {
      name: pc.name,
      join: j,
      active: a,
      coll: coll[p],
      clin: clin[p],
      pt: pt[p],
      base: base[p],
      fee,
      open,
      draw,
      repay,
      int,
      capInt,
      close,
      comp,
      ni,
      rec,
      ar,
      feeCash,
      feePaid,
      dueToMso: due,
      intPaid,
      dist,
      pre,
      cashDraw,
      operating,
      financing,
      cash,
      assets,
      liabilities,
      equity,
      bsDiff,
      totals: {
        fees: sum(fee),
        passThrough: sum(pt[p]),
        interest: sum(int),
        physicianComp: sum(comp),
        netIncome: sum(ni),
      },
      minMonthlyPhysicianComp: Math.min(...act.map((i) => comp[i])),
      minCash: Math.min(...act.map((i) => cash[i])),
      closingCash: cash[T - 1],
      peakLoc,
      requiredLimit,
      limitOk: requiredLimit <= (inputs.pcs[p].locLimit ?? loc.limit),
      realisedMarkup: markupByYear[0],
      markupByYear,
      statusByYear,
      fmvStatus: (firstBad ?? "WITHIN") as FmvStatus,
    };
  });

  // ---- MSO ----
  const across = (g: (x: OraclePc22) => number[]) => idx.map((i) => sum(pcs.map((x) => g(x)[i])));
  const slCost = idx.map((i) => sum(cost.map((c) => c[i])));
  const revenue = across((x) => x.fee);
  const interestIncome = across((x) => x.int);
  const ptCost = across((x) => x.pt);
  const costs = idx.map((i) => slCost[i] + ptCost[i]);
  const preTax = idx.map((i) => revenue[i] + interestIncome[i] - costs[i]);
  const tx = inputs.tax as ModelInputs["tax"] & {
    msoEntity: "c-corp" | "pass-through";
    losses: "refund" | "carryforward";
    ownerRate: number;
    msoPayoutShare: number;
    dividendRate: number;
    physicianRate: number;
  };
  const cCorp = tx.msoEntity === "c-corp";
  const rate = tx.msoStateRate + tx.msoFederalRate * (1 - tx.msoStateRate);
  const yearSum = (row: number[], y: number) => sum(idx.filter((i) => year[i] === y).map((i) => row[i]));
  const tax = zeros(T);
  const nolOpening = zeros(years);
  const nolUsed = zeros(years);
  if (cCorp && tx.losses === "refund") idx.forEach((i) => (tax[i] = preTax[i] * rate));
  else if (cCorp) {
    let nol = 0;
    for (let y = 0; y < years; y++) {
      const pty = yearSum(preTax, y);
      const used = Math.min(nol, 0.8 * Math.max(0, pty));
      nolOpening[y] = nol;
      nolUsed[y] = used;
      tax[lastOfYear(y)] = rate * Math.max(0, pty - used);
      nol = nol - used + Math.max(0, -pty);
    }
  }
  const netIncome = idx.map((i) => preTax[i] - tax[i]);
  const dividends = zeros(T);
  if (cCorp)
    for (let y = 0; y < years; y++)
      dividends[lastOfYear(y)] = tx.msoPayoutShare * Math.max(0, yearSum(netIncome, y));
  const ebitda = idx.map((i) => revenue[i] - costs[i]);
  const purchases = idx.map((i) =>
    sum(pcs.map((x, p) => (x.join - 1 === i ? inputs.pcs[p].purchasePrice : 0))),
  );
  const feePaidAll = across((x) => x.feePaid);
  const intPaidAll = across((x) => x.intPaid);
  const cashDraws = across((x) => x.cashDraw);
  const repayAll = across((x) => x.repay);
  const operating = idx.map((i) => feePaidAll[i] + intPaidAll[i] - slCost[i] - ptCost[i] - tax[i]);
  const investing = idx.map((i) => -purchases[i] - cashDraws[i] + repayAll[i]);
  const financing = idx.map((i) => -dividends[i]);
  const msoOpening = (inputs as { mso?: { openingCash: number } }).mso?.openingCash ?? 0;
  const msoCash = zeros(T);
  idx.forEach(
    (i) =>
      (msoCash[i] = (i === 0 ? msoOpening : msoCash[i - 1]) + operating[i] + investing[i] + financing[i]),
  );
  // The MSO's own billing: what it billed in cash, less what it was paid, rolled forward.
  const dueFromPc = across((x) => {
    const d = zeros(T);
    idx.forEach((i) => (d[i] = (i === 0 ? 0 : d[i - 1]) + x.feeCash[i] - x.feePaid[i]));
    return d;
  });
  const locReceivable = across((x) => x.close);
  const investment = idx.map((i) => sum(pcs.map((x, p) => x.active[i] * inputs.pcs[p].purchasePrice)));
  const locOpening = sum(inputs.pcs.map((pc) => pc.locOpeningBalance));
  const msoEquity = zeros(T);
  idx.forEach(
    (i) =>
      (msoEquity[i] = (i === 0 ? msoOpening + locOpening : msoEquity[i - 1]) + netIncome[i] - dividends[i]),
  );
  const msoBsDiff = idx.map(
    (i) => msoCash[i] + dueFromPc[i] + locReceivable[i] + investment[i] - msoEquity[i],
  );
  const mso: OracleMso22 = {
    slCost,
    unallocated,
    revenue,
    interestIncome,
    ptCost,
    costs,
    preTax,
    tax,
    netIncome,
    ebitda,
    dividends,
    purchases,
    feePaid: feePaidAll,
    intPaid: intPaidAll,
    cashDraws,
    repay: repayAll,
    operating,
    investing,
    financing,
    cash: msoCash,
    dueFromPc,
    locReceivable,
    investment,
    equity: msoEquity,
    bsDiff: msoBsDiff,
  };

  // ---- Consolidated (ASC 810: the PCs as variable-interest entities of the MSO) ----
  const collections = across((x) => x.coll);
  const clinical = across((x) => x.clin);
  const physicianComp = across((x) => x.comp);
  const pcNi = across((x) => x.ni);
  const consEbitda = idx.map((i) => collections[i] - clinical[i] - physicianComp[i] - costs[i]);
  const consNi = idx.map((i) => consEbitda[i] - tax[i]);
  const consolidated: OracleConsolidated = {
    collections,
    clinical,
    physicianComp,
    msoCosts: costs,
    elimFees: idx.map((i) => revenue[i] - sum(pcs.map((x) => x.fee[i]))),
    elimInterest: idx.map((i) => interestIncome[i] - sum(pcs.map((x) => x.int[i]))),
    elimDue: idx.map((i) => dueFromPc[i] - sum(pcs.map((x) => x.dueToMso[i]))),
    elimLoc: idx.map((i) => locReceivable[i] - sum(pcs.map((x) => x.close[i]))),
    ebitda: consEbitda,
    tax,
    netIncome: consNi,
    attributableToMso: netIncome,
    nonControllingInterest: pcNi,
    cash: idx.map((i) => msoCash[i] + sum(pcs.map((x) => x.cash[i]))),
  };

  // ---- Tax across the structure, by model year ----
  const physicianIncome = across((x) => x.comp.map((c, i) => c + x.dist[i]));
  const economic = idx.map((i) => collections[i] - clinical[i] - slCost[i] - ptCost[i]);
  const taxYears: OracleTaxYear[] = Array.from({ length: years }, (_, y) => {
    const msoPreTax = yearSum(preTax, y);
    const msoEntityTax = yearSum(tax, y);
    const div = yearSum(dividends, y);
    const msoOwnerTax = cCorp ? tx.dividendRate * div : tx.ownerRate * msoPreTax;
    const phys = yearSum(physicianIncome, y);
    const physicianTax = tx.physicianRate * phys;
    return {
      msoPreTax,
      msoEntityTax,
      nolOpening: nolOpening[y],
      nolUsed: nolUsed[y],
      msoNetIncome: yearSum(netIncome, y),
      dividends: div,
      msoOwnerTax,
      physicianIncome: phys,
      physicianTax,
      total: msoEntityTax + msoOwnerTax + physicianTax,
      preTaxEconomic: yearSum(economic, y),
    };
  });
  const totalTax = sum(taxYears.map((x) => x.total));
  const denominator = sum(economic);

  // ---- Deal view ----
  const msoEbitdaByYear = Array.from({ length: years }, (_, y) => yearSum(ebitda, y));
  const msoMarginByYear = msoEbitdaByYear.map((e, y) => {
    const rev = yearSum(revenue, y);
    return rev === 0 ? null : e / rev;
  });
  const invested = sum(inputs.pcs.map((pc) => pc.purchasePrice));
  const multiple = (inputs as { deal?: { exitMultiple: number | null } }).deal?.exitMultiple ?? null;
  const last12 = idx.slice(T - 12);
  const enterpriseValue =
    multiple === null ? null : multiple * sum(last12.map((i) => consEbitda[i] - pcNi[i]));
  const moic = enterpriseValue === null || invested === 0 ? null : enterpriseValue / invested;

  const checks = {
    balanceSheetsBalance:
      pcs.every((x) => x.bsDiff.every((d) => Math.abs(d) <= HALF_CENT)) &&
      msoBsDiff.every((d) => Math.abs(d) <= HALF_CENT),
    pcCashNonNegative: pcs.every((x) => x.cash.every((c) => c >= -HALF_CENT)),
    msoCashNonNegative: msoCash.every((c) => c >= -HALF_CENT),
    consolidationTies:
      idx.every((i) => Math.abs(consNi[i] - netIncome[i] - pcNi[i]) <= HALF_CENT) &&
      [consolidated.elimFees, consolidated.elimInterest, consolidated.elimDue, consolidated.elimLoc].every(
        (row) => row.every((d) => Math.abs(d) <= HALF_CENT),
      ),
    limitOk: pcs.every((x) => x.limitOk),
    fmvWithin: pcs.every((x) => x.statusByYear.every((s) => s === "WITHIN" || s === "N/A")),
    physicianCompNonNegative: pcs.every((x) => x.minMonthlyPhysicianComp >= 0),
    afrCompliant: loc.afr !== null && afrTest(loc.rate, loc.rateCompounding, loc.afr, loc.afrCompounding),
  };

  return {
    months: T,
    days,
    year,
    years,
    cost,
    pcs,
    mso,
    consolidated,
    taxYears,
    deal: { msoEbitdaByYear, msoMarginByYear, invested, enterpriseValue, moic },
    summary: {
      mso: { ebitda: sum(ebitda), closingCash: msoCash[T - 1], dividends: sum(dividends) },
      consolidated: {
        collections: sum(collections),
        ebitda: sum(consEbitda),
        netIncome: sum(consNi),
        nonControllingInterest: sum(pcNi),
      },
      tax: {
        msoEntityTax: sum(taxYears.map((x) => x.msoEntityTax)),
        msoOwnerTax: sum(taxYears.map((x) => x.msoOwnerTax)),
        physicianTax: sum(taxYears.map((x) => x.physicianTax)),
        total: totalTax,
        effectiveRate: denominator <= 0 ? null : totalTax / denominator,
      },
      deal: { invested, enterpriseValue, moic },
    },
    fmvRange,
    checks,
  };
}
