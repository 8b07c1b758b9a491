/**
 * The Inputs sheet's MSA fee and fair-market-value sections: the group's fee terms, the FMV method
 * and percentiles, then two blocks filled from the top, the dated FMV assessments and the benchmark
 * markups (COUNTIFS and the native percentile functions skip their blank rows).
 */
import { FEE_STRUCTURES, FMV_METHODS, MAX_ASSESSMENTS, MAX_BENCHMARKS, ModelInputs } from "../inputs";
import { FMT } from "../writer";
import { InputsFields } from "./inputs-fields";
import { FIRST_SERIAL, between, isoSerial, listRule } from "./inputs-rules";
import { INPUTS } from "./names";

/** The group's MSA fee terms (a PC's own terms are in the PC table). */
export function feeSection(inp: ModelInputs, f: InputsFields): void {
  f.header("MSA fee (group terms; a PC's own terms are in the PC table)");
  f.field({
    name: "Fee_Structure",
    label: "Fee structure",
    unit: "text",
    value: inp.fee.structure,
    path: ["fee", "structure"],
    type: "text",
    note: "cost-plus, fixed or hybrid",
    rule: listRule(FEE_STRUCTURES),
    allowed: FEE_STRUCTURES.join(", "),
  });
  f.field({
    name: "Fee_Markup",
    label: "Markup on allocated cost",
    unit: "%",
    value: inp.fee.markup,
    path: ["fee", "markup"],
    type: "number",
    format: FMT.pct,
    rule: between(0, 10),
    allowed: "a fraction from 0 to 10 (0.08 = 8%)",
  });
  f.field({
    name: "Fee_Fixed",
    label: "Fixed fee per PC per month",
    unit: "$",
    value: inp.fee.fixedMonthly,
    path: ["fee", "fixedMonthly"],
    type: "number",
    format: FMT.money,
    note: "fixed and hybrid structures",
    rule: between(0),
    allowed: "an amount, 0 or more",
  });
  f.field({
    name: "Fee_Cap",
    label: "Monthly cap per PC",
    unit: "$",
    value: inp.fee.monthlyCap,
    path: ["fee", "monthlyCap"],
    type: "number",
    format: FMT.money,
    note: "blank = none",
    rule: between(0),
    allowBlank: true,
    allowed: "an amount, 0 or more, or blank for none",
  });
  f.field({
    name: "Fee_Floor",
    label: "Monthly floor per PC",
    unit: "$",
    value: inp.fee.monthlyFloor,
    path: ["fee", "monthlyFloor"],
    type: "number",
    format: FMT.money,
    note: "blank = none",
    rule: between(0),
    allowBlank: true,
    allowed: "an amount, 0 or more, or blank for none",
  });
  f.row++;
}

/** The FMV section; returns the first and last rows of the benchmark block. */
export function fmvSection(inp: ModelInputs, f: InputsFields): { first: number; last: number } {
  f.header("Fair market value");
  f.field({
    name: "FMV_Method",
    label: "Percentile method",
    unit: "text",
    value: inp.fmv.method,
    path: ["fmv", "method"],
    type: "text",
    note: "IRS, INC, EXC or MINMAX",
    rule: listRule(FMV_METHODS),
    allowed: FMV_METHODS.join(", "),
  });
  for (const [n, key, label] of [
    ["FMV_LowPct", "lowPct", "Low percentile"],
    ["FMV_HighPct", "highPct", "High percentile"],
  ] as const)
    f.field({
      name: n,
      label,
      unit: "%",
      value: inp.fmv[key],
      path: ["fmv", key],
      type: "number",
      format: FMT.pct,
      rule: between(0, 1),
      allowed: "a fraction from 0 to 1 (0.25 = 25th percentile), at most 6 decimal places",
    });
  f.row++;
  // A block of dated assessments filled from the top; COUNTIFS over it ignores the blank rows.
  f.w.label(`A${f.row}`, "FMV assessments (done or planned), one date a row", "header");
  f.w.label(`D${f.row}`, "each model year needs one in the 12 months before it starts", "note");
  f.row++;
  const a0 = f.row;
  for (let i = 0; i < MAX_ASSESSMENTS; i++, f.row++) {
    f.w.label(`A${f.row}`, `FMV assessment ${i + 1}`);
    f.w.label(`B${f.row}`, "date", "note");
    const iso = inp.fmv.assessments[i];
    f.input(
      `C${f.row}`,
      {
        value: iso === undefined ? null : isoSerial(iso),
        path: ["fmv", "assessments", i],
        type: "date",
        format: FMT.date,
        rule: { kind: "date", min: FIRST_SERIAL },
        allowBlank: true,
        allowed: "a date on or after 1900-03-01, or blank",
      },
      `fmv.assessments[${i}]`,
    );
  }
  f.names.push({ name: "FMV_Assessments", sheet: INPUTS, ref: `$C$${a0}:$C$${f.row - 1}` });
  f.row++;
  // Benchmarks: 50 rows filled from the top. Native functions skip the blank rows; the add-in's
  // functions read only the filled part (formulas.benchmarksArg), so no blank reaches them.
  f.w.label(
    `A${f.row}`,
    `FMV benchmark markups on cost, one a row from the top (up to ${MAX_BENCHMARKS})`,
    "header",
  );
  f.row++;
  const b0 = f.row;
  for (let i = 0; i < MAX_BENCHMARKS; i++, f.row++) {
    f.w.label(`A${f.row}`, `Benchmark markup ${i + 1}`);
    f.w.label(`B${f.row}`, "%", "note");
    f.input(
      `C${f.row}`,
      {
        value: inp.fmv.benchmarks[i] ?? null,
        path: ["fmv", "benchmarks", i],
        type: "number",
        format: FMT.pct,
        rule: between(-1, 10),
        allowBlank: true,
        allowed: "a markup from -1 to 10 (0.05 = 5%), or blank after the last one",
      },
      `fmv.benchmarks[${i}]`,
    );
  }
  const benchmarks = { first: b0, last: f.row - 1 };
  f.names.push({ name: "FMV_Benchmarks", sheet: INPUTS, ref: `$C$${b0}:$C$${benchmarks.last}` });
  f.row++;
  return benchmarks;
}
