// The Excel pane's bundle must not carry HyperFormula or ExcelJS (DESIGN.md: panels talk to a host,
// never to a library). Follows every import reachable from the pane's entry, as the bundler would.
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.resolve(__dirname, "..", "..", "src");
const FORBIDDEN = ["hyperformula", "exceljs", "jszip"];

function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ])
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

/** Every file and package the entry reaches through static and dynamic imports. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    if (!/\.(ts|tsx)$/.test(f)) continue;
    for (const spec of specifiers(fs.readFileSync(f, "utf8"))) {
      if (spec.startsWith(".")) {
        const r = resolve(f, spec);
        if (!r) throw new Error(`${path.relative(SRC, f)} imports ${spec}, which does not resolve`);
        todo.push(r);
      } else packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
    }
  }
  return { files, packages };
}

test("the scanner follows relative imports and names packages", () => {
  const { files, packages } = reach(path.join(SRC, "taskpane", "index.tsx"));
  expect([...files].some((f) => f.endsWith(path.join("panels", "model", "ModelPanel.tsx")))).toBe(true);
  expect([...files].some((f) => f.endsWith(path.join("model", "build.ts")))).toBe(true);
  expect(packages.has("@fluentui/react-components")).toBe(true);
  expect(packages.has("zod")).toBe(true);
});

test("nothing the task pane reaches imports HyperFormula, ExcelJS or the HyperFormula/xlsx hosts", () => {
  const { files, packages } = reach(path.join(SRC, "taskpane", "index.tsx"));
  expect(FORBIDDEN.filter((p) => packages.has(p))).toEqual([]);
  const hosts = [...files]
    .map((f) => path.relative(SRC, f))
    .filter((f) => /^workbook\/(hyperformula|xlsx|addin-plugin)/.test(f.split(path.sep).join("/")));
  expect(hosts).toEqual([]);
});

// DESIGN.md: the UI talks to a host. Only src/workbook/ touches the Excel API's globals (Excel.run,
// Office.context.requirements); the pane's entry may read Office.onReady and the Office theme.
test("no file of the task pane or the workbench uses the Excel API's globals", () => {
  const offenders: string[] = [];
  for (const dir of ["taskpane", "workbench"])
    for (const f of fs.readdirSync(path.join(SRC, dir), { recursive: true }) as string[]) {
      if (!/\.(ts|tsx)$/.test(f)) continue;
      const code = fs
        .readFileSync(path.join(SRC, dir, f), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      if (/\bExcel\.[A-Za-z]|typeof\s+Excel\b|Office\.context\.requirements/.test(code))
        offenders.push(`${dir}/${f}`);
    }
  expect(offenders).toEqual([]);
});
