/** The inputs form's shared types (a .ts file: the lint's TSX parser misreads method signatures). */
import type { JsonPath } from "./json-path";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  format?: string;
  /** The schema's own description of the field (model/inputs.ts), shown as its hint. */
  description?: string;
  additionalProperties?: unknown;
}

export interface FormContext {
  draft: unknown;
  set(path: JsonPath, value: unknown): void;
  messageFor(path: JsonPath): string | undefined;
  /** A new item for a list (a PC, a service line), given the list as it is. */
  newItem(path: JsonPath, list: unknown[]): unknown;
}

/** A control over one value of the draft. */
export interface ValueProps {
  value: unknown;
  onChange(v: unknown): void;
}
