// What webpack.config.js says about the build, read from the config itself so tests compare the
// manifest and dist/ against the real settings rather than a second copy of them.
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

interface PluginLike {
  constructor: { name: string };
  userOptions?: { filename?: string };
  options?: { output?: string };
  pageNames?: () => string[];
}
interface ConfigLike {
  entry: Record<string, string>;
  devServer: { port: number; server: unknown; headers?: Record<string, string> };
  output: { globalObject?: string };
  plugins: PluginLike[];
}

export function webpackConfig(): ConfigLike {
  const factory = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => ConfigLike;
  return factory({}, { mode: "development" });
}

/** https://localhost:<port>/ of the dev server. */
export function devOrigin(): string {
  return `https://localhost:${webpackConfig().devServer.port}/`;
}

/** Files the build writes besides copied assets: entry bundles, HTML pages, functions.json. */
export function emittedFiles(): string[] {
  const config = webpackConfig();
  const files = Object.keys(config.entry).map((name) => `${name}.js`);
  for (const plugin of config.plugins) {
    if (plugin.constructor.name === "HtmlWebpackPlugin" && plugin.userOptions?.filename) {
      files.push(plugin.userOptions.filename);
    }
    if (plugin.constructor.name === "CustomFunctionsMetadataPlugin" && plugin.options?.output) {
      files.push(plugin.options.output);
    }
    if (plugin.constructor.name === "HelpPagesPlugin" && plugin.pageNames) files.push(...plugin.pageNames());
  }
  return files;
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    bytes.length < 24 ||
    !bytes.subarray(0, 8).equals(signature) ||
    bytes.toString("ascii", 12, 16) !== "IHDR"
  ) {
    throw new Error("not a PNG file");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
