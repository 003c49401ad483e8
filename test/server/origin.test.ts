// CSRF: every state-changing request from another origin is refused with 403 and the JSON error,
// on officers' routes, on public routes, and on a route a later feature adds after build()
// (the guard is global); same-origin requests and non-browser clients pass.
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, officerFixture, ORIGIN, PASSWORD, type OfficerFixture } from "../support/officers";
import { isSameOrigin, publicOriginsFromEnv } from "../../src/server/auth/origin";

forEachEngine("officers: same-origin guard (CSRF)", (engine) => {
  let f: OfficerFixture;
  let cookie: string;
  before(async function () {
    this.timeout(60_000);
    f = await officerFixture(engine, { accounts: [ACCOUNTS.ed!], publicOrigins: ["https://mpp.jabarprov.go.id"] });
    cookie = await f.login(ACCOUNTS.ed!);
  });
  after(async () => { await f.close(); });

  const draft = { service: { name: "Paspor biasa (diubah)" }, changeNote: "uji CSRF" };

  it("refuses a draft save, a sign-in and a sign-out from another origin with 403 and the JSON error", async () => {
    for (const [method, url, payload] of [
      ["PUT", "/api/v1/admin/services/3273-imigrasi-paspor-biasa/draft", draft],
      ["POST", "/api/v1/auth/login", { username: "ed-imigrasi", password: PASSWORD }],
      ["POST", "/api/v1/auth/logout", {}],
    ] as const) {
      for (const origin of ["https://evil.example", "null", "http://localhost:8080", "https://localhost:80"]) {
        const res = await f.app.inject({ method, url, payload, headers: { origin, cookie } });
        assert.equal(res.statusCode, 403, `${method} ${url} from ${origin}: 403`);
        assert.deepEqual(res.json(), { error: { code: "cross_origin", message: "State changes are accepted only from this site's own pages." } }, "JSON error");
      }
    }
    const me = await f.app.inject({ url: "/api/v1/auth/me", headers: { cookie } });
    assert.equal(me.statusCode, 200, "the refused sign-out did not end the session");
    const rows = await f.db.kysely.selectFrom("drafts").select("id").execute();
    assert.equal(rows.length, 0, "no draft was written");
  });

  it("refuses a browser request without Origin whose Sec-Fetch-Site says it came from another site", async () => {
    const res = await f.app.inject({ method: "PUT", url: "/api/v1/admin/services/3273-imigrasi-paspor-biasa/draft", payload: draft, headers: { cookie, "sec-fetch-site": "cross-site" } });
    assert.equal(res.statusCode, 403, "cross-site: 403");
    const same = await f.app.inject({ method: "PUT", url: "/api/v1/admin/services/3273-imigrasi-paspor-biasa/draft", payload: draft, headers: { cookie, "sec-fetch-site": "same-origin" } });
    assert.equal(same.statusCode, 200, `same-origin: 200 (${same.body.slice(0, 200)})`);
  });

  it("accepts the request's own origin and a configured public origin (a TLS proxy in front)", async () => {
    for (const origin of [ORIGIN, "https://mpp.jabarprov.go.id"]) {
      const res = await f.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "ed-imigrasi", password: PASSWORD }, headers: { origin } });
      assert.equal(res.statusCode, 200, `${origin}: 200`);
    }
  });

  it("guards citizens' public routes and routes added after build() alike", async () => {
    const pub = await f.app.inject({ method: "POST", url: "/api/v1/regions", headers: { origin: "https://evil.example" }, payload: {} });
    assert.equal(pub.statusCode, 403, "a public route: 403 before anything else");
    const g = await f.addNode();
    g.post("/api/v1/a-later-feature", async () => ({ ok: true }));
    const later = await g.inject({ method: "POST", url: "/api/v1/a-later-feature", headers: { origin: "https://evil.example" }, payload: {} });
    assert.equal(later.statusCode, 403, "a later feature's citizen POST gets the guard for free");
    const ok = await g.inject({ method: "POST", url: "/api/v1/a-later-feature", headers: { origin: ORIGIN }, payload: {} });
    assert.equal(ok.statusCode, 200, "and passes from this origin");
    const get = await f.app.inject({ url: "/api/v1/regions", headers: { origin: "https://evil.example" } });
    assert.equal(get.statusCode, 200, "reads are not state changes");
  });
});

describe("officers: origin rules", () => {
  const req = (headers: Record<string, string>, protocol = "http", host = "mpp.local:8080") =>
    ({ headers, protocol, host, method: "POST" }) as unknown as Parameters<typeof isSameOrigin>[0];
  it("compares scheme, host and port exactly", () => {
    assert.equal(isSameOrigin(req({ origin: "http://mpp.local:8080" })), true, "same");
    assert.equal(isSameOrigin(req({ origin: "HTTP://MPP.LOCAL:8080" })), true, "case-insensitive");
    assert.equal(isSameOrigin(req({ origin: "https://mpp.local:8080" })), false, "other scheme");
    assert.equal(isSameOrigin(req({ origin: "http://mpp.local:8081" })), false, "other port");
    assert.equal(isSameOrigin(req({ origin: "http://mpp.local.evil.example:8080" })), false, "other host");
    assert.equal(isSameOrigin(req({})), true, "no Origin and no Sec-Fetch-Site: not a browser");
    assert.equal(isSameOrigin(req({ "sec-fetch-site": "same-site" })), false, "a sibling subdomain is another origin");
  });
  it("reads PUBLIC_ORIGIN strictly", () => {
    assert.deepEqual(publicOriginsFromEnv(" https://a.example , https://b.example:8443 "), ["https://a.example", "https://b.example:8443"]);
    assert.deepEqual(publicOriginsFromEnv(undefined), []);
    assert.throws(() => publicOriginsFromEnv("https://a.example/path"), /origin only/);
    assert.throws(() => publicOriginsFromEnv("not a url"), /not a URL/);
  });
});
