/**
 * The Excel requirement sets the Excel host uses, and the message when this Excel lacks one.
 * No Office.js call here: `isSetSupported` is passed in.
 */

/** What each requirement set is needed for ("Excel JavaScript API requirement sets":
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets). */
export const REQUIREMENTS: { set: string; version: string; for: string }[] = [
  { set: "ExcelApi", version: "1.4", for: "defined names" },
  { set: "ExcelApi", version: "1.5", for: "the add-in's state in a custom XML part" },
  { set: "ExcelApi", version: "1.6", for: "conditional formats and suspending calculation during a build" },
  { set: "ExcelApi", version: "1.7", for: "chart series, freeze panes and name formulas" },
  { set: "ExcelApi", version: "1.8", for: "data validation" },
  { set: "ExcelApi", version: "1.9", for: "styling many ranges at once and workbook change events" },
  { set: "ExcelApi", version: "1.12", for: "tagging the add-in's sheets (worksheet custom properties)" },
];

/** Thrown when this Excel lacks a requirement set the host uses: a message, not a stack trace. */
export class ExcelRequirementError extends Error {
  constructor(public readonly missing: typeof REQUIREMENTS) {
    super(
      "This version of Excel lacks features MSO Modeler needs: " +
        missing.map((m) => `${m.set} ${m.version} (${m.for})`).join("; ") +
        ". Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.",
    );
    this.name = "ExcelRequirementError";
  }
}

/** The requirement sets this Excel lacks; `isSetSupported` is Office.context.requirements.isSetSupported
 * ("Check for API availability at runtime": https://learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime). */
export function missingRequirements(
  isSetSupported: (set: string, version: string) => boolean,
): typeof REQUIREMENTS {
  return REQUIREMENTS.filter((r) => !isSetSupported(r.set, r.version));
}
