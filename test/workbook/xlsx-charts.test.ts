/**
 * The plan's charts reach the .xlsx as native DrawingML charts: every part is well-formed XML, every
 * series points at cells the workbook holds, the Summary sheet links the drawing, the content types
 * are declared — and LibreOffice Calc, a second application, reads the charts back.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { JSDOM } from "jsdom";
import JSZip from "jszip";
import { tmpdir } from "os";
import { join } from "path";
import { FormulaMode, SheetPlan, columnLetter, parseA1 } from "../../src/model/plan";
import { xlsxBuffer } from "../../src/workbook/xlsx";
import {
  CONTENT_TYPE,
  chartEdits,
  insertDrawingElement,
  parseSheetRange,
  worksheetPaths,
} from "../../src/workbook/xlsx-charts";
import { evaluate, loadInputs } from "../model/support";
import { requireSoffice } from "../../scripts/libreoffice";

const { DOMParser } = new JSDOM("").window;

function parseXml(text: string, path: string): Document {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`${path} is not well-formed XML: ${err.textContent}`);
  return doc;
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function texts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const f of Object.values(zip.files))
    if (!f.dir && /\.(xml|rels)$/.test(f.name)) out[f.name] = await f.async("string");
  return out;
}

/** Rows and columns of the cells a worksheet part holds (its <c r="…"> elements). */
function usedCells(sheetXml: string): Set<string> {
  return new Set([...sheetXml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]));
}

function relTargets(relsXml: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of relsXml.matchAll(/<Relationship Id="([^"]+)" Type="([^"]+)" Target="([^"]+)"\/>/g))
    out.set(m[1], { type: m[2], target: m[3] });
  return out;
}

async function workbook(mode: FormulaMode, cached: boolean): Promise<{ plan: SheetPlan; bytes: Uint8Array }> {
  const { plan, host } = evaluate(loadInputs("three-states.json"), mode);
  const bytes = await xlsxBuffer(plan, cached ? (s, a1) => host.readValueSync(s, a1) : null);
  host.destroy();
  return { plan, bytes };
}

describe.each(["portable", "addin"] as FormulaMode[])("charts in the %s workbook", (mode) => {
  let plan: SheetPlan;
  let parts: Record<string, string>;
  beforeAll(async () => {
    const w = await workbook(mode, true);
    plan = w.plan;
    parts = await texts(w.bytes);
  });

  it("the plan describes the Summary charts", () => {
    expect(plan.charts.length).toBeGreaterThanOrEqual(2);
    for (const c of plan.charts) expect(c.sheet).toBe("Summary");
  });

  it("writes one well-formed chart part per plan chart, each with a title, axis titles and a legend", () => {
    const charts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(plan.charts.length);
    for (const path of Object.keys(parts)) parseXml(parts[path], path);
    const titles = charts.map((p) => {
      const doc = parseXml(parts[p], p);
      const chart = doc.getElementsByTagNameNS(NS_C, "chart")[0];
      expect(chart.getElementsByTagNameNS(NS_C, "legend")).toHaveLength(1);
      // the chart's title and one per axis
      expect(chart.getElementsByTagNameNS(NS_C, "title")).toHaveLength(3);
      expect(doc.getElementsByTagNameNS(NS_C, "ser").length).toBeGreaterThan(0);
      return chart.getElementsByTagNameNS(NS_C, "title")[0].textContent;
    });
    expect(titles.sort()).toEqual(plan.charts.map((c) => c.title).sort());
  });

  it("points every series at an existing sheet and at cells the sheet holds", () => {
    const sheets = worksheetPaths(parts);
    const used = new Map([...sheets].map(([name, path]) => [name, usedCells(parts[path])]));
    let refs = 0;
    for (const path of Object.keys(parts).filter((p) => p.startsWith("xl/charts/"))) {
      const doc = parseXml(parts[path], path);
      const formulas = [...doc.getElementsByTagNameNS(NS_C, "f")].map((f) => f.textContent ?? "");
      expect(formulas.length).toBeGreaterThan(0);
      for (const f of formulas) {
        refs++;
        const r = parseSheetRange(f);
        const cells = used.get(r.sheet);
        if (!cells) throw new Error(`${path}: ${f} names no sheet of the workbook`);
        for (let row = r.first.row; row <= r.last.row; row++)
          for (let col = r.first.col; col <= r.last.col; col++) {
            const a1 = `${columnLetter(col)}${row + 1}`;
            if (!cells.has(a1)) throw new Error(`${path}: ${f} covers ${a1}, which the sheet does not hold`);
          }
      }
      // Categories and values of one series have the same length.
      for (const ser of doc.getElementsByTagNameNS(NS_C, "ser")) {
        const lengths = [...ser.getElementsByTagNameNS(NS_C, "f")].map((f) => {
          const r = parseSheetRange(f.textContent ?? "");
          return (r.last.row - r.first.row + 1) * (r.last.col - r.first.col + 1);
        });
        expect(new Set(lengths).size).toBe(1);
      }
    }
    expect(refs).toBeGreaterThan(10);
  });

  it("caches the computed values when they are supplied", () => {
    const loc = Object.keys(parts)
      .filter((p) => p.startsWith("xl/charts/"))
      .map((p) => parseXml(parts[p], p))
      .find((d) => /credit limit/i.test(d.getElementsByTagNameNS(NS_C, "title")[0].textContent ?? ""))!;
    const limit = [...loc.getElementsByTagNameNS(NS_C, "ser")].find((s) =>
      /Credit limit/.test(s.getElementsByTagNameNS(NS_C, "tx")[0].textContent ?? ""),
    )!;
    const pts = limit.getElementsByTagNameNS(NS_C, "val")[0].getElementsByTagNameNS(NS_C, "pt");
    expect(pts.length).toBe(plan.results.monthColumns.length);
    expect(Number(pts[0].textContent)).toBeGreaterThan(0);
  });

  it("links the drawing from the Summary sheet, after pageSetup, and declares the content types", () => {
    const summaryPath = worksheetPaths(parts).get("Summary")!;
    const sheet = parts[summaryPath];
    const doc = parseXml(sheet, summaryPath);
    const drawing = doc.getElementsByTagNameNS(NS_MAIN, "drawing");
    expect(drawing).toHaveLength(1);
    const order = [...doc.documentElement.children].map((e) => e.localName);
    expect(order.indexOf("drawing")).toBeGreaterThan(order.indexOf("pageSetup"));
    expect(order.indexOf("drawing")).toBeGreaterThan(order.indexOf("sheetData"));
    const relId = drawing[0].getAttributeNS(NS_R, "id")!;
    const rels = relTargets(parts[summaryPath.replace(/([^/]+)$/, "_rels/$1.rels")]);
    const drawingRel = rels.get(relId)!;
    expect(drawingRel.type).toMatch(/\/drawing$/);
    const drawingPath = `xl/${drawingRel.target.replace(/^\.\.\//, "")}`;
    expect(parts[drawingPath]).toBeDefined();
    const chartRels = relTargets(parts[drawingPath.replace(/([^/]+)$/, "_rels/$1.rels")]);
    const anchors = parseXml(parts[drawingPath], drawingPath).getElementsByTagNameNS(NS_C, "chart");
    expect(anchors).toHaveLength(plan.charts.length);
    for (const a of anchors) {
      const target = chartRels.get(a.getAttributeNS(NS_R, "id")!)!.target;
      expect(parts[`xl/${target.replace(/^\.\.\//, "")}`]).toBeDefined();
    }
    // Only the Summary sheet has a drawing.
    for (const [name, path] of worksheetPaths(parts))
      if (name !== "Summary") expect(parts[path]).not.toMatch(/<drawing\b/);
    const types = parts["[Content_Types].xml"];
    expect(types).toContain(`<Override PartName="/${drawingPath}" ContentType="${CONTENT_TYPE.drawing}"/>`);
    for (const p of Object.keys(parts).filter((x) => /^xl\/charts\/chart\d+\.xml$/.test(x)))
      expect(types).toContain(`<Override PartName="/${p}" ContentType="${CONTENT_TYPE.chart}"/>`);
  });
});

describe("package edits", () => {
  it("puts <drawing> before the elements the schema orders after it", () => {
    const xml =
      '<worksheet xmlns="m" xmlns:r="r"><sheetData/><pageMargins/><pageSetup/><legacyDrawing r:id="rId1"/>' +
      '<tableParts count="0"/></worksheet>';
    expect(insertDrawingElement(xml, "rId2")).toBe(
      '<worksheet xmlns="m" xmlns:r="r"><sheetData/><pageMargins/><pageSetup/><drawing r:id="rId2"/>' +
        '<legacyDrawing r:id="rId1"/><tableParts count="0"/></worksheet>',
    );
    expect(() => insertDrawingElement('<worksheet><drawing r:id="x"/></worksheet>', "rId1")).toThrow();
  });

  it("keeps a sheet's relationships and picks unused ids and part numbers", () => {
    const parts: Record<string, string> = {
      "[Content_Types].xml": "<Types></Types>",
      "xl/workbook.xml":
        '<workbook><sheets><sheet name="A &amp; B" sheetId="1" r:id="rId7"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels":
        '<Relationships><Relationship Id="rId7" Type="t" Target="worksheets/s.xml"/></Relationships>',
      "xl/worksheets/s.xml": '<worksheet xmlns:r="r"><sheetData/></worksheet>',
      "xl/worksheets/_rels/s.xml.rels":
        '<Relationships><Relationship Id="rId1" Type="h" Target="x"/></Relationships>',
      "xl/charts/chart1.xml": "<c:chartSpace/>",
    };
    const edits = chartEdits(
      [
        {
          sheet: "A & B",
          anchor: "B2",
          size: { columns: 4, rows: 10 },
          type: "line",
          title: "T <1>",
          axes: { category: "x", value: "y" },
          series: [{ name: "s", values: "'A & B'!B1:D1", categories: "'A & B'!B2:D2" }],
        },
      ],
      parts,
      () => ({ text: false }),
    );
    expect(Object.keys(edits).sort()).toEqual([
      "[Content_Types].xml",
      "xl/charts/chart2.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/worksheets/_rels/s.xml.rels",
      "xl/worksheets/s.xml",
    ]);
    expect(edits["xl/worksheets/_rels/s.xml.rels"]).toContain('Id="rId1" Type="h"');
    expect(edits["xl/worksheets/_rels/s.xml.rels"]).toContain('Id="rId2"');
    expect(edits["xl/worksheets/s.xml"]).toContain('<drawing r:id="rId2"/></worksheet>');
    expect(edits["xl/charts/chart2.xml"]).toContain("<c:f>'A &amp; B'!$B$1:$D$1</c:f>");
    expect(edits["xl/charts/chart2.xml"]).toContain("T &lt;1&gt;");
    const anchor = edits["xl/drawings/drawing1.xml"];
    expect(anchor).toContain("<xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>");
    expect(anchor).toContain("<xdr:to><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>11</xdr:row>");
    for (const [path, text] of Object.entries(edits))
      if (path !== "xl/worksheets/s.xml") parseXml(text, path);
    expect(parseA1("B2")).toEqual({ row: 1, col: 1 });
  });
});

describe("LibreOffice Calc reads the charts back", () => {
  beforeAll(() => requireSoffice());

  it.each(["portable", "addin"] as FormulaMode[])(
    "%s: converted to .ods, every chart is an embedded chart object",
    async (mode) => {
      // Without cached values, so Calc must take the data from the cells.
      const { plan, bytes } = await workbook(mode, false);
      const dir = mkdtempSync(join(tmpdir(), "mso-charts-"));
      const xlsx = join(dir, "model.xlsx");
      writeFileSync(xlsx, bytes);
      const r = spawnSync(
        requireSoffice(),
        [
          "--headless",
          `-env:UserInstallation=file://${mkdtempSync(join(tmpdir(), "lo-profile-"))}`,
          "--convert-to",
          "ods",
          "--outdir",
          dir,
          xlsx,
        ],
        { encoding: "utf8", timeout: 120000 },
      );
      expect(r.status).toBe(0);
      const ods = await JSZip.loadAsync(readFileSync(join(dir, "model.ods")));
      const content = await ods.file("content.xml")!.async("string");
      const objects = [...content.matchAll(/<draw:object\b[^>]*xlink:href="\.\/([^"]+)"/g)].map((m) => m[1]);
      expect(objects).toHaveLength(plan.charts.length);
      // The charts sit on the Summary sheet.
      const summary = content.slice(content.indexOf('<table:table table:name="Summary"'));
      expect(summary.slice(0, summary.indexOf("</table:table>")).match(/<draw:object\b/g)).toHaveLength(
        plan.charts.length,
      );
      const titles: string[] = [];
      for (const obj of objects) {
        const chart = await ods.file(`${obj}/content.xml`)!.async("string");
        expect(chart).toContain("<chart:chart");
        // Series keep their cell ranges (Calc's own syntax, e.g. Summary.B31:Summary.B33 or $'PC – …'.…).
        expect(chart).toMatch(/chart:values-cell-range-address="[^"]+"/);
        const title = /<chart:title\b[^>]*>\s*<text:p>([^<]*)<\/text:p>/.exec(chart);
        titles.push(title ? title[1] : "");
      }
      expect(titles.sort()).toEqual(plan.charts.map((c) => c.title).sort());
    },
  );
});
