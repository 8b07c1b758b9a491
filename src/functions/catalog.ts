/** The worksheet functions' names: the public contract (FUNCTIONS.md), with their dots. */
export const FUNCTION_NAMES = [
  "MSA.COSTPLUS",
  "MSA.ALLOCATE",
  "LOC.INTEREST",
  "LOC.LIMIT",
  "LOC.AFRCONVERT",
  "LOC.AFRTEST",
  "FMV.RANGE",
  "FMV.TEST",
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];
