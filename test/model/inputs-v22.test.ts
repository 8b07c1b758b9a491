/**
 * The v2.2 inputs (MODEL.md "v2.2" and "v2 details"): defaults that reproduce v1 (every PC joins in
 * the first month, no lags, deferral draws, C-corp tax refunded monthly), and the rules a file is
 * refused by, each message naming the field.
 */
import { joinMonthIndex, lastMonth, monthIndex, parseInputs } from "../../src/model/inputs";

const minimal = () => ({
  name: "Test group",
  startMonth: "2026-07",
  months: 24,
  pcs: [
    {
      name: "A PC",
      state: "TX",
      annualCollections: 5e6,
      annualClinicalCosts: 1e6,
      providerFtes: 5,
      annualVisits: 20000,
    } as Record<string, unknown>,
  ],
  fee: { markup: 0.08 } as Record<string, unknown>,
  fmv: { benchmarks: [0.05, 0.06, 0.07], lastAssessment: "2025-12-01" },
  loc: { limit: 1e6, rate: 0.05, afr: 0.043 } as Record<string, unknown>,
  tax: { msoFederalRate: 0.21, msoStateRate: 0.07 } as Record<string, unknown>,
});

const errorsOf = (json: unknown): string[] => {
  const r = parseInputs(json);
  return r.ok ? [] : r.errors;
};

describe("v2.2 inputs", () => {
  it("defaults reproduce v1: join at the start, no lags, deferral, C-corp refunds, no exit", () => {
    const r = parseInputs(minimal());
    if (!r.ok) throw new Error(r.errors.join("\n"));
    const pc = r.inputs.pcs[0];
    expect(pc.joinMonth).toBeUndefined();
    expect(joinMonthIndex(r.inputs, pc)).toBe(1);
    expect(pc).toMatchObject({
      purchasePrice: 0,
      openingCash: 0,
      collectionLagMonths: 0,
      minimumCash: 0,
      deNovo: false,
    });
    expect(r.inputs.fee.paymentLagMonths).toBe(0);
    expect(r.inputs.loc).toMatchObject({ drawMode: "deferral", sweep: false });
    expect(r.inputs.tax).toMatchObject({
      msoEntity: "c-corp",
      losses: "refund",
      ownerRate: 0.37,
      msoPayoutShare: 1,
      dividendRate: 0.238,
      physicianRate: 0.4,
    });
    expect(r.inputs.mso).toEqual({ openingCash: 0 });
    expect(r.inputs.deal).toEqual({ exitMultiple: null });
  });

  it("counts months from startMonth: 2026-07 is 1, 2027-06 is 12, 2028-06 the 24th and last", () => {
    expect(monthIndex("2026-07", "2026-07")).toBe(1);
    expect(monthIndex("2026-07", "2027-06")).toBe(12);
    expect(lastMonth("2026-07", 24)).toBe("2028-06");
    expect(lastMonth("2026-01", 12)).toBe("2026-12");
  });

  it("accepts a joining month at the first, a middle and the last month", () => {
    for (const [month, j] of [
      ["2026-07", 1],
      ["2027-03", 9],
      ["2028-06", 24],
    ] as const) {
      const json = minimal();
      json.pcs[0].joinMonth = month;
      const r = parseInputs(json);
      if (!r.ok) throw new Error(r.errors.join("\n"));
      expect(joinMonthIndex(r.inputs, r.inputs.pcs[0])).toBe(j);
    }
  });

  it("refuses a joining month outside the horizon, naming the field and the allowed months", () => {
    for (const month of ["2026-06", "2028-07"]) {
      const json = minimal();
      json.pcs[0].joinMonth = month;
      expect(errorsOf(json)).toEqual([
        `pcs[0].joinMonth: joinMonth must be inside the model's horizon, from 2026-07 to 2028-06; got "${month}"`,
      ]);
    }
    const bad = minimal();
    bad.pcs[0].joinMonth = "2027-13";
    expect(errorsOf(bad)[0]).toMatch(/^pcs\[0\]\.joinMonth: joinMonth must be YYYY-MM/);
  });

  it("refuses an opening LOC balance for a PC joining after the start month", () => {
    const json = minimal();
    json.pcs[0].joinMonth = "2027-01";
    json.pcs[0].locOpeningBalance = 1000;
    expect(errorsOf(json)).toEqual([
      "pcs[0].locOpeningBalance: locOpeningBalance must be 0 for a PC joining after startMonth (joinMonth 2027-01); an opening balance belongs to a PC there from 2026-07",
    ]);
    json.pcs[0].joinMonth = "2026-07";
    expect(errorsOf(json)).toEqual([]);
  });

  it("refuses lags, modes and rates outside their ranges, naming the allowed values", () => {
    const cases: [(j: ReturnType<typeof minimal>) => void, RegExp][] = [
      [(j) => (j.pcs[0].collectionLagMonths = 4), /^pcs\[0\]\.collectionLagMonths: .*0 to 3/],
      [(j) => (j.pcs[0].collectionLagMonths = 1.5), /^pcs\[0\]\.collectionLagMonths: .*whole number/],
      [(j) => (j.fee.paymentLagMonths = 3), /^fee\.paymentLagMonths: .*0 to 2/],
      [
        (j) => (j.loc.drawMode = "revolver"),
        /^loc\.drawMode: unknown drawMode "revolver"; allowed: "deferral", "cash"/,
      ],
      [(j) => (j.tax.msoEntity = "s-corp"), /^tax\.msoEntity: .*"c-corp", "pass-through"/],
      [(j) => (j.tax.losses = "carryback"), /^tax\.losses: .*"refund", "carryforward"/],
      [(j) => (j.tax.dividendRate = 1.2), /^tax\.dividendRate: /],
      [(j) => (j.pcs[0].minimumCash = -1), /^pcs\[0\]\.minimumCash: /],
      [(j) => (j.pcs[0].deNovo = "yes"), /^pcs\[0\]\.deNovo: .*true or false/],
      [(j) => Object.assign(j, { deal: { exitMultiple: 0 } }), /^deal\.exitMultiple: /],
      [(j) => Object.assign(j, { mso: { openingCash: -5 } }), /^mso\.openingCash: /],
      [(j) => Object.assign(j, { mso: { cash: 5 } }), /^mso\.cash: unknown field/],
    ];
    for (const [edit, message] of cases) {
      const json = minimal();
      edit(json);
      const errors = errorsOf(json);
      expect({ errors, matched: errors.some((e) => message.test(e)) }).toMatchObject({ matched: true });
    }
  });
});
