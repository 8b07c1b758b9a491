/**
 * The one way the pane reaches a workbook (DESIGN.md "The task pane"): a WorkbookHost in a React
 * context. Panels never import the Excel host or HyperFormula; the entry point (Excel, the
 * workbench, a test) decides which host to provide.
 */
import { type ReactNode, createContext, useContext } from "react";
import type { WorkbookHost } from "../workbook/host";

const HostContext = createContext<WorkbookHost | null>(null);

export interface HostProviderProps {
  /** The workbook the pane works on; null when there is none (outside Excel and the workbench). */
  host: WorkbookHost | null;
  children?: ReactNode;
}

export function HostProvider({ host, children }: HostProviderProps) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

/** The workbook host, or null when the pane runs without a workbook. */
export function useHost(): WorkbookHost | null {
  return useContext(HostContext);
}
