// The pages without JavaScript (/layanan/tiket, /layanan/tiket/{code}) and the OpenAPI document of
// the feedback routes: officers' and citizens' text escaped, the lookup form, 404 for unknown codes,
// and every route described with its body and answers.
import assert from "node:assert/strict";
import { call } from "../support/officers";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, feedbackFixture, leaveTicket, QUESTION, send, type FeedbackFixture } from "../support/feedback";

interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
  security?: unknown[];
}

forEachEngine("feedback: /layanan pages and the OpenAPI document", (engine) => {
  let f: FeedbackFixture;
  before(async function () {
    this.timeout(60_000);
    f = await feedbackFixture(engine, { accounts: [ACCOUNTS.ed!] });
  });
  after(async () => { await f.close(); });

  it("shows a ticket with its answer at /layanan/tiket/CODE, every text escaped, never cached", async () => {
    const code = await leaveTicket(f.app, { ...QUESTION, text: "Apakah <b>bisa</b> hari Sabtu?\nTerima kasih & salam", contact: "warga@example.org" });
    const cookie = await f.login(ACCOUNTS.ed!);
    const answered = await call(f.app, cookie, "POST", `/api/v1/admin/tickets/${code}/answer`, { text: "Bisa. <script>document.cookie</script>" });
    assert.equal(answered.statusCode, 200, answered.body);
    const res = await send(f.app, "GET", `/layanan/tiket/${code.toLowerCase()}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /^text\/html/);
    assert.equal(res.headers["cache-control"], "no-store", "a ticket page is never cached");
    assert.ok(res.body.includes("Apakah &lt;b&gt;bisa&lt;/b&gt; hari Sabtu?<br>\nTerima kasih &amp; salam"), "the question escaped, its line break kept");
    assert.ok(res.body.includes("Bisa. &lt;script&gt;document.cookie&lt;/script&gt;"), "the answer escaped");
    assert.ok(!/<script/i.test(res.body), "no script element at all");
    assert.match(res.body, /Dijawab/, "the status in Indonesian");
    assert.ok(!res.body.includes("warga@example.org"), "the contact is not on the page");
    assert.ok(!res.body.includes("ed-imigrasi"), "nor the officer's username");
    const en = await send(f.app, "GET", `/layanan/tiket/${code}?lang=en`);
    assert.match(en.body, /Answered/, "in English with ?lang=en");
    const su = await send(f.app, "GET", `/layanan/tiket/${code}?lang=su`);
    assert.equal(su.statusCode, 200);
    assert.match(su.body, /<html lang="su">/, "in Basa Sunda with ?lang=su");
    assert.match(su.body, /<strong>Diwaler<\/strong>/, "the status in Sundanese");
    assert.match(su.body, /Tambihan ti Anjeun|Waleran/, "the history's labels in Sundanese");
    assert.match(su.body, /class="notice notice--draft">Tarjamahan basa Sunda ieu masih draf/, "marked a draft translation");
    assert.ok(su.body.includes("Bisa. &lt;script&gt;document.cookie&lt;/script&gt;"), "the answer escaped in Sundanese too");
    assert.match(su.body, /href="\/layanan\/tiket\?lang=su"/, "its links keep Basa Sunda");
  });

  it("looks a code up with a plain form: a typed code redirects, a bad or unknown one says so", async () => {
    const form = await send(f.app, "GET", "/layanan/tiket");
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<form method="get" action="\/layanan\/tiket">/, "a form that works without JavaScript");
    const code = await leaveTicket(f.app);
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    const go = await send(f.app, "GET", `/layanan/tiket?kode=${encodeURIComponent(typed)}`);
    assert.equal(go.statusCode, 303, "redirects");
    assert.equal(go.headers.location, `/layanan/tiket/${code}`);
    const goSu = await send(f.app, "GET", `/layanan/tiket?kode=${code}&lang=su`);
    assert.equal(goSu.headers.location, `/layanan/tiket/${code}?lang=su`, "the redirect keeps Basa Sunda");
    const badSu = await send(f.app, "GET", "/layanan/tiket?kode=salah&lang=su");
    assert.equal(badSu.statusCode, 400);
    assert.match(badSu.body, /Kode teu dikenal/, "a bad code said in Sundanese");
    const bad = await send(f.app, "GET", "/layanan/tiket?kode=salah");
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kode tidak dikenal/);
    const unknown = await send(f.app, "GET", "/layanan/tiket/KFDX4MRA");
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /Kode tidak dikenal/, "an unknown code gets the lookup form again");
  });

  it("links a region's page to its IKM page", async () => {
    const res = await send(f.app, "GET", "/layanan/3273");
    assert.match(res.body, /href="\/layanan\/3273\/ikm"/);
  });

  it("describes every feedback route in the OpenAPI document, with bodies, 201 answers and the session where needed", async () => {
    const doc = (await send(f.app, "GET", "/api/v1/openapi.json")).json() as { paths: Record<string, Record<string, Operation>> };
    const op = (path: string, method: string) => {
      const o = doc.paths[`/api/v1${path}`]?.[method];
      assert.ok(o, `${method.toUpperCase()} ${path} is documented`);
      return o!;
    };
    const createTicket = op("/tickets", "post");
    assert.deepEqual(Object.keys(createTicket.requestBody!.content["application/json"]!.schema.properties!).sort(), ["agencyId", "channel", "contact", "kind", "lang", "regionCode", "serviceId", "text"]);
    assert.ok(createTicket.responses["201"]?.content && createTicket.responses["400"]?.content && createTicket.responses["429"]?.content, "201, 400, 429");
    const createSurvey = op("/surveys", "post");
    assert.deepEqual(Object.keys(createSurvey.requestBody!.content["application/json"]!.schema.properties!).sort(), ["agencyId", "answers", "comment", "serviceId", "visitToken"]);
    assert.ok(createSurvey.responses["201"] && createSurvey.responses["409"], "201 and 409 (visit already rated)");
    for (const [path, method] of [["/tickets/{code}", "get"], ["/tickets/{code}/messages", "post"], ["/visits", "post"], ["/regions/{code}/ikm", "get"]] as const) op(path, method);
    for (const [path, method] of [["/admin/tickets", "get"], ["/admin/tickets/{code}", "get"], ["/admin/tickets/{code}/take", "post"], ["/admin/tickets/{code}/answer", "post"],
      ["/admin/tickets/{code}/forward", "post"], ["/admin/tickets/{code}/close", "post"], ["/admin/tickets/{code}/lapor", "post"], ["/admin/surveys/comments", "get"]] as const) {
      assert.ok(op(path, method).security, `${path} needs the session`);
    }
  });
});
