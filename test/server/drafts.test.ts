// Review before publishing, on both engines: draft -> in review -> published; the public API serves
// only published records and its ETag changes on every node at publication; the reviewer is never
// an author (a province admin only with a written reason, recorded); rejections; conflicts; two
// reviewers at once; new services and agencies; an MPP's hours; verification and "perlu ditinjau".
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, call, officerFixture, type OfficerFixture } from "../support/officers";
import { monthsBefore, todayWib } from "../../src/domain/admin/review-age";

const SERVICE = "3273-imigrasi-paspor-biasa";
const URL_ = `/api/v1/admin/services/${SERVICE}`;

forEachEngine("officers: drafts, review, publishing, verification", (engine) => {
  let f: OfficerFixture;
  const c: Record<string, string> = {};
  before(async function () {
    this.timeout(90_000);
    f = await officerFixture(engine);
    for (const k of ["prov", "prov2", "ra", "ra2", "ed", "ed2", "raOther"]) c[k] = await f.login(ACCOUNTS[k]!);
  });
  after(async () => { await f.close(); });
  const closeDrafts = () => f.db.kysely.updateTable("drafts").set({ status: "rejected" }).where("status", "in", ["draft", "in_review"]).execute();
  beforeEach(closeDrafts);

  const publicService = async (app = f.app) => {
    const res = await app.inject(`/api/v1/services/${SERVICE}`);
    return { etag: String(res.headers.etag), service: res.json().service as { fee: { amount: number | null; note: string | null }; verified: boolean; lastVerified: string | null; source: string | null; name: string } };
  };

  it("an editor's fee draft stays private until a region admin publishes it; then every node's ETag changes", async function () {
    this.timeout(60_000);
    const nodeB = await f.addNode();
    const before = await publicService();
    const beforeB = await publicService(nodeB);
    const saved = await call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { fee: { amount: 650_000, note: "PNBP paspor 10 tahun" }, source: "PP 45/2024" }, changeNote: "Tarif baru PP 45/2024" });
    assert.equal(saved.statusCode, 200, saved.body);
    const rec = saved.json();
    assert.equal(rec.draft.status, "draft", "a draft");
    assert.deepEqual(rec.draft.authors, ["ed-imigrasi"], "its author");
    assert.ok(rec.draft.changes.some((ch: { field: string; after: unknown }) => ch.field === "fee.amount" && ch.after === 650_000), "the draft's changes");
    assert.equal((await publicService()).service.fee.amount, before.service.fee.amount, "the public API still serves the published fee");

    assert.equal((await call(f.app, c.ed!, "POST", `${URL_}/submit`, {})).statusCode, 200, "submitted");
    assert.equal((await call(f.app, c.ed!, "POST", `${URL_}/publish`, {})).statusCode, 403, "an editor never publishes");
    const pub = await call(f.app, c.ra!, "POST", `${URL_}/publish`, {});
    assert.equal(pub.statusCode, 200, pub.body);
    assert.equal(pub.json().draft, null, "no open draft any more");
    const after = await publicService();
    assert.equal(after.service.fee.amount, 650_000, "the new fee is public");
    assert.notEqual(after.etag, before.etag, "the ETag changed on this node");
    // PostgreSQL nodes read the data version at most every 250 ms.
    await new Promise((r) => setTimeout(r, 300));
    const afterB = await publicService(nodeB);
    assert.equal(afterB.service.fee.amount, 650_000, "node B serves it too");
    assert.notEqual(afterB.etag, beforeB.etag, "and its ETag changed");
    assert.equal(after.service.verified, false, "changed facts without a check against a dated source: not verified");
    const stale = await nodeB.inject({ url: `/api/v1/services/${SERVICE}`, headers: { "if-none-match": beforeB.etag } });
    assert.equal(stale.statusCode, 200, "a kiosk revalidating with the old ETag gets the new record");
  });

  it("a draft with a verification claim publishes as verified today, by its author, with the source's date", async () => {
    const saved = await call(f.app, c.ed!, "PUT", `${URL_}/draft`, {
      service: { fee: { amount: 350_000, note: "Paspor biasa 5 tahun" } },
      verification: { source: "PP 45/2024 Lampiran huruf A", sourceDate: "2024-10-18" },
      changeNote: "Diperiksa terhadap PP 45/2024",
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().draft.fields.source, "PP 45/2024 Lampiran huruf A", "the claim's source is the record's source");
    await call(f.app, c.ed!, "POST", `${URL_}/submit`, {});
    assert.equal((await call(f.app, c.ra!, "POST", `${URL_}/publish`, {})).statusCode, 200);
    const { service } = await publicService();
    assert.equal(service.verified, true, "verified");
    assert.equal(service.lastVerified, todayWib(), "today (WIB)");
    assert.equal(service.source, "PP 45/2024 Lampiran huruf A (2024-10-18)", "citizens see the source with its date");
    const admin = (await call(f.app, c.ra!, "GET", URL_)).json();
    assert.equal(admin.published.verifiedBy, "ed-imigrasi", "the verifier is the one who checked");
    assert.equal(admin.published.review, "current", "not due for review");
  });

  it("needs a change note, and a source for a fee; refuses invisible formatting characters", async () => {
    for (const [body, field] of [
      [{ service: { name: "X" }, changeNote: "" }, /changeNote|body/],
      [{ service: { name: "X" }, changeNote: "   " }, /change note/],
      [{ service: { fee: { amount: 1, note: null }, source: null }, changeNote: "tanpa sumber" }, /fee\.amount/],
      [{ service: { name: "Paspor\u202e biasa" }, changeNote: "bidi" }, /service\.name/],
      [{ service: { onlineUrl: "javascript:alert(1)" }, changeNote: "tautan" }, /onlineUrl/],
    ] as const) {
      const res = await call(f.app, c.ed!, "PUT", `${URL_}/draft`, body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: 400`);
      assert.match(res.json().error.message, field, `names ${field}`);
    }
    assert.equal((await f.db.kysely.selectFrom("drafts").select("id").where("status", "=", "draft").execute()).length, 0, "no draft written");
  });

  it("the reviewer is never an author: editing someone's draft makes you an author too", async () => {
    await call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { name: "Paspor biasa (ed)" }, changeNote: "nama" });
    const edited = await call(f.app, c.ra!, "PUT", `${URL_}/draft`, { service: { nameEn: "Ordinary passport (ra)" }, changeNote: "nama Inggris" });
    assert.deepEqual(edited.json().draft.authors, ["ed-imigrasi", "ra-bandung"], "both are authors");
    await call(f.app, c.ra!, "POST", `${URL_}/submit`, {});
    const self = await call(f.app, c.ra!, "POST", `${URL_}/publish`, {});
    assert.equal(self.statusCode, 403, "a region admin cannot publish a draft they wrote");
    assert.match(self.json().error.message, /never an author/, "says why");
    assert.equal((await call(f.app, c.ra!, "POST", `${URL_}/reject`, { reason: "x" })).statusCode, 403, "nor reject it");
    const detail = (await call(f.app, c.ra2!, "GET", URL_)).json();
    assert.equal(detail.can.review, true, "another region admin may");
    assert.equal((await call(f.app, c.ra2!, "POST", `${URL_}/publish`, {})).statusCode, 200, "and does");
  });

  it("a province admin may publish their own draft only with a written reason, which is recorded", async () => {
    await call(f.app, c.prov!, "PUT", `${URL_}/draft`, { service: { name: "Paspor biasa (mendesak)" }, changeNote: "koreksi mendesak" });
    const detail = (await call(f.app, c.prov!, "GET", URL_)).json();
    assert.equal(detail.can.reviewNeedsReason, true, "the workspace is told a reason is needed");
    for (const body of [{}, { reason: "" }, { reason: "singkat" }]) {
      const res = await call(f.app, c.prov!, "POST", `${URL_}/publish`, body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: 400`);
      assert.match(res.json().error.message, /reason/, "asks for the reason");
    }
    const why = "Nama salah ketik terlihat di kios, tidak ada peninjau lain hari ini";
    assert.equal((await call(f.app, c.prov!, "POST", `${URL_}/publish`, { reason: why })).statusCode, 200);
    const draft = await f.db.kysely.selectFrom("drafts").selectAll().where("entity_id", "=", SERVICE).where("status", "=", "published").orderBy("id", "desc").executeTakeFirstOrThrow();
    assert.equal(draft.decision_note, why, "the reason is kept with the draft");
    const last = await f.db.kysely.selectFrom("audit_log").selectAll().orderBy("seq", "desc").executeTakeFirstOrThrow();
    assert.equal(last.action, "draft.publish", "and in the audit row");
    assert.ok(last.note?.includes(why), "with the reason");
  });

  it("rejects with a reason; the author's next save opens a new draft; saving a draft in review sends it back", async () => {
    await call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { description: "Deskripsi uji" }, changeNote: "deskripsi" });
    await call(f.app, c.ed!, "POST", `${URL_}/submit`, {});
    const back = await call(f.app, c.ed2!, "PUT", `${URL_}/draft`, { service: { description: "Deskripsi uji 2" }, changeNote: "deskripsi lagi" });
    assert.equal(back.json().draft.status, "draft", "edited in review: back to draft");
    assert.equal((await call(f.app, c.ra!, "POST", `${URL_}/publish`, {})).statusCode, 409, "it must be submitted again first");
    await call(f.app, c.ed2!, "POST", `${URL_}/submit`, {});
    assert.equal((await call(f.app, c.ra!, "POST", `${URL_}/reject`, {})).statusCode, 400, "a rejection needs a reason");
    const rej = await call(f.app, c.ra!, "POST", `${URL_}/reject`, { reason: "Sumber deskripsi tidak ada" });
    assert.equal(rej.statusCode, 200, rej.body);
    assert.equal(rej.json().draft, null, "no open draft");
    const rows = await f.db.kysely.selectFrom("drafts").select(["status", "decision_note"]).where("entity_id", "=", SERVICE).orderBy("id", "desc").limit(1).execute();
    assert.deepEqual(rows[0], { status: "rejected", decision_note: "Sumber deskripsi tidak ada" }, "kept with its reason");
    const again = await call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { description: "Deskripsi uji 3" }, changeNote: "perbaikan" });
    assert.equal(again.json().draft.status, "draft", "a new draft");
  });

  it("publishing keeps what changed meanwhile in other fields, and refuses a field changed both ways (409)", async () => {
    await call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { product: "Paspor 48 halaman (uji)" }, changeNote: "produk" });
    await call(f.app, c.ed!, "POST", `${URL_}/submit`, {});
    // Meanwhile someone verifies the published record (source and date change).
    assert.equal((await call(f.app, c.ed2!, "POST", `${URL_}/verify`, { source: "Laman Imigrasi, tarif", sourceDate: "2025-01-02" })).statusCode, 200);
    assert.equal((await call(f.app, c.ra!, "POST", `${URL_}/publish`, {})).statusCode, 200, "no overlap: published");
    const admin = (await call(f.app, c.ra!, "GET", URL_)).json();
    assert.equal(admin.published.product, "Paspor 48 halaman (uji)", "the draft's change");
    assert.equal(admin.published.source, "Laman Imigrasi, tarif", "the verification made meanwhile is kept");

    await call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { hours: "Senin-Jumat 08.00-15.00" }, changeNote: "jam A" });
    await call(f.app, c.ed!, "POST", `${URL_}/submit`, {});
    await f.db.kysely.updateTable("services").set({ hours: "Senin-Kamis 08.00-14.00" }).where("id", "=", SERVICE).execute();
    const clash = await call(f.app, c.ra!, "POST", `${URL_}/publish`, {});
    assert.equal(clash.statusCode, 409, "the same field changed both ways: 409");
    assert.match(clash.json().error.message, /hours/, "names the field");
  });

  it("two reviewers publishing the same draft at once: exactly one succeeds, one audit row", async () => {
    await call(f.app, c.ed!, "PUT", `${URL_}/draft`, { service: { duration: "3 hari kerja" }, changeNote: "waktu" });
    await call(f.app, c.ed!, "POST", `${URL_}/submit`, {});
    const nodeB = f.nodes[1] ?? await f.addNode();
    const rows = async () => (await f.db.kysely.selectFrom("audit_log").select("seq").where("action", "=", "draft.publish").execute()).length;
    const before = await rows();
    const results = await Promise.all([
      call(f.app, c.ra!, "POST", `${URL_}/publish`, {}), call(nodeB, c.ra2!, "POST", `${URL_}/publish`, {}), call(f.app, c.prov!, "POST", `${URL_}/publish`, {}),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    assert.equal(codes.filter((s) => s === 200).length, 1, `exactly one 200 (${codes})`);
    assert.ok(codes.every((s) => s === 200 || s === 404 || s === 409), `the others 404 (no open draft) or 409 (${codes})`);
    assert.equal(await rows(), before + 1, "one publish row");
  });

  it("a new service and a new agency are public only once published; counters come with the agency", async () => {
    const svc = await call(f.app, c.ed!, "POST", "/api/v1/admin/services", {
      service: {
        regionCode: "3273", agencySlug: "imigrasi", slug: "paspor-elektronik-uji", name: "Paspor elektronik (uji)", nameEn: "", description: "", keywords: "e-paspor",
        requirements: ["KTP-el"], steps: ["Daftar M-Paspor"], fee: { amount: null, note: null }, duration: null, hours: null, legalBasis: [],
        product: null, complaintChannels: [{ kind: "counter", label: "Loket", value: null }], onlineUrl: "https://www.imigrasi.go.id", source: null,
        standard: { facilities: "Ruang tunggu ber-AC", competence: null, supervision: null, staffing: "2 orang", serviceGuarantee: null, safetyGuarantee: null, performanceEvaluation: null },
      },
      changeNote: "layanan baru di MPP",
    });
    assert.equal(svc.statusCode, 201, svc.body);
    const id = "3273-imigrasi-paspor-elektronik-uji";
    assert.equal((await f.app.inject(`/api/v1/services/${id}`)).statusCode, 404, "not public as a draft");
    await call(f.app, c.ed!, "POST", `/api/v1/admin/services/${id}/submit`, {});
    assert.equal((await call(f.app, c.ra!, "POST", `/api/v1/admin/services/${id}/publish`, {})).statusCode, 200);
    const pub = await f.app.inject(`/api/v1/services/${id}`);
    assert.equal(pub.statusCode, 200, "public once published");
    assert.equal(pub.json().service.agencySlug, "imigrasi", "under its agency");
    const admin = (await call(f.app, c.ra!, "GET", `/api/v1/admin/services/${id}`)).json();
    assert.equal(admin.published.standard.staffing, "2 orang", "the Standar Pelayanan components are kept");

    const ag = await call(f.app, c.ra!, "POST", "/api/v1/admin/agencies", {
      agency: { regionCode: "3273", slug: "bpom-uji", name: "Balai POM (uji)", nameEn: "Food and drug agency (test)", shortName: "BPOM", level: "nasional", note: "Uji", counters: [{ id: null, label: "Q1" }, { id: null, label: "Q2" }] },
      changeNote: "gerai baru",
    });
    assert.equal(ag.statusCode, 201, ag.body);
    await call(f.app, c.ra!, "POST", "/api/v1/admin/agencies/3273-bpom-uji/submit", {});
    assert.equal((await call(f.app, c.ra!, "POST", "/api/v1/admin/agencies/3273-bpom-uji/publish", {})).statusCode, 403, "not by its author");
    assert.equal((await call(f.app, c.ra2!, "POST", "/api/v1/admin/agencies/3273-bpom-uji/publish", {})).statusCode, 200);
    const region = (await f.app.inject("/api/v1/regions/3273")).json().region as { agencies: Array<{ id: string; counters: Array<{ id: string; label: string }> }> };
    const a = region.agencies.find((x) => x.id === "3273-bpom-uji");
    assert.deepEqual(a?.counters, [{ id: "3273-bpom-uji-1", label: "Q1" }, { id: "3273-bpom-uji-2", label: "Q2" }], "with its counters");
  });

  it("a region admin keeps the MPP's status, address and hours per weekday; bad hours are refused", async () => {
    const hours = { mon: [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }], tue: [{ open: "08:00", close: "15:00" }], wed: null, thu: null, fri: [{ open: "08:00", close: "11:30" }], sat: [], sun: [] };
    const bad = await call(f.app, c.ra!, "PUT", "/api/v1/admin/regions/3273/draft", { region: { hours: { ...hours, tue: [{ open: "15:00", close: "08:00" }] }, mppSource: "https://bandung.go.id" }, changeNote: "jam" });
    assert.equal(bad.statusCode, 400, "closing before opening: 400");
    const ok = await call(f.app, c.ra!, "PUT", "/api/v1/admin/regions/3273/draft", { region: { hours, mppAddress: "Jalan Cianjur, Kota Bandung", mppSource: "https://bandung.go.id" }, changeNote: "jam buka dari papan informasi" });
    assert.equal(ok.statusCode, 200, ok.body);
    await call(f.app, c.ra!, "POST", "/api/v1/admin/regions/3273/submit", {});
    assert.equal((await call(f.app, c.prov!, "POST", "/api/v1/admin/regions/3273/publish", {})).statusCode, 200);
    const rec = (await call(f.app, c.ra!, "GET", "/api/v1/admin/regions/3273")).json();
    assert.deepEqual(rec.published.hours, hours, "hours per weekday, with breaks, closed and unknown days");
    assert.equal(rec.published.mppAddress, "Jalan Cianjur, Kota Bandung", "the address");
  });

  it("verification: today and the verifier; due for review after 12 months; the list filters", async () => {
    const v = await call(f.app, c.ed!, "POST", `${URL_}/verify`, { source: "https://www.imigrasi.go.id/tarif", sourceDate: "2024-12-17" });
    assert.equal(v.statusCode, 200, v.body);
    assert.equal(v.json().published.lastVerified, todayWib(), "lastVerified is today");
    assert.equal(v.json().published.verifiedBy, "ed-imigrasi", "the verifier");
    const future = await call(f.app, c.ed!, "POST", `${URL_}/verify`, { source: "x y z", sourceDate: "2999-01-01" });
    assert.equal(future.statusCode, 400, "a source dated in the future: 400");
    const old = monthsBefore(todayWib(), 13);
    await f.db.kysely.updateTable("services").set({ last_verified: old }).where("id", "=", SERVICE).execute();
    const list = async (filter: string) => (await call(f.app, c.ed!, "GET", `/api/v1/admin/services?filter=${filter}`)).json() as { services: Array<{ id: string; review: string; verified: boolean; lastVerified: string | null }> };
    const due = await list("due-for-review");
    assert.deepEqual(due.services.map((s) => [s.id, s.review]), [[SERVICE, "due"]], "perlu ditinjau: verified over 12 months ago");
    const never = await list("never-checked");
    assert.ok(never.services.length > 0 && never.services.every((s) => s.lastVerified === null), "never checked: no date");
    const page = await f.app.inject(`/layanan/3273/${SERVICE}`);
    assert.match(page.body, /lebih dari setahun lalu/, "citizens see the date with 'lebih dari setahun lalu' on /layanan");
    const unverified = await list("unverified");
    assert.ok(unverified.services.every((s) => !s.verified), "unverified only");
    assert.ok(!unverified.services.some((s) => s.id === SERVICE), "the verified one is not there");
  });
});
