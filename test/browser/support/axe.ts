// axe-core in browser tests: injects the pinned axe-core source into a page (through the DevTools
// protocol, so the page's strict Content-Security-Policy does not block it and nothing is fetched)
// and runs the WCAG 2.1 A and AA rules. A rule is switched off only by name with its reason
// (AxeExemption), so every exemption is written next to the scan that needs it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve("axe-core/axe.min.js"), "utf8");

/** The rule sets this project holds every page to: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeExemption {
  rule: string;
  /** Why the rule does not apply here: required, shown in the scan's report. */
  reason: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

export interface AxeResult {
  violations: AxeViolation[];
  /** How many rules ran and passed somewhere: a scan that checked nothing is a broken scan. */
  passes: number;
}

/** Runs the WCAG 2.1 A/AA rules of axe-core over the page as it is now. */
export async function axeScan(page: Page, options: { exempt?: AxeExemption[]; include?: string } = {}): Promise<AxeResult> {
  for (const e of options.exempt ?? []) if (!e.reason.trim()) throw new Error(`axe: exemption of ${e.rule} needs a reason`);
  const has = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!has) await page.evaluate(AXE_SOURCE);
  const rules: Record<string, { enabled: boolean }> = Object.fromEntries((options.exempt ?? []).map((e) => [e.rule, { enabled: false }]));
  return page.evaluate(async ({ tags, rules, include }) => {
    const axe = (window as unknown as { axe: {
      getRules(tags: string[]): Array<{ ruleId: string; tags: string[] }>;
      run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }>; passes: unknown[] }>;
    } }).axe;
    // axe leaves its "experimental" rules off even when their WCAG tag is asked for; one of them is
    // 2.5.3 (label in name), which issue 20 names: run every WCAG rule, experimental or not.
    for (const r of axe.getRules(tags)) if (r.tags.includes("experimental") && !(r.ruleId in rules)) rules[r.ruleId] = { enabled: true };
    const r = await axe.run(include ? { include: [include] } : document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] });
    return {
      passes: r.passes.length,
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 6).map((n) => ({ target: n.target.map(String).join(" "), summary: (n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 300) })),
      })),
    };
  }, { tags: WCAG_TAGS, rules, include: options.include ?? null });
}

/** A readable list of violations for an assertion message. */
export function describeViolations(what: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${what}: no violations`;
  return `${what}: ${violations.length} axe violation(s)\n` + violations.map((v) =>
    `  ${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    - ${n.target}: ${n.summary}`).join("\n")).join("\n");
}
