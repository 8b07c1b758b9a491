/**
 * The Inputs sheet's line-of-credit and MSO tax sections (v2.1): the line's terms, one line per PC
 * on the same terms unless a PC's own limit replaces it, and the MSO's income tax rates.
 */
import { AFR_COMPOUNDINGS, AFR_TERMS, ModelInputs } from "../inputs";
import { FMT } from "../writer";
import { InputsFields } from "./inputs-fields";
import { between, listRule } from "./inputs-rules";

/** The line of credit, MSO to each PC; interest paid or capitalised monthly. */
export function locSection(inp: ModelInputs, f: InputsFields): void {
  f.header("Line of credit (MSO to each PC; interest paid or capitalised monthly)");
  const loc = inp.loc;
  f.field({
    name: "LOC_Limit",
    label: "Credit limit per PC",
    unit: "$",
    value: loc.limit,
    path: ["loc", "limit"],
    type: "number",
    format: FMT.money,
    note: "a PC's own limit in the PC table replaces it",
    rule: between(0),
    allowed: "an amount, 0 or more",
  });
  f.field({
    name: "LOC_Rate",
    label: "Interest rate (nominal annual, compounded monthly)",
    unit: "%",
    value: loc.rate,
    path: ["loc", "rate"],
    type: "number",
    format: FMT.pct4,
    rule: between(0, 1),
    allowed: "a fraction from 0 to 1 (0.05 = 5%)",
  });
  f.field({
    name: "LOC_Afr",
    label: "Applicable federal rate",
    unit: "%",
    value: loc.afr,
    path: ["loc", "afr"],
    type: "number",
    format: FMT.pct4,
    note: "blank = look up the start month on the Reference sheet; verify at irs.gov",
    rule: between(0, 1),
    allowBlank: true,
    allowed: "a fraction from 0 to 1, or blank to look it up",
  });
  f.field({
    name: "LOC_AfrTerm",
    label: "AFR term (for the look-up)",
    unit: "text",
    value: loc.afrTerm,
    path: ["loc", "afrTerm"],
    type: "text",
    note: "short, mid or long",
    rule: listRule(AFR_TERMS),
    allowed: AFR_TERMS.join(", "),
  });
  f.field({
    name: "LOC_AfrCompounding",
    label: "AFR compounding per year",
    unit: "times",
    value: loc.afrCompounding,
    path: ["loc", "afrCompounding"],
    type: "number",
    format: FMT.int,
    note: "1, 2, 4 or 12 (the AFR table's column)",
    rule: listRule(AFR_COMPOUNDINGS),
    allowed: AFR_COMPOUNDINGS.join(", "),
  });
  f.field({
    name: "LOC_DeferralShare",
    label: "Share of each fee deferred into the line",
    unit: "%",
    value: loc.deferralShare,
    path: ["loc", "deferralShare"],
    type: "number",
    format: FMT.pct,
    rule: between(0, 1),
    allowed: "a fraction from 0 to 1",
  });
  f.field({
    name: "LOC_Repayment",
    label: "Repayment per PC per month",
    unit: "$",
    value: loc.monthlyRepayment,
    path: ["loc", "monthlyRepayment"],
    type: "number",
    format: FMT.money,
    rule: between(0),
    allowed: "an amount, 0 or more",
  });
  f.field({
    name: "LOC_Capitalize",
    label: "Capitalise interest",
    unit: "TRUE/FALSE",
    value: loc.capitalizeInterest,
    path: ["loc", "capitalizeInterest"],
    type: "boolean",
    note: "FALSE = paid in cash monthly",
    rule: listRule(["TRUE", "FALSE"]),
    allowed: "TRUE or FALSE",
  });
  f.field({
    name: "LOC_Buffer",
    label: "Buffer over peak balance",
    unit: "%",
    value: loc.buffer,
    path: ["loc", "buffer"],
    type: "number",
    format: FMT.pct,
    rule: between(0, 10),
    allowed: "a fraction from 0 to 10",
  });
  f.field({
    name: "LOC_Lot",
    label: "Round required limit up to",
    unit: "$",
    value: loc.lot,
    path: ["loc", "lot"],
    type: "number",
    format: FMT.money,
    note: "0 = no rounding",
    rule: between(0),
    allowed: "an amount, 0 or more",
  });
  f.row++;
}

/** The MSO's federal and state income tax rates. */
export function taxSection(inp: ModelInputs, f: InputsFields): void {
  f.header("MSO tax");
  f.field({
    name: "Tax_Federal",
    label: "Federal income tax rate",
    unit: "%",
    value: inp.tax.msoFederalRate,
    path: ["tax", "msoFederalRate"],
    type: "number",
    format: FMT.pct,
    rule: between(0, 1),
    allowed: "a fraction from 0 to 1",
  });
  f.field({
    name: "Tax_State",
    label: "State income tax rate",
    unit: "%",
    value: inp.tax.msoStateRate,
    path: ["tax", "msoStateRate"],
    type: "number",
    format: FMT.pct,
    rule: between(0, 1),
    allowed: "a fraction from 0 to 1",
  });
  f.row++;
}
