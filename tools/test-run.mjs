// Runs every mocha test and ends with the line CI reads: "N passed, N failed".
// Usage: node tools/test-run.mjs [--unit] [--grep PATTERN] [files...]
//   --unit  skips browser tests (test/browser), so no build and no chromium are needed.
// Browser tests need the production build in dist/: it is built first unless SKIP_BUILD=1.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

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

// Tests that measure the process itself (the heap over a long session, allocations per frame) each
// run in a mocha process of their own, so garbage or V8 flags of other test files do not mix in.
const ISOLATED = new Set(["test/app/long-session.test.ts", "test/app/frame-allocations.test.ts"]);
const groups = [files.filter((f) => !ISOLATED.has(relative(".", f))), ...files.filter((f) => ISOLATED.has(relative(".", f))).map((f) => [f])]
  .filter((g) => g.length > 0);

// tsx is loaded through NODE_OPTIONS: mocha's own --import flag does not resolve it here.
// --expose-gc lets the long-session test measure the heap after a collection.
const totals = { passes: 0, failures: 0, pending: 0 };
let status = files.length === 0 ? 1 : 0;
const summaryFile = join(mkdtempSync(join(tmpdir(), "mocha-summary-")), "summary.json");
for (const group of groups) {
  rmSync(summaryFile, { force: true });
  const child = spawnSync(
    "npx",
    ["mocha", "--reporter", "./tools/summary-reporter.cjs", "--timeout", "60000", "--exit",
      ...(grep ? ["--grep", grep] : []), ...group],
    {
      stdio: "inherit",
      env: { ...process.env, MOCHA_SUMMARY_FILE: summaryFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import tsx --expose-gc`.trim() },
    },
  );
  if (child.status !== 0) status = child.status ?? 1;
  let s;
  try {
    s = JSON.parse(readFileSync(summaryFile, "utf8"));
  } catch {
    // mocha died before its end (a crash while loading a file): count the group as one failure.
    s = { passes: 0, failures: 1, pending: 0 };
    status ||= 1;
  }
  totals.passes += s.passes;
  totals.failures += s.failures;
  totals.pending += s.pending;
}
rmSync(dirname(summaryFile), { recursive: true, force: true });
if (files.length === 0) console.log("0 passed, 1 failed (no test files)");
else console.log(`\n${totals.passes} passed, ${totals.failures} failed${totals.pending ? `, ${totals.pending} skipped` : ""}`);
process.exit(totals.failures > 0 && status === 0 ? 1 : status);
