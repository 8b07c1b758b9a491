#!/usr/bin/env node
// The test suite recalculates generated workbooks in LibreOffice Calc, a second spreadsheet engine
// independent of HyperFormula, and drives the workbench in Debian's Chromium (never a browser a
// test tool downloads). This makes sure both are there before any test runs: as root on Debian it
// installs the packages itself; anywhere else it stops and names what to install, so a missing tool
// is a clear failure, never a silently skipped test.
import { execSync, spawnSync } from "node:child_process";

const needs = [
  { command: "soffice", debianPackage: "libreoffice-calc-nogui", why: "recalculates exported .xlsx files" },
  { command: "chromium", debianPackage: "chromium", why: "runs the workbench's browser tests (test/e2e)" },
];

const have = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const missing = needs.filter((n) => !have(n.command));
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = have("apt-get");
const packages = missing.map((m) => m.debianPackage).join(" ");
if (isRoot && hasApt) {
  console.log(`Installing system packages the tests need: ${packages}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execSync("apt-get update -qq", { stdio: "inherit", env });
  execSync(`apt-get install -y -qq --no-install-recommends ${packages}`, { stdio: "inherit", env });
  const still = missing.filter((m) => !have(m.command));
  if (still.length === 0) process.exit(0);
  console.error(`Installed ${packages} but still cannot find: ${still.map((m) => m.command).join(", ")}`);
  process.exit(1);
}
for (const m of missing) {
  console.error(`Missing '${m.command}' (${m.why}). Install it: sudo apt-get install -y ${m.debianPackage}`);
}
process.exit(1);
