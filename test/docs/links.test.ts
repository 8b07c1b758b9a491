// Links between the project's Markdown files must lead somewhere: the file exists, and an #anchor
// names one of its headings (GitHub's anchors, as scripts/markdown.js makes them for dist/docs/).
import fs from "node:fs";
import path from "node:path";

const { slug } = require("../../scripts/markdown");

const ROOT = path.join(__dirname, "..", "..");
const DOCS = [
  "README.md",
  "CONTRIBUTING.md",
  "CHANGELOG.md",
  ...fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Heading anchors of a Markdown file, numbered like GitHub's for repeated headings. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of fs.readFileSync(path.join(ROOT, file), "utf8").split("\n")) {
    if (/^```/.test(line)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

describe.each(DOCS)("%s", (file) => {
  test("every relative link resolves to a file, and every #anchor to a heading", () => {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8").replace(/```[\s\S]*?```/g, "");
    const problems: string[] = [];
    for (const m of text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
      const href = m[1];
      if (/^[a-z]+:/i.test(href)) continue;
      const [target, hash] = href.split("#");
      const resolved =
        target === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      if (!fs.existsSync(path.join(ROOT, resolved))) {
        problems.push(`${href}: no file ${resolved}`);
        continue;
      }
      if (hash && resolved.endsWith(".md") && !anchors(resolved).has(hash))
        problems.push(`${href}: no heading #${hash} in ${resolved}`);
    }
    expect(problems).toEqual([]);
  });
});
