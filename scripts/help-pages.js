// The help the add-in ships with, emitted into dist/ by the build:
//   support.html         the support page (manifest SupportUrl and LearnMoreUrl): help,
//                        troubleshooting, privacy, updates, versions — from src/support/support.html
//   docs/functions.html  docs/functions.md rendered; each function's helpUrl points at its heading
//   docs/model.html      docs/model.md rendered
// Rendered at build time from the Markdown in the repository, so the pages cannot drift from it.
// URLs are written with the dev origin and rewritten for ADDIN_ORIGIN with everything else.
const fs = require("fs");
const path = require("path");
const { renderMarkdown, slug, escapeHtml } = require("./markdown");

const ROOT = path.join(__dirname, "..");
const read = (file) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** Docs rendered to pages: source Markdown → emitted HTML (relative to dist/). */
const DOC_PAGES = [
  { source: "docs/functions.md", page: "docs/functions.html", title: "MSO Modeler — function reference" },
  { source: "docs/model.md", page: "docs/model.html", title: "MSO Modeler — the MSO/PC model" },
];

/** The function ids of docs/functions.md: its `### NAME.NAME` headings, in order. */
function documentedFunctions(markdown = read("docs/functions.md")) {
  return [...markdown.matchAll(/^###\s+`?([A-Z]+\.[A-Z0-9]+)`?\s*$/gm)].map((m) => m[1]);
}

/** Where Excel's "Help on this function" goes for `id`, under `origin` (ending in "/"). */
function helpUrl(origin, id) {
  return `${origin}docs/functions.html#${slug(id)}`;
}

/** The version the add-in declares in manifest.xml (<Version>1.2.3.4</Version>). */
function manifestVersion(xml = read("manifest.xml")) {
  return /<Version>([^<]+)<\/Version>/.exec(xml)?.[1] ?? "unknown";
}

/** Links between docs: another rendered doc → its page; anything else in the repository is left alone. */
function linkMap(fromPage) {
  return (href) => {
    const [file, hash] = href.split("#");
    const target = DOC_PAGES.find(
      (d) => path.basename(d.source) === path.basename(file) && file.endsWith(".md"),
    );
    if (!target) return href;
    const rel = path.posix.relative(path.posix.dirname(fromPage), target.page) || path.basename(target.page);
    return hash ? `${rel}#${hash}` : rel;
  };
}

function page(title, body, css) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <style>
${css}
    </style>
  </head>
  <body>
    <main>
${body}
    </main>
  </body>
</html>
`;
}

/** Every page this module emits, by dist/-relative name. */
function helpPages({ version }) {
  const css = read("src/support/help.css");
  const pages = {};
  for (const d of DOC_PAGES) {
    const nav = `<p class="nav"><a href="../support.html">Support</a> · <a href="functions.html">Function reference</a> · <a href="model.html">The model</a></p>`;
    pages[d.page] = page(d.title, `${nav}\n${renderMarkdown(read(d.source), linkMap(d.page))}`, css);
  }
  const functions = documentedFunctions()
    .map((id) => `<li><a href="docs/functions.html#${slug(id)}"><code>${id}</code></a></li>`)
    .join("");
  const body = read("src/support/support.html")
    .replace(/\{\{version\}\}/g, escapeHtml(version))
    .replace(/\{\{manifestVersion\}\}/g, escapeHtml(manifestVersion()))
    .replace(/\{\{functions\}\}/g, `<ul class="functions">${functions}</ul>`);
  const unknown = /\{\{\w+\}\}/.exec(body);
  if (unknown) throw new Error(`src/support/support.html: unknown placeholder ${unknown[0]}`);
  pages["support.html"] = page("MSO Modeler — support", body, css);
  return pages;
}

/** Emits helpPages() into the compilation, and rebuilds them when their sources change. */
class HelpPagesPlugin {
  constructor(options) {
    this.options = options;
  }

  /** The dist/-relative names of the pages this plugin emits. */
  pageNames() {
    return ["support.html", ...DOC_PAGES.map((d) => d.page)];
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const file of [
            ...DOC_PAGES.map((d) => d.source),
            "src/support/support.html",
            "src/support/help.css",
            "manifest.xml",
          ])
            compilation.fileDependencies.add(path.join(ROOT, file));
          for (const [name, html] of Object.entries(helpPages(this.options)))
            compilation.emitAsset(name, new sources.RawSource(html));
        },
      );
    });
  }
}

module.exports = { HelpPagesPlugin, helpPages, helpUrl, documentedFunctions, manifestVersion, DOC_PAGES };
