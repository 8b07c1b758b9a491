// Where the built add-in will be served from. `ADDIN_ORIGIN=https://addin.example.com npm run build`
// rewrites every dev-server URL in dist/ (the manifest, functions.json's help links, the help
// pages) to it, so it is checked here before anything is written: Office loads add-ins only over
// HTTPS, and a missing trailing slash would glue "assets/icon-16.png" onto the host name.

/** Host names a developer's own machine answers to; only these may use plain http (Office still wants https). */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * `raw` (ADDIN_ORIGIN) as an absolute https URL ending in "/", or `fallback` when it is unset or
 * blank. Throws an Error that says what is wrong and what to give instead.
 */
function normaliseOrigin(raw, fallback) {
  if (raw === undefined || raw === null || String(raw).trim() === "") return fallback;
  const text = String(raw).trim();
  const example = "e.g. ADDIN_ORIGIN=https://addin.example.com/ (or https://example.com/mso-modeler/)";
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(
      `ADDIN_ORIGIN "${text}" is not an absolute URL; give the https address dist/ is served from, ${example}`,
    );
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)))
    throw new Error(
      `ADDIN_ORIGIN "${text}" must use https: Office loads add-ins only over HTTPS (plain http is accepted for localhost alone), ${example}`,
    );
  if (url.username || url.password)
    throw new Error(`ADDIN_ORIGIN "${text}" must not carry a user name or password`);
  if (url.search || url.hash || text.includes("?") || text.includes("#"))
    throw new Error(
      `ADDIN_ORIGIN "${text}" must not have a query (?…) or fragment (#…): it is the folder dist/ is served from`,
    );
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `${url.protocol}//${url.host}${path}`;
}

/** `text` with every occurrence of the `from` origin replaced by `to`. */
function rewriteOrigin(text, from, to) {
  return from === to ? text : text.split(from).join(to);
}

/**
 * Rewrites the dev origin in the emitted files whose names match `files` (functions.json's help
 * URLs, the help pages). The manifest is rewritten where it is copied (webpack.config.js).
 */
class AddinOriginPlugin {
  constructor({ from, to, files }) {
    this.from = from;
    this.to = to;
    this.files = files;
  }

  apply(compiler) {
    if (this.from === this.to) return;
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("AddinOriginPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AddinOriginPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        (assets) => {
          for (const name of Object.keys(assets).filter((n) => this.files.test(n))) {
            const text = assets[name].source().toString();
            compilation.updateAsset(name, new sources.RawSource(rewriteOrigin(text, this.from, this.to)));
          }
        },
      );
    });
  }
}

module.exports = { normaliseOrigin, rewriteOrigin, AddinOriginPlugin };
