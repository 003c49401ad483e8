// Shared setup for the queue's tests: app nodes on one fresh database of an engine, a clock the test
// moves (the queue's and the officers'), opening hours for an MPP and quotas for its agencies, and
// request helpers (a client address per request, so the per-address cap does not get in the way
// unless a test wants it).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { build } from "../../src/server/app";
import { createAccount } from "../../src/server/auth/accounts";
import { Passwords } from "../../src/server/auth/passwords";
import type { DatabaseConfig } from "../../src/server/db/config";
import { openDatabase, type Db } from "../../src/server/db/open";
import type { QueueOptions } from "../../src/server/queue";
import type { TestEngine } from "./engines";
import { ACCOUNTS, CHEAP_HASH, ORIGIN, PASSWORD, sessionCookie, type Account } from "./officers";

/** Monday 2 March 2026, 07:00 WIB (00:00 UTC): before the counters open, a plain working day. */
export const MONDAY_0700 = Date.parse("2026-03-02T00:00:00Z");
export const at = (date: string, time: string) => Date.parse(`${date}T${time}:00+07:00`);

/** Monday-Thursday 08:00-12:00 and 13:00-15:00, Friday 08:00-11:30 and 13:00-15:00 (the MPP record's shape: Monday first). */
export const MPP_HOURS = {
  mon: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }],
  tue: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }],
  wed: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }],
  thu: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }],
  fri: [{ open: "08:00", close: "11:30" }, { open: "13:00", close: "15:00" }],
  sat: [],
  sun: null,
};

export interface QueueFixture {
  config: DatabaseConfig;
  db: Db;
  nodes: FastifyInstance[];
  app: FastifyInstance;
  clock: { now: number };
  addNode(options?: QueueOptions): Promise<FastifyInstance>;
  login(who: Account, app?: FastifyInstance): Promise<string>;
  close(): Promise<void>;
}

export async function queueFixture(engine: TestEngine, options: { queue?: QueueOptions; accounts?: Account[]; config?: DatabaseConfig } = {}): Promise<QueueFixture> {
  const config = options.config ?? await engine.freshConfig();
  const db = await openDatabase(config);
  const passwords = new Passwords(CHEAP_HASH);
  for (const a of options.accounts ?? [ACCOUNTS.ed!, ACCOUNTS.ra!, ACCOUNTS.edOther!, ACCOUNTS.raOther!]) {
    await createAccount(db, passwords, { ...a, password: PASSWORD }, { username: "cli:test", role: null, address: null });
  }
  const dir = mkdtempSync(join(tmpdir(), "mpp-queue-"));
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(join(dir, "dist", "index.html"), "<!doctype html><title>MPP</title>");
  const clock = { now: MONDAY_0700 };
  const nodes: FastifyInstance[] = [];
  const addNode = async (o: QueueOptions = {}) => {
    const app = await build({
      database: config, distDir: join(dir, "dist"), assetsDir: join(dir, "dist"), scenesDir: join(dir, "dist"), rateLimit: false,
      // Sessions run on real time: the queue's clock jumps hours within a test.
      officers: { passwords },
      queue: { now: () => clock.now, retention: false, rateLimits: false, boardPollMs: 100, ...options.queue, ...o },
      // The SKM of a served number (issue 15) runs on the same clock.
      feedback: { now: () => clock.now, purgeEveryMs: 0 },
    });
    nodes.push(app);
    return app;
  };
  const app = await addNode();
  return {
    config, db, nodes, app, clock, addNode,
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

/** Gives the region's MPP opening hours and each of its agencies a quota (12 slots a day: quota 120 = 10 a slot). */
export async function openMpp(db: Db, region = "3273", options: { dailyQuota?: number; walkInQuota?: number | null } = {}): Promise<void> {
  await db.kysely.updateTable("regions").set({ mpp_hours: JSON.stringify(MPP_HOURS) }).where("code", "=", region).execute();
  const agencies = await db.kysely.selectFrom("agencies").select("id").where("region_code", "=", region).execute();
  for (const a of agencies) {
    const row = { daily_quota: options.dailyQuota ?? 120, slot_minutes: 30, letter: null, hours: null, walk_in_quota: options.walkInQuota ?? null, updated_at: "2026-01-01T00:00:00.000Z", updated_by: "test" };
    await db.kysely.insertInto("queue_settings").values({ agency_id: a.id, ...row })
      .onConflict((oc) => oc.column("agency_id").doUpdateSet(row)).execute();
  }
}

let addressCounter = 0;
/** A different client address each call (10.x.y.z). */
export function nextAddress(): string {
  const n = ++addressCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface Send {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  payload?: unknown;
  address?: string;
  cookie?: string;
  lang?: string;
}

/** A same-origin request as the app sends it. */
export function send(app: FastifyInstance, s: Send): Promise<LightMyRequestResponse> {
  return app.inject({
    method: s.method ?? "GET",
    url: s.url,
    remoteAddress: s.address ?? nextAddress(),
    headers: { origin: ORIGIN, ...(s.cookie ? { cookie: s.cookie } : {}), ...(s.lang ? { "accept-language": s.lang } : {}) },
    ...(s.payload === undefined ? {} : { payload: s.payload as Record<string, unknown> }),
  });
}

export function book(app: FastifyInstance, body: Record<string, unknown>, address?: string) {
  return send(app, { method: "POST", url: "/api/v1/queue/bookings", payload: body, ...(address ? { address } : {}) });
}
