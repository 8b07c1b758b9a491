/**
 * The inputs form's state: a JSON draft, checked on every change by the CLI's parseInputs, with
 * each message filed under its field's path. Starts from an example or the workbook's Inputs sheet.
 */
import { useCallback, useMemo, useState } from "react";
import onePc from "../../../../examples/one-pc.json";
import threeStates from "../../../../examples/three-states.json";
import tenPc from "../../../../examples/ten-pc-acquisition.json";
import { type ParseResult, parseInputs } from "../../../model/inputs";
import { type JsonPath, pathKey, setAt } from "./json-path";

export interface Example {
  id: string;
  label: string;
  json: unknown;
}

export const EXAMPLES: Example[] = [
  { id: "one-pc", label: (onePc as { name: string }).name, json: onePc },
  { id: "three-states", label: (threeStates as { name: string }).name, json: threeStates },
  { id: "ten-pc-acquisition", label: (tenPc as { name: string }).name, json: tenPc },
];

/** `pcs[2].state: unknown state code…` → key `pcs[2].state` and its message. */
export function splitMessage(line: string): { key: string; message: string } {
  const at = line.indexOf(": ");
  return at < 0 ? { key: "(root)", message: line } : { key: line.slice(0, at), message: line.slice(at + 2) };
}

export interface ModelForm {
  draft: unknown;
  result: ParseResult;
  /** Every message of parseInputs, as it prints them (`path: message`). */
  errors: string[];
  messageFor(path: JsonPath): string | undefined;
  set(path: JsonPath, value: unknown): void;
  load(json: unknown): void;
  newItem(path: JsonPath, list: unknown[]): unknown;
}

export function useModelForm(initial: unknown = EXAMPLES[0].json): ModelForm {
  const [draft, setDraft] = useState<unknown>(() => JSON.parse(JSON.stringify(initial)));
  const result = useMemo(() => parseInputs(draft), [draft]);
  const errors = useMemo(() => (result.ok ? [] : result.errors), [result]);
  const byKey = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const line of errors) {
      const { key, message } = splitMessage(line);
      m.set(key, [...(m.get(key) ?? []), message]);
    }
    return m;
  }, [errors]);
  const messageFor = useCallback((path: JsonPath) => byKey.get(pathKey(path))?.join(" "), [byKey]);
  const set = useCallback(
    (path: JsonPath, value: unknown) => setDraft((d: unknown) => setAt(d, path, value)),
    [],
  );
  const load = useCallback((json: unknown) => setDraft(JSON.parse(JSON.stringify(json))), []);
  const newItem = useCallback((path: JsonPath, list: unknown[]) => {
    const last = list[list.length - 1];
    const item =
      last && typeof last === "object" ? JSON.parse(JSON.stringify(last as Record<string, unknown>)) : {};
    const names = new Set(list.map((x) => String((x as { name?: unknown })?.name ?? "").toLowerCase()));
    const base = path[0] === "pcs" ? "New PC" : "New service line";
    let n = list.length + 1;
    while (names.has(`${base} ${n}`.toLowerCase())) n++;
    // A copy keeps the last item's figures but not its identity: a PC's tab name (shortName) would
    // clash with the one it was copied from, and the model refuses clashing tab names.
    delete (item as { shortName?: unknown }).shortName;
    return { ...item, name: `${base} ${n}` };
  }, []);
  return { draft, result, errors, messageFor, set, load, newItem };
}
