import { Body1, Caption1, Tab, TabList, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { WorkbookHost } from "../workbook/host";
import { PaneMessageBar } from "./errors";
import { HostProvider } from "./host-context";
import { CompliancePanel } from "./panels/compliance/CompliancePanel";
import { FunctionsPanel } from "./panels/functions/FunctionsPanel";
import { ModelPanel } from "./panels/model/ModelPanel";
import { ReviewPanel } from "./panels/review/ReviewPanel";
import { ScenariosPanel } from "./panels/scenarios/ScenariosPanel";
import { SessionProvider } from "./session";

export interface AppProps {
  /**
   * The Office application the page runs in (`"Excel"`), or null outside Office.
   * @default null
   */
  host?: string | null;
  /**
   * The workbook the panels work on (the Excel host in Excel, the HyperFormula host in the
   * workbench); null when there is none.
   * @default null
   */
  workbook?: WorkbookHost | null;
  /**
   * Why there is no workbook although the pane runs in Excel (e.g. a missing requirement set).
   * @default null
   */
  workbookError?: string | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    overflowX: "hidden",
  },
  tabs: { flexWrap: "wrap" },
  status: { color: tokens.colorNeutralForeground3 },
});

/** The panels in the order an analyst works: build, read, answer, compare; then the reference. */
const PANELS = [
  { id: "model", label: "Model", Panel: ModelPanel },
  { id: "review", label: "Review", Panel: ReviewPanel },
  { id: "compliance", label: "Compliance", Panel: CompliancePanel },
  { id: "scenarios", label: "Scenarios", Panel: ScenariosPanel },
  { id: "functions", label: "Functions", Panel: FunctionsPanel },
] as const;

/** The task pane: the panels over one workbook host. */
export function App({ host = null, workbook = null, workbookError = null }: AppProps) {
  const styles = useStyles();
  const [tab, setTab] = useState<string>(workbook ? "model" : "functions");
  // Panels mount on first visit and then stay mounted (hidden when not chosen), so a half-filled form
  // survives a tab switch, while a new 50-PC model re-renders only the panels the analyst has opened.
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([tab]));
  return (
    <HostProvider host={workbook}>
      <SessionProvider>
        <main className={styles.root}>
          <Title2 as="h1">MSO Modeler</Title2>
          <Body1 as="p">
            Models healthcare MSO and PC structures: the management services fee, the cost allocation behind
            it, its fair-market-value range and the MSO-to-PC line of credit.
          </Body1>
          <Caption1 as="p" role="status" className={styles.status}>
            {host
              ? `Running in ${host}. Type a function into a cell to use it.`
              : "Not running inside Excel. Load the add-in in Excel to use the functions."}
          </Caption1>
          {workbookError && (
            <PaneMessageBar
              message={{
                intent: "error",
                title: "The workbook features are unavailable",
                body: workbookError,
              }}
            />
          )}
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => {
              const next = String(d.value);
              setTab(next);
              setVisited((v) => (v.has(next) ? v : new Set(v).add(next)));
            }}
            aria-label="Panels"
            size="small"
          >
            {PANELS.map((p) => (
              <Tab key={p.id} value={p.id} id={`tab-${p.id}`} aria-controls={`panel-${p.id}`}>
                {p.label}
              </Tab>
            ))}
          </TabList>
          {PANELS.map(({ id, Panel }) => (
            <div
              key={id}
              role="tabpanel"
              id={`panel-${id}`}
              aria-labelledby={`tab-${id}`}
              hidden={tab !== id}
            >
              {visited.has(id) && <Panel />}
            </div>
          ))}
        </main>
      </SessionProvider>
    </HostProvider>
  );
}
