/**
 * What the panels share about the model in the workbook: the plan last built (its result cells are
 * where Review, Compliance and Scenarios read and write), the inputs it was built from, its formula
 * mode and the sheet names actually used (a build with a suffix renames the model's sheets).
 * Opening the pane on a workbook that already has a model finds it (modelInWorkbook); in the
 * workbench the pane also follows models the page's header builds.
 */
import {
  type ReactNode,
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { buildPlan } from "../model/build";
import { parseInputs } from "../model/inputs";
import type { CellRef, SheetPlan } from "../model/plan";
import type { WorkbookHost } from "../workbook/host";
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
  // A new model re-renders every open panel (a 50-PC model: hundreds of rows): as a transition, so
  // React renders it in slices and the page keeps answering.
  const setModelSoon = useCallback((m: BuiltModel | null) => startTransition(() => setModel(m)), []);
  useEffect(() => {
    if (!host || model) return;
    let live = true;
    void (async () => {
      const found = await modelInWorkbook(host);
      if (found && live) setModelSoon(found);
    })();
    return () => {
      live = false;
    };
    // Only on opening: later models come from builds.
  }, [host]);
  // A host that knows the plan it holds (the workbench's worker) may have a model written by others
  // than this pane (the workbench's header builds examples): follow it when it is a different plan.
  const current = useRef(model);
  current.current = model;
  useEffect(() => {
    if (!host?.modelOutline) return;
    return host.onInputsChanged(() => {
      void (async () => {
        const outline = await host.modelOutline!();
        if (outline && current.current && sameLayout(outline, current.current.plan)) return;
        const found = outline ? await modelInWorkbook(host) : null;
        setModelSoon(found);
      })();
    });
  }, [host]);
  const value = useMemo(() => ({ model, setModel: setModelSoon }), [model, setModelSoon]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * The model a workbook already holds: its inputs read back from the Inputs sheet and its plan,
 * from the host when it keeps one (an outline, made off the page), else rebuilt here from the
 * inputs (the same cells, since buildPlan is deterministic). Null when there is none.
 */
async function modelInWorkbook(host: WorkbookHost): Promise<BuiltModel | null> {
  try {
    const json = await host.readInputs();
    if (json === null) return null;
    const parsed = parseInputs(json);
    if (!parsed.ok) return null;
    const state = await host.loadState();
    const settings = (state.status === "ok" ? state.state.settings : {}) as PaneSettings;
    const outline = host.modelOutline ? await host.modelOutline() : null;
    if (outline) return { plan: outline, inputs: parsed.inputs, sheetNames: {} };
    const plan = buildPlan(parsed.inputs, { formulas: settings.formulaMode ?? "addin" });
    return { plan, inputs: parsed.inputs, sheetNames: settings.sheetNames ?? {} };
  } catch {
    // No readable model in the workbook: the panels ask for a build instead.
    return null;
  }
}

/** Two plans with the same sheets and result cells: the pane's view of one serves the other. */
function sameLayout(a: SheetPlan, b: SheetPlan): boolean {
  return (
    a.mode === b.mode &&
    a.sheets.length === b.sheets.length &&
    a.sheets.every((s, i) => s.name === b.sheets[i].name) &&
    JSON.stringify(a.results) === JSON.stringify(b.results) &&
    JSON.stringify(a.inputCells ?? []) === JSON.stringify(b.inputCells ?? [])
  );
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
