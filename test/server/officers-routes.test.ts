// Every role against every officers' route, on both engines: without a session 401; outside the
// role or its scope 403 (JSON error, nothing written); inside it the route works (each allowed call
// gets the state it needs first: a draft by another officer to review, a fresh slug to create).
// Also: the OpenAPI document lists every route with its methods.
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, auditCount, call, officerFixture, type OfficerFixture } from "../support/officers";

type Who = "prov" | "ra" | "raOther" | "ed" | "edOther";
const EVERYONE: Who[] = ["prov", "ra", "raOther", "ed", "edOther"];
const SERVICE = "3273-imigrasi-paspor-biasa";
const AGENCY = "3273-imigrasi";
const REGION = "3273";

interface Case {
  name: string;
  method: "GET" | "POST" | "PUT";
  url: string;
  body?: (n: number) => unknown;
  allowed: Who[];
  /** Status an allowed officer gets (after setup). */
  ok: number;
  /** Prepares the state an allowed call needs (n: a fresh number). */
  setup?: (f: OfficerFixture, actor: Who, n: number) => Promise<void>;
}

const serviceDraft = (n: number) => ({ service: { name: `Paspor biasa 48 halaman (uji ${n})` }, changeNote: `uji ${n}` });
const agencyDraft = (n: number) => ({ agency: { note: `Catatan uji ${n}` }, changeNote: `uji ${n}` });
const regionDraft = (n: number) => ({ region: { mppAddress: `Jalan Uji ${n}, Kota Bandung`, mppSource: "https://bandung.go.id/mpp" }, changeNote: `uji ${n}` });

async function closeDrafts(f: OfficerFixture) {
  await f.db.kysely.updateTable("drafts").set({ status: "rejected", decision_note: "closed by the test" }).where("status", "in", ["draft", "in_review"]).execute();
}

/** An open draft in review, authored by someone other than the actor. */
function reviewable(kind: "services" | "agencies" | "regions", id: string, body: (n: number) => unknown) {
  return async (f: OfficerFixture, actor: Who, n: number) => {
    await closeDrafts(f);
    const author = kind === "services" && actor !== "ra" ? ACCOUNTS.ra2! : kind === "services" ? ACCOUNTS.ed2! : ACCOUNTS.ra2!;
    const c = await f.login(author);
    const saved = await call(f.app, c, "PUT", `/api/v1/admin/${kind}/${id}/draft`, body(n));
    assert.equal(saved.statusCode, 200, `setup: ${author.username} saves a draft (${saved.body.slice(0, 200)})`);
    const sub = await call(f.app, c, "POST", `/api/v1/admin/${kind}/${id}/submit`, {});
    assert.equal(sub.statusCode, 200, `setup: submitted (${sub.body.slice(0, 200)})`);
  };
}

function draftOfActor(kind: "services" | "agencies" | "regions", id: string, body: (n: number) => unknown) {
  return async (f: OfficerFixture, actor: Who, n: number) => {
    await closeDrafts(f);
    const saved = await call(f.app, await f.login(ACCOUNTS[actor]!), "PUT", `/api/v1/admin/${kind}/${id}/draft`, body(n));
    assert.equal(saved.statusCode, 200, `setup: ${actor} saves a draft (${saved.body.slice(0, 200)})`);
  };
}

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n");

const CASES: Case[] = [
  { name: "list services", method: "GET", url: "/api/v1/admin/services", allowed: EVERYONE, ok: 200 },
  { name: "list drafts", method: "GET", url: "/api/v1/admin/drafts?status=in_review", allowed: EVERYONE, ok: 200 },
  { name: "read a service", method: "GET", url: `/api/v1/admin/services/${SERVICE}`, allowed: ["prov", "ra", "ed"], ok: 200 },
  { name: "save a service draft", method: "PUT", url: `/api/v1/admin/services/${SERVICE}/draft`, body: serviceDraft, allowed: ["prov", "ra", "ed"], ok: 200, setup: async (f) => closeDrafts(f) },
  { name: "submit a service draft", method: "POST", url: `/api/v1/admin/services/${SERVICE}/submit`, body: () => ({}), allowed: ["prov", "ra", "ed"], ok: 200, setup: draftOfActor("services", SERVICE, serviceDraft) },
  { name: "publish a service draft", method: "POST", url: `/api/v1/admin/services/${SERVICE}/publish`, body: () => ({}), allowed: ["prov", "ra"], ok: 200, setup: reviewable("services", SERVICE, serviceDraft) },
  { name: "reject a service draft", method: "POST", url: `/api/v1/admin/services/${SERVICE}/reject`, body: () => ({ reason: "sumber kurang" }), allowed: ["prov", "ra"], ok: 200, setup: reviewable("services", SERVICE, serviceDraft) },
  { name: "verify a service", method: "POST", url: `/api/v1/admin/services/${SERVICE}/verify`, body: () => ({ source: "PP 45/2024, Lampiran", sourceDate: "2024-10-18" }), allowed: ["prov", "ra", "ed"], ok: 200 },
  {
    name: "create a service", method: "POST", url: "/api/v1/admin/services", allowed: ["prov", "ra", "ed"], ok: 201,
    body: (n) => ({
      service: {
        regionCode: "3273", agencySlug: "imigrasi", slug: `layanan-uji-${n}`, name: `Layanan uji ${n}`, nameEn: "", description: "", keywords: "",
        requirements: ["KTP-el"], steps: ["Datang ke loket"], fee: { amount: null, note: null }, duration: null, hours: null, legalBasis: [],
        product: null, complaintChannels: [], onlineUrl: null, source: null,
        standard: { facilities: null, competence: null, supervision: null, staffing: null, serviceGuarantee: null, safetyGuarantee: null, performanceEvaluation: null },
      },
      changeNote: "layanan baru",
    }),
  },
  { name: "read an agency", method: "GET", url: `/api/v1/admin/agencies/${AGENCY}`, allowed: ["prov", "ra"], ok: 200 },
  { name: "save an agency draft", method: "PUT", url: `/api/v1/admin/agencies/${AGENCY}/draft`, body: agencyDraft, allowed: ["prov", "ra"], ok: 200, setup: async (f) => closeDrafts(f) },
  { name: "submit an agency draft", method: "POST", url: `/api/v1/admin/agencies/${AGENCY}/submit`, body: () => ({}), allowed: ["prov", "ra"], ok: 200, setup: draftOfActor("agencies", AGENCY, agencyDraft) },
  { name: "publish an agency draft", method: "POST", url: `/api/v1/admin/agencies/${AGENCY}/publish`, body: () => ({}), allowed: ["prov", "ra"], ok: 200, setup: reviewable("agencies", AGENCY, agencyDraft) },
  { name: "reject an agency draft", method: "POST", url: `/api/v1/admin/agencies/${AGENCY}/reject`, body: () => ({ reason: "belum lengkap" }), allowed: ["prov", "ra"], ok: 200, setup: reviewable("agencies", AGENCY, agencyDraft) },
  {
    name: "create an agency", method: "POST", url: "/api/v1/admin/agencies", allowed: ["prov", "ra"], ok: 201,
    body: (n) => ({ agency: { regionCode: "3273", slug: `instansi-uji-${n}`, name: `Instansi uji ${n}`, nameEn: "", shortName: "Uji", level: "daerah", note: null, counters: [{ id: null, label: "Z1" }] }, changeNote: "instansi baru" }),
  },
  { name: "read a region", method: "GET", url: `/api/v1/admin/regions/${REGION}`, allowed: ["prov", "ra"], ok: 200 },
  { name: "save a region draft", method: "PUT", url: `/api/v1/admin/regions/${REGION}/draft`, body: regionDraft, allowed: ["prov", "ra"], ok: 200, setup: async (f) => closeDrafts(f) },
  { name: "submit a region draft", method: "POST", url: `/api/v1/admin/regions/${REGION}/submit`, body: () => ({}), allowed: ["prov", "ra"], ok: 200, setup: draftOfActor("regions", REGION, regionDraft) },
  { name: "publish a region draft", method: "POST", url: `/api/v1/admin/regions/${REGION}/publish`, body: () => ({}), allowed: ["prov", "ra"], ok: 200, setup: reviewable("regions", REGION, regionDraft) },
  { name: "reject a region draft", method: "POST", url: `/api/v1/admin/regions/${REGION}/reject`, body: () => ({ reason: "jam belum bersumber" }), allowed: ["prov", "ra"], ok: 200, setup: reviewable("regions", REGION, regionDraft) },
  { name: "read a service's history", method: "GET", url: `/api/v1/admin/audit?entity=service:${SERVICE}`, allowed: ["prov", "ra", "ed"], ok: 200 },
  { name: "read the whole audit log", method: "GET", url: "/api/v1/admin/audit", allowed: ["prov"], ok: 200 },
  { name: "read an officer's history", method: "GET", url: "/api/v1/admin/audit?entity=officer:ed-imigrasi", allowed: ["prov"], ok: 200 },
  { name: "export one's scope", method: "GET", url: "/api/v1/admin/export?format=csv", allowed: EVERYONE, ok: 200 },
  { name: "export region 3204", method: "GET", url: "/api/v1/admin/export?format=csv&region=3204", allowed: ["prov", "raOther"], ok: 200 },
];

forEachEngine("officers: every role against every route", (engine) => {
  let f: OfficerFixture;
  const cookies = new Map<Who, string>();
  let n = 0;
  before(async function () {
    this.timeout(120_000);
    f = await officerFixture(engine);
  });
  after(async () => { await f.close(); });
  const cookieOf = async (who: Who) => {
    if (!cookies.has(who)) cookies.set(who, await f.login(ACCOUNTS[who]!));
    return cookies.get(who)!;
  };

  for (const c of CASES) {
    it(`${c.name}: 401 without a session, 403 for ${EVERYONE.filter((w) => !c.allowed.includes(w)).join(", ") || "nobody"}, ${c.ok} for ${c.allowed.join(", ")}`, async function () {
      this.timeout(60_000);
      const anon = await call(f.app, null, c.method, c.url, c.body?.(++n));
      assert.equal(anon.statusCode, 401, `no session: 401 (${anon.body.slice(0, 120)})`);
      assert.equal(anon.json().error.code, "unauthenticated", "JSON error");
      for (const who of EVERYONE.filter((w) => !c.allowed.includes(w))) {
        const before = await auditCount(f.db);
        const res = await call(f.app, await cookieOf(who), c.method, c.url, c.body?.(++n));
        assert.equal(res.statusCode, 403, `${who}: 403 (${res.body.slice(0, 160)})`);
        assert.equal(res.json().error.code, "forbidden", `${who}: JSON error`);
        assert.equal(await auditCount(f.db), before, `${who}: nothing written`);
      }
      for (const who of c.allowed) {
        const k = ++n;
        await c.setup?.(f, who, k);
        const res = await call(f.app, await cookieOf(who), c.method, c.url, c.body?.(k));
        assert.equal(res.statusCode, c.ok, `${who}: ${c.ok} (${res.body.slice(0, 200)})`);
      }
    });
  }

  it("import: every role may run one, and rows outside the role's scope are per-row errors", async () => {
    const header = ["ID Layanan", "Kode Wilayah", "Instansi", "Slug Layanan", "Nama Layanan"];
    const other = (await f.db.kysely.selectFrom("services").select("id").where("agency_id", "=", "3204-disdukcapil").orderBy("id").executeTakeFirstOrThrow()).id;
    const body = csv([header, [SERVICE, "", "", "", "Paspor biasa (impor)"], [other, "", "", "", "Layanan Disdukcapil (impor)"]]);
    const expectErrors: Record<Who, string[]> = {
      prov: [], ra: [other], raOther: [SERVICE], ed: [other], edOther: [SERVICE, other],
    };
    for (const who of EVERYONE) {
      const res = await f.app.inject({ method: "POST", url: "/api/v1/admin/import?format=csv", payload: body, headers: { origin: "http://localhost:80", cookie: await cookieOf(who), "content-type": "text/csv" } });
      assert.equal(res.statusCode, 200, `${who}: dry run 200 (${res.body.slice(0, 200)})`);
      const errorRows = (res.json() as { errors: Array<{ row: number; message: string }> }).errors.filter((e) => /scope/.test(e.message)).map((e) => e.row);
      assert.deepEqual(errorRows, expectErrors[who].map((id) => (id === SERVICE ? 2 : 3)), `${who}: out-of-scope rows`);
    }
    const anon = await f.app.inject({ method: "POST", url: "/api/v1/admin/import?format=csv", payload: body, headers: { origin: "http://localhost:80", "content-type": "text/csv" } });
    assert.equal(anon.statusCode, 401, "no session: 401");
  });

  it("lists only what the role may edit", async () => {
    const list = async (who: Who) => (await call(f.app, await cookieOf(who), "GET", "/api/v1/admin/services?limit=2000")).json() as { services: Array<{ regionCode: string; agencySlug: string }>; total: number };
    const prov = await list("prov");
    const ra = await list("ra");
    const ed = await list("ed");
    assert.ok(prov.total > 27 * 20, `the province admin sees the province (${prov.total})`);
    assert.ok(ra.total > 0 && ra.services.every((s) => s.regionCode === "3273"), "a region admin sees its region only");
    assert.ok(ed.total > 0 && ed.services.every((s) => s.regionCode === "3273" && s.agencySlug === "imigrasi"), "an editor sees its agency only");
    assert.ok(ra.total > ed.total && prov.total > ra.total, "nested scopes");
  });

  it("describes every officers' route in the OpenAPI document, with the session cookie", async () => {
    const doc = (await f.app.inject("/api/v1/openapi.json")).json() as { paths: Record<string, Record<string, { security?: unknown; requestBody?: unknown }>>; components: { securitySchemes: Record<string, unknown> } };
    const expected: Array<[string, string]> = [
      ["/api/v1/auth/login", "post"], ["/api/v1/auth/me", "get"], ["/api/v1/auth/logout", "post"],
      ["/api/v1/admin/services/{id}", "get"], ["/api/v1/admin/services/{id}/draft", "put"], ["/api/v1/admin/services/{id}/submit", "post"],
      ["/api/v1/admin/services/{id}/publish", "post"], ["/api/v1/admin/services/{id}/reject", "post"], ["/api/v1/admin/services/{id}/verify", "post"],
      ["/api/v1/admin/services", "post"], ["/api/v1/admin/services", "get"], ["/api/v1/admin/agencies", "post"],
      ["/api/v1/admin/agencies/{id}/draft", "put"], ["/api/v1/admin/regions/{id}/publish", "post"],
      ["/api/v1/admin/audit", "get"], ["/api/v1/admin/import", "post"], ["/api/v1/admin/export", "get"], ["/api/v1/admin/drafts", "get"],
    ];
    for (const [path, method] of expected) {
      assert.ok(doc.paths[path]?.[method], `${method.toUpperCase()} ${path} is documented`);
    }
    assert.ok(doc.paths["/api/v1/admin/services/{id}/draft"]!.put!.requestBody, "the draft body is documented");
    assert.ok(doc.paths["/api/v1/admin/services/{id}"]!.get!.security, "admin routes name the session");
    assert.ok(doc.components.securitySchemes.session, "the session scheme");
  });

  it("answers 405 with Allow for a method a route does not have", async () => {
    const res = await call(f.app, await cookieOf("prov"), "PUT", `/api/v1/admin/services/${SERVICE}/publish`, {});
    assert.equal(res.statusCode, 405, "405");
    assert.equal(res.headers.allow, "POST", "Allow");
  });
});
