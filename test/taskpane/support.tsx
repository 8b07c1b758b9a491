/** Rendering the pane over a test workbook, and the headless build the tests compare it with. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render } from "@testing-library/react";
import type { ReactNode } from "react";
import { buildPlan } from "../../src/model/build";
import { type ModelInputs, parseInputs } from "../../src/model/inputs";
import type { FormulaMode, SheetPlan } from "../../src/model/plan";
import { type ModelSummary, readSummary } from "../../src/model/summary";
import { HostProvider } from "../../src/taskpane/host-context";
import { SessionProvider } from "../../src/taskpane/session";
import type { BuiltModel } from "../../src/taskpane/types";
import type { WorkbookHost } from "../../src/workbook/host";
import { evaluatePlan } from "../../src/workbook/hyperformula";

// A build evaluates the whole model in HyperFormula on the test thread: allow for it.
configure({ asyncUtilTimeout: 30000 });

export function inputsOf(json: unknown): ModelInputs {
  const p = parseInputs(json);
  if (!p.ok) throw new Error(p.errors.join("\n"));
  return p.inputs;
}

/** The headless build's summary: buildPlan → HyperFormula → readSummary. */
export async function headless(json: unknown, mode: FormulaMode = "addin"): Promise<ModelSummary> {
  const hf = evaluatePlan(buildPlan(inputsOf(json), { formulas: mode }));
  try {
    return await readSummary(buildPlan(inputsOf(json), { formulas: mode }), hf);
  } finally {
    hf.destroy();
  }
}

export function renderWith(host: WorkbookHost | null, ui: ReactNode, initial: BuiltModel | null = null) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={host}>
        <SessionProvider initial={initial}>{ui}</SessionProvider>
      </HostProvider>
    </FluentProvider>,
  );
}

/** Money and percentages as an analyst reads them (en-US), written here, not taken from the pane. */
export const usd = (n: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(n);
export const pct = (n: number) =>
  new Intl.NumberFormat("en-US", {
    style: "percent",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);

export type { SheetPlan };
