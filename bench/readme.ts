// Renders bench/report.md again from bench/report.json, and copies its summary into README.md's
// "Benchmarks" section, between the markers <!-- bench:start --> and <!-- bench:end --> (only that
// part of README.md is rewritten).
// Usage: node --import tsx bench/readme.ts
import { readFileSync, writeFileSync } from "node:fs";
import { renderMarkdown, renderSummary, type Report } from "./report";

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

export function replaceSection(readme: string, body: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`readme: README.md has no ${START} ... ${END} section`);
  return `${readme.slice(0, a + START.length)}\n${body}\n${readme.slice(b)}`;
}

export function summaryForReadme(r: Report): string {
  const m = r.machine;
  return [
    `Measured ${r.date.slice(0, 10)} on ${m.cpus} CPU (${m.cpuModel}), ${m.gpu}, Node ${m.node}, Chromium ${m.chromium}; medians of ${r.settings.loadRuns} page loads (VR ${r.settings.vrRuns}), min-max in brackets. Full report: [bench/report.md](bench/report.md).`,
    "",
    renderSummary(r),
  ].join("\n");
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const report = JSON.parse(readFileSync("bench/report.json", "utf8")) as Report;
  writeFileSync("bench/report.md", renderMarkdown(report));
  writeFileSync("README.md", replaceSection(readFileSync("README.md", "utf8"), summaryForReadme(report)));
  process.stderr.write("bench/report.md and README.md's Benchmarks section rendered from bench/report.json\n");
}
