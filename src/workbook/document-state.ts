/**
 * The add-in's own state in the document, as one XML part: `<state xmlns="urn:mso-modeler:state:v1">`
 * holding the state as JSON text. The version lives in the namespace so that Excel can find the part
 * by namespace (custom XML parts) and an older add-in can tell a newer add-in's part from its own,
 * keep it untouched and say so, instead of misreading it or writing over it.
 *
 * Shared by every host (Excel keeps the XML in a custom XML part; HyperFormula in memory). Pure
 * string work: no DOM, so it runs in a Web Worker and under Node.
 */
import { DocumentState, StateLoad } from "./host";

/** Every version's namespace starts with this; the version number follows. */
export const STATE_NAMESPACE_PREFIX = "urn:mso-modeler:state:v";
export const STATE_VERSION = 1;
export const STATE_NAMESPACE = `${STATE_NAMESPACE_PREFIX}${STATE_VERSION}`;

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeText(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (m, name: string, dec, hex) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[name as "lt"] ?? m;
  });
}

/** The XML of a state, ready for a custom XML part. */
export function encodeState(state: DocumentState): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<state xmlns="${STATE_NAMESPACE}" version="${STATE_VERSION}">${escapeText(JSON.stringify(state))}</state>`
  );
}

/** The version a namespace names, or null when it is not one of the add-in's state namespaces. */
export function stateNamespaceVersion(namespace: string): number | null {
  if (!namespace.startsWith(STATE_NAMESPACE_PREFIX)) return null;
  const rest = namespace.slice(STATE_NAMESPACE_PREFIX.length);
  return /^\d+$/.test(rest) ? Number(rest) : null;
}

/** The default namespace of an XML document's root element, or null. */
export function rootNamespace(xml: string): string | null {
  const root = /<(?![?!])([\w.-]+:)?[\w.-]+\b([^>]*)>/.exec(xml);
  if (!root) return null;
  const prefix = root[1] ? root[1].slice(0, -1) : null;
  const attr = prefix ? `xmlns:${prefix}` : "xmlns";
  const m = new RegExp(`\\s${attr}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(root[2]);
  return m ? (m[1] ?? m[2]) : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The shape check: what this version writes, nothing less (extra fields are kept as they are). */
function stateProblem(v: unknown): string | null {
  if (!isRecord(v)) return "the state is not a JSON object";
  if (v.version !== STATE_VERSION) return `the state says version ${JSON.stringify(v.version)}, expected 1`;
  if (!Array.isArray(v.scenarios)) return "scenarios is not a list";
  for (const [i, s] of v.scenarios.entries()) {
    if (!isRecord(s) || typeof s.name !== "string" || typeof s.savedAt !== "string" || !("inputs" in s))
      return `scenarios[${i}] needs a name, inputs and savedAt`;
  }
  if (!isRecord(v.settings)) return "settings is not an object";
  if (v.inputCells !== undefined && !Array.isArray(v.inputCells)) return "inputCells is not a list";
  return null;
}

/**
 * Reads a state part. A part from a newer add-in, or one that does not parse, is `unreadable` with
 * the reason; the caller keeps it as it is and refuses to write over it.
 */
export function decodeState(xml: string): StateLoad {
  const ns = rootNamespace(xml);
  const version = ns === null ? null : stateNamespaceVersion(ns);
  if (version === null)
    return {
      status: "unreadable",
      reason: "the saved add-in state is damaged (not an MSO Modeler state part)",
    };
  if (version > STATE_VERSION)
    return {
      status: "unreadable",
      reason: `the saved add-in state was written by a newer version of MSO Modeler (state v${version}); update the add-in to use it — it is kept as it is`,
    };
  if (version < STATE_VERSION)
    return {
      status: "unreadable",
      reason: `the saved add-in state has an unknown old version (v${version})`,
    };
  const body = /^\s*(?:<\?xml[^>]*\?>)?\s*<state\b[^>]*>([\s\S]*)<\/state>\s*$/.exec(xml);
  if (!body)
    return { status: "unreadable", reason: "the saved add-in state is damaged (its XML is not whole)" };
  let json: unknown;
  try {
    json = JSON.parse(unescapeText(body[1]));
  } catch (e) {
    return {
      status: "unreadable",
      reason: `the saved add-in state is damaged (its JSON does not parse: ${(e as Error).message})`,
    };
  }
  const problem = stateProblem(json);
  if (problem) return { status: "unreadable", reason: `the saved add-in state is damaged (${problem})` };
  return { status: "ok", state: json as DocumentState };
}

/**
 * What the parts of a document say, given every part in one of the add-in's state namespaces (in
 * document order): none → empty; any newer or damaged one → unreadable (it must not be lost by a save
 * of this version); otherwise the first v1 part.
 */
export function decodeStateParts(parts: string[]): StateLoad {
  if (parts.length === 0) return { status: "empty" };
  const loads = parts.map(decodeState);
  const bad = loads.find((l) => l.status === "unreadable");
  return bad ?? loads[0];
}

/** A fresh state with nothing saved yet. */
export function emptyState(): DocumentState {
  return { version: 1, scenarios: [], settings: {} };
}
