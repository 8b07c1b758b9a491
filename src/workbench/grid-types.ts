/** The grid's callbacks (kept in a .ts module: the .tsx lint preset misreads parameter names in types). */
import type { ViewCell } from "./workbook-service";

export type FetchView = (
  sheet: string,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
) => Promise<ViewCell[][]>;
export type SelectCell = (row: number, col: number, cell: ViewCell | undefined) => void;
export type EditCell = (row: number, col: number, text: string) => Promise<void>;
export type ColumnWidth = (col: number) => number;
