/**
 * The engine is the pure finance core: it imports only itself and decimal.js. All decimal
 * arithmetic goes through the project's one Decimal.clone (FUNCTIONS.md): no Decimal.set (which
 * would change a shared global configuration) and no Number#toFixed (binary rounding) anywhere in src/.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const SRC = path.resolve(__dirname, "..", "..", "src");
const ENGINE = path.join(SRC, "engine");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

/** Module specifiers of import/export-from statements, dynamic import() and require(). */
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

test("the scanner sees the kinds of import it must", () => {
  expect(
    specifiers(
      `import a from "x";\nimport { b,\n c } from './y';\nexport * from "./z";\nimport "w";\nconst q = require("v");`,
    ).sort(),
  ).toEqual(["./y", "./z", "v", "w", "x"]);
});

test("src/engine imports nothing outside src/engine except decimal.js", () => {
  const engineFiles = files(ENGINE);
  expect(engineFiles.length).toBeGreaterThanOrEqual(9);
  const outside: string[] = [];
  for (const f of engineFiles) {
    for (const spec of specifiers(fs.readFileSync(f, "utf8"))) {
      if (spec === "decimal.js") continue;
      const resolved = spec.startsWith(".") ? path.resolve(path.dirname(f), spec) : null;
      if (resolved === null || !(resolved === ENGINE || resolved.startsWith(ENGINE + path.sep)))
        outside.push(`${path.relative(SRC, f)} imports ${spec}`);
    }
  }
  expect(outside).toEqual([]);
});

test("no Decimal.set( and no toFixed( anywhere in src/", () => {
  const hits: string[] = [];
  for (const f of files(SRC)) {
    fs.readFileSync(f, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (/Decimal\.set\s*\(|\.toFixed\s*\(/.test(line))
          hits.push(`${path.relative(SRC, f)}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(hits).toEqual([]);
});

test("exactly one Decimal.clone( in src/", () => {
  const count = files(SRC).reduce(
    (n, f) => n + (fs.readFileSync(f, "utf8").match(/Decimal\.clone\s*\(/g) ?? []).length,
    0,
  );
  expect(count).toBe(1);
});
