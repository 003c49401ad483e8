// `npm run users`: accounts only from the command, the password only from standard input, weak
// passwords refused, and no account at all until someone makes one (no default account or password).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/server/db/open";
import { passwordProblem, Passwords } from "../../src/server/auth/passwords";
import { build } from "../../src/server/app";
import { main, UsageError } from "../../src/server/cli/users";

/** The command in this process, with `input` as what standard input would give (tested for real once below). */
async function users(args: string[], env: Record<string, string>, input = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, env, {
    readPassword: async () => {
      const line = input.split(/\r?\n/)[0] ?? "";
      if (line === "") throw new UsageError("no password on standard input");
      return line;
    },
    out: (l) => (out += `${l}\n`),
    err: (l) => (err += `${l}\n`),
  });
  return { code, out, err };
}

/** The real command in its own process, the password piped to its standard input. */
function spawnUsers(args: string[], env: Record<string, string>, input = ""): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/cli/users.ts", ...args], {
      env: { ...process.env, ...env, NODE_OPTIONS: "" }, stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out, err }));
    child.stdin.end(input);
  });
}

describe("npm run users", function () {
  this.timeout(120_000);
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "mpp-users-"));
    env = { DB_PATH: join(dir, "mpp.sqlite"), DATABASE_URL: "" };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("a new database, and a server on it, have no account at all", async () => {
    const app = await build({ database: { engine: "sqlite", path: env.DB_PATH! }, rateLimit: false });
    await app.close();
    const db = await openDatabase({ engine: "sqlite", path: env.DB_PATH! });
    const n = await db.kysely.selectFrom("officers").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    await db.close();
    assert.equal(Number(n.n), 0, "no default account");
    const list = await users(["list"], env);
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /no accounts yet/, "says so");
  });

  it("adds an account with the password from standard input, and lists it", async () => {
    const add = await spawnUsers(["add", "Siti.Editor", "--role", "editor", "--region", "3273", "--agency", "imigrasi"], env, "gedung sate berdiri megah\n");
    assert.equal(add.code, 0, add.err);
    assert.match(add.out, /added siti\.editor \(editor 3273 imigrasi\)/, "confirms, lower-cased");
    const list = await users(["list"], env);
    assert.match(list.out, /siti\.editor\s+editor\s+3273\s+imigrasi\s+active/, "listed");
    assert.doesNotMatch(list.out, /argon2|gedung/, "no hash, no password");
    const db = await openDatabase({ engine: "sqlite", path: env.DB_PATH! }, { seed: false });
    const row = await db.kysely.selectFrom("officers").select("password_hash").where("username", "=", "siti.editor").executeTakeFirstOrThrow();
    await db.close();
    assert.match(row.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/, "argon2id with OWASP's parameters");
    assert.equal(await new Passwords().verify(row.password_hash, "gedung sate berdiri megah"), true, "the stored hash checks the password");
  });

  it("never takes a password as an argument, and refuses weak ones with the reason", async () => {
    const arg = await spawnUsers(["add", "budi", "--role", "province-admin", "--password", "gedung sate berdiri megah"], env, "");
    assert.equal(arg.code, 2, "an unknown --password option: usage error");
    const positional = await users(["add", "budi", "gedung sate berdiri megah", "--role", "province-admin"], env, "");
    assert.equal(positional.code, 2, "an extra argument: usage error");
    for (const [pw, why] of [["pendek", /12 characters/], ["Password2024!!", /commonest/], ["budi-budi-budi-123", /username/], ["111111111111", /6 different|digits/], ["BandungBandung1", /commonest/]] as const) {
      const res = await users(["add", "budi", "--role", "province-admin"], env, `${pw}\n`);
      assert.equal(res.code, 1, `${pw}: refused`);
      assert.match(res.err, why, `${pw}: ${why}`);
    }
    const none = await users(["add", "budi", "--role", "province-admin"], env, "");
    assert.equal(none.code, 1, "no password on standard input: refused");
    const list = await users(["list"], env);
    assert.doesNotMatch(list.out, /budi/, "no account was made");
  });

  it("checks role and scope: unknown role, region admin without a region, an agency that is not there", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["add", "x1y", "--role", "superuser"], /--role must be/],
      [["add", "x1y", "--role", "region-admin"], /needs --region/],
      [["add", "x1y", "--role", "editor", "--region", "3273", "--agency", "tidak-ada"], /no agency tidak-ada in region 3273/],
      [["add", "x1y", "--role", "province-admin", "--region", "3273"], /no --region/],
      [["add", "siti.editor", "--role", "province-admin"], /taken/],
    ];
    for (const [args, why] of cases) {
      const res = await users(args, env, "gedung sate berdiri megah\n");
      assert.notEqual(res.code, 0, `${args.join(" ")}: refused`);
      assert.match(res.err, why, `${args.join(" ")}: ${why}`);
    }
  });

  it("disables, enables and resets the password", async () => {
    assert.equal((await users(["disable", "siti.editor"], env)).code, 0, "disabled");
    assert.match((await users(["list"], env)).out, /siti\.editor.*disabled/, "shown as disabled");
    assert.equal((await users(["enable", "siti.editor"], env)).code, 0, "enabled");
    const reset = await users(["reset-password", "siti.editor"], env, "angklung bambu berbunyi\n");
    assert.equal(reset.code, 0, reset.err);
    const db = await openDatabase({ engine: "sqlite", path: env.DB_PATH! }, { seed: false });
    const row = await db.kysely.selectFrom("officers").select("password_hash").where("username", "=", "siti.editor").executeTakeFirstOrThrow();
    const rows = await db.kysely.selectFrom("audit_log").select(["action", "actor"]).orderBy("seq").execute();
    await db.close();
    assert.equal(await new Passwords().verify(row.password_hash, "angklung bambu berbunyi"), true, "the new password works");
    assert.deepEqual(rows.map((r) => r.action), ["officer.create", "officer.disable", "officer.enable", "officer.password_reset"], "each change one audit row");
    assert.ok(rows.every((r) => r.actor.startsWith("cli:")), "made by the command");
    assert.equal((await users(["disable", "nobody"], env)).code, 1, "an unknown account: exit 1");
  });
});

describe("password rules", () => {
  it("accepts long passphrases and refuses short, common, repetitive or username-based ones", () => {
    assert.equal(passwordProblem("kopi tubruk pagi hari", "siti"), null, "a passphrase");
    assert.equal(passwordProblem("Xk9#pQ2$mL7!vB", "siti"), null, "a random string");
    for (const bad of ["short", "password123456", "qwertyqwerty1", "siti-siti-2024!", "aaaaaaaaaaaaaaaa", "12345678901234", "jabar12345678"]) {
      assert.notEqual(passwordProblem(bad, "siti"), null, `${bad} refused`);
    }
  });
});
