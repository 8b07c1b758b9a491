import { DEFAULT_SERVICE_LINES, parseInputs } from "../../src/model/inputs";

const minimal = () => ({
  name: "Test group",
  startMonth: "2026-01",
  months: 24,
  pcs: [
    {
      name: "A PC",
      state: "TX",
      annualCollections: 5e6,
      annualClinicalCosts: 1e6,
      providerFtes: 5,
      annualVisits: 20000,
    },
  ],
  fee: { markup: 0.08 },
  fmv: { benchmarks: [0.05, 0.06, 0.07], lastAssessment: "2025-12-01" },
  loc: { limit: 1e6, rate: 0.05, afr: 0.043 },
  tax: { msoFederalRate: 0.21, msoStateRate: 0.07 },
});

describe("parseInputs", () => {
  it("fills MODEL.md's defaults: the six service lines, cost-plus, IRS quartiles, residual comp", () => {
    const r = parseInputs(minimal());
    if (!r.ok) throw new Error(r.errors.join("\n"));
    expect(r.inputs.serviceLines).toEqual(DEFAULT_SERVICE_LINES);
    expect(r.inputs.serviceLines).toHaveLength(6);
    expect(r.inputs.fee).toEqual({
      structure: "cost-plus",
      markup: 0.08,
      fixedMonthly: 0,
      monthlyCap: null,
      monthlyFloor: null,
      paymentLagMonths: 0,
    });
    expect(r.inputs.fmv).toMatchObject({ method: "IRS", lowPct: 0.25, highPct: 0.75 });
    expect(r.inputs.pcs[0].physicianComp).toEqual({ mode: "residual" });
    expect(r.inputs.loc).toMatchObject({
      rateCompounding: 12,
      afrCompounding: 1,
      deferralShare: 0,
      lot: 0,
      capitalizeInterest: false,
    });
  });

  it.each([
    [(j: any) => (j.pcs[0].state = "TXX"), 'pcs[0].state: unknown state code "TXX"', "TX"],
    [(j: any) => (j.months = 121), "months: months must be a whole number from 12 to 120", "12"],
    [(j: any) => (j.months = 11.5), "months:", "120"],
    [(j: any) => (j.startMonth = "2026-13"), "startMonth: startMonth must be YYYY-MM", "2026-01"],
    [
      (j: any) => (j.serviceLines = [{ name: "x", annualCost: 1, driver: "beds" }]),
      'serviceLines[0].driver: unknown driver "beds"',
      '"collections", "providerFtes", "visits", "equal"',
    ],
    [
      (j: any) => (j.fee.structure = "percent"),
      'fee.structure: unknown fee structure "percent"',
      '"cost-plus", "fixed", "hybrid"',
    ],
    [
      (j: any) => (j.pcs[0].physicianComp = { mode: "bonus" }),
      "pcs[0].physicianComp.mode:",
      '"residual" or "fixed"',
    ],
    [
      (j: any) => (j.fmv.lastAssessment = "2025-02-30"),
      "fmv.lastAssessment: must be an ISO date",
      "YYYY-MM-DD",
    ],
    [
      (j: any) => (j.fmv.method = "median"),
      'fmv.method: unknown method "median"',
      '"IRS", "INC", "EXC", "MINMAX"',
    ],
    [(j: any) => (j.loc.rate = 5), "loc.rate: rate must be between 0 and 1", "fraction"],
    [
      (j: any) => (j.loc.afrCompounding = 365),
      "loc.afrCompounding: afrCompounding must be one of 1, 2, 4, 12",
      "got 365",
    ],
    [(j: any) => (j.pcs = []), "pcs: pcs must hold 1 to 50 PCs", "50"],
    [(j: any) => (j.pcs[0].colour = "red"), "pcs[0].colour: unknown field", "inputs file"],
    [
      (j: any) => ((j.fee.monthlyFloor = 10), (j.fee.monthlyCap = 5)),
      "fee.monthlyFloor: monthlyFloor must not be more than monthlyCap",
      "Cap",
    ],
    [(j: any) => (j.fmv.lowPct = 0.8), "fmv.lowPct: lowPct must not be more than highPct", "highPct"],
    [(j: any) => j.pcs.push({ ...j.pcs[0] }), 'pcs[1].name: duplicate PC name "A PC"', "unique"],
    // Excel's 1900 serials count a fictitious 1900-02-29: January and February 1900 are off by one.
    [(j: any) => (j.startMonth = "1900-01"), "startMonth: startMonth must be 1900-03 or later", '"1900-01"'],
    [(j: any) => (j.startMonth = "1900-02"), "startMonth: startMonth must be 1900-03 or later", '"1900-02"'],
    // A required number left out says it is required, and what it should be.
    [(j: any) => delete j.fee.markup, "fee.markup: required; a number from 0 to 10", "fraction"],
    [(j: any) => delete j.loc.limit, "loc.limit: required; a number", "dollars"],
    [
      (j: any) => delete j.pcs[0].annualCollections,
      "pcs[0].annualCollections: required; a number",
      "more than 0",
    ],
    [(j: any) => delete j.months, "months: required; a whole number from 12 to 120", "120"],
  ])("refuses a bad field whole, naming its path and the allowed values (%#)", (mutate, start, mentions) => {
    const j = minimal();
    mutate(j);
    const r = parseInputs(j);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const msg = r.errors.find((e) => e.startsWith(start));
    expect({ errors: r.errors, found: msg !== undefined }).toMatchObject({ found: true });
    expect(msg).toContain(mentions);
  });

  it("accepts 1900-03, the first month Excel's 1900 date system counts correctly", () => {
    const j = minimal();
    j.startMonth = "1900-03";
    expect(parseInputs(j).ok).toBe(true);
  });

  it("a wrong type still says what was expected, not that it is required", () => {
    const j: any = minimal();
    j.fee.markup = "8%";
    const r = parseInputs(j);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual(["fee.markup: markup must be a number from 0 to 10 (a fraction, 0.05 = 5%)"]);
  });

  it("reports every error at once, not just the first", () => {
    const j: any = minimal();
    j.pcs[0].state = "ZZ";
    j.loc.rate = -1;
    j.unknownTop = 1;
    const r = parseInputs(j);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.split(":")[0]).sort()).toEqual(["loc.rate", "pcs[0].state", "unknownTop"]);
  });
});
