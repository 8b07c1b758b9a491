/**
 * The workbench page: the task pane beside a spreadsheet view of the model, both on one workbook
 * that lives in a Web Worker. The header picks an example, shows build progress and downloads the
 * model as .xlsx; the sheet side has the sheet tabs, a name box and formula bar, and the grid.
 */
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  Option,
  ProgressBar,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ReactNode, startTransition, useCallback, useEffect, useRef, useState } from "react";
import { FormulaMode, columnLetter, parseA1 } from "../model/plan";
import { WriteProgress } from "../workbook/host";
import { DEFAULT_EXAMPLE, EXAMPLES } from "./examples";
import { Grid } from "./Grid";
import { parseTyped } from "./typed-value";
import { WorkerHost } from "./worker-host";
import type { ModelInfo, ViewCell } from "./workbook-service";

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateRows: "auto 1fr",
    gridTemplateColumns: "minmax(300px, 360px) 1fr",
    height: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    "@media (max-width: 700px)": { gridTemplateColumns: "1fr", gridTemplateRows: "auto auto 1fr" },
  },
  header: {
    gridColumn: "1 / -1",
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { marginRight: "auto", alignSelf: "center" },
  progress: { minWidth: "220px" },
  pane: {
    overflowY: "auto",
    overflowX: "hidden",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  sheets: { display: "grid", gridTemplateRows: "auto auto 1fr", minWidth: 0, minHeight: 0 },
  tabs: { overflowX: "auto", backgroundColor: tokens.colorNeutralBackground1 },
  bar: {
    display: "grid",
    gridTemplateColumns: "140px minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalXS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  formula: { fontFamily: tokens.fontFamilyMonospace, minWidth: 0 },
  grid: { minHeight: 0 },
  empty: { padding: tokens.spacingHorizontalL },
});

export interface WorkbenchProps {
  host: WorkerHost;
  /** The task pane, already given the host. */
  pane: ReactNode;
}

interface Selection {
  row: number;
  col: number;
  cell?: ViewCell;
}

export function Workbench({ host, pane }: WorkbenchProps) {
  const styles = useStyles();
  const [info, setInfo] = useState<ModelInfo | null>(null);
  const [version, setVersion] = useState(0);
  const [sheet, setSheet] = useState<string | null>(null);
  const [sel, setSel] = useState<Selection>({ row: 0, col: 0 });
  const [progress, setProgress] = useState<WriteProgress | null>(null);
  const [status, setStatus] = useState("Starting the workbook…");
  const [example, setExample] = useState(DEFAULT_EXAMPLE);
  const [mode, setMode] = useState<FormulaMode>("addin");
  const [nameBox, setNameBox] = useState("A1");
  const built = useRef(false);

  useEffect(
    () =>
      host.onChange((next) =>
        // A transition: React renders the new tabs and grid in slices, so no single task blocks
        // the page (a 50-PC model has 56 tabs).
        startTransition(() => {
          setInfo(next);
          setVersion((v) => v + 1);
          setSheet((cur) =>
            next && cur && next.sheets.some((s) => s.name === cur) ? cur : (next?.sheets[0]?.name ?? null),
          );
        }),
      ),
    [host],
  );

  useEffect(() => {
    host.setSelectHandler((target, a1) => {
      const { row, col } = parseA1(a1);
      setSheet(target);
      setSel({ row, col });
    });
    return () => host.setSelectHandler(null);
  }, [host]);

  const build = useCallback(
    async (id: string) => {
      const ex = EXAMPLES.find((e) => e.id === id) ?? EXAMPLES[0];
      setStatus(`Building "${ex.label}"…`);
      const started = performance.now();
      try {
        await host.writeModel(ex.inputs(), mode, {
          onProgress: (p) => startTransition(() => setProgress(p)),
        });
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        setStatus(`Built "${ex.label}" in ${seconds} s.`);
        performance.mark("workbench:model-built");
      } catch (e) {
        setStatus(`The model could not be built: ${(e as Error).message}`);
      } finally {
        setProgress(null);
      }
    },
    [host, mode],
  );

  useEffect(() => {
    if (built.current) return;
    built.current = true;
    void build(DEFAULT_EXAMPLE);
  }, [build]);

  const download = async () => {
    setStatus("Writing the .xlsx…");
    try {
      const bytes = await host.exportXlsx(mode);
      const blob = new Blob([new Uint8Array(bytes)], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = `${(info?.title ?? "model").replace(/[^\w -]+/g, "").trim() || "model"} (${mode}).xlsx`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      setStatus("Downloaded the .xlsx.");
    } catch (e) {
      setStatus(`The .xlsx could not be written: ${(e as Error).message}`);
    }
  };

  const layout = info?.sheets.find((s) => s.name === sheet) ?? null;
  const a1 = `${columnLetter(sel.col)}${sel.row + 1}`;
  useEffect(() => setNameBox(sheet ? `${a1}` : ""), [a1, sheet]);

  const onSelect = useCallback((row: number, col: number, cell: ViewCell | undefined) => {
    setSel({ row, col, cell });
  }, []);

  const fetchView = useCallback(
    (name: string, r0: number, r1: number, c0: number, c1: number) => host.view(name, r0, r1, c0, c1),
    [host],
  );

  const onEdit = useCallback(
    async (row: number, col: number, text: string) => {
      if (!sheet) return;
      const target = `${columnLetter(col)}${row + 1}`;
      setStatus(`Recalculating after ${sheet}!${target} changed…`);
      await host.writeValues(sheet, [{ a1: target, value: parseTyped(text) }]);
      setStatus(`Recalculated after ${sheet}!${target} changed.`);
    },
    [host, sheet],
  );

  const goTo = (text: string) => {
    const m = /^(?:'?((?:[^'!]|'')+)'?!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text.trim());
    if (!m) {
      setStatus(`"${text}" is not a cell address; type one such as B12 or MSO!E20.`);
      return;
    }
    const target = m[1]?.replace(/''/g, "'") ?? sheet;
    if (!target || !info?.sheets.some((s) => s.name === target)) {
      setStatus(`There is no sheet named "${m[1]}".`);
      return;
    }
    void host.selectCell(target, `${m[2].toUpperCase()}${m[3]}`);
  };

  const formula = sel.cell?.formula ?? (sel.cell && sel.cell.value !== null ? String(sel.cell.value) : "");
  const spillNote =
    sel.cell?.spillAnchor && sel.cell.spillAnchor !== a1 ? ` (spilled from ${sel.cell.spillAnchor})` : "";

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold" className={styles.title}>
          MSO Modeler workbench
        </Text>
        <Field label="Example">
          <Dropdown
            value={EXAMPLES.find((e) => e.id === example)?.label}
            selectedOptions={[example]}
            onOptionSelect={(_e, d) => d.optionValue && setExample(d.optionValue)}
          >
            {EXAMPLES.map((e) => (
              <Option key={e.id} value={e.id}>
                {e.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label="Formulas">
          <Dropdown
            value={mode === "addin" ? "Add-in functions" : "Portable (native Excel)"}
            selectedOptions={[mode]}
            onOptionSelect={(_e, d) => d.optionValue && setMode(d.optionValue as FormulaMode)}
          >
            <Option value="addin">Add-in functions</Option>
            <Option value="portable">Portable (native Excel)</Option>
          </Dropdown>
        </Field>
        <Button onClick={() => void build(example)} disabled={progress !== null}>
          Build example
        </Button>
        <Button appearance="primary" onClick={() => void download()} disabled={!info || progress !== null}>
          Download .xlsx
        </Button>
        <div className={styles.progress}>
          {progress && (
            <ProgressBar
              aria-label="Build progress"
              value={progress.total ? progress.done / progress.total : undefined}
            />
          )}
          <Caption1 role="status" aria-live="polite" data-testid="workbench-status">
            {progress ? `${progress.phase} (${progress.done} of ${progress.total})` : status}
          </Caption1>
        </div>
      </header>
      {/* Focusable, so keyboard users can scroll a pane taller than the window. */}
      <aside className={styles.pane} aria-label="Task pane" tabIndex={0}>
        {pane}
      </aside>
      <section className={styles.sheets} aria-label="Workbook">
        <div className={styles.tabs}>
          <TabList
            size="small"
            selectedValue={sheet ?? undefined}
            onTabSelect={(_e, d) => {
              setSheet(String(d.value));
              setSel({ row: 0, col: 0 });
            }}
            aria-label="Sheets"
          >
            {(info?.sheets ?? []).map((s) => (
              <Tab key={s.name} value={s.name} data-sheet={s.name}>
                {s.name}
              </Tab>
            ))}
          </TabList>
        </div>
        <div className={styles.bar}>
          <Input
            aria-label="Name box"
            value={nameBox}
            onChange={(_e, d) => setNameBox(d.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") goTo(nameBox);
            }}
          />
          <Input
            aria-label="Formula bar"
            className={styles.formula}
            readOnly
            value={`${formula}${spillNote}`}
          />
        </div>
        <div className={styles.grid}>
          {layout ? (
            <Grid
              key={layout.name}
              layout={layout}
              version={version}
              fetchView={fetchView}
              selected={sel}
              onSelect={onSelect}
              onEdit={onEdit}
            />
          ) : (
            <Text className={styles.empty}>No model yet.</Text>
          )}
        </div>
      </section>
    </div>
  );
}
