/** The pane's part of the document's own state (host.loadState/saveState): settings and scenarios. */
import type { DocumentState, WorkbookHost } from "../workbook/host";
import type { PaneSettings } from "./session";

const EMPTY: DocumentState = { version: 1, scenarios: [], settings: {} };

/**
 * The state to change, or null when the stored entry is unreadable: it is kept untouched (the
 * host refuses to overwrite it), so the pane saves nothing over it.
 */
export async function editableState(host: WorkbookHost): Promise<DocumentState | null> {
  const load = await host.loadState();
  if (load.status === "unreadable") return null;
  return load.status === "ok" ? load.state : JSON.parse(JSON.stringify(EMPTY));
}

/** Merges the pane's settings into the document's state; false when the state cannot be written. */
export async function saveSettings(host: WorkbookHost, settings: PaneSettings): Promise<boolean> {
  try {
    const state = await editableState(host);
    if (!state) return false;
    await host.saveState({ ...state, settings: { ...state.settings, ...settings } });
    return true;
  } catch {
    return false;
  }
}
