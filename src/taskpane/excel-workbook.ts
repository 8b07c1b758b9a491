/**
 * The workbook host for the task pane inside Excel: the Office.js host, given `Excel.run` and the
 * requirement-set check (https://learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime).
 * Outside Excel there is no workbook. An Excel too old for the host throws ExcelRequirementError,
 * whose message the pane shows instead of the panels' workbook features.
 */
import { createExcelHost } from "../workbook/excel";
import type { WorkbookHost } from "../workbook/host";

export function excelWorkbook(officeHost: string | null): WorkbookHost | null {
  if (officeHost !== "Excel" || typeof Excel === "undefined") return null;
  return createExcelHost(); // the Office.js calls live in src/workbook/excel*.ts
}
