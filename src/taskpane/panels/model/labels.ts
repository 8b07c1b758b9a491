/**
 * Labels and hints for the inputs form, by field pattern (`pcs.*.state`). A field the model gains
 * before this list does still appears, labelled from its key; the rules and messages come from the
 * schema in model/inputs.ts, never from here.
 */
export interface FieldText {
  label: string;
  hint?: string;
}

const FRACTION = "a fraction: 0.05 = 5%";

export const FIELD_TEXT: Record<string, FieldText> = {
  name: { label: "Model name" },
  startMonth: { label: "Start month", hint: "YYYY-MM; changing it needs a rebuild" },
  months: { label: "Months", hint: "12 to 120; changing it needs a rebuild" },
  serviceLines: { label: "Service lines" },
  "serviceLines.*.name": { label: "Service line" },
  "serviceLines.*.annualCost": { label: "Annual cost ($)" },
  "serviceLines.*.annualGrowth": { label: "Annual growth", hint: FRACTION },
  "serviceLines.*.driver": { label: "Allocation driver" },
  pcs: { label: "Professional corporations (PCs)" },
  "pcs.*.name": { label: "PC name" },
  "pcs.*.shortName": { label: "Tab name", hint: "at most 24 characters; blank uses the name" },
  "pcs.*.state": { label: "State" },
  "pcs.*.owner": { label: "Owner" },
  "pcs.*.annualCollections": { label: "Annual collections ($)" },
  "pcs.*.annualGrowth": { label: "Annual growth", hint: FRACTION },
  "pcs.*.annualClinicalCosts": { label: "Annual clinical costs ($)" },
  "pcs.*.providerFtes": { label: "Provider FTEs" },
  "pcs.*.annualVisits": { label: "Annual visits" },
  "pcs.*.annualPassThrough": { label: "Annual pass-through ($)" },
  "pcs.*.physicianComp": { label: "Physician compensation" },
  "pcs.*.physicianComp.mode": { label: "Compensation mode" },
  "pcs.*.physicianComp.annual": { label: "Fixed annual compensation ($)" },
  "pcs.*.locOpeningBalance": { label: "LOC opening balance ($)" },
  "pcs.*.markup": { label: "Markup (this PC)", hint: "blank: the group's markup" },
  "pcs.*.fixedMonthly": { label: "Fixed monthly fee (this PC, $)", hint: "blank: the group's" },
  "pcs.*.monthlyCap": { label: "Monthly cap (this PC, $)", hint: "blank: the group's" },
  "pcs.*.monthlyFloor": { label: "Monthly floor (this PC, $)", hint: "blank: the group's" },
  "pcs.*.locLimit": { label: "Credit limit (this PC, $)", hint: "blank: the group's" },
  "pcs.*.joinMonth": { label: "Joins in", hint: "YYYY-MM; blank: the start month" },
  "pcs.*.purchasePrice": { label: "Purchase price ($)" },
  "pcs.*.openingCash": { label: "Opening cash ($)" },
  "pcs.*.collectionLagMonths": { label: "Collection lag (months)" },
  "pcs.*.minimumCash": { label: "Minimum cash ($)" },
  "pcs.*.deNovo": { label: "De novo practice" },
  fee: { label: "MSA fee" },
  "fee.structure": { label: "Fee structure" },
  "fee.markup": { label: "Markup on allocated cost", hint: FRACTION },
  "fee.fixedMonthly": { label: "Fixed monthly fee per PC ($)" },
  "fee.monthlyCap": { label: "Monthly cap per PC ($)", hint: "blank: none" },
  "fee.monthlyFloor": { label: "Monthly floor per PC ($)", hint: "blank: none" },
  "fee.paymentLagMonths": { label: "Fee payment lag (months)" },
  fmv: { label: "Fair market value" },
  "fmv.benchmarks": { label: "Benchmark markups", hint: "comma-separated fractions: 0.05, 0.063" },
  "fmv.method": { label: "Percentile method" },
  "fmv.lowPct": { label: "Low percentile", hint: FRACTION },
  "fmv.highPct": { label: "High percentile", hint: FRACTION },
  "fmv.lastAssessment": { label: "Last FMV assessment" },
  "fmv.assessments": { label: "FMV assessments", hint: "comma-separated dates YYYY-MM-DD" },
  loc: { label: "Line of credit" },
  "loc.limit": { label: "Credit limit per PC ($)" },
  "loc.rate": { label: "Interest rate (nominal annual)", hint: FRACTION },
  "loc.rateCompounding": { label: "Rate compounding (per year)" },
  "loc.afr": { label: "Applicable federal rate", hint: `${FRACTION}; blank: looked up` },
  "loc.afrCompounding": { label: "AFR compounding (per year)" },
  "loc.afrTerm": { label: "AFR term" },
  "loc.deferralShare": { label: "Share of each fee deferred", hint: FRACTION },
  "loc.monthlyRepayment": { label: "Monthly repayment per PC ($)" },
  "loc.capitalizeInterest": { label: "Capitalise interest" },
  "loc.buffer": { label: "Buffer over peak balance", hint: FRACTION },
  "loc.lot": { label: "Round required limit up to ($)", hint: "0: no rounding" },
  "loc.drawMode": { label: "Draw mode" },
  "loc.sweep": { label: "Sweep excess cash to repay" },
  tax: { label: "Tax" },
  "tax.msoFederalRate": { label: "MSO federal rate", hint: FRACTION },
  "tax.msoStateRate": { label: "MSO state rate", hint: FRACTION },
  "tax.msoEntity": { label: "MSO entity type" },
  "tax.losses": { label: "Tax losses" },
  "tax.ownerRate": { label: "Owners' tax rate (pass-through)", hint: FRACTION },
  "tax.msoPayoutShare": { label: "Dividend payout share", hint: FRACTION },
  "tax.dividendRate": { label: "Dividend tax rate", hint: FRACTION },
  "tax.physicianRate": { label: "Physicians' tax rate", hint: FRACTION },
  mso: { label: "MSO" },
  "mso.openingCash": { label: "MSO opening cash ($)" },
  deal: { label: "Deal" },
  "deal.exitMultiple": { label: "Exit multiple", hint: "blank: none" },
};

/** `["pcs", 2, "state"]` → `pcs.*.state`. */
export function pattern(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === "number" ? "*" : p)).join(".");
}

export function fieldText(path: readonly (string | number)[]): FieldText {
  const known = FIELD_TEXT[pattern(path)];
  if (known) return known;
  const key = String(path[path.length - 1]);
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return { label: words.charAt(0).toUpperCase() + words.slice(1) };
}
