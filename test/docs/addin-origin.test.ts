// ADDIN_ORIGIN is where dist/ will be served from: scripts/addin-origin.js checks and normalises it,
// and webpack.config.js rewrites the manifest, functions.json's help links and the help pages with it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";
import { ROOT, devOrigin, webpackConfig } from "../helpers/build-config";

const { normaliseOrigin, rewriteOrigin, AddinOriginPlugin } = require("../../scripts/addin-origin");

const DEV = "https://localhost:3000/";

describe("normaliseOrigin", () => {
  test.each([
    [undefined, DEV],
    ["", DEV],
    ["   ", DEV],
    ["https://addin.example.com", "https://addin.example.com/"],
    ["https://addin.example.com/", "https://addin.example.com/"],
    ["  https://addin.example.com/mso-modeler  ", "https://addin.example.com/mso-modeler/"],
    ["HTTPS://Addin.Example.COM:8443/Path", "https://addin.example.com:8443/Path/"],
    ["http://localhost:3000", "http://localhost:3000/"],
    ["http://127.0.0.1:8080/x/", "http://127.0.0.1:8080/x/"],
  ])("%j → %s", (raw, want) => {
    expect(normaliseOrigin(raw, DEV)).toBe(want);
  });

  test.each([
    ["addin.example.com", /not an absolute URL.*https:\/\/addin\.example\.com\//],
    ["http://addin.example.com/", /must use https/],
    ["ftp://addin.example.com/", /must use https/],
    ["https://user:secret@addin.example.com/", /user name or password/],
    ["https://addin.example.com/?v=2", /query/],
    ["https://addin.example.com/#top", /fragment/],
    ["not a url at all", /not an absolute URL/],
  ])("%j is refused with a message that says why", (raw, message) => {
    expect(() => normaliseOrigin(raw, DEV)).toThrow(message);
  });

  test("rewriteOrigin replaces every occurrence and leaves the text alone for the same origin", () => {
    const text = `${DEV}a.png ${DEV}b.html`;
    expect(rewriteOrigin(text, DEV, "https://x.test/m/")).toBe(
      "https://x.test/m/a.png https://x.test/m/b.html",
    );
    expect(rewriteOrigin(text, DEV, DEV)).toBe(text);
  });
});

describe("webpack.config.js with ADDIN_ORIGIN", () => {
  const saved = process.env.ADDIN_ORIGIN;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_ORIGIN;
    else process.env.ADDIN_ORIGIN = saved;
  });

  /** dist/manifest.xml as the config's copy step writes it. */
  function builtManifest(): string {
    const copy = webpackConfig().plugins.find((p) => "patterns" in p) as unknown as {
      patterns: { to?: string; transform?: (content: Buffer, file: string) => string | Buffer }[];
    };
    const pattern = copy.patterns.find((p) => p.to === "manifest.xml");
    if (!pattern?.transform)
      throw new Error("webpack.config.js no longer copies manifest.xml with a transform");
    const source = fs.readFileSync(path.join(ROOT, "manifest.xml"));
    return pattern.transform(source, path.join(ROOT, "manifest.xml")).toString();
  }
  const urls = (xml: string) => [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);

  test("an origin without a trailing slash gives well-formed URLs (issue: …example.comassets/icon-16.png)", () => {
    process.env.ADDIN_ORIGIN = "https://addin.example.com";
    const found = urls(builtManifest());
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((u) => !u.startsWith("https://addin.example.com/"))).toEqual([]);
    expect(found).toContain("https://addin.example.com/assets/icon-16.png");
    expect(found).toContain("https://addin.example.com/support.html");
  });

  test("a bad origin stops the build with the reason", () => {
    process.env.ADDIN_ORIGIN = "http://addin.example.com";
    expect(() => webpackConfig()).toThrow(/ADDIN_ORIGIN .* must use https/);
  });

  test("no ADDIN_ORIGIN: the dev server's origin, manifest unchanged", () => {
    delete process.env.ADDIN_ORIGIN;
    expect(builtManifest()).toBe(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    expect(devOrigin()).toBe(DEV);
  });
});

describe("AddinOriginPlugin in a webpack compilation", () => {
  test("rewrites the dev origin in functions.json and the help pages, and nothing else", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "addin-origin-"));
    fs.writeFileSync(path.join(dir, "entry.js"), "globalThis.x = 1;\n");
    const emitted = {
      "functions.json": JSON.stringify({
        functions: [{ id: "A.B", helpUrl: `${DEV}docs/functions.html#ab` }],
      }),
      "docs/functions.html": `<a href="${DEV}support.html">s</a>`,
      "other.txt": `${DEV}left-alone`,
    };
    const emit = {
      apply(compiler: webpack.Compiler) {
        compiler.hooks.thisCompilation.tap("emit", (compilation) => {
          compilation.hooks.processAssets.tap(
            { name: "emit", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
            () => {
              for (const [name, text] of Object.entries(emitted))
                compilation.emitAsset(name, new webpack.sources.RawSource(text));
            },
          );
        });
      },
    };
    const compiler = webpack({
      mode: "none",
      context: dir,
      entry: "./entry.js",
      output: { path: path.join(dir, "out") },
      plugins: [
        emit,
        new AddinOriginPlugin({
          from: DEV,
          to: "https://addin.example.com/m/",
          files: /^(functions\.json|support\.html|docs\/.*\.html)$/,
        }),
      ],
    });
    await new Promise<void>((resolve, reject) =>
      compiler.run((err, stats) =>
        err || stats?.hasErrors() ? reject(err ?? stats?.toString()) : resolve(),
      ),
    );
    const out = (name: string) => fs.readFileSync(path.join(dir, "out", name), "utf8");
    expect(JSON.parse(out("functions.json")).functions[0].helpUrl).toBe(
      "https://addin.example.com/m/docs/functions.html#ab",
    );
    expect(out("docs/functions.html")).toBe('<a href="https://addin.example.com/m/support.html">s</a>');
    expect(out("other.txt")).toBe(`${DEV}left-alone`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
