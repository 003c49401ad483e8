// Browser-test setup for the queue: the real server on a temporary SQLite file whose MPP 3273 has
// opening hours and quotas, officer accounts, and a queue clock fixed on a working Monday at 09:00
// WIB (so walk-in numbers can be taken whatever the real time), plus chromium.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { chromium } from "playwright-core";
import { build } from "../../../src/server/app";
import { createAccount } from "../../../src/server/auth/accounts";
import { Passwords } from "../../../src/server/auth/passwords";
import { openDatabase } from "../../../src/server/db/open";
import { ACCOUNTS, CHEAP_HASH, ORIGIN, PASSWORD, sessionCookie } from "../../support/officers";
import { at, openMpp } from "../../support/queue";
import { CHROMIUM, CHROMIUM_ARGS, type Harness } from "./harness";

export const QUEUE_NOW = at("2026-03-02", "09:00");

export interface QueueHarness extends Harness {
  clock: { now: number };
  /** A session cookie of an officer ("name=value"), signed in through the API. */
  login(username: string): Promise<string>;
  /** The numbers the server stored for an agency on a date (default today, 2026-03-02), in order (read from the database file). */
  numbers(agencyId: string, date?: string): string[];
  /** A stored ticket's status and personal fields, by booking code. */
  booking(code: string): { status: string; name: string | null; phone: string | null } | undefined;
}

export async function startQueueHarness(): Promise<QueueHarness> {
  const dir = mkdtempSync(join(tmpdir(), "mpp-queue-browser-"));
  const config = { engine: "sqlite" as const, path: join(dir, "mpp.sqlite") };
  const db = await openDatabase(config);
  const passwords = new Passwords(CHEAP_HASH);
  for (const a of [ACCOUNTS.ed!, ACCOUNTS.ra!]) await createAccount(db, passwords, { ...a, password: PASSWORD }, { username: "cli:test", role: null, address: null });
  await openMpp(db);
  await db.close();
  const clock = { now: QUEUE_NOW };
  const app = await build({
    database: config, logger: false, rateLimit: false,
    ...(process.env.MPP_DIST_DIR ? { distDir: process.env.MPP_DIST_DIR } : {}),
    officers: { passwords },
    queue: { now: () => clock.now, retention: false, rateLimits: false },
    // The SKM of a served number (issue 15) on the same clock as the queue that issued it.
    feedback: { now: () => clock.now, purgeEveryMs: 0 },
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP localhost 127.0.0.1"] });
  return {
    app, browser, clock,
    origin: `http://localhost:${port}`,
    async login(username) {
      const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { origin: ORIGIN }, payload: { username, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
      return sessionCookie(res);
    },
    numbers(agencyId, date = "2026-03-02") {
      const file = new BetterSqlite3(config.path, { readonly: true });
      try {
        return (file.prepare("SELECT number FROM queue_tickets WHERE agency_id = ? AND date = ? ORDER BY seq").all(agencyId, date) as Array<{ number: string }>).map((r) => r.number);
      } finally {
        file.close();
      }
    },
    booking(code) {
      const file = new BetterSqlite3(config.path, { readonly: true });
      try {
        return file.prepare("SELECT status, name, phone FROM queue_tickets WHERE code = ?").get(code) as { status: string; name: string | null; phone: string | null } | undefined;
      } finally {
        file.close();
      }
    },
    async close() {
      await browser.close();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
