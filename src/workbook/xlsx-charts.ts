/**
 * Native Excel charts for the xlsx host. ExcelJS cannot write chart parts, so the workbook it
 * produces is post-processed: for every sheet that has charts in the plan, one DrawingML drawing
 * part (`xl/drawings/drawingN.xml`, one two-cell anchor per chart) and one chart part per chart
 * (`xl/charts/chartN.xml`, a `c:chartSpace`), their relationships, the sheet's `<drawing>` element
 * and the content-type overrides (ECMA-376 Part 1, 21.2 and 20.5).
 *
 * Series point at sheet ranges (`c:numRef`/`c:strRef` formulas), so the charts follow the cells
 * when inputs change; cached values are added only when computed values are supplied. No colours
 * are set: the workbook theme's accents apply.
 *
 * `chartEdits` is pure (plan charts + the package's text parts → the parts to add or replace);
 * `addCharts` applies it to .xlsx bytes with JSZip.
 */
import JSZip from "jszip";
import { PlanChart, PlanChartSeries, SheetPlan, columnLetter, parseA1, sheetRef } from "../model/plan";
import { CellValue, isCellError } from "./host";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  drawing: `${NS.r}/drawing`,
  chart: `${NS.r}/chart`,
};
export const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** What a chart needs to know about a cell: its computed value (if known) and whether it is text. */
export type CellLookup = (sheet: string, a1: string) => { value?: CellValue; text: boolean };

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A parsed sheet-qualified range: `'PC – A'!$E$26:$AN$26` or `Summary!$B$31:$B$33`. */
export interface SheetRange {
  sheet: string;
  first: { row: number; col: number };
  last: { row: number; col: number };
}

export function parseSheetRange(ref: string): SheetRange {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+)(?::(\$?[A-Z]+\$?\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a sheet-qualified range: ${ref}`);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const first = parseA1(m[3]);
  const last = parseA1(m[4] ?? m[3]);
  if (first.row !== last.row && first.col !== last.col)
    throw new Error(`a chart series must be one row or one column: ${ref}`);
  return { sheet, first, last };
}

/** The absolute, always-quoted formula Excel stores in `c:f`. */
export function rangeFormula(r: SheetRange): string {
  const abs = (p: { row: number; col: number }) => `$${columnLetter(p.col)}$${p.row + 1}`;
  return `${sheetRef(r.sheet)}${abs(r.first)}:${abs(r.last)}`;
}

function rangeCells(r: SheetRange): string[] {
  const out: string[] = [];
  for (let row = r.first.row; row <= r.last.row; row++)
    for (let col = r.first.col; col <= r.last.col; col++) out.push(`${columnLetter(col)}${row + 1}`);
  return out;
}

// ---- chart part ----

function richText(text: string, rotated = false): string {
  return (
    `<c:tx><c:rich><a:bodyPr${rotated ? ' rot="-5400000" vert="horz"' : ""}/><a:lstStyle/>` +
    `<a:p><a:pPr><a:defRPr/></a:pPr><a:r><a:rPr lang="en-US"/><a:t>${escapeXml(text)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx><c:overlay val="0"/>`
  );
}

function numberCache(cells: string[], sheet: string, lookup: CellLookup): string {
  const pts: string[] = [];
  cells.forEach((a1, i) => {
    const v = lookup(sheet, a1).value;
    if (typeof v === "number" && Number.isFinite(v)) pts.push(`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`);
  });
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cells.length}"/>${pts.join("")}</c:numCache>`;
}

function stringCache(cells: string[], sheet: string, lookup: CellLookup): string {
  const pts = cells.map((a1, i) => {
    const v = lookup(sheet, a1).value;
    const text = v === undefined || v === null || isCellError(v) ? "" : String(v);
    return `<c:pt idx="${i}"><c:v>${escapeXml(text)}</c:v></c:pt>`;
  });
  return `<c:strCache><c:ptCount val="${cells.length}"/>${pts.join("")}</c:strCache>`;
}

/** `c:cat` or `c:val`: a reference to the range, with cached values when they are known. */
function dataRef(tag: "cat" | "val", ref: string, lookup: CellLookup): string {
  const r = parseSheetRange(ref);
  const cells = rangeCells(r);
  const f = `<c:f>${escapeXml(rangeFormula(r))}</c:f>`;
  const known = cells.some((a1) => lookup(r.sheet, a1).value !== undefined);
  const text = tag === "cat" && cells.every((a1) => lookup(r.sheet, a1).text);
  if (text)
    return `<c:${tag}><c:strRef>${f}${known ? stringCache(cells, r.sheet, lookup) : ""}</c:strRef></c:${tag}>`;
  return `<c:${tag}><c:numRef>${f}${known ? numberCache(cells, r.sheet, lookup) : ""}</c:numRef></c:${tag}>`;
}

/** A dashed line; its colour is left to the theme. */
const DASHED = `<c:spPr><a:ln w="28575" cap="rnd"><a:prstDash val="dash"/><a:round/></a:ln></c:spPr>`;

function seriesXml(s: PlanChartSeries, index: number, kind: "line" | "column", lookup: CellLookup): string {
  const head = `<c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;
  const cat = s.categories ? dataRef("cat", s.categories, lookup) : "";
  const val = dataRef("val", s.values, lookup);
  return kind === "column"
    ? `<c:ser>${head}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`
    : `<c:ser>${head}${s.dashed ? DASHED : ""}<c:marker><c:symbol val="none"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`;
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;
const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;

function numFmt(format: string | undefined): string {
  return format === undefined
    ? `<c:numFmt formatCode="General" sourceLinked="1"/>`
    : `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>`;
}

/** One `c:chartSpace` for a plan chart: a line chart, a column chart, or columns with lines over them. */
export function chartXml(chart: PlanChart, lookup: CellLookup): string {
  const kindOf = (s: PlanChartSeries): "line" | "column" =>
    chart.type === "combo" ? (s.as ?? "column") : chart.type;
  const indexed = chart.series.map((s, i) => ({ s, i }));
  const columns = indexed.filter(({ s }) => kindOf(s) === "column");
  const lines = indexed.filter(({ s }) => kindOf(s) === "line");
  const groups: string[] = [];
  if (columns.length > 0)
    groups.push(
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        columns.map(({ s, i }) => seriesXml(s, i, "column", lookup)).join("") +
        `<c:gapWidth val="150"/>${axIds}</c:barChart>`,
    );
  if (lines.length > 0)
    groups.push(
      `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
        lines.map(({ s, i }) => seriesXml(s, i, "line", lookup)).join("") +
        `<c:marker val="1"/>${axIds}</c:lineChart>`,
    );
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:title>${richText(chart.axes.category)}</c:title>${numFmt(chart.axes.categoryFormat)}` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:title>${richText(chart.axes.value, true)}</c:title>` +
    `${numFmt(chart.axes.valueFormat)}<c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(chart.title)}</c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${groups.join("")}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

// ---- drawing part ----

function anchorXml(chart: PlanChart, id: number, relId: string): string {
  const from = parseA1(chart.anchor);
  const marker = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${marker("from", from.row, from.col)}` +
    marker("to", from.row + chart.size.rows, from.col + chart.size.columns) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
    `<xdr:cNvPr id="${id + 1}" name="Chart ${id}" descr="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/>` +
    `</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS.rels}">` +
    rels
      .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
      .join("") +
    `</Relationships>`
  );
}

// ---- package edits ----

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `${baseDir}/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** Sheet name → path of its worksheet part, from xl/workbook.xml and its relationships. */
export function worksheetPaths(parts: Record<string, string>): Map<string, string> {
  const workbook = parts["xl/workbook.xml"];
  const rels = parts["xl/_rels/workbook.xml.rels"];
  if (!workbook || !rels)
    throw new Error("not an xlsx package: xl/workbook.xml or its relationships missing");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    targets.set(a.Id, resolveTarget("xl", a.Target));
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const path = targets.get(a["r:id"]);
    if (path) out.set(a.name, path);
  }
  return out;
}

/** Elements of CT_Worksheet that come after `drawing` (ECMA-376 Part 1, 18.3.1.99). */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Inserts `<drawing r:id=…/>` where the schema's element order puts it. */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error("the sheet already has a drawing");
  let xml = sheetXml;
  const root = /<worksheet\b[^>]*>/.exec(xml);
  if (!root) throw new Error("not a worksheet part");
  if (!/xmlns:r=/.test(root[0]))
    xml = xml.replace(root[0], root[0].replace(/^<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`));
  const element = `<drawing r:id="${relId}"/>`;
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error("not a worksheet part");
  return xml.slice(0, at) + element + xml.slice(at);
}

function nextFree(parts: Record<string, string>, prefix: string): (count: number) => number[] {
  let n = 1;
  return (count) => {
    const out: number[] = [];
    while (out.length < count) {
      if (!(`${prefix}${n}.xml` in parts)) out.push(n);
      n++;
    }
    return out;
  };
}

/**
 * The parts to add or replace so that the package shows `charts`: chart and drawing parts, their
 * relationships, each charted sheet's `<drawing>` element and relationship, and the content types.
 * `parts` holds the package's text parts by path (at least [Content_Types].xml, the workbook, its
 * relationships and the charted sheets with their relationships, if any).
 */
export function chartEdits(
  charts: PlanChart[],
  parts: Record<string, string>,
  lookup: CellLookup,
): Record<string, string> {
  const edits: Record<string, string> = {};
  if (charts.length === 0) return edits;
  const sheets = worksheetPaths(parts);
  const overrides: string[] = [];
  const freeChart = nextFree(parts, "xl/charts/chart");
  const freeDrawing = nextFree(parts, "xl/drawings/drawing");
  const bySheet = new Map<string, PlanChart[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);

  for (const [sheet, list] of bySheet) {
    const sheetPath = sheets.get(sheet);
    if (!sheetPath || parts[sheetPath] === undefined) throw new Error(`no worksheet part for sheet ${sheet}`);
    const [drawingNo] = freeDrawing(1);
    const chartNos = freeChart(list.length);
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;

    const anchors = list.map((chart, i) => {
      const chartPath = `xl/charts/chart${chartNos[i]}.xml`;
      edits[chartPath] = chartXml(chart, lookup);
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${CONTENT_TYPE.chart}"/>`);
      return anchorXml(chart, i + 1, `rId${i + 1}`);
    });
    edits[drawingPath] =
      XML_HEAD +
      `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`;
    edits[`xl/drawings/_rels/drawing${drawingNo}.xml.rels`] = relationshipsXml(
      list.map((_, i) => ({
        id: `rId${i + 1}`,
        type: REL.chart,
        target: `../charts/chart${chartNos[i]}.xml`,
      })),
    );
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CONTENT_TYPE.drawing}"/>`);

    // The sheet's relationships: keep what is there, add the drawing under an unused id.
    const dir = sheetPath.replace(/\/[^/]+$/, "");
    const relsPath = `${dir}/_rels/${sheetPath.slice(dir.length + 1)}.rels`;
    const existing = parts[relsPath];
    const used = new Set(existing ? [...existing.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]) : []);
    let k = 1;
    while (used.has(`rId${k}`)) k++;
    const relId = `rId${k}`;
    const rel = `<Relationship Id="${relId}" Type="${REL.drawing}" Target="../drawings/drawing${drawingNo}.xml"/>`;
    edits[relsPath] = existing
      ? existing.replace("</Relationships>", `${rel}</Relationships>`)
      : relationshipsXml([{ id: relId, type: REL.drawing, target: `../drawings/drawing${drawingNo}.xml` }]);
    edits[sheetPath] = insertDrawingElement(parts[sheetPath], relId);
  }

  const types = parts["[Content_Types].xml"];
  if (!types) throw new Error("not an xlsx package: [Content_Types].xml missing");
  edits["[Content_Types].xml"] = types.replace("</Types>", `${overrides.join("")}</Types>`);
  return edits;
}

/** Cell facts for the charts, from the plan (text or not) and, if given, computed values. */
export function planCellLookup(
  plan: Pick<SheetPlan, "sheets">,
  values: ((sheet: string, a1: string) => CellValue | undefined) | null,
): CellLookup {
  const cells = new Map<string, { text: boolean }>();
  for (const s of plan.sheets)
    for (const c of s.cells)
      cells.set(`${s.name}!${c.a1}`, { text: c.formula === undefined && typeof c.value === "string" });
  return (sheet, a1) => ({
    text: cells.get(`${sheet}!${a1}`)?.text ?? false,
    value: values ? values(sheet, a1) : undefined,
  });
}

/** Adds the plan's charts to .xlsx bytes written by ExcelJS. */
export async function addCharts(
  xlsx: Uint8Array | ArrayBuffer,
  plan: Pick<SheetPlan, "sheets" | "charts">,
  values: ((sheet: string, a1: string) => CellValue | undefined) | null,
): Promise<Uint8Array> {
  const bytes = xlsx instanceof Uint8Array ? xlsx : new Uint8Array(xlsx);
  if (plan.charts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name))
      .map(async (f) => {
        parts[f.name] = await f.async("string");
      }),
  );
  for (const [path, text] of Object.entries(chartEdits(plan.charts, parts, planCellLookup(plan, values))))
    zip.file(path, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
