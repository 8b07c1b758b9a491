/** Types the pane's modules share (kept in a .ts file: the lint's TSX parser misreads signatures). */
import type { ModelInputs } from "../model/inputs";
import type { FormulaMode, SheetPlan } from "../model/plan";
import type { WorkbookHost } from "../workbook/host";

export interface BuiltModel {
  plan: SheetPlan;
  inputs: ModelInputs;
  /** The plan's sheet names mapped to the names in the workbook. */
  sheetNames: Record<string, string>;
}

export interface SessionValue {
  model: BuiltModel | null;
  setModel(m: BuiltModel | null): void;
}

/** Settings the pane keeps in the document's own state, so a reopened workbook finds its model. */
export interface PaneSettings {
  formulaMode?: FormulaMode;
  sheetNames?: Record<string, string>;
}

/** Makes the workbook host for the Office application the page runs in (null outside Office). */
export interface WorkbookFactory {
  (officeHost: string | null): WorkbookHost | null;
}
