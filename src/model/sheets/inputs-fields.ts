/**
 * How one input is laid onto the Inputs sheet, shared by the v2.1 sections and the v2.2 block: a
 * labelled row (label, unit, value, note) with a named range, or a bare input cell in a table; each
 * input cell is recorded with its JSON path (read back by read-inputs) and, when it has a rule, a
 * data validation whose message names the field and the allowed values.
 */
import { PlanInputCell, PlanName, PlanScalar, PlanValidation, StyleRole } from "../plan";
import { SheetWriter } from "../writer";
import { INPUTS, abs } from "./names";

/** One input: its value and JSON path, its display format, and its validation rule if any. */
export interface InputCellSpec {
  value: PlanScalar;
  path: PlanInputCell["path"];
  type: PlanInputCell["type"];
  format?: string;
  note?: string;
  rule?: PlanValidation["rule"];
  allowBlank?: boolean;
  /** The allowed values in words, after the field's path in the error message. */
  allowed?: string;
  role?: StyleRole;
}

/** A labelled row of the Inputs sheet: the spec plus its defined name, label and unit. */
export interface Field extends InputCellSpec {
  name: string;
  label: string;
  unit: string;
}

/** Writes labelled rows from `row` down, collecting names, input cells and validations. */
export class InputsFields {
  readonly names: PlanName[] = [];
  readonly inputCells: PlanInputCell[] = [];
  readonly validations: PlanValidation[] = [];

  constructor(
    readonly w: SheetWriter,
    public row: number,
  ) {}

  name(n: string, row: number, col = "C"): void {
    this.names.push({ name: n, sheet: INPUTS, ref: abs(row, col) });
  }

  /** One input cell: its value, its JSON path, its validation (`what` names the field in the message). */
  input(a1: string, f: InputCellSpec, what: string): void {
    this.w.value(a1, f.value, f.role ?? "input", f.format);
    this.inputCells.push({ path: f.path, sheet: INPUTS, a1, type: f.type });
    if (f.rule)
      this.validations.push({
        range: a1,
        rule: f.rule,
        allowBlank: f.allowBlank ?? false,
        error: `${what}: ${f.allowed ?? "see the note beside the cell"}`,
      });
  }

  /** A section's header row: label, unit, value, note. */
  header(text: string): void {
    const r = this.row++;
    this.w.label(`A${r}`, text, "header");
    this.w.label(`B${r}`, "Unit", "header");
    this.w.label(`C${r}`, "Value", "header");
    this.w.label(`D${r}`, "Note", "header");
  }

  /** A labelled input row, named `f.name`; a structural one notes that it needs a rebuild. */
  field(f: Field): void {
    const r = this.row++;
    this.w.label(`A${r}`, f.label);
    this.w.label(`B${r}`, f.unit, "note");
    this.input(`C${r}`, f, f.path.join("."));
    const note = f.role === "structural" ? `rebuild to change${f.note ? `; ${f.note}` : ""}` : f.note;
    if (note) this.w.label(`D${r}`, note, "note");
    this.name(f.name, r);
  }

  /**
   * A convention of the model (MODEL.md), not an assumption: shown and named so that no number is
   * typed into a formula, but black, since changing one would break the model.
   */
  constant(n: string, label: string, unit: string, value: number, note: string, format?: string): void {
    const r = this.row++;
    this.w.label(`A${r}`, label);
    this.w.label(`B${r}`, unit, "note");
    this.w.value(`C${r}`, value, "formula", format);
    this.w.label(`D${r}`, note, "note");
    this.name(n, r);
  }
}
