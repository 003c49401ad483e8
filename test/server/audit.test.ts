// The audit trail on both engines: every change is exactly one row (who, when, from where, each
// field before and after); rows are append-only (the database refuses UPDATE and DELETE); the hash
// chain holds under simultaneous writers on two nodes and catches a row edited, deleted or cut off
// behind the application's back; the history answers as JSON and as a neutralised CSV.
import assert from "node:assert/strict";
import { sql } from "kysely";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, auditCount, call, officerFixture, ORIGIN, PASSWORD, type OfficerFixture } from "../support/officers";
import { verifyAudit } from "../../src/server/audit/verify";
import { main as auditCli } from "../../src/server/cli/audit";
import { createAccount, resetPassword, setDisabled } from "../../src/server/auth/accounts";

const SERVICE = "3273-imigrasi-paspor-biasa";
const URL_ = `/api/v1/admin/services/${SERVICE}`;
const cli = { username: "cli:test", role: null, address: null };

forEachEngine("officers: audit trail", (engine) => {
  let f: OfficerFixture;
  const c: Record<string, string> = {};
  before(async function () {
    this.timeout(90_000);
    f = await officerFixture(engine);
    for (const k of ["prov", "ra", "ed"]) c[k] = await f.login(ACCOUNTS[k]!);
  });
  after(async () => { await f.close(); });

  /** Runs a change and checks it wrote exactly one row with this action. */
  async function one(action: string, change: () => Promise<unknown>) {
    const before = await auditCount(f.db);
    await change();
    assert.equal(await auditCount(f.db), before + 1, `${action}: exactly one row`);
    const last = await f.db.kysely.selectFrom("audit_log").selectAll().orderBy("seq", "desc").executeTakeFirstOrThrow();
    assert.equal(last.action, action, `${action}: the row's action`);
    return last;
  }

  it("writes exactly one row for every kind of change, with who, when, where and each field's before and after", async () => {
    const ok = (p: Promise<{ statusCode: number; body: string }>) => p.then((r) => { assert.ok(r.statusCode < 300, r.body.slice(0, 200)); return r; });
    const save = await one("draft.save", () => ok(call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { fee: { amount: 650_000, note: "PNBP" }, source: "PP 45/2024" }, changeNote: "tarif" })));
    assert.equal(save.actor, "ed-imigrasi", "who");
    assert.equal(save.actor_role, "editor", "in which role");
    assert.equal(save.address, "127.0.0.1", "from which address");
    assert.ok(Date.now() - Date.parse(save.at) < 60_000, "when");
    assert.equal(save.entity, `service:${SERVICE}`, "which record");
    assert.deepEqual(JSON.parse(save.changes).find((x: { field: string }) => x.field === "fee.amount"), { field: "fee.amount", before: 350_000, after: 650_000 }, "the field's before and after");
    assert.equal(save.note, "tarif", "the change note");
    await one("draft.submit", () => ok(call(f.app, c.ed!, "POST", `${URL_}/submit`, {})));
    await one("draft.publish", () => ok(call(f.app, c.ra!, "POST", `${URL_}/publish`, {})));
    await one("draft.save", () => ok(call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { name: "Paspor biasa X" }, changeNote: "nama" })));
    await one("draft.submit", () => ok(call(f.app, c.ed!, "POST", `${URL_}/submit`, {})));
    await one("draft.reject", () => ok(call(f.app, c.ra!, "POST", `${URL_}/reject`, { reason: "tidak perlu" })));
    await one("record.verify", () => ok(call(f.app, c.ed!, "POST", `${URL_}/verify`, { source: "PP 45/2024", sourceDate: "2024-10-18" })));
    await one("auth.login", () => f.login(ACCOUNTS.ed!));
    await one("auth.login_failed", () => f.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "ed-imigrasi", password: "salah sekali" }, headers: { origin: ORIGIN }, remoteAddress: "10.8.8.8" }));
    const toEnd = await f.login(ACCOUNTS.ra!);
    await one("auth.logout", () => ok(call(f.app, toEnd, "POST", "/api/v1/auth/logout")));
    await one("officer.create", () => createAccount(f.db, f.passwords, { username: "baru-saja", role: "editor", region: "3273", agency: "imigrasi", password: PASSWORD }, cli));
    await one("officer.password_reset", () => resetPassword(f.db, f.passwords, "baru-saja", "kopi susu gula aren", cli));
    await one("officer.disable", () => setDisabled(f.db, "baru-saja", true, cli));
    await one("officer.enable", () => setDisabled(f.db, "baru-saja", false, cli));
    const refused = await auditCount(f.db);
    await call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { name: "" }, changeNote: "kosong" });
    await call(f.app, c.ed!, "POST", `${URL_}/publish`, {});
    assert.equal(await auditCount(f.db), refused, "refused requests write nothing");
  });

  it("GET /admin/audit?entity=service:ID answers the record's history; addresses for province admins only", async () => {
    const res = await call(f.app, c.ed!, "GET", `/api/v1/admin/audit?entity=service:${SERVICE}`);
    assert.equal(res.statusCode, 200, res.body);
    const { entries } = res.json() as { entries: Array<{ at: string; actor: string; action: string; address: string | null; changes: Array<{ field: string; before: unknown; after: unknown }> }> };
    assert.deepEqual(entries.map((e) => e.action), ["draft.save", "draft.submit", "draft.publish", "draft.save", "draft.submit", "draft.reject", "record.verify"], "the whole history, oldest first");
    const publish = entries[2]!;
    assert.equal(publish.actor, "ra-bandung", "who published");
    assert.ok(publish.changes.some((x) => x.field === "fee.amount" && x.before === 350_000 && x.after === 650_000), "what publishing changed");
    assert.ok(publish.changes.some((x) => x.field === "status" && x.after === "published"), "and the status");
    assert.ok(entries.every((e) => e.address === null), "an editor does not see addresses");
    const prov = (await call(f.app, c.prov!, "GET", `/api/v1/admin/audit?entity=service:${SERVICE}`)).json();
    assert.ok(prov.entries.every((e: { address: string | null }) => e.address === "127.0.0.1"), "a province admin does");
  });

  it("exports a history as CSV, one line per changed field, cells neutralised", async () => {
    await call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { description: "=HYPERLINK(\"http://evil.example\",\"klik\")" }, changeNote: "@catatan" });
    const res = await call(f.app, c.ra!, "GET", `/api/v1/admin/audit?entity=service:${SERVICE}&format=csv`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^text\/csv/, "CSV");
    assert.match(String(res.headers["content-disposition"]), /attachment; filename="riwayat-service_3273-imigrasi-paspor-biasa\.csv"/, "a download");
    const lines = res.body.replace(/^\ufeff/, "").trim().split("\r\n");
    assert.equal(lines[0], "seq,at,actor,role,address,action,entity,field,before,after,note", "header");
    assert.ok(lines.some((l) => l.includes("'=HYPERLINK")), "a formula is neutralised");
    assert.ok(lines.some((l) => l.endsWith("'@catatan")), "a note starting with @ too");
    assert.ok(!lines.some((l) => /,=|,"=/.test(l)), "no cell starts with =");
  });

  it("keeps one unbroken chain under simultaneous writers on two nodes", async function () {
    this.timeout(60_000);
    const b = await f.addNode();
    const ids = (await f.db.kysely.selectFrom("services").select("id").where("agency_id", "=", "3273-imigrasi").orderBy("id").execute()).map((r) => r.id);
    await f.db.kysely.updateTable("drafts").set({ status: "rejected" }).where("status", "in", ["draft", "in_review"]).execute();
    const before = await auditCount(f.db);
    const results = await Promise.all(ids.flatMap((id, i) => [0, 1].map((k) => call(k ? b : f.app, c.ra!, "PUT", `/api/v1/admin/services/${id}/draft`, { service: { description: `serentak ${i}-${k}` }, changeNote: `serentak ${k}` }))));
    const okCount = results.filter((r) => r.statusCode === 200).length;
    assert.ok(results.every((r) => r.statusCode === 200 || r.statusCode === 409), `200 or 409 (${results.map((r) => r.statusCode)})`);
    assert.equal(await auditCount(f.db), before + okCount, "one row per saved draft");
    const v = await verifyAudit(f.db.kysely);
    assert.deepEqual(v.problems, [], "the chain is intact");
    const seqs = (await f.db.kysely.selectFrom("audit_log").select("seq").orderBy("seq").execute()).map((r) => Number(r.seq));
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), "sequence numbers without gaps");
  });

  it("is append-only: the database refuses UPDATE and DELETE of audit rows", async () => {
    await assert.rejects(f.db.kysely.updateTable("audit_log").set({ actor: "orang lain" }).where("seq", "=", 1).execute(), /append-only/, "UPDATE refused");
    await assert.rejects(f.db.kysely.deleteFrom("audit_log").where("seq", "=", 1).execute(), /append-only/, "DELETE refused");
  });

  it("npm run audit -- verify passes an intact chain and catches an edited row, a deleted row and a cut tail", async () => {
    const out: string[] = [];
    const env = f.config.engine === "sqlite" ? { DB_PATH: f.config.path } : { DATABASE_URL: f.config.url };
    assert.equal(await auditCli(["verify"], env, (l) => out.push(l)), 0, `intact: exit 0 (${out.join(" ")})`);
    assert.match(out[0]!, /chain intact/, "says so");
    const anchorOut: string[] = [];
    await auditCli(["head"], env, (l) => anchorOut.push(l));
    const anchor = anchorOut[0]!;

    // Someone with database access edits a row behind the application's back.
    const k = f.db.kysely;
    const dropTriggers = engine.name === "sqlite"
      ? ["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"]
      : ["ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"];
    for (const s of dropTriggers) await sql.raw(s).execute(k);
    const row3 = await k.selectFrom("audit_log").selectAll().where("seq", "=", 3).executeTakeFirstOrThrow();
    await k.updateTable("audit_log").set({ actor: "orang-lain" }).where("seq", "=", 3).execute();
    out.length = 0;
    assert.equal(await auditCli(["verify"], env, (l) => out.push(l)), 1, "edited: exit 1");
    assert.ok(out.some((l) => /row 3: its content does not match its hash/.test(l)), `names row 3 (${out.join(" | ")})`);

    // Restore the row (same content: same hash), then delete one in the middle.
    await k.updateTable("audit_log").set({ actor: row3.actor }).where("seq", "=", 3).execute();
    const row5 = await k.selectFrom("audit_log").selectAll().where("seq", "=", 5).executeTakeFirstOrThrow();
    await k.deleteFrom("audit_log").where("seq", "=", 5).execute();
    const v = await verifyAudit(k);
    assert.equal(v.ok, false, "a deleted row is caught");
    assert.ok(v.problems.some((p) => /row 6: expected row 5/.test(p)), v.problems.join(" | "));
    await k.insertInto("audit_log").values(row5).execute();
    assert.equal((await verifyAudit(k)).ok, true, "restored: intact again");

    // Cut the tail and move the head back: the chain alone looks fine, the anchor does not.
    const head = await k.selectFrom("audit_head").selectAll().executeTakeFirstOrThrow();
    const prev = await k.selectFrom("audit_log").select("hash").where("seq", "=", Number(head.seq) - 1).executeTakeFirstOrThrow();
    await k.deleteFrom("audit_log").where("seq", "=", Number(head.seq)).execute();
    assert.equal((await verifyAudit(k)).ok, false, "a cut tail with the head left alone is caught");
    await k.updateTable("audit_head").set({ seq: Number(head.seq) - 1, hash: prev.hash }).where("id", "=", 1).execute();
    out.length = 0;
    assert.equal(await auditCli(["verify", anchor], env, (l) => out.push(l)), 1, "with the anchor written down earlier: exit 1");
    assert.ok(out.some((l) => /anchor/.test(l)), out.join(" | "));
  });
});
