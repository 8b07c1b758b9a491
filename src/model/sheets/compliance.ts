/**
 * The Compliance sheet (MODEL.md v2.1): the seed's considerations checklist, one row per question
 * with its answer (Yes / No / N/A), date, by whom and evidence, all blue; then one row per PC with
 * its state, the CPOM tier looked up on the Reference sheet and the two ownership answers. The
 * Checks sheet reads it: every question answered and dated; every PC physician-owned by an owner
 * licensed in its state; a fee-splitting risk flag (informational).
 */
import { ANSWERS, COMPLIANCE_QUESTIONS, ModelInputs, YES_NO, ownershipOf } from "../inputs";
import { PlanInputCell, PlanValidation } from "../plan";
import { excelSerial } from "../reference";
import { FMT, SheetWriter } from "../writer";
import { InputsLayout, PC_COL, inRef } from "./inputs";

export const COMPLIANCE = "Compliance";

export interface ComplianceLayout {
  /** Rows of the questions (first..last); column H says whether each is answered and dated. */
  questions: { first: number; last: number };
  /** Per PC: its row (F = ownership OK, G = fee-splitting risk). */
  pcRows: number[];
  inputCells: PlanInputCell[];
}

const QUESTION_HEAD = [
  "Id",
  "Group",
  "Question",
  "Answer",
  "Date",
  "By",
  "Evidence or note",
  "Answered and dated (1 = yes)",
];
const PC_HEAD = [
  "PC",
  "State",
  "CPOM tier (Reference; verify)",
  "Physician-owned",
  "Owner licensed in the state",
  "Ownership OK",
  "Fee-splitting risk",
];

export function buildCompliance(
  inputs: ModelInputs,
  lay: InputsLayout,
): { writer: SheetWriter; layout: ComplianceLayout } {
  const w = new SheetWriter(COMPLIANCE, "compliance");
  const inputCells: PlanInputCell[] = [];
  const cellInput = (a1: string, path: PlanInputCell["path"], type: PlanInputCell["type"]) =>
    inputCells.push({ path, sheet: COMPLIANCE, a1, type });
  const validate = (range: string, rule: PlanValidation["rule"], error: string) =>
    w.validations.push({ range, rule, allowBlank: true, error });
  w.label(
    "A1",
    "Compliance — considerations and CPOM ownership (not legal advice; verify with counsel)",
    "title",
  );
  w.label(
    "A2",
    "Blue cells are answers: Yes, No or N/A with the date answered; by whom and the evidence are optional.",
    "note",
  );
  const h = 4;
  QUESTION_HEAD.forEach((t, i) => w.label(`${"ABCDEFGH"[i]}${h}`, t, "header"));
  const first = h + 1;
  COMPLIANCE_QUESTIONS.forEach((q, i) => {
    const row = first + i;
    const a = inputs.compliance.answers[q.id];
    const path = (k: string) => ["compliance", "answers", q.id, k];
    w.label(`A${row}`, q.id, "note");
    w.label(`B${row}`, q.group);
    w.label(`C${row}`, q.text);
    w.value(`D${row}`, a?.answer ?? null, "input");
    cellInput(`D${row}`, path("answer"), "text");
    const [y, m, d] = (a?.date ?? "").split("-").map(Number);
    w.value(`E${row}`, a ? excelSerial(y, m, d) : null, "input", FMT.date);
    cellInput(`E${row}`, path("date"), "date");
    w.value(`F${row}`, a?.by ?? null, "input");
    cellInput(`F${row}`, path("by"), "text");
    w.value(`G${row}`, a?.note ?? null, "input");
    cellInput(`G${row}`, path("note"), "text");
    w.formula(
      `H${row}`,
      `=IF(AND(OR(D${row}="Yes",D${row}="No",D${row}="N/A"),ISNUMBER(E${row})),1,0)`,
      "formula",
      FMT.int,
    );
  });
  const last = first + COMPLIANCE_QUESTIONS.length - 1;
  validate(`D${first}:D${last}`, { kind: "list", values: [...ANSWERS] }, `Answer: ${ANSWERS.join(", ")}`);
  validate(`E${first}:E${last}`, { kind: "date", min: excelSerial(1900, 3, 1) }, "Date: a date");

  const ph = last + 3;
  w.label(
    `A${ph - 1}`,
    "CPOM ownership by PC (professional-corporation statutes require licensed owners)",
    "header",
  );
  PC_HEAD.forEach((t, i) => w.label(`${"ABCDEFG"[i]}${ph}`, t, "header"));
  const pcRows = inputs.pcs.map((pc, p) => {
    const row = ph + 1 + p;
    const ir = lay.pc[p].row;
    const own = ownershipOf(inputs, pc.name);
    w.formula(`A${row}`, `=${inRef(PC_COL.name, ir)}`, "link");
    w.formula(`B${row}`, `=${inRef(PC_COL.state, ir)}`, "link");
    w.formula(`C${row}`, `=IFERROR(INDEX(CPOM_Tier,MATCH(B${row},CPOM_Code,0)),CPOM_Default)`);
    w.value(`D${row}`, own.physicianOwned ?? null, "input");
    cellInput(`D${row}`, ["compliance", "pcs", pc.name, "physicianOwned"], "text");
    w.value(`E${row}`, own.ownerLicensed ?? null, "input");
    cellInput(`E${row}`, ["compliance", "pcs", pc.name, "ownerLicensed"], "text");
    w.formula(`F${row}`, `=AND(D${row}="Yes",E${row}="Yes")`);
    // A strict-CPOM state while a service line's cost is shared by collections: a percentage of
    // the PC's revenue in the fee, which fee-splitting rules there may forbid (DOMAIN.md).
    w.formula(`G${row}`, `=AND(ISNUMBER(SEARCH("Strict",C${row})),COUNTIF(SL_Driver,"collections")>0)`);
    return row;
  });
  const pl = ph + inputs.pcs.length;
  validate(`D${ph + 1}:E${pl}`, { kind: "list", values: [...YES_NO] }, `Ownership: ${YES_NO.join(" or ")}`);
  w.conditionalFormats.push(
    { range: `F${ph + 1}:F${pl}`, rule: { kind: "formula", formula: `=NOT(F${ph + 1})` }, style: "bad" },
    { range: `H${first}:H${last}`, rule: { kind: "lessThan", value: 1 }, style: "bad" },
    { range: `G${ph + 1}:G${pl}`, rule: { kind: "formula", formula: `=G${ph + 1}` }, style: "warning" },
  );
  Object.assign(w.columnWidths, { A: 36, B: 26, C: 58, D: 16, E: 18, F: 18, G: 40, H: 18 });
  return { writer: w, layout: { questions: { first, last }, pcRows, inputCells } };
}
