/**
 * The values and limits the inputs file allows, as plain lists: the schema refuses anything else,
 * and the Inputs sheet's dropdowns, the task pane's form and the docs offer the same lists.
 */
/** 50 states and DC: a PC must be in one of them (the CPOM table on the Reference sheet). */
export const US_STATE_CODES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
  "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
  "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
] as const; // prettier-ignore
export type StateCode = (typeof US_STATE_CODES)[number];

export const DRIVERS = ["collections", "providerFtes", "visits", "equal"] as const;
export type Driver = (typeof DRIVERS)[number];
export const FEE_STRUCTURES = ["cost-plus", "fixed", "hybrid"] as const;
export const FMV_METHODS = ["IRS", "INC", "EXC", "MINMAX"] as const;
/**
 * The model pays or capitalises interest monthly, so the note compounds monthly (v2.1): the only
 * `rateCompounding` accepted. LOC.AFRTEST accepts these compoundings for the AFR.
 */
export const NOTE_COMPOUNDINGS = [12] as const;
export const AFR_COMPOUNDINGS = [1, 2, 4, 12] as const;
/** The AFR table's terms (columns of the Reference sheet's AFR table). */
export const AFR_TERMS = ["short", "mid", "long"] as const;
export const PHYSICIAN_COMP_MODES = ["residual", "fixed"] as const;
/** A compliance answer; the CPOM ownership answers are Yes or No. */
export const ANSWERS = ["Yes", "No", "N/A"] as const;
export const YES_NO = ["Yes", "No"] as const;
/** FMV benchmarks: a block of this many input rows on the Inputs sheet (MODEL.md v2.1). */
export const MAX_BENCHMARKS = 50;
/** FMV assessments: a block of this many input rows on the Inputs sheet. */
export const MAX_ASSESSMENTS = 20;
/** A PC's tab is "PC – " and at most this many characters of its short name (or name). */
export const TAB_NAME_CHARS = 24;

/**
 * The seed's considerations checklist (MODEL.md v2.1 "Compliance sheet"): stable ids, in order,
 * with the question as the Compliance sheet shows it.
 */
export const COMPLIANCE_QUESTIONS = [
  { id: "cpom-laws", group: "Legal and structural", text: "Will the MSO follow state CPOM laws?" },
  { id: "physician-owned", group: "Legal and structural", text: "Will all PCs be physician-owned and operated?" },
  { id: "fee-fmv", group: "Legal and structural", text: "Will the MSA fee structure align with FMV and regulation?" },
  { id: "fee-documentation", group: "Financial and operational", text: "How will MSA fees be documented in the financial statements?" },
  { id: "cost-allocation", group: "Financial and operational", text: "How will costs be allocated between the MSO and the PCs?" },
  { id: "loc-needed", group: "Financial and operational", text: "Is a line of credit necessary?" },
  { id: "annual-fmv", group: "Best practices", text: "Annual FMV assessment of the MSA fee" },
  { id: "fees-regulation", group: "Best practices", text: "Fees confirmed to meet regulation" },
  { id: "separate-statements", group: "Best practices", text: "Separate financial statements per entity" },
  { id: "tax-compliance", group: "Best practices", text: "Federal and state tax compliance" },
] as const; // prettier-ignore
export type ComplianceId = (typeof COMPLIANCE_QUESTIONS)[number]["id"];
export const DRAW_MODES = ["deferral", "cash"] as const;
export const MSO_ENTITIES = ["c-corp", "pass-through"] as const;
export const LOSS_TREATMENTS = ["refund", "carryforward"] as const;
