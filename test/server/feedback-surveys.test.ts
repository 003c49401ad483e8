// The SKM on both engines: visit tokens, one survey per visit (also under a burst of the same token),
// every bad body a 400 with the JSON error (8 answers, a 5, a missing agency, strings for numbers),
// and the index of GET /regions/{code}/ikm against worked examples, per agency, region and period.
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { feedbackFixture, send, visitToken, type FeedbackFixture } from "../support/feedback";

const ALL4 = [4, 4, 4, 4, 4, 4, 4, 4, 4];

forEachEngine("feedback: SKM surveys and the index", (engine) => {
  let f: FeedbackFixture;
  before(async function () {
    this.timeout(60_000);
    f = await feedbackFixture(engine, { accounts: [] });
  });
  after(async () => { await f.close(); });

  const survey = (body: Record<string, unknown>, address?: string) => send(f.app, "POST", "/api/v1/surveys", body, address);
  const lobbyToken = async (region: string) => {
    const res = await send(f.app, "POST", "/api/v1/visits", { kind: "lobby", regionCode: region });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().visit.token as string;
  };

  it("issues visit tokens for a service read and a lobby visit, and refuses bad visits", async () => {
    const res = await send(f.app, "POST", "/api/v1/visits", { kind: "service", serviceId: "3273-imigrasi-paspor-biasa" });
    assert.equal(res.statusCode, 201, res.body);
    const v = res.json().visit;
    assert.deepEqual([v.kind, v.regionCode, v.agencyId, v.serviceId], ["service", "3273", "3273-imigrasi", "3273-imigrasi-paspor-biasa"]);
    assert.ok(v.token.length >= 30, "an unguessable token");
    const stored = await f.db.kysely.selectFrom("visit_tokens").select("token_hash").execute();
    assert.ok(!stored.some((r) => r.token_hash === v.token), "only its hash is stored");
    for (const body of [{ kind: "service" }, { kind: "service", serviceId: "3273-imigrasi-tidak-ada" }, { kind: "lobby" }, { kind: "lobby", regionCode: "9999" }, { kind: "queue", regionCode: "3273" }]) {
      const bad = await send(f.app, "POST", "/api/v1/visits", body);
      assert.equal(bad.statusCode, 400, `${JSON.stringify(body)}: ${bad.body}`);
    }
  });

  it("answers 201 for nine answers 1-4 with the visit's token, once per visit", async () => {
    const token = await visitToken(f.app);
    const ok = await survey({ agencyId: "3273-imigrasi", answers: [4, 3, 3, 4, 3, 3, 4, 3, 3], comment: "Petugas ramah.", visitToken: token });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.deepEqual(ok.json().survey, { regionCode: "3273", agencyId: "3273-imigrasi", day: "2026-03-02" });
    const again = await survey({ agencyId: "3273-imigrasi", answers: ALL4, visitToken: token });
    assert.equal(again.statusCode, 409, "the same visit again");
    assert.equal(again.json().error.code, "visit_used");
  });

  it("answers 400 with the JSON error for 8 answers, a 5, a missing agency and other bad bodies, spending nothing", async () => {
    const token = await visitToken(f.app);
    const cases: Array<[string, Record<string, unknown>]> = [
      ["8 answers", { agencyId: "3273-imigrasi", answers: [4, 4, 4, 4, 4, 4, 4, 4], visitToken: token }],
      ["10 answers", { agencyId: "3273-imigrasi", answers: [...ALL4, 4], visitToken: token }],
      ["a 5", { agencyId: "3273-imigrasi", answers: [4, 4, 4, 5, 4, 4, 4, 4, 4], visitToken: token }],
      ["a 0", { agencyId: "3273-imigrasi", answers: [0, 4, 4, 4, 4, 4, 4, 4, 4], visitToken: token }],
      ["2.5", { agencyId: "3273-imigrasi", answers: [2.5, 4, 4, 4, 4, 4, 4, 4, 4], visitToken: token }],
      ["\"3\" as text", { agencyId: "3273-imigrasi", answers: ["3", 4, 4, 4, 4, 4, 4, 4, 4], visitToken: token }],
      ["true", { agencyId: "3273-imigrasi", answers: [true, 4, 4, 4, 4, 4, 4, 4, 4], visitToken: token }],
      ["a missing agency", { answers: ALL4, visitToken: token }],
      ["an unknown agency", { agencyId: "3273-nasa", answers: ALL4, visitToken: token }],
      ["another agency than the visit's", { agencyId: "3273-disdukcapil", answers: ALL4, visitToken: token }],
      ["a service of another agency", { agencyId: "3273-imigrasi", serviceId: "3273-disdukcapil-ktp-el-baru", answers: ALL4, visitToken: token }],
      ["no visit token", { agencyId: "3273-imigrasi", answers: ALL4 }],
      ["an unknown visit token", { agencyId: "3273-imigrasi", answers: ALL4, visitToken: "x".repeat(32) }],
      ["a comment of 10,000 characters", { agencyId: "3273-imigrasi", answers: ALL4, comment: "b".repeat(10_000), visitToken: token }],
      ["a lone surrogate in the comment", { agencyId: "3273-imigrasi", answers: ALL4, comment: "a\udc00b", visitToken: token }],
      ["answers as an object", { agencyId: "3273-imigrasi", answers: { 0: 4 }, visitToken: token }],
    ];
    for (const [what, body] of cases) {
      const res = what.includes("surrogate") ? await send(f.app, "POST", "/api/v1/surveys", JSON.stringify(body)) : await survey(body);
      assert.equal(res.statusCode, 400, `${what}: ${res.statusCode} ${res.body}`);
      const err = res.json().error;
      assert.ok(err.code && err.message, `${what}: { error: { code, message } }`);
    }
    const ok = await survey({ agencyId: "3273-imigrasi", answers: ALL4, visitToken: token });
    assert.equal(ok.statusCode, 201, "the token was not spent by the refused bodies");
  });

  it("records one survey when the same token is sent twelve times at once", async () => {
    const token = await visitToken(f.app, "3273-imigrasi-e-paspor");
    const before = await respondents(f, "3273-imigrasi");
    const all = await Promise.all(Array.from({ length: 12 }, () => survey({ agencyId: "3273-imigrasi", answers: ALL4, visitToken: token })));
    const statuses = all.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [201, ...Array(11).fill(409)], "one 201, eleven 409");
    assert.equal(await respondents(f, "3273-imigrasi"), before + 1, "one row");
  });

  it("refuses an expired visit; a lobby visit rates any agency of its MPP, not another region's", async () => {
    const token = await visitToken(f.app, "3273-imigrasi-paspor-hilang");
    const lobby = await lobbyToken("3273");
    f.clock.t += 25 * 3_600_000;
    const late = await survey({ agencyId: "3273-imigrasi", answers: ALL4, visitToken: token });
    assert.equal(late.statusCode, 400, "a service visit can be rated for 24 hours");
    assert.equal(late.json().error.code, "visit_invalid");
    f.clock.t -= 25 * 3_600_000;
    const other = await survey({ agencyId: "3204-imigrasi", answers: ALL4, visitToken: lobby });
    assert.equal(other.statusCode, 400, "a lobby visit in 3273 does not rate 3204");
    const ok = await survey({ agencyId: "3273-disdukcapil", answers: ALL4, visitToken: lobby });
    assert.equal(ok.statusCode, 201, ok.body);
  });

  it("computes the index from exact sums: a published report and a worked example, per agency, region and period", async () => {
    // Region 3204 starts empty. Worked example 1 (Disdukcapil Tulang Bawang Barat 2023 semester 1, see
    // test/domain/feedback/skm.test.ts): one respondent answering 4 everywhere -> IKM 100, mutu A.
    await survey({ agencyId: "3204-disdukcapil", answers: ALL4, visitToken: await lobbyToken("3204") });
    // Worked example 2, by hand: three respondents of 3204-imigrasi,
    //   [4,3,3,4,3,3,4,3,3], [3,3,2,4,3,3,3,3,2], [4,4,3,3,4,4,4,3,3]
    //   sums 11,10,8,11,10,10,11,9,8 (total 88) -> NRR 3.67 3.33 2.67 3.67 3.33 3.33 3.67 3.00 2.67
    //   IKM = 25 x 88 / (9 x 3) = 81.481... -> 81.48, mutu B. (Weighting the rounded NRR by 0.111 would give 81.42.)
    for (const a of [[4, 3, 3, 4, 3, 3, 4, 3, 3], [3, 3, 2, 4, 3, 3, 3, 3, 2], [4, 4, 3, 3, 4, 4, 4, 3, 3]]) {
      const r = await survey({ agencyId: "3204-imigrasi", answers: a, visitToken: await visitToken(f.app, "3204-imigrasi-paspor-biasa") });
      assert.equal(r.statusCode, 201, r.body);
    }
    await visitToken(f.app, "3204-imigrasi-paspor-biasa"); // a fifth visit of 2026, not rated
    // One answer in 2025, which the 2026 index must not count.
    f.clock.t = Date.parse("2025-12-31T16:59:00Z"); // 23:59 WIB on 31 December 2025
    await survey({ agencyId: "3204-imigrasi", answers: [1, 1, 1, 1, 1, 1, 1, 1, 1], visitToken: await visitToken(f.app, "3204-imigrasi-paspor-biasa") });
    f.clock.t = Date.parse("2026-03-02T02:00:00Z");

    const res = await send(f.app, "GET", "/api/v1/regions/3204/ikm?year=2026");
    assert.equal(res.statusCode, 200, res.body);
    const ikm = res.json();
    assert.deepEqual([ikm.region, ikm.year, ikm.respondents], ["3204", 2026, 4], "four respondents in 2026");
    const imigrasi = ikm.agencies.find((a: { agencyId: string }) => a.agencyId === "3204-imigrasi");
    assert.deepEqual([imigrasi.respondents, imigrasi.ikm, imigrasi.mutu], [3, 81.48, "B"], "worked example 2: 81.48, B");
    const dukcapil = ikm.agencies.find((a: { agencyId: string }) => a.agencyId === "3204-disdukcapil");
    assert.deepEqual([dukcapil.respondents, dukcapil.ikm, dukcapil.mutu], [1, 100, "A"], "the published report: 100, A");
    // Region: total 88 + 36 = 124 over 4 respondents: 25 x 124 / 36 = 86.11 (B).
    assert.deepEqual([ikm.ikm, ikm.mutu], [86.11, "B"], "the region from the summed tallies, not the mean of the agencies' IKM");
    assert.deepEqual(ikm.unsur.map((u: { nrr: number }) => u.nrr), [3.75, 3.5, 3, 3.75, 3.5, 3.5, 3.75, 3.25, 3], "NRR per unsur (sum / respondents)");
    assert.equal(ikm.unsur[7].name, "Sarana dan Prasarana", "unsur named in the regulation's words, in questionnaire order");
    const empty = ikm.agencies.find((a: { agencyId: string }) => a.agencyId === "3204-samsat");
    assert.deepEqual([empty.respondents, empty.ikm, empty.mutu], [0, null, null], "an agency without respondents has no index, not a zero");
    assert.equal(ikm.sample.enough, false, "4 respondents for 5 visits: too few");
    assert.match(ikm.sample.message.id, /Baru 4 responden, kurang dari 5/, "says how few");

    const y2025 = (await send(f.app, "GET", "/api/v1/regions/3204/ikm?year=2025")).json();
    assert.deepEqual([y2025.respondents, y2025.ikm, y2025.mutu], [1, 25, "D"], "the 2025 answer is in 2025 (WIB date)");
    const s2 = (await send(f.app, "GET", "/api/v1/regions/3204/ikm?year=2026&semester=2")).json();
    assert.deepEqual([s2.respondents, s2.from, s2.to], [0, "2026-07-01", "2026-12-31"], "semester 2 holds none of March's");
    const dflt = (await send(f.app, "GET", "/api/v1/regions/3204/ikm")).json();
    assert.equal(dflt.year, 2026, "the current WIB year by default");

    assert.equal((await send(f.app, "GET", "/api/v1/regions/9999/ikm?year=2026")).statusCode, 404, "unknown region: 404");
    for (const q of ["year=dua", "year=1999", "semester=3"]) {
      assert.equal((await send(f.app, "GET", `/api/v1/regions/3204/ikm?${q}`)).statusCode, 400, `${q}: 400`);
    }

    const page = await send(f.app, "GET", "/layanan/3204/ikm?year=2026");
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /IKM 86,11/, "the /layanan page shows the region's IKM");
    assert.match(page.body, /81,48/, "and each agency's");
    assert.match(page.body, /Mutu B \(Baik\)/, "its grade word in Indonesian");
    assert.match(page.body, /<th scope="row">Sarana dan Prasarana<\/th>/, "the unsur in the regulation's words");
    assert.match(page.body, /<p>Baru 4 responden, kurang dari 5 /, "the sample note in Indonesian");
    const en = await send(f.app, "GET", "/layanan/3204/ikm?year=2026&lang=en");
    assert.match(en.body, /IKM 86\.11/, "in English with a decimal point");
    assert.match(en.body, /Grade B \(Good\)/, "its grade word in English");
    assert.match(en.body, /<th scope="row">Facilities and infrastructure<\/th>/, "the unsur in English");
    const su = await send(f.app, "GET", "/layanan/3204/ikm?year=2026&lang=su");
    assert.equal(su.statusCode, 200);
    assert.match(su.body, /<html lang="su">/, "in Basa Sunda with ?lang=su");
    assert.match(su.body, /IKM 86,11<\/strong> · Mutu B \(Saé\)/, "the grade word in Sundanese");
    assert.match(su.body, /<th scope="row">Sarana sareng Prasarana<\/th>/, "the unsur in Sundanese");
    assert.match(su.body, /<th scope="row">Paripolah Palaksana<\/th>/, "the same words as the app's Sundanese SKM form");
    assert.match(su.body, /<p>Nembé 4 réspondén, kirang ti 5 nu diwajibkeun ku aturan kanggo populasi 5\.<\/p>/, "the sample note in Sundanese");
    assert.ok(!su.body.includes('<span lang="id">'), "no Indonesian fallback left on the Sundanese page");
  });
});

async function respondents(f: FeedbackFixture, agencyId: string): Promise<number> {
  const r = await f.db.kysely.selectFrom("surveys").select((eb) => eb.fn.countAll<number>().as("n")).where("agency_id", "=", agencyId).executeTakeFirstOrThrow();
  return Number(r.n);
}
