/**
 * What the panels share about the model in the workbook: the plan last built (its result cells are
 * where Review, Compliance and Scenarios read and write), the inputs it was built from, its formula
 * mode and the sheet names actually used (a build with a suffix renames the model's sheets).
 * Opening the pane on a workbook that already has a model rebuilds the plan from its Inputs sheet,
 * which gives the same cells, since buildPlan is deterministic.
 */
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { buildPlan } from "../model/build";
import { parseInputs } from "../model/inputs";
import type { CellRef } from "../model/plan";
import { useHost } from "./host-context";
import type { BuiltModel, PaneSettings, SessionValue } from "./types";

export type { BuiltModel, PaneSettings } from "./types";

const SessionContext = createContext<SessionValue>({ model: null, setModel: () => undefined });

export function SessionProvider({
  children,
  initial = null,
}: {
  children?: ReactNode;
  initial?: BuiltModel | null;
}) {
  const host = useHost();
  const [model, setModel] = useState<BuiltModel | null>(initial);
  useEffect(() => {
    if (!host || model) return;
    let live = true;
    void (async () => {
      try {
        const json = await host.readInputs();
        if (json === null || !live) return;
        const parsed = parseInputs(json);
        if (!parsed.ok) return;
        const state = await host.loadState();
        const settings = (state.status === "ok" ? state.state.settings : {}) as PaneSettings;
        const plan = buildPlan(parsed.inputs, { formulas: settings.formulaMode ?? "addin" });
        if (live) setModel({ plan, inputs: parsed.inputs, sheetNames: settings.sheetNames ?? {} });
      } catch {
        // No readable model in the workbook: the panels ask for a build instead.
      }
    })();
    return () => {
      live = false;
    };
    // Only on opening: later models come from builds.
  }, [host]);
  const value = useMemo(() => ({ model, setModel }), [model]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  return useContext(SessionContext);
}

/** A plan cell reference with the sheet name the workbook actually uses. */
export type Locate = ReturnType<typeof useLocate>;

export function useLocate() {
  const { model } = useSession();
  return useCallback(
    (ref: CellRef) => ({ sheet: model?.sheetNames[ref.sheet] ?? ref.sheet, a1: ref.a1 }),
    [model],
  );
}
