/** The pure finance core: decimal.js only, no Office, no React, no DOM. */
export * from "./decimal";
export * from "./errors";
export * from "./dates";
export * from "./daycount";
export * from "./interest";
export * from "./percentile";
export * from "./fees";
export * from "./allocate";
export * from "./afr";
export * from "./units";
