// Runs every mocha test and ends with the line CI reads: "N passed, N failed".
// Usage: node tools/test-run.mjs [--unit] [--grep PATTERN] [files...]
//   --unit  skips browser tests (test/browser), so no build and no chromium are needed.
// Browser tests need the production build in dist/: it is built first unless SKIP_BUILD=1.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const args = process.argv.slice(2);
const unitOnly = args.includes("--unit");
const grepAt = args.indexOf("--grep");
const grep = grepAt >= 0 ? args[grepAt + 1] : undefined;
const named = args.filter((a, i) => !a.startsWith("--") && (grepAt < 0 || i !== grepAt + 1));

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out.sort();
}

let files = named.length > 0 ? named : findTests("test");
if (unitOnly) files = files.filter((f) => !relative("test", f).startsWith("browser"));
const needsBuild = files.some((f) => relative("test", f).startsWith("browser"));

// The whole suite starts with the type check: tests run through tsx, which does not check types.
if (!unitOnly && named.length === 0) {
  const t = spawnSync("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"], { stdio: "inherit" });
  if (t.status !== 0) {
    console.log("type check failed");
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

if (needsBuild && process.env.SKIP_BUILD !== "1") {
  const b = spawnSync("npx", ["webpack", "--mode", "production"], { stdio: "inherit" });
  if (b.status !== 0) {
    console.log("build failed");
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

// tsx is loaded through NODE_OPTIONS: mocha's own --import flag does not resolve it here.
const child = spawnSync(
  "npx",
  ["mocha", "--reporter", "./tools/summary-reporter.cjs", "--timeout", "60000", "--exit",
    ...(grep ? ["--grep", grep] : []), ...files],
  { stdio: "inherit", env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import tsx`.trim() } },
);
if (files.length === 0) console.log("0 passed, 1 failed (no test files)");
process.exit(files.length === 0 ? 1 : child.status ?? 1);
