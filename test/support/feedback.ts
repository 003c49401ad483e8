// Shared setup for the feedback tests (questions, complaints, SKM): an app (or several nodes) on an
// engine's fresh database with the officers' test accounts, a clock the test moves, and helpers
// that send requests the way the app and the workspace do (same Origin, JSON, an address).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { build } from "../../src/server/app";
import { createAccount } from "../../src/server/auth/accounts";
import { Passwords } from "../../src/server/auth/passwords";
import { openDatabase, type Db } from "../../src/server/db/open";
import type { FeedbackOptions } from "../../src/server/feedback";
import type { TestEngine } from "./engines";
import { ACCOUNTS, CHEAP_HASH, ORIGIN, PASSWORD, sessionCookie, type Account } from "./officers";

export { ACCOUNTS, ORIGIN };

export interface Clock { t: number }

export interface FeedbackFixture {
  db: Db;
  clock: Clock;
  app: FastifyInstance;
  addNode(options?: FeedbackOptions): Promise<FastifyInstance>;
  login(who: Account, app?: FastifyInstance): Promise<string>;
  close(): Promise<void>;
}

/** A Monday morning in WIB (2026-03-02 09:00 WIB), far from the March holidays. */
export const MONDAY_0900_WIB = Date.parse("2026-03-02T02:00:00Z");

export async function feedbackFixture(engine: TestEngine, options: FeedbackOptions & { accounts?: Account[] } = {}): Promise<FeedbackFixture> {
  const { accounts, ...feedback } = options;
  const config = await engine.freshConfig();
  const db = await openDatabase(config);
  const passwords = new Passwords(CHEAP_HASH);
  for (const a of accounts ?? Object.values(ACCOUNTS)) {
    await createAccount(db, passwords, { ...a, password: PASSWORD }, { username: "cli:test", role: null, address: null });
  }
  const dir = mkdtempSync(join(tmpdir(), "mpp-feedback-"));
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(join(dir, "dist", "index.html"), "<!doctype html><title>MPP</title>");
  writeFileSync(join(dir, "dist", "admin.html"), "<!doctype html><title>MPP admin</title>");
  const clock: Clock = { t: MONDAY_0900_WIB };
  const nodes: FastifyInstance[] = [];
  const addNode = async (o: FeedbackOptions = {}) => {
    const app = await build({
      database: config, distDir: join(dir, "dist"), assetsDir: join(dir, "dist"), scenesDir: join(dir, "dist"), rateLimit: false,
      officers: { passwords },
      feedback: { now: () => clock.t, purgeEveryMs: 0, ...feedback, ...o },
    });
    nodes.push(app);
    return app;
  };
  const app = await addNode();
  return {
    db, clock, app, addNode,
    async login(who, target = app) {
      const res = await target.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: who.username, password: PASSWORD }, headers: { origin: ORIGIN } });
      if (res.statusCode !== 200) throw new Error(`login ${who.username}: ${res.statusCode} ${res.body}`);
      return sessionCookie(res);
    },
    async close() {
      for (const n of nodes) await n.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A request from a citizen's browser at `address` (the app's own origin). */
export function send(app: FastifyInstance, method: "GET" | "POST", url: string, payload?: unknown, address = "10.1.0.1", cookie?: string) {
  return app.inject({
    method, url, remoteAddress: address,
    headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) },
    ...(payload === undefined ? {} : typeof payload === "string" ? { payload, headers: { origin: ORIGIN, "content-type": "application/json", ...(cookie ? { cookie } : {}) } } : { payload: payload as Record<string, unknown> }),
  });
}

export const QUESTION = { kind: "konsultasi", regionCode: "3273", agencyId: "3273-imigrasi", text: "Berapa lama pembuatan paspor biasa?" } as const;

/** Leaves a ticket and answers its code. */
export async function leaveTicket(app: FastifyInstance, body: Record<string, unknown> = QUESTION, address?: string): Promise<string> {
  const res = await send(app, "POST", "/api/v1/tickets", body, address);
  if (res.statusCode !== 201) throw new Error(`ticket: ${res.statusCode} ${res.body}`);
  return (res.json() as { ticket: { code: string } }).ticket.code;
}

/** A visit token for a service read. */
export async function visitToken(app: FastifyInstance, serviceId = "3273-imigrasi-paspor-biasa", address?: string): Promise<string> {
  const res = await send(app, "POST", "/api/v1/visits", { kind: "service", serviceId }, address);
  if (res.statusCode !== 201) throw new Error(`visit: ${res.statusCode} ${res.body}`);
  return (res.json() as { visit: { token: string } }).visit.token;
}
