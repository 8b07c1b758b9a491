/**
 * Named input sets kept in the document's own state: save the workbook's current inputs, apply
 * one (new values on the Inputs sheet, or a rebuild when its layout differs), compare several as
 * the workbook computes them, and write the comparison to a Scenarios sheet.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { buildPlan } from "../../../model/build";
import { type ModelInputs, parseInputs } from "../../../model/inputs";
import { buildScenariosSheet } from "../../../model/scenarios-sheet";
import type { DocumentState, WriteOptions } from "../../../workbook/host";
import { type PaneMessage, describeError } from "../../errors";
import { useHost } from "../../host-context";
import { type BuiltModel, useLocate, useSession } from "../../session";
import { editableState } from "../../state";
import { writeModel } from "../../write-model";
import { type CompareResult, applyValues, compareInWorkbook, layoutChanges } from "./scenario-run";

export type Scenario = DocumentState["scenarios"][number];

export function useScenarios() {
  const host = useHost();
  const { model, setModel } = useSession();
  const locate = useLocate();
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [stateProblem, setStateProblem] = useState<string | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [comparison, setComparison] = useState<CompareResult[] | null>(null);
  const controller = useRef<AbortController | null>(null);

  const reload = useCallback(async () => {
    if (!host) return;
    try {
      const load = await host.loadState();
      if (load.status === "unreadable") {
        setStateProblem(load.reason);
        setScenarios([]);
      } else {
        setStateProblem(null);
        setScenarios(load.status === "ok" ? load.state.scenarios : []);
      }
    } catch (e) {
      setMessage(describeError(e, "read the saved scenarios"));
    }
  }, [host]);

  useEffect(() => {
    void reload();
  }, [reload]);

  /** The workbook's inputs now (its Inputs sheet), or the inputs of the last build. */
  const currentInputs = useCallback(async (): Promise<ModelInputs | null> => {
    if (!host) return null;
    const json = await host.readInputs();
    if (json !== null) {
      const parsed = parseInputs(json);
      if (parsed.ok) return parsed.inputs;
    }
    return model?.inputs ?? null;
  }, [host, model]);

  const run = async (doing: string, work: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setMessage(describeError(e, doing));
    } finally {
      setBusy(false);
      setProgress(null);
      controller.current = null;
    }
  };

  const writeScenarios = async (next: Scenario[]) => {
    const state = await editableState(host!);
    if (!state)
      throw new Error("The add-in's saved state in this workbook is unreadable, so it was left untouched.");
    await host!.saveState({ ...state, scenarios: next });
    setScenarios(next);
  };

  const save = (name: string) =>
    run("save the scenario", async () => {
      const inputs = await currentInputs();
      if (!inputs) {
        setMessage({ intent: "info", title: "Nothing to save", body: "Build the model first (Model tab)." });
        return;
      }
      const clean = name.trim();
      const replaced = scenarios.some((s) => s.name.toLowerCase() === clean.toLowerCase());
      const entry: Scenario = { name: clean, inputs, savedAt: new Date().toISOString() };
      await writeScenarios([...scenarios.filter((s) => s.name.toLowerCase() !== clean.toLowerCase()), entry]);
      setMessage({
        intent: "success",
        title: replaced ? "Scenario replaced" : "Scenario saved",
        body: `"${clean}" holds the workbook's current inputs.`,
      });
    });

  const remove = (name: string) =>
    run("delete the scenario", async () => {
      await writeScenarios(scenarios.filter((s) => s.name !== name));
    });

  const parsed = (s: Scenario): ModelInputs => {
    const p = parseInputs(s.inputs);
    if (!p.ok)
      throw new Error(`Scenario "${s.name}" no longer passes the model's checks: ${p.errors.join("; ")}`);
    return p.inputs;
  };

  /** Why a scenario needs a rebuild, or an empty list. */
  const layoutOf = (s: Scenario): string[] => {
    if (!model) return [];
    const p = parseInputs(s.inputs);
    return p.ok ? layoutChanges(model.inputs, p.inputs) : ["inputs the model refuses"];
  };

  const apply = (s: Scenario) =>
    run(`apply "${s.name}"`, async () => {
      if (!host || !model) return;
      const inputs = parsed(s);
      const current = (await currentInputs()) ?? model.inputs;
      const layout = layoutChanges(current, inputs);
      if (layout.length > 0 || !(model.plan.inputCells ?? []).length) {
        const result = await writeModel(host, inputs, model.plan.mode, {
          onProgress: (p) => setProgress(p),
          onClash: clashOption(model),
        });
        setModel({ plan: result.plan, inputs, sheetNames: result.sheetNames });
        setMessage({
          intent: "success",
          title: "Scenario applied",
          body: `"${s.name}" rebuilt the model (${layout.join(", ") || "full rebuild"}).`,
        });
      } else {
        // Same layout, so the same cells: only the values on the Inputs sheet change.
        const n = await applyValues(host, model.plan, locate, current, inputs);
        setModel({ ...model, plan: { ...model.plan, title: inputs.name }, inputs });
        setMessage({
          intent: "success",
          title: "Scenario applied",
          body: `"${s.name}" changed ${n} input cell${n === 1 ? "" : "s"} on the Inputs sheet.`,
        });
      }
    });

  const compare = (names: string[]) =>
    run("compare the scenarios", async () => {
      if (!host || !model) return;
      const current = (await currentInputs()) ?? model.inputs;
      if (!(model.plan.inputCells ?? []).length)
        throw new Error("This model has no input map (build it again with this version of the add-in).");
      const items = scenarios
        .filter((s) => names.includes(s.name))
        .map((s) => ({ name: s.name, inputs: parsed(s) }));
      const abort = new AbortController();
      controller.current = abort;
      const results = await compareInWorkbook(host, model.plan, locate, current, items, {
        signal: abort.signal,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      setComparison(results);
      if (abort.signal.aborted)
        setMessage({
          intent: "info",
          title: "Comparison stopped",
          body: "The inputs are as they were before.",
        });
    });

  const cancel = () => controller.current?.abort();

  const writeSheet = () =>
    run("write the Scenarios sheet", async () => {
      if (!host || !model || !comparison) return;
      const inputs = (await currentInputs()) ?? model.inputs;
      const plan = buildPlan(inputs, { formulas: model.plan.mode });
      const sheet = buildScenariosSheet(
        comparison.map((c) => ({
          name: c.name,
          note: c.note,
          values: c.values ?? {
            fee: null,
            msoEbitda: null,
            msoNetIncome: null,
            msoTax: null,
            physicianComp: null,
            peakLoc: null,
            structureTax: null,
            master: null,
          },
        })),
        new Date().toISOString(),
      );
      const withSheet = { ...plan, sheets: [...plan.sheets.filter((x) => x.kind !== "scenarios"), sheet] };
      const result = await host.writePlan(withSheet, {
        onProgress: (p) => setProgress(p),
        onClash: clashOption(model),
      });
      setModel({ plan: result.plan ?? withSheet, inputs, sheetNames: result.sheetNames });
      setMessage({
        intent: "success",
        title: "Scenarios sheet written",
        body: `${comparison.length} scenarios side by side, as values.`,
      });
    });

  return {
    host,
    model,
    scenarios,
    stateProblem,
    message,
    busy,
    progress,
    comparison,
    layoutOf,
    save,
    remove,
    apply,
    compare,
    cancel,
    writeSheet,
    dismiss: () => setMessage(null),
  };
}

/**
 * A rebuild keeps the suffix the model was built with (the user's sheets still hold the names):
 * `MSO` written as `MSO (model)` gives ` (model)`.
 */
function clashOption(model: BuiltModel): WriteOptions["onClash"] {
  for (const [k, v] of Object.entries(model.sheetNames))
    if (v !== k && v.startsWith(k)) return { suffix: v.slice(k.length) };
  return "stop";
}
