// Shared setup for the officers' tests: an app (or several "nodes" on one database) on an engine's
// fresh database, accounts made the way the users command makes them, and signing in. Hashes use
// cheap argon2id parameters here (the cost is a parameter; the production default is tested in
// test/server/passwords.test.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { build } from "../../src/server/app";
import type { DatabaseConfig } from "../../src/server/db/config";
import { openDatabase, type Db } from "../../src/server/db/open";
import { createAccount } from "../../src/server/auth/accounts";
import { Passwords, type HashParams } from "../../src/server/auth/passwords";
import type { OfficerOptions } from "../../src/server/officers";
import type { Role } from "../../src/domain/admin/roles";
import type { TestEngine } from "./engines";

export const CHEAP_HASH: HashParams = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
export const PASSWORD = "kopi tubruk pagi hari";
export const ORIGIN = "http://localhost:80";

export interface Account {
  username: string;
  role: Role;
  region: string | null;
  agency: string | null;
}

/** The accounts most tests use: one of each role and scope that matters. */
export const ACCOUNTS: Record<string, Account> = {
  prov: { username: "prov", role: "province-admin", region: null, agency: null },
  prov2: { username: "prov2", role: "province-admin", region: null, agency: null },
  ra: { username: "ra-bandung", role: "region-admin", region: "3273", agency: null },
  ra2: { username: "ra2-bandung", role: "region-admin", region: "3273", agency: null },
  raOther: { username: "ra-kabbandung", role: "region-admin", region: "3204", agency: null },
  ed: { username: "ed-imigrasi", role: "editor", region: "3273", agency: "imigrasi" },
  ed2: { username: "ed2-imigrasi", role: "editor", region: "3273", agency: "imigrasi" },
  edOther: { username: "ed-disdukcapil", role: "editor", region: "3273", agency: "disdukcapil" },
};

export interface OfficerFixture {
  config: DatabaseConfig;
  /** A separate connection for arranging and inspecting (the app has its own). */
  db: Db;
  passwords: Passwords;
  nodes: FastifyInstance[];
  app: FastifyInstance;
  dir: string;
  addNode(options?: OfficerOptions): Promise<FastifyInstance>;
  login(who: Account | string, app?: FastifyInstance): Promise<string>;
  close(): Promise<void>;
}

export async function officerFixture(engine: TestEngine, options: OfficerOptions & { accounts?: Account[] } = {}): Promise<OfficerFixture> {
  const config = await engine.freshConfig();
  const db = await openDatabase(config);
  const passwords = options.passwords ?? new Passwords(CHEAP_HASH);
  const cli = { username: "cli:test", role: null, address: null };
  for (const a of options.accounts ?? Object.values(ACCOUNTS)) {
    await createAccount(db, passwords, { ...a, password: PASSWORD }, cli);
  }
  const dir = mkdtempSync(join(tmpdir(), "mpp-officers-"));
  mkdirSync(join(dir, "dist"), { recursive: true });
  writeFileSync(join(dir, "dist", "index.html"), "<!doctype html><title>MPP</title>");
  writeFileSync(join(dir, "dist", "admin.html"), "<!doctype html><title>MPP admin</title>");
  const nodes: FastifyInstance[] = [];
  const addNode = async (o: OfficerOptions = {}) => {
    const app = await build({
      database: config, distDir: join(dir, "dist"), assetsDir: join(dir, "dist"), scenesDir: join(dir, "dist"), rateLimit: false,
      officers: { passwords, ...options, ...o },
    });
    nodes.push(app);
    return app;
  };
  const app = await addNode();
  return {
    config, db, passwords, nodes, app, dir, addNode,
    async login(who, target = app) {
      const username = typeof who === "string" ? who : who.username;
      const res = await target.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password: PASSWORD }, headers: { origin: ORIGIN } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return sessionCookie(res);
    },
    async close() {
      for (const n of nodes) await n.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** "name=value" of the session cookie a response sets. */
export function sessionCookie(res: LightMyRequestResponse): string {
  const raw = res.headers["set-cookie"];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  const c = list.find((x) => /^(__Host-)?mpp_session=/.test(x));
  if (!c) throw new Error(`no session cookie in ${JSON.stringify(raw)}`);
  return c.split(";")[0]!;
}

/** A same-origin request as the workspace sends it. */
export function call(app: FastifyInstance, cookie: string | null, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown) {
  return app.inject({
    method, url,
    headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

export async function auditCount(db: Db): Promise<number> {
  const row = await db.kysely.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}
