/**
 * npm start [-- --http] [-- --port N] [-- --no-build]
 *
 * Builds the add-in and the workbench (npm run build) and serves dist/: the workbench at the root
 * of https://localhost:3000, and the Excel add-in's pages and manifest for sideloading. The
 * certificate is made on first run without sudo (see start-server.ts). `--http` (or
 * MSO_WORKBENCH_HTTP=1) serves plain http, enough for the workbench alone: Excel needs https.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { devCertificate, serveStatic } from "./start-server";

const ROOT = path.resolve(__dirname, "..");
const DEV_PORT: number = require(path.join(ROOT, "webpack.config.js")).DEV_PORT;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const plain = args.includes("--http") || /^(1|true|yes)$/i.test(process.env.MSO_WORKBENCH_HTTP ?? "");
  const portAt = args.indexOf("--port");
  const port = portAt >= 0 ? Number(args[portAt + 1]) : DEV_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port needs a port number, not ${args[portAt + 1]}`);

  if (!args.includes("--no-build")) {
    console.log("Building the add-in and the workbench (webpack, production)…");
    const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const built = spawnSync(process.execPath, [webpack, "--mode", "production"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }

  const certificate = plain ? null : await devCertificate();
  const served = await serveStatic({ root: path.join(ROOT, "dist"), port, certificate });
  const u = served.url;
  console.log(`
Workbench (the task pane and the model in your browser, no Excel needed):
  ${u}
`);
  if (certificate) {
    console.log(`Excel add-in, for sideloading (https; certificate from ${certificate.source}):
  manifest   ${u}manifest.xml   (also ./manifest.xml in the repository)
  task pane  ${u}taskpane.html
  functions  ${u}functions.html, ${u}functions.js, ${u}functions.json
The certificate is self-signed unless you ran 'npx office-addin-dev-certs install' (needs admin):
accept it once in the browser; Excel desktop needs the trusted one.
`);
  } else {
    console.log(
      "Plain http: the workbench only. Excel loads add-ins over https: run npm start without --http.\n",
    );
  }
  console.log("Ctrl+C stops the server.");
}

main().catch((e) => {
  console.error((e as Error).message);
  process.exit(1);
});
