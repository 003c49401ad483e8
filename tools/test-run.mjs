// Runs every mocha test and ends with the line CI reads: "N passed, N failed".
// Usage: node tools/test-run.mjs [--unit] [--grep PATTERN] [files...]
//   --unit  skips browser tests (test/browser), so no build and no chromium are needed.
// Browser tests need the production build in dist/: it is built first unless SKIP_BUILD=1.
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
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

// The whole suite starts with the type check (tests run through tsx, which does not check types)
// and, for browser tests, the production build in dist/: the two run side by side on the 2 cores.
const run = (cmd, argv) => new Promise((done) => {
  const child = spawn(cmd, argv, { stdio: "inherit" });
  child.on("error", () => done(1));
  child.on("exit", (code) => done(code ?? 1));
});
const typeCheck = !unitOnly && named.length === 0;
const build = needsBuild && process.env.SKIP_BUILD !== "1";
const [typed, built] = await Promise.all([
  typeCheck ? run("npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]) : 0,
  build ? run("npx", ["webpack", "--mode", "production"]) : 0,
]);
if (typed !== 0 || built !== 0) {
  console.log(typed !== 0 ? "type check failed" : "build failed");
  console.log("0 passed, 1 failed");
  process.exit(1);
}

// Tests that measure the process itself (the heap over a long session, allocations per frame) each
// run in a mocha process of their own, so garbage or V8 flags of other test files do not mix in.
const ISOLATED = new Set(["test/app/long-session.test.ts", "test/app/frame-allocations.test.ts"]);
const isolated = (f) => ISOLATED.has(relative(".", f));
const isBrowser = (f) => relative("test", f).startsWith("browser");
// Two lanes side by side: the browser tests (mostly waiting on chromium) and the rest (server, data,
// app units on NullEngine), whose log is printed after the browser lane's. TEST_LANES=1: one after another.
const twoLanes = process.env.TEST_LANES !== "1" && files.some((f) => isBrowser(f) && !isolated(f)) && files.some((f) => !isBrowser(f) && !isolated(f));
const single = (fs) => fs.filter((f) => !isolated(f));
const rest = files.filter(isolated).map((f) => [f]);
const lanes = twoLanes
  ? [[single(files.filter(isBrowser))], [single(files.filter((f) => !isBrowser(f))), ...rest]]
  : [[single(files), ...rest]];

// tsx is loaded through NODE_OPTIONS: mocha's own --import flag does not resolve it here.
// --expose-gc lets the long-session test measure the heap after a collection.
const totals = { passes: 0, failures: 0, pending: 0 };
const failedTitles = [];
let status = files.length === 0 ? 1 : 0;
const work = mkdtempSync(join(tmpdir(), "mocha-summary-"));
let groupNo = 0;

async function runGroup(group, logFile) {
  const summaryFile = join(work, `summary-${groupNo++}.json`);
  const out = logFile ? openSync(logFile, "a") : "inherit";
  const code = await new Promise((done) => {
    const child = spawn(
      "npx",
      ["mocha", "--reporter", "./tools/summary-reporter.cjs", "--timeout", "60000", "--exit",
        ...(grep ? ["--grep", grep] : []), ...group],
      {
        stdio: ["ignore", out, out],
        env: { ...process.env, MOCHA_SUMMARY_FILE: summaryFile, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import tsx --expose-gc`.trim() },
      },
    );
    child.on("error", () => done(1));
    child.on("exit", (c) => done(c ?? 1));
  });
  if (logFile) closeSync(out);
  if (code !== 0) status = code;
  let s;
  try {
    s = JSON.parse(readFileSync(summaryFile, "utf8"));
  } catch {
    // mocha died before its end (a crash while loading a file): count the group as one failure.
    s = { passes: 0, failures: 1, pending: 0, failed: [`mocha stopped before the end of: ${group.join(" ")}`] };
    status ||= 1;
  }
  totals.passes += s.passes;
  totals.failures += s.failures;
  totals.pending += s.pending;
  failedTitles.push(...(s.failed ?? []));
}

const logs = lanes.map((_, i) => (i === 0 ? null : join(work, `lane-${i}.log`)));
await Promise.all(lanes.map(async (groups, i) => {
  for (const g of groups.filter((x) => x.length > 0)) await runGroup(g, logs[i]);
}));
for (const log of logs) if (log && existsSync(log)) process.stdout.write(readFileSync(log));
rmSync(work, { recursive: true, force: true });
if (failedTitles.length > 0) console.log(`\nFailed:\n${failedTitles.map((t, i) => `  ${i + 1}) ${t}`).join("\n")}`);
if (files.length === 0) console.log("0 passed, 1 failed (no test files)");
else console.log(`\n${totals.passes} passed, ${totals.failures} failed${totals.pending ? `, ${totals.pending} skipped` : ""}`);
process.exit(totals.failures > 0 && status === 0 ? 1 : status);
