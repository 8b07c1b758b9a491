/**
 * What the workbook holds, read in two round trips: its sheets, defined names and custom XML parts;
 * then each sheet's add-in tags and the XML of the add-in's state parts. A build, a listing and the
 * document state all start here.
 */
import { KIND_KEY, TAG_KEY } from "./excel-build-ops";
import { Ctx } from "./excel-requests";
import { ownStateParts } from "./excel-state-parts";

export interface SheetRow {
  name: string;
  id: string;
  tag: string | null;
  kind: string | null;
}

export interface Inspection {
  sheets: SheetRow[];
  names: { name: string; formula: string; comment: string }[];
  /** The add-in's state parts in document order (any version). */
  stateParts: { id: string; xml: string }[];
}

/** Two round trips: sheets, names and part namespaces; then tags and the state parts' XML. */
export async function inspect(ctx: Ctx): Promise<Inspection> {
  const sheets = ctx.workbook.worksheets.load("items/name,items/id");
  const names = ctx.workbook.names.load("items/name,items/formula,items/comment");
  const parts = ctx.workbook.customXmlParts.load("items/id,items/namespaceUri");
  await ctx.sync();
  // Worksheet custom properties, ExcelApi 1.12 (excel-build-ops.ts cites the page).
  const tags = sheets.items.map((s) => ({
    tag: s.customProperties.getItemOrNullObject(TAG_KEY).load("value"),
    kind: s.customProperties.getItemOrNullObject(KIND_KEY).load("value"),
  }));
  const ours = ownStateParts(parts);
  const xml = ours.map((p) => p.getXml());
  await ctx.sync();
  return {
    sheets: sheets.items.map((s, i) => ({
      name: s.name,
      id: s.id,
      tag: tags[i].tag.isNullObject ? null : String(tags[i].tag.value),
      kind: tags[i].kind.isNullObject ? null : String(tags[i].kind.value),
    })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula), comment: n.comment ?? "" })),
    stateParts: ours.map((p, i) => ({ id: p.id, xml: xml[i].value })),
  };
}
