/**
 * A small static server for dist/ (the workbench at `/`, the add-in's pages and manifest beside
 * it), over HTTPS with a certificate made on first use, or plain HTTP. Used by `npm start` and the
 * browser tests; no network access, no dependencies beyond Node and selfsigned.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

export interface Certificate {
  key: string;
  cert: string;
  /** Where it came from: Office's trusted dev certificate, or our own self-signed one. */
  source: string;
}

/**
 * Office's dev certificate if `npx office-addin-dev-certs install` made one (the OS trusts it, as
 * Excel desktop requires); otherwise a self-signed one for localhost, made once without sudo and
 * kept under ~/.cache/mso-modeler/ (the browser asks once to accept it).
 */
export async function devCertificate(home = os.homedir()): Promise<Certificate> {
  const office = path.join(home, ".office-addin-dev-certs");
  if (existsSync(path.join(office, "localhost.key")) && existsSync(path.join(office, "localhost.crt"))) {
    return {
      key: readFileSync(path.join(office, "localhost.key"), "utf8"),
      cert: readFileSync(path.join(office, "localhost.crt"), "utf8"),
      source: office,
    };
  }
  const dir = path.join(process.env.XDG_CACHE_HOME || path.join(home, ".cache"), "mso-modeler", "dev-cert");
  const keyFile = path.join(dir, "localhost.key");
  const certFile = path.join(dir, "localhost.crt");
  if (existsSync(keyFile) && existsSync(certFile)) {
    return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8"), source: dir };
  }
  const { generate } = await import("selfsigned");
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 2);
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    notAfterDate: notAfter,
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
    ],
  });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert, source: dir };
}

export interface Served {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `root` on `port` (0 = any free port) of localhost. */
export async function serveStatic(options: {
  root: string;
  port: number;
  certificate?: Certificate | null;
  host?: string;
}): Promise<Served> {
  const root = path.resolve(options.root);
  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "index.html";
    const file = path.resolve(root, `.${rel}`);
    // Never outside dist/.
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`Not found: ${rel}`);
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
      // Excel loads the add-in's pages from another origin.
      "Access-Control-Allow-Origin": "*",
    });
    res.end(readFileSync(file));
  };
  const server = options.certificate
    ? https.createServer({ key: options.certificate.key, cert: options.certificate.cert }, handler)
    : http.createServer(handler);
  const host = options.host ?? "localhost";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.certificate ? "https" : "http"}://localhost:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
