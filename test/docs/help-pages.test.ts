/**
 * @jest-environment jsdom
 */
// The help shipped in dist/ (scripts/help-pages.js): the support page the manifest links to, and the
// function reference each function's helpUrl opens. Checked on the built files, parsed as HTML.
import fs from "node:fs";
import path from "node:path";
import { DIST, ROOT, devOrigin } from "../helpers/build-config";

const { helpUrl, documentedFunctions, manifestVersion } = require("../../scripts/help-pages");
const { renderMarkdown, slug } = require("../../scripts/markdown");

function dist(name: string): string {
  const file = path.join(DIST, name);
  if (!fs.existsSync(file)) throw new Error(`dist/${name} is missing: run npm run build`);
  return fs.readFileSync(file, "utf8");
}
const html = (name: string) => new DOMParser().parseFromString(dist(name), "text/html");
const ids = (doc: Document) => new Set([...doc.querySelectorAll("[id]")].map((e) => e.id));
interface Meta {
  functions: { id: string; helpUrl?: string }[];
}

describe("helpUrl: Excel's 'Help on this function' opens the function's entry", () => {
  const meta = JSON.parse(dist("functions.json")) as Meta;
  const reference = html("docs/functions.html");

  test("every function in functions.json has a helpUrl on the add-in's origin, at its own heading", () => {
    const wrong = meta.functions
      .filter(
        (f) => f.helpUrl !== `${devOrigin()}docs/functions.html#${f.id.toLowerCase().replace(/\./g, "")}`,
      )
      .map((f) => `${f.id}: ${f.helpUrl}`);
    expect(wrong).toEqual([]);
    expect(meta.functions.map((f) => f.helpUrl)).toEqual(
      meta.functions.map((f) => helpUrl(devOrigin(), f.id)),
    );
  });

  test("each helpUrl's anchor is a heading of the built reference page naming that function", () => {
    for (const f of meta.functions) {
      const anchor = (f.helpUrl ?? "").split("#")[1];
      const heading = reference.getElementById(anchor);
      expect({ id: f.id, heading: heading?.tagName, text: heading?.textContent }).toEqual({
        id: f.id,
        heading: "H3",
        text: f.id,
      });
    }
  });

  test("docs/functions.md documents exactly the functions the bundle declares", () => {
    expect([...documentedFunctions()].sort()).toEqual(meta.functions.map((f) => f.id).sort());
  });

  test("the README's function table lists the same functions, in the reference's order", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const listed = [...readme.matchAll(/^\| `([A-Z]+\.[A-Z0-9]+)\(/gm)].map((m) => m[1]);
    expect(listed).toEqual(documentedFunctions());
  });
});

describe("dist/support.html", () => {
  const doc = html("support.html");
  const text = doc.body.textContent ?? "";

  test("is the manifest's SupportUrl and GetStarted LearnMoreUrl", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(/<SupportUrl DefaultValue="([^"]+)"/.exec(manifest)?.[1]).toBe(`${devOrigin()}support.html`);
    expect(/<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="([^"]+)"/.exec(manifest)?.[1]).toBe(
      `${devOrigin()}support.html`,
    );
  });

  test("covers help, troubleshooting (#NAME?, #BUSY!, certificates, cache, office.js blocked), privacy, updates, versions", () => {
    for (const id of [
      "help",
      "troubleshooting",
      "name-error",
      "busy",
      "certificate",
      "proxy",
      "cache",
      "privacy",
      "updates",
      "versions",
    ])
      expect({ id, present: ids(doc).has(id) }).toEqual({ id, present: true });
    expect(text).toMatch(/ReadWriteDocument/);
    expect(text).toMatch(/appsforoffice\.microsoft\.com/);
    expect(text).toMatch(/not tax or legal advice/);
  });

  test("states the versions of package.json and manifest.xml", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const row = [...doc.querySelectorAll("#versions ~ table tr")].find((tr) =>
      /Add-in/.test(tr.textContent ?? ""),
    );
    expect(row?.textContent).toContain(`${pkg.version} (manifest ${manifestVersion()})`);
    expect(manifestVersion()).toMatch(/^\d+(\.\d+){1,3}$/);
  });

  test("its source names no dev-server URL, which an ADDIN_ORIGIN build would rewrite to the production host", () => {
    expect(fs.readFileSync(path.join(ROOT, "src", "support", "support.html"), "utf8")).not.toContain(
      devOrigin(),
    );
  });

  test("lists every documented function with a link to its entry", () => {
    const links = [...doc.querySelectorAll("ul.functions a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(documentedFunctions().map((id: string) => `docs/functions.html#${slug(id)}`));
  });

  test("every link inside the help resolves to a page the build emits, and to an element on it", () => {
    const problems: string[] = [];
    for (const page of ["support.html", "docs/functions.html", "docs/model.html"]) {
      for (const a of html(page).querySelectorAll("a[href]")) {
        const href = a.getAttribute("href") ?? "";
        if (/^[a-z]+:/i.test(href)) continue;
        const [file, hash] = href.split("#");
        const target =
          file === "" ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), file));
        if (!fs.existsSync(path.join(DIST, target))) {
          // Links to the repository's own files (README, LICENSE) from the docs are not served.
          if (!/^docs\//.test(page) || /\.html$/.test(target))
            problems.push(`${page}: ${href} → no dist/${target}`);
          continue;
        }
        if (hash && /\.html$/.test(target) && !ids(html(target)).has(hash))
          problems.push(`${page}: ${href} → no #${hash}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("loads nothing from the network: no scripts, stylesheets, images or frames (privacy)", () => {
    for (const page of ["support.html", "docs/functions.html", "docs/model.html"]) {
      const d = html(page);
      const loads = [...d.querySelectorAll("script, link[rel=stylesheet], img, iframe, object, embed")].map(
        (e) => e.outerHTML,
      );
      expect({ page, loads }).toEqual({ page, loads: [] });
      expect(dist(page)).not.toMatch(/url\(\s*["']?https?:/);
    }
  });
});

describe("privacy: the add-in's code makes no network requests of its own", () => {
  // The support page says nothing is fetched but office.js (loaded by taskpane.html's script tag).
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|js|html)$/.test(e.name)) files.push(p);
    }
  };
  walk(path.join(ROOT, "src"));

  test("src/ calls no fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon or remote import", () => {
    const pattern =
      /\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|new\s+EventSource|sendBeacon|importScripts\s*\(\s*["'`]https?:/;
    const found = files
      .filter((f) => pattern.test(fs.readFileSync(f, "utf8").replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, "")))
      .map((f) => path.relative(ROOT, f));
    expect(found).toEqual([]);
    expect(files.length).toBeGreaterThan(10);
  });
});

describe("renderMarkdown (the subset the docs use)", () => {
  test("headings get GitHub's anchors", () => {
    expect(slug("MSA.COSTPLUS")).toBe("msacostplus");
    expect(slug("MSA — management services agreement fees")).toBe("msa--management-services-agreement-fees");
    expect(slug("`pcs[]` — each item")).toBe("pcs--each-item");
    expect(renderMarkdown("## A b\n\n## A b")).toBe('<h2 id="a-b">A b</h2>\n<h2 id="a-b-1">A b</h2>');
  });

  test("paragraphs, inline code, bold, italics and links; HTML is escaped", () => {
    expect(
      renderMarkdown("Use `=A<B` and **bold** and *it* [x](model.md#y)\nnext <b>", (h: string) =>
        h.replace(".md", ".html"),
      ),
    ).toBe(
      '<p>Use <code>=A&lt;B</code> and <strong>bold</strong> and <em>it</em> <a href="model.html#y">x</a> next &lt;b&gt;</p>',
    );
  });

  test("tables with alignment and escaped pipes; lists; fenced code; rules; comments dropped", () => {
    const md = [
      "| a | b |",
      "|---|---:|",
      "| `x\\|y` | 2 |",
      "",
      "- one",
      "  more",
      "- two",
      "",
      "1. first",
      "2. second",
      "",
      "```sh",
      "npm run x <y>",
      "```",
      "---",
      "<!-- hidden -->",
    ].join("\n");
    expect(renderMarkdown(md)).toBe(
      [
        "<table>",
        '<thead><tr><th>a</th><th style="text-align:right">b</th></tr></thead>',
        '<tbody><tr><td><code>x|y</code></td><td style="text-align:right">2</td></tr></tbody>',
        "</table>",
        "<ul><li>one more</li><li>two</li></ul>",
        "<ol><li>first</li><li>second</li></ol>",
        '<pre><code class="language-sh">npm run x &lt;y&gt;</code></pre>',
        "<hr />",
      ].join("\n"),
    );
  });
});
