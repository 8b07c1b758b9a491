/**
 * The add-in's state in an Excel document: a custom XML part per state version, found by its
 * namespace (the XML itself is document-state.ts's codec). Reading picks the add-in's parts out of
 * the workbook's; writing replaces the first part's XML or adds a part, never touching a part that
 * could not be read (callers check first). Custom XML parts, ExcelApi 1.5 ("Persist add-in state
 * and settings", custom XML parts:
 * https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings#custom-xml-parts).
 */
import { decodeStateParts, encodeState, stateNamespaceVersion } from "./document-state";
import { DocumentState, StateLoad } from "./host";
import { jsonBytes } from "./excel-layout";
import { Op, op } from "./excel-requests";

/** The add-in's state parts (any version) among the workbook's loaded parts, in document order. */
export function ownStateParts(parts: Excel.CustomXmlPartCollection): Excel.CustomXmlPart[] {
  return parts.items.filter((p) => stateNamespaceVersion(p.namespaceUri) !== null);
}

/** What the stored parts say: nothing, a usable state, or an entry that is kept as it is. */
export function stateOfParts(parts: { xml: string }[]): StateLoad {
  return decodeStateParts(parts.map((p) => p.xml));
}

/** The state part written (the first of the add-in's parts, or a new one). */
export function stateOps(state: DocumentState, parts: { id: string }[]): Op[] {
  const xml = encodeState(state);
  return [
    op(jsonBytes(xml), (s) => {
      if (parts.length > 0) s.ctx.workbook.customXmlParts.getItem(parts[0].id).setXml(xml);
      else s.ctx.workbook.customXmlParts.add(xml);
    }),
  ];
}
