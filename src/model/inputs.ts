/**
 * The model's inputs file (MODEL.md "Inputs file"): a zod schema that checks every field, fills
 * the documented defaults, and refuses a bad file whole. Error messages start with the field's
 * path (`pcs[2].state: …`) and name the allowed values, because an analyst fixes the JSON by hand.
 *
 * This is the entry every importer uses; the schema lives by section in the inputs-*.ts modules
 * beside it, so that each reads in one sitting and a new field lands in the section it belongs to.
 */
export * from "./inputs-allowed";
export { DEFAULT_SERVICE_LINES, tabName, tabText } from "./inputs-pcs";
export type { PcInputs, ServiceLine } from "./inputs-pcs";
export { ownershipOf } from "./inputs-compliance";
export { joinMonthIndex, lastMonth, monthIndex } from "./inputs-months";
export { inputsSchema } from "./inputs-schema";
export type { ModelInputs, ModelInputsJson } from "./inputs-schema";
export { formatPath, parseInputs } from "./inputs-parse";
export type { ParseResult } from "./inputs-parse";
