/**
 * The read-only sheet grid: only the rows and columns in view are rendered (@tanstack/react-virtual)
 * and only their cells are asked of the worker. Values show through their number formats, in the
 * plan's colours (inputs blue, formulas black, links green), with the plan's conditional formats
 * and an outline around spilled ranges. Input cells can be edited (Enter or F2, or double-click);
 * the workbook recalculates. Keyboard: arrows, Home/End, PageUp/PageDown, Enter/F2 to edit.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  KeyboardEvent,
  memo,
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { columnLetter } from "../model/plan";
import { isCellError } from "../workbook/host";
import type { ColumnWidth, EditCell, FetchView, SelectCell } from "./grid-types";
import { formatValue } from "./number-format";
import type { SheetLayout, ViewCell } from "./workbook-service";

const ROW_HEIGHT = 24;
const HEADER_WIDTH = 48;
/** Excel's default width, in characters, and about 7 px per character at 12 px type. */
const DEFAULT_CHARS = 9;
const px = (chars: number) => Math.round(chars * 7 + 10);

export interface GridProps {
  layout: SheetLayout;
  /** Bumped whenever the workbook's values change, to fetch again. */
  version: number;
  fetchView: FetchView;
  selected: { row: number; col: number };
  onSelect: SelectCell;
  onEdit: EditCell;
}

const useStyles = makeStyles({
  scroller: {
    position: "relative",
    overflow: "auto",
    height: "100%",
    fontSize: "12px",
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  cell: {
    position: "absolute",
    boxSizing: "border-box",
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    padding: "0 4px",
    overflow: "hidden",
    whiteSpace: "nowrap",
    textOverflow: "clip",
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  number: { textAlign: "right" },
  header: {
    position: "absolute",
    boxSizing: "border-box",
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    textAlign: "center",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    zIndex: 2,
  },
  corner: { zIndex: 3 },
  // FAST colours; the darker shades keep 4.5:1 contrast on white, the lighter ones on dark.
  input: { color: tokens.colorPaletteBlueForeground2 },
  link: { color: tokens.colorPaletteGreenForeground1 },
  structural: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: "14px" },
  header2: { fontWeight: tokens.fontWeightSemibold },
  check: { fontWeight: tokens.fontWeightSemibold },
  red: { color: tokens.colorPaletteRedForeground1 },
  bad: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  good: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorPaletteGreenForeground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  spillTop: { borderTop: `1px dashed ${tokens.colorBrandStroke1}` },
  spillBottom: { borderBottom: `1px dashed ${tokens.colorBrandStroke1}` },
  spillLeft: { borderLeft: `1px dashed ${tokens.colorBrandStroke1}` },
  spillRight: { borderRight: `1px dashed ${tokens.colorBrandStroke1}` },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", zIndex: 1 },
  editor: {
    position: "absolute",
    boxSizing: "border-box",
    height: `${ROW_HEIGHT}px`,
    zIndex: 4,
    font: "inherit",
    padding: "0 4px",
    border: `2px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

/** The text a cell shows, and the colour its number format picks. */
export function cellText(cell: ViewCell | undefined): { text: string; color?: string; numeric: boolean } {
  if (!cell) return { text: "", numeric: false };
  const v = cell.value;
  if (isCellError(v)) return { text: v.error, numeric: false };
  const f = formatValue(v, cell.format);
  return { ...f, numeric: typeof v === "number" };
}

interface Window {
  r0: number;
  c0: number;
  cells: ViewCell[][];
}

/** Memoised: the page's progress and status updates never re-render the grid. */
export const Grid = memo(function Grid({
  layout,
  version,
  fetchView,
  selected,
  onSelect,
  onEdit,
}: GridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [win, setWin] = useState<Window>({ r0: 0, c0: 0, cells: [] });
  const [editing, setEditing] = useState<string | null>(null);
  const rows = Math.max(layout.rows, 1);
  const columns = Math.max(layout.columns, 1);
  const widthOf = useCallback((c: number) => px(layout.columnWidths[c] ?? DEFAULT_CHARS), [layout]);

  const rowV = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    paddingStart: ROW_HEIGHT,
  });
  const colV = useVirtualizer({
    horizontal: true,
    count: columns,
    getScrollElement: () => scroller.current,
    estimateSize: widthOf,
    overscan: 3,
    paddingStart: HEADER_WIDTH,
  });
  useEffect(() => {
    colV.measure();
  }, [layout, colV]);

  const vRows = rowV.getVirtualItems();
  const vCols = colV.getVirtualItems();
  const r0 = vRows[0]?.index ?? 0;
  const r1 = vRows[vRows.length - 1]?.index ?? 0;
  const c0 = vCols[0]?.index ?? 0;
  const c1 = vCols[vCols.length - 1]?.index ?? 0;

  // Ask the worker for the cells in view; a late answer for an old window is dropped.
  const request = useRef(0);
  useEffect(() => {
    const id = ++request.current;
    fetchView(layout.name, r0, r1, c0, c1).then(
      (cells) => {
        if (id === request.current) startTransition(() => setWin({ r0, c0, cells }));
      },
      () => undefined,
    );
  }, [fetchView, layout.name, r0, r1, c0, c1, version]);

  const cellAt = useCallback(
    (r: number, c: number): ViewCell | undefined => win.cells[r - win.r0]?.[c - win.c0],
    [win],
  );

  // Tell the page what the selected cell holds once its data arrives (formula bar).
  useEffect(() => {
    onSelect(selected.row, selected.col, cellAt(selected.row, selected.col));
  }, [win]);

  const move = (row: number, col: number) => {
    const r = Math.min(Math.max(row, 0), rows - 1);
    const c = Math.min(Math.max(col, 0), columns - 1);
    onSelect(r, c, cellAt(r, c));
    rowV.scrollToIndex(r);
    colV.scrollToIndex(c);
  };

  // A selection made elsewhere (name box, the pane's link to a check) scrolls into view.
  useEffect(() => {
    rowV.scrollToIndex(selected.row, { align: "auto" });
    colV.scrollToIndex(selected.col, { align: "auto" });
  }, [selected.row, selected.col]);

  const page = Math.max(1, vRows.length - 2);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null) return;
    const { row, col } = selected;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(row + 1, col),
      ArrowUp: () => move(row - 1, col),
      ArrowRight: () => move(row, col + 1),
      ArrowLeft: () => move(row, col - 1),
      PageDown: () => move(row + page, col),
      PageUp: () => move(row - page, col),
      Home: () => move(e.ctrlKey ? 0 : row, 0),
      End: () => move(e.ctrlKey ? rows - 1 : row, columns - 1),
      Enter: () => startEdit(),
      F2: () => startEdit(),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const startEdit = () => {
    const cell = cellAt(selected.row, selected.col);
    if (cell?.role !== "input") return;
    const v = cell.value;
    setEditing(v === null || isCellError(v) ? "" : String(v));
  };

  // Enter commits and then blurs the editor: only the first of the two counts.
  const committing = useRef(false);
  const commit = async (text: string | null) => {
    if (committing.current) return;
    committing.current = true;
    setEditing(null);
    scroller.current?.focus();
    try {
      if (text !== null) await onEdit(selected.row, selected.col, text);
    } finally {
      committing.current = false;
    }
  };

  const selectedId = `cell-${layout.name.replace(/\W/g, "_")}-${selected.row}-${selected.col}`;
  const totalWidth = colV.getTotalSize();
  const totalHeight = rowV.getTotalSize();
  const scrollTop = scroller.current?.scrollTop ?? 0;
  const scrollLeft = scroller.current?.scrollLeft ?? 0;

  const body = useMemo(
    () =>
      new Map(
        vRows.map((vr) => [
          vr.index,
          vCols.map((vc) => {
            const cell = cellAt(vr.index, vc.index);
            const { text, color, numeric } = cellText(cell);
            const a1 = `${columnLetter(vc.index)}${vr.index + 1}`;
            const isSel = vr.index === selected.row && vc.index === selected.col;
            const role = cell?.role;
            const edges = cell?.spillEdges;
            return (
              <div
                key={`${vr.index}-${vc.index}`}
                id={`cell-${layout.name.replace(/\W/g, "_")}-${vr.index}-${vc.index}`}
                role="gridcell"
                aria-rowindex={vr.index + 2}
                aria-colindex={vc.index + 2}
                aria-selected={isSel}
                aria-readonly={role !== "input"}
                data-a1={a1}
                data-value={
                  cell && !isCellError(cell.value) && cell.value !== null ? String(cell.value) : undefined
                }
                data-role={role}
                data-highlight={cell?.highlight}
                title={isCellError(cell?.value) ? cell?.value.message : undefined}
                className={mergeClasses(
                  styles.cell,
                  numeric && styles.number,
                  role === "input" && styles.input,
                  role === "link" && styles.link,
                  role === "structural" && styles.structural,
                  role === "note" && styles.note,
                  role === "title" && styles.title,
                  role === "header" && styles.header2,
                  role === "check" && styles.check,
                  color === "red" && styles.red,
                  isCellError(cell?.value) && styles.error,
                  cell?.highlight === "bad" && styles.bad,
                  cell?.highlight === "good" && styles.good,
                  cell?.highlight === "warning" && styles.warning,
                  edges?.top && styles.spillTop,
                  edges?.bottom && styles.spillBottom,
                  edges?.left && styles.spillLeft,
                  edges?.right && styles.spillRight,
                  isSel && styles.selected,
                )}
                style={{ top: vr.start, left: vc.start, width: vc.size }}
                onMouseDown={() => onSelect(vr.index, vc.index, cell)}
                onDoubleClick={() => {
                  onSelect(vr.index, vc.index, cell);
                  if (role === "input") setEditing(cell?.value == null ? "" : String(cell.value));
                }}
              >
                {text}
              </div>
            );
          }),
        ]),
      ),
    [vRows, vCols, win, selected, styles, layout.name],
  );

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label={`Sheet ${layout.name}`}
      aria-rowcount={rows + 1}
      aria-colcount={columns + 1}
      aria-readonly="true"
      aria-activedescendant={
        vRows.some((v) => v.index === selected.row) && vCols.some((v) => v.index === selected.col)
          ? selectedId
          : undefined
      }
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div style={{ position: "relative", width: totalWidth, height: totalHeight }}>
        {/* Column and row headers stay in view: positioned at the scroll offset. */}
        <div role="row" aria-rowindex={1}>
          <div
            className={mergeClasses(styles.header, styles.corner)}
            role="columnheader"
            aria-colindex={1}
            aria-label="Row numbers"
            style={{ top: scrollTop, left: scrollLeft, width: HEADER_WIDTH }}
          />
          {vCols.map((vc) => (
            <div
              key={vc.index}
              role="columnheader"
              aria-colindex={vc.index + 2}
              className={styles.header}
              style={{ top: scrollTop, left: vc.start, width: vc.size }}
            >
              {columnLetter(vc.index)}
            </div>
          ))}
        </div>
        {vRows.map((vr) => (
          <div key={vr.index} role="row" aria-rowindex={vr.index + 2}>
            <div
              role="rowheader"
              aria-colindex={1}
              className={styles.header}
              style={{ top: vr.start, left: scrollLeft, width: HEADER_WIDTH }}
            >
              {vr.index + 1}
            </div>
            {body.get(vr.index)}
          </div>
        ))}
        {editing !== null && (
          <input
            aria-label={`Edit ${columnLetter(selected.col)}${selected.row + 1}`}
            className={styles.editor}
            autoFocus
            defaultValue={editing}
            style={{
              top: ROW_HEIGHT * (selected.row + 1),
              left: HEADER_WIDTH + sumWidths(widthOf, selected.col),
              width: Math.max(widthOf(selected.col), 120),
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") void commit(e.currentTarget.value);
              if (e.key === "Escape") void commit(null);
            }}
            onBlur={(e) => void commit(e.currentTarget.value)}
          />
        )}
      </div>
    </div>
  );
});

function sumWidths(widthOf: ColumnWidth, upTo: number): number {
  let total = 0;
  for (let c = 0; c < upTo; c++) total += widthOf(c);
  return total;
}
