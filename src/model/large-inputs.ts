/**
 * Inputs of any size made from the single-PC example: `pcs` practices in a rotation of states and
 * sizes over `months` months. The workbench's "Large" example and the benchmarks use the same
 * inputs, so the model the team measures is the one a visitor can build. Valid by construction
 * (the caller parses them; test/model/large-inputs.test.ts checks that they parse).
 */
const STATES = ["TX", "FL", "CA", "NY", "GA", "IL", "AZ", "CO", "WA", "PA"];

interface OnePcLike {
  name: string;
  startMonth: string;
  months: number;
  fmv: Record<string, unknown>;
  mso: Record<string, unknown> & { openingCash: number };
  pcs: Record<string, unknown>[];
  loc: Record<string, unknown>;
  compliance?: Record<string, unknown>;
}

export function largeInputs(onePc: unknown, pcs: number, months: number): Record<string, unknown> {
  const base = JSON.parse(JSON.stringify(onePc)) as OnePcLike;
  // Each practice is named below; the example's own tab name (shortName) would clash across copies.
  const template = { ...base.pcs[0] } as Record<string, unknown> & {
    annualCollections: number;
    providerFtes: number;
    annualVisits: number;
  };
  delete template.shortName;
  const practices = Array.from({ length: pcs }, (_, i) => ({
    ...template,
    name: `Practice ${String(i + 1).padStart(2, "0")} PC`,
    state: STATES[i % STATES.length],
    annualCollections: template.annualCollections * (0.6 + ((i * 7) % 10) / 10),
    providerFtes: template.providerFtes + (i % 5),
    annualVisits: template.annualVisits + 1000 * (i % 7),
  }));
  return {
    ...base,
    name: `Large: ${pcs} PCs over ${months} months`,
    months,
    pcs: practices,
    // What keeps a model of any size compliant: an FMV assessment in the month before each model
    // year, a line big enough for the whole group, and MSO opening cash in proportion to the
    // practices it lends to.
    fmv: { ...withoutLastAssessment(base.fmv), assessments: assessmentDates(base.startMonth, months) },
    loc: { ...base.loc, limit: 1_000_000 * pcs },
    mso: { ...base.mso, openingCash: base.mso.openingCash * pcs },
    // Compliance answers are keyed by PC name: every practice physician-owned by a licensed owner.
    compliance: {
      ...base.compliance,
      pcs: Object.fromEntries(
        practices.map((p) => [p.name, { physicianOwned: "Yes", ownerLicensed: "Yes" }]),
      ),
    },
  };
}

/** `YYYY-MM-01` of the month before each model year's first month. */
function assessmentDates(startMonth: string, months: number): string[] {
  const [y, m] = startMonth.split("-").map(Number);
  return Array.from({ length: Math.ceil(months / 12) }, (_, year) => {
    const index = y * 12 + (m - 1) + 12 * year - 1;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
  });
}

/** The FMV inputs less `lastAssessment`, which may not be given beside `assessments`. */
function withoutLastAssessment(fmv: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...fmv };
  delete rest.lastAssessment;
  return rest;
}
