/**
 * Building the model into the workbook (write-model.ts: in the host's worker where it has one) with a progress report per block
 * and a cancel (the host leaves the workbook as it was or fully built). A user's sheet with a
 * model sheet's name stops the build and offers a suffix instead.
 */
import { startTransition, useCallback, useRef, useState } from "react";
import type { ModelInputs } from "../../../model/inputs";
import type { FormulaMode } from "../../../model/plan";
import { SheetClashError, type WriteProgress } from "../../../workbook/host";
import { type PaneMessage, describeError } from "../../errors";
import { useHost } from "../../host-context";
import { type PaneSettings, useSession } from "../../session";
import { saveSettings } from "../../state";
import { writeModel } from "../../write-model";

export interface Clash {
  names: string[];
  inputs: ModelInputs;
  mode: FormulaMode;
}

export function useBuild() {
  const host = useHost();
  const { setModel } = useSession();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<WriteProgress | null>(null);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [clash, setClash] = useState<Clash | null>(null);
  const controller = useRef<AbortController | null>(null);

  const build = useCallback(
    async (inputs: ModelInputs, mode: FormulaMode, suffix?: string) => {
      if (!host) return;
      const abort = new AbortController();
      controller.current = abort;
      setBusy(true);
      setMessage(null);
      setClash(null);
      setProgress(null);
      try {
        const result = await writeModel(host, inputs, mode, {
          // Transitions: the progress bar moves without re-rendering a 50-PC form in one task each time.
          onProgress: (p) => startTransition(() => setProgress(p)),
          signal: abort.signal,
          onClash: suffix === undefined ? "stop" : { suffix },
        });
        // The plan as written (renamed after a suffix), so the panels read the cells that were written.
        setModel({ plan: result.plan, inputs, sheetNames: result.sheetNames });
        const settings: PaneSettings = { formulaMode: mode, sheetNames: result.sheetNames };
        const saved = await saveSettings(host, settings);
        setMessage({
          intent: saved ? "success" : "warning",
          title: "Model built",
          body:
            `${result.plan.sheets.length} sheets written for "${inputs.name}" (${mode === "addin" ? "add-in" : "portable"} formulas).` +
            (saved
              ? ""
              : " The add-in's saved state in this workbook could not be updated; it was kept as it was."),
        });
      } catch (e) {
        if (e instanceof SheetClashError) setClash({ names: e.names, inputs, mode });
        else setMessage(describeError(e, "build the model"));
      } finally {
        controller.current = null;
        setBusy(false);
      }
    },
    [host, setModel],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const stop = useCallback(() => {
    setClash(null);
    setMessage({
      intent: "info",
      title: "Build stopped",
      body: "Nothing was written. Rename your sheets, or build again with a suffix.",
    });
  }, []);

  return { busy, progress, message, clash, build, cancel, stop, dismiss: () => setMessage(null) };
}
