/**
 * The evaluated workbook against the v2.2 oracle (./oracle-v22.ts): every v2.2 monthly row of the
 * PC, MSO and Consolidated sheets to the cent, the Tax sheet's years, the deal view, the summary
 * cells and the v2.2 checks. Addresses come from the plan's results; expected values never come
 * from the workbook.
 */
import fc from "fast-check";
import { ModelInputs } from "../../src/model/inputs";
import { SheetPlan } from "../../src/model/plan";
import { CellValue } from "../../src/workbook/host";
import { HyperFormulaHost } from "../../src/workbook/hyperformula";
import { oracle } from "./oracle";
import { Oracle22, oracle22 } from "./oracle-v22";
import { labelRows, readChecks, rowValues, validInputs } from "./support";

const MONEY = 0.005;
const RATIO = 1e-9;

export function v22Differences(inputs: ModelInputs, plan: SheetPlan, host: HyperFormulaHost): string[] {
  const o: Oracle22 = oracle22(inputs);
  const v = plan.results.v22;
  if (!v) return ["plan has no v2.2 results"];
  const out: string[] = [];
  const cols = plan.results.monthColumns;
  const num = (what: string, got: CellValue, want: number | null, tol = MONEY) => {
    if (want === null) {
      if (got !== "" && got !== null)
        out.push(`${what}: workbook ${JSON.stringify(got)}, oracle blank (null)`);
      return;
    }
    if (typeof got !== "number" || !(Math.abs(got - want) <= tol))
      out.push(`${what}: workbook ${JSON.stringify(got)}, oracle ${want}`);
  };
  const row = (what: string, ref: { sheet: string; row: number }, want: number[]) => {
    const got = rowValues(plan, host, ref.sheet, ref.row);
    want.forEach((w, t) => num(`${what} (${ref.sheet}!${cols[t]}${ref.row}, t=${t + 1})`, got[t], w));
  };
  const cell = (ref: { sheet: string; a1: string }) => host.readValueSync(ref.sheet, ref.a1);
  const zeros = new Array<number>(o.months).fill(0);

  plan.results.pcs.forEach((pc, p) => {
    const x = o.pcs[p];
    const r = v.pcs[p].rows;
    const n = `${x.name}:`;
    for (const k of ["active", "coll", "open", "draw", "repay", "rec", "ar", "feeCash", "feePaid"] as const)
      row(`${n} ${k}`, r[k], x[k]);
    row(`${n} due to MSO`, r.due, x.dueToMso);
    for (const k of [
      "intPaid",
      "pre",
      "cashDraw",
      "operating",
      "financing",
      "cash",
      "assets",
      "equity",
    ] as const)
      row(`${n} ${k}`, r[k], x[k]);
    row(`${n} balance-sheet difference`, r.bsDiff, zeros);
    row(`${n} fee (PC)`, pc.rows.pcFee, x.fee);
    row(`${n} fee (MSO)`, pc.rows.fee, x.fee);
    row(`${n} base`, pc.rows.base, x.base);
    row(`${n} interest (PC)`, pc.rows.pcInterest, x.int);
    row(`${n} interest (MSO)`, pc.rows.msoInterest, x.int);
    row(`${n} LOC close (PC)`, pc.rows.pcClose, x.close);
    row(`${n} LOC receivable (MSO)`, pc.rows.msoReceivable, x.close);
    const c = pc.cells;
    num(`${n} physician comp total`, cell(c.physicianComp), x.totals.physicianComp);
    num(`${n} net income total`, cell(c.netIncome), x.totals.netIncome);
    num(`${n} lowest monthly comp while active`, cell(c.minMonthlyPhysicianComp), x.minMonthlyPhysicianComp);
    num(`${n} peak LOC`, cell(c.peakLoc), x.peakLoc);
    num(`${n} required limit`, cell(c.requiredLimit), x.requiredLimit);
    if (cell(c.limitOk) !== x.limitOk)
      out.push(`${n} limitOk ${JSON.stringify(cell(c.limitOk))}, oracle ${x.limitOk}`);
    num(`${n} realised markup (year 1)`, cell(c.realisedMarkup), x.realisedMarkup, RATIO);
    if (cell(c.fmvStatus) !== x.statusByYear[0])
      out.push(`${n} year-1 FMV status ${JSON.stringify(cell(c.fmvStatus))}, oracle ${x.statusByYear[0]}`);
    num(`${n} closing cash`, cell(v.pcs[p].cells.closingCash), x.closingCash);
    num(`${n} lowest cash`, cell(v.pcs[p].cells.minCash), x.minCash);
  });

  const m = v.mso.rows;
  const om = o.mso;
  row("MSO tax", m.tax, om.tax);
  row("MSO net income", m.net, om.netIncome);
  row("MSO dividends", m.dividends, om.dividends);
  row("MSO EBITDA", m.ebitda, om.ebitda);
  row("MSO operating cash flow", m.operating, om.operating);
  row("MSO investing cash flow", m.investing, om.investing);
  row("MSO financing cash flow", m.financing, om.financing);
  row("MSO cash", m.cash, om.cash);
  row("MSO due from PCs", m.dueFrom, om.dueFromPc);
  row("MSO LOC receivable", m.loc, om.locReceivable);
  row("MSO investment", m.investment, om.investment);
  row("MSO equity", m.equity, om.equity);
  row("MSO balance-sheet difference", m.bsDiff, zeros);
  num("MSO EBITDA total", cell(v.mso.cells.ebitda), o.summary.mso.ebitda);
  num("MSO closing cash", cell(v.mso.cells.closingCash), o.summary.mso.closingCash);
  num("MSO dividends total", cell(v.mso.cells.dividends), o.summary.mso.dividends);
  for (const [k, ref] of Object.entries(plan.results.mso)) {
    const want = {
      revenue: om.revenue,
      interestIncome: om.interestIncome,
      costs: om.costs,
      preTax: om.preTax,
      tax: om.tax,
      netIncome: om.netIncome,
    }[k];
    if (want)
      num(
        `MSO total ${k}`,
        cell(ref),
        want.reduce((a, b) => a + b, 0),
      );
  }

  const cr = v.consolidated.rows;
  const oc = o.consolidated;
  row("consolidated collections", cr.collections, oc.collections);
  row("consolidated clinical", cr.clinical, oc.clinical);
  row("consolidated physician comp", cr.comp, oc.physicianComp);
  row("consolidated EBITDA", cr.ebitda, oc.ebitda);
  row("consolidated tax", cr.tax, oc.tax);
  row("consolidated net income", cr.net, oc.netIncome);
  row("attributable to the MSO", cr.msoNet, oc.attributableToMso);
  row("noncontrolling interests", cr.nci, oc.nonControllingInterest);
  row("consolidated cash", cr.cash, oc.cash);
  row("tie-out", cr.tie, zeros);
  for (const k of ["elim0", "elim1", "elim2", "elim3"]) row(`elimination ${k}`, cr[k], zeros);
  for (const [k, ref] of Object.entries(v.consolidated.cells))
    num(
      `consolidated ${k}`,
      cell(ref),
      o.summary.consolidated[k as keyof Oracle22["summary"]["consolidated"]],
    );

  const ty = v.tax.years;
  const carry = inputs.tax.msoEntity === "c-corp" && inputs.tax.losses === "carryforward";
  o.taxYears.forEach((y, i) => {
    const at = (k: string) => cell(ty[k][i]);
    num(`year ${i + 1} MSO pre-tax`, at("preTax"), y.msoPreTax);
    num(`year ${i + 1} entity tax`, at("entityTax"), y.msoEntityTax);
    if (carry) {
      num(`year ${i + 1} NOL at start`, at("nolOpen"), y.nolOpening);
      num(`year ${i + 1} NOL used`, at("nolUsed"), y.nolUsed);
    }
    num(`year ${i + 1} dividends`, at("dividends"), y.dividends);
    num(`year ${i + 1} owners' tax`, at("ownerTax"), y.msoOwnerTax);
    num(`year ${i + 1} physician income`, at("physicianIncome"), y.physicianIncome);
    num(`year ${i + 1} physician tax`, at("physicianTax"), y.physicianTax);
    num(`year ${i + 1} total tax`, at("total"), y.total);
    num(`year ${i + 1} income of the structure`, at("economic"), y.preTaxEconomic);
  });
  const ts = o.summary.tax;
  num("tax: MSO entity", cell(v.tax.cells.msoEntityTax), ts.msoEntityTax);
  num("tax: MSO owners", cell(v.tax.cells.msoOwnerTax), ts.msoOwnerTax);
  num("tax: physicians", cell(v.tax.cells.physicianTax), ts.physicianTax);
  num("tax: total", cell(v.tax.cells.total), ts.total);
  num("tax: effective rate", cell(v.tax.cells.effectiveRate), ts.effectiveRate, RATIO);

  // The Summary sheet's yearly deal lines: MSO EBITDA and margin (year columns from C).
  const [ebitdaRow] = labelRows(plan, "Summary", "EBITDA (fee revenue − MSO costs)");
  const [marginRow] = labelRows(plan, "Summary", "EBITDA margin (blank: no revenue)");
  o.deal.msoEbitdaByYear.forEach((e, y) => {
    const col = String.fromCharCode(67 + y);
    num(`Summary year ${y + 1} MSO EBITDA`, host.readValueSync("Summary", `${col}${ebitdaRow}`), e);
    num(
      `Summary year ${y + 1} MSO EBITDA margin`,
      host.readValueSync("Summary", `${col}${marginRow}`),
      o.deal.msoMarginByYear[y],
      RATIO,
    );
  });
  num("deal: invested", cell(v.deal.invested), o.summary.deal.invested);
  num("deal: enterprise value", cell(v.deal.enterpriseValue), o.summary.deal.enterpriseValue);
  num("deal: MOIC", cell(v.deal.moic), o.summary.deal.moic, RATIO);

  const want = o.checks;
  for (const k of [
    "balanceSheetsBalance",
    "pcCashNonNegative",
    "msoCashNonNegative",
    "consolidationTies",
  ] as const) {
    const got = cell(v.checks[k]);
    if (got !== (want[k] ? "OK" : "FAIL"))
      out.push(`check ${k}: workbook ${JSON.stringify(got)}, oracle ${want[k]}`);
  }
  // The master check: v1's checks (with FMV N/A years skipped) and v2.2's.
  const v1 = oracle(inputs).checks;
  const master =
    want.balanceSheetsBalance &&
    want.pcCashNonNegative &&
    want.msoCashNonNegative &&
    want.consolidationTies &&
    want.limitOk &&
    want.afrCompliant &&
    want.physicianCompNonNegative &&
    o.pcs.every((x) => x.statusByYear[0] === "WITHIN" || x.statusByYear[0] === "N/A") &&
    v1.fmvAssessmentCurrent;
  const got = readChecks(plan, host).master;
  if (got !== (master ? "OK" : "FAIL"))
    out.push(`master check: workbook ${JSON.stringify(got)}, oracle ${master}`);
  return out;
}

// ---- Random inputs reaching every v2.2 branch ----

const frac = (lo: number, hi: number, scale = 1000) =>
  fc.integer({ min: Math.round(lo * scale), max: Math.round(hi * scale) }).map((n) => n / scale);

export const v22Inputs = fc
  .record({
    year: fc.integer({ min: 2024, max: 2028 }),
    month: fc.integer({ min: 1, max: 12 }),
    months: fc.constantFrom(12, 18, 24, 25),
    pcs: fc.array(
      fc.record({
        coll: fc.integer({ min: 1_500_000, max: 9_000_000 }),
        growth: frac(-0.3, 0.1),
        clin: frac(0.2, 0.6, 100),
        fte: fc.integer({ min: 2, max: 30 }),
        visits: fc.integer({ min: 3000, max: 60000 }),
        pt: frac(0, 0.05),
        fixedComp: fc.boolean(),
        compShare: frac(0.1, 0.5, 100),
        // Joining at the start, in the middle, at the last month, or anywhere.
        join: fc.oneof(fc.constantFrom("start", "middle", "last"), fc.integer({ min: 1, max: 25 })),
        price: fc.constantFrom(0, 0, 250_000, 1_000_000),
        openingCash: fc.constantFrom(0, 50_000, 400_000),
        lag: fc.integer({ min: 0, max: 3 }),
        minCashK: fc.constantFrom(0, 0.05, 0.3),
        deNovo: fc.boolean(),
        locOpening: fc.constantFrom(0, 0, 120_000),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    structure: fc.constantFrom("cost-plus", "fixed", "hybrid"),
    markup: frac(0.03, 0.1, 10000),
    feeLag: fc.integer({ min: 0, max: 2 }),
    drawMode: fc.constantFrom("deferral", "cash"),
    sweep: fc.boolean(),
    deferral: frac(0, 0.5, 100),
    repayment: fc.constantFrom(0, 10_000, 60_000),
    capitalize: fc.boolean(),
    rate: frac(0.02, 0.09, 10000),
    entity: fc.constantFrom("c-corp", "pass-through"),
    losses: fc.constantFrom("refund", "carryforward"),
    payout: frac(0, 1, 100),
    msoCash: fc.constantFrom(0, 2_000_000, 20_000_000),
    exit: fc.constantFrom(null, 8, 12.5),
    costK: frac(0.02, 0.12, 1000),
  })
  .map((g) => {
    const T = g.months;
    const monthOf = (j: number) => {
      const k = g.year * 12 + (g.month - 1) + j - 1;
      return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
    };
    const total = g.pcs.reduce((a, p) => a + p.coll, 0);
    const json = {
      name: "Random v2.2 model",
      startMonth: monthOf(1),
      months: T,
      serviceLines: (["collections", "providerFtes", "visits", "equal"] as const).map((driver, i) => ({
        name: `Line ${i + 1}`,
        annualCost: Math.max(1000, Math.round((g.costK * total) / 4)),
        annualGrowth: 0.03,
        driver,
      })),
      pcs: g.pcs.map((p, i) => {
        const j =
          p.join === "start"
            ? 1
            : p.join === "middle"
              ? Math.ceil(T / 2)
              : p.join === "last"
                ? T
                : Math.min(p.join, T);
        return {
          name: `PC ${i + 1}`,
          state: "TX",
          annualCollections: p.coll,
          annualGrowth: p.growth,
          annualClinicalCosts: Math.round(p.coll * p.clin),
          providerFtes: p.fte,
          annualVisits: p.visits,
          annualPassThrough: Math.round(p.coll * p.pt),
          physicianComp: p.fixedComp
            ? { mode: "fixed", annual: Math.round(p.coll * p.compShare) }
            : { mode: "residual" },
          locOpeningBalance: j === 1 ? p.locOpening : 0,
          joinMonth: monthOf(j),
          purchasePrice: p.price,
          openingCash: p.openingCash,
          collectionLagMonths: p.lag,
          minimumCash: Math.round((p.coll / 12) * p.minCashK),
          deNovo: p.deNovo,
        };
      }),
      fee: {
        structure: g.structure,
        markup: g.markup,
        fixedMonthly: g.structure === "cost-plus" ? 0 : Math.round((g.costK * total) / 12 / g.pcs.length),
        paymentLagMonths: g.feeLag,
      },
      fmv: {
        benchmarks: [g.markup - 0.02, g.markup - 0.01, g.markup + 0.01, g.markup + 0.02].map(
          (b) => Math.round(b * 10000) / 10000,
        ),
        method: "IRS",
        lastAssessment: `${g.year - 1}-12-01`,
      },
      loc: {
        limit: 2_000_000,
        rate: g.rate,
        afr: 0.03,
        afrCompounding: 12,
        deferralShare: g.deferral,
        monthlyRepayment: g.repayment,
        capitalizeInterest: g.capitalize,
        drawMode: g.drawMode,
        sweep: g.sweep,
      },
      tax: {
        msoFederalRate: 0.21,
        msoStateRate: 0.06,
        msoEntity: g.entity,
        losses: g.losses,
        msoPayoutShare: g.payout,
      },
      mso: { openingCash: g.msoCash },
      deal: { exitMultiple: g.exit },
    };
    return validInputs(json);
  });
