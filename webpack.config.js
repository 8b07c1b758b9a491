// Builds the add-in into dist/: functions.js + functions.json (Excel custom functions), the task pane
// page, the icons and the manifest. Shared runtime: taskpane.html loads both bundles, and the manifest
// points the custom functions' Page at it. Also the workbench (index.html + workbench.js and its
// worker): the pane beside an in-browser HyperFormula workbook, for use without Excel. It is its own
// entry so Excel's bundles never carry HyperFormula (GPL-3.0, ~1 MB) or ExcelJS.
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { AddinOriginPlugin, normaliseOrigin } = require("./scripts/addin-origin");
const { HelpPagesPlugin } = require("./scripts/help-pages");

/** The dev server's origin; manifest.xml's URLs must use it (test/manifest.test.ts checks). */
const DEV_PORT = 3000;
const DEV_ORIGIN = `https://localhost:${DEV_PORT}/`;
// office.js must come from Microsoft's CDN (the store rejects a bundled copy).
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * HTTPS for the dev server. Excel desktop only loads add-ins from a certificate the OS trusts: after
 * `npx office-addin-dev-certs install` (needs admin/sudo, optional) its certificate is used; otherwise
 * webpack-dev-server makes a self-signed one, which a browser can be told to trust (Excel on the web).
 */
function devHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (!["localhost.key", "localhost.crt", "ca.crt"].every((name) => fs.existsSync(file(name))))
    return "https";
  return {
    type: "https",
    options: { key: file("localhost.key"), cert: file("localhost.crt"), ca: file("ca.crt") },
  };
}

module.exports = () => {
  // Optional production origin: `ADDIN_ORIGIN=https://addin.example.com/ npm run build` rewrites the
  // manifest copied to dist/; the checked-in manifest.xml always targets the dev server.
  // Validated and normalised (https, trailing slash) by scripts/addin-origin.js; a bad value stops the build.
  const origin = normaliseOrigin(process.env.ADDIN_ORIGIN, DEV_ORIGIN);

  return {
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      workbench: "./src/workbench/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // The workbench's worker and its lazily loaded ExcelJS chunk.
      chunkFilename: "[name].[contenthash:8].js",
      // Excel's JavaScript-only runtime has no `self` or `window`; `globalThis` exists everywhere.
      globalObject: "globalThis",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // xlsx.ts's writeXlsx (Node only) imports fs lazily; the browser build never calls it.
      fallback: { "fs/promises": false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Only the bundled files: a half-written test elsewhere in the tree must not break the build
          // (`npm run typecheck` covers the whole project).
          // Type-checking is `npm run typecheck`'s job (the whole project, once); checking again per
          // entry here made a production build take minutes on a shared two-core machine.
          options: { onlyCompileBundledFiles: true, transpileOnly: true },
        },
      ],
    },
    optimization: {
      // One self-contained file per entry: functions.js must load on its own, with no runtime chunk.
      runtimeChunk: false,
      // Only lazily loaded task pane code is ever split off; entry chunks never are.
      splitChunks: { chunks: "async" },
    },
    performance: {
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      // The workbench carries HyperFormula and ExcelJS on purpose; the limits guard Excel's bundles.
      assetFilter: (file) => /^(functions|taskpane)\.js$/.test(file),
    },
    plugins: [
      // Generates functions.json from the JSDoc tags and appends the CustomFunctions.associate calls.
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: { officeJs: OFFICE_JS },
        // functions first, so the functions are associated before the UI starts.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      // A page with the functions alone, for hosts or tools that load them without the task pane.
      new HtmlWebpackPlugin({
        filename: "functions.html",
        templateContent: `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>MSO Modeler functions</title>
    <script src="${OFFICE_JS}"></script>
  </head>
  <body></body>
</html>
`,
        chunks: ["functions"],
      }),
      // The workbench at the server's root: the pane beside a grid, no Office needed.
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
      }),
      // support.html and docs/*.html (the manifest's support links and each function's helpUrl).
      new HelpPagesPlugin({ version: require("./package.json").version }),
      new AddinOriginPlugin({
        from: DEV_ORIGIN,
        to: origin,
        files: /^(functions\.json|support\.html|docs\/.*\.html)$/,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              origin === DEV_ORIGIN ? content : content.toString().split(DEV_ORIGIN).join(origin),
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      server: devHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      // No injected client: its live-reload code would land in functions.js too, which has to load
      // where there is no `self`, `window` or `location`. Reload the task pane by hand.
      hot: false,
      liveReload: false,
      client: false,
      webSocketServer: false,
      devMiddleware: { writeToDisk: false },
    },
  };
};

module.exports.DEV_PORT = DEV_PORT;
module.exports.OFFICE_JS = OFFICE_JS;
