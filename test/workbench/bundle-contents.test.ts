// The Excel add-in's bundles (what taskpane.html and functions.html load) carry neither HyperFormula
// (GPL-3.0, about 1 MB) nor ExcelJS: only the workbench loads them, its workbook worker and a lazy
// chunk. Checked on the built files in dist/ (npm test builds first), by strings each library
// itself contains; the same strings must be found in the workbench's files, so the check can fail.
import fs from "node:fs";
import path from "node:path";
import { DIST } from "../helpers/build-config";

const MARKERS = {
  HyperFormula: ["HyperFormula", "buildFromSheets"],
  ExcelJS: ["xl/worksheets/sheet", "sharedStrings.xml"],
};

function read(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) throw new Error(`dist/${name} is missing: run npm run build`);
  return fs.readFileSync(file, "utf8");
}

/** The scripts an HTML page of dist/ loads from dist/ (Microsoft's CDN excluded). */
function scriptsOf(page: string): string[] {
  return [...read(page).matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
}

const allJs = () => fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));

describe.each(Object.entries(MARKERS))("%s", (library, markers) => {
  test.each(["taskpane.html", "functions.html"])(`is in no script %s loads`, (page) => {
    const scripts = scriptsOf(page);
    expect(scripts.length).toBeGreaterThan(0);
    const found = scripts.flatMap((s) => markers.filter((m) => read(s).includes(m)).map((m) => `${s}: ${m}`));
    expect(found).toEqual([]);
  });

  test("is in the workbench's files (the markers are real)", () => {
    const workbench = allJs().filter((f) => !["taskpane.js", "functions.js"].includes(f));
    for (const m of markers)
      expect({ marker: m, found: workbench.some((f) => read(f).includes(m)) }).toEqual({
        marker: m,
        found: true,
      });
  });
});

test("the workbench page loads its own bundle only, not the add-in's", () => {
  expect(scriptsOf("index.html")).toEqual(["workbench.js"]);
});

test("the task pane bundle does not import the workbench or a Web Worker", () => {
  expect(read("taskpane.js")).not.toContain("MSO Modeler workbench");
  expect(read("taskpane.js")).not.toMatch(/new Worker\(/);
});
