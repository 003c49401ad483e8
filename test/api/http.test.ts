import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { validateHealth } from "../../src/domain/validate";
import { MIGRATIONS } from "../../src/server/db/migrations";
import { testApp, type TestApp } from "./helpers";
import { forEachEngine } from "../support/engines";

forEachEngine("API HTTP behaviour: caching, compression, methods, headers", (engine) => {
  let t: TestApp;
  before(async () => { t = await testApp({ engine }); });
  after(async () => { await t.close(); });

  it("answers If-None-Match with 304 and no body", async () => {
    const first = await t.app.inject("/api/v1/regions/3273");
    const etag = String(first.headers.etag);
    const again = await t.app.inject({ url: "/api/v1/regions/3273", headers: { "if-none-match": etag } });
    assert.equal(again.statusCode, 304, "304 Not Modified");
    assert.equal(again.body, "", "no body");
    assert.equal(again.headers.etag, etag, "same ETag on 304");
    const list = await t.app.inject({ url: "/api/v1/regions/3273", headers: { "if-none-match": `"other", W/${etag}` } });
    assert.equal(list.statusCode, 304, "weak comparison within a list");
    const stale = await t.app.inject({ url: "/api/v1/regions/3273", headers: { "if-none-match": '"stale"' } });
    assert.equal(stale.statusCode, 200, "a different tag gets the body");
  });

  it("gives the same strong ETag for the same body and a different one for another", async () => {
    const a = await t.app.inject("/api/v1/regions/3273");
    const b = await t.app.inject("/api/v1/regions/3273");
    const c = await t.app.inject("/api/v1/regions/3204");
    assert.equal(a.headers.etag, b.headers.etag, "stable");
    assert.notEqual(a.headers.etag, c.headers.etag, "content-derived");
    assert.ok(!String(a.headers.etag).startsWith("W/"), "strong");
  });

  it("compresses with gzip when asked and says Vary: Accept-Encoding", async () => {
    const res = await t.app.inject({ url: "/api/v1/regions", headers: { "accept-encoding": "gzip" } });
    assert.equal(res.headers["content-encoding"], "gzip", "gzip encoding");
    assert.equal(res.headers.vary, "Accept-Encoding", "Vary");
    const body = JSON.parse(gunzipSync(res.rawPayload).toString("utf8")) as { regions: unknown[] };
    assert.equal(body.regions.length, 27, "decompresses to the list");
    const br = await t.app.inject({ url: "/api/v1/regions", headers: { "accept-encoding": "br" } });
    assert.equal(br.headers["content-encoding"], "br", "brotli when asked");
    const plain = await t.app.inject("/api/v1/regions");
    assert.equal(plain.headers["content-encoding"], undefined, "identity without Accept-Encoding");
    assert.equal(plain.headers.vary, "Accept-Encoding", "Vary also on uncompressed responses");
  });

  it("sets the security headers on API, error and static responses", async () => {
    for (const url of ["/api/v1/regions", "/api/v1/nope", "/", "/layanan"]) {
      const res = await t.app.inject(url);
      assert.equal(res.headers["content-security-policy"],
        "default-src 'self';script-src 'self' 'wasm-unsafe-eval';img-src 'self' data: blob:;style-src 'self' 'unsafe-inline';worker-src 'self' blob:;connect-src 'self';frame-ancestors 'none';base-uri 'self';form-action 'self'",
        `${url}: CSP`);
      assert.equal(res.headers["x-content-type-options"], "nosniff", `${url}: nosniff`);
      assert.equal(res.headers["referrer-policy"], "no-referrer", `${url}: referrer policy`);
      assert.equal(res.headers["cross-origin-opener-policy"], "same-origin", `${url}: COOP`);
      assert.equal(res.headers["x-frame-options"], "DENY", `${url}: frame options`);
      assert.equal(res.headers["cross-origin-resource-policy"], "same-origin", `${url}: CORP`);
      assert.equal(res.headers["strict-transport-security"], undefined, `${url}: no HSTS over plain HTTP`);
    }
  });

  it("gives compressed and identity API answers their own ETag, each validating only itself", async () => {
    const br = await t.app.inject({ url: "/api/v1/regions", headers: { "accept-encoding": "br" } });
    const plain = await t.app.inject({ url: "/api/v1/regions", headers: { "accept-encoding": "identity" } });
    assert.equal(br.headers["content-encoding"], "br", "br body");
    assert.notEqual(br.headers.etag, plain.headers.etag, "different bytes, different tags");
    const same = await t.app.inject({ url: "/api/v1/regions", headers: { "accept-encoding": "br", "if-none-match": String(br.headers.etag) } });
    assert.equal(same.statusCode, 304, "304 for the br tag on a br request");
    const cross = await t.app.inject({ url: "/api/v1/regions", headers: { "accept-encoding": "identity", "if-none-match": String(br.headers.etag) } });
    assert.equal(cross.statusCode, 200, "the br tag does not validate the identity body");
  });

  it("answers HEAD with the headers GET has, on API and HTML routes", async () => {
    for (const url of ["/api/v1/regions", "/api/v1/services/3273-imigrasi-paspor-biasa", "/layanan/3273", "/api/v1/openapi.json"]) {
      for (const enc of ["br", "gzip", "identity"]) {
        const get = await t.app.inject({ url, headers: { "accept-encoding": enc } });
        const head = await t.app.inject({ method: "HEAD", url, headers: { "accept-encoding": enc } });
        for (const h of ["content-length", "content-encoding", "content-type", "etag", "vary"]) {
          assert.equal(head.headers[h], get.headers[h], `${url} (${enc}): HEAD ${h} equals GET's`);
        }
      }
    }
  });

  it("answers TRACE on API routes with 405 and Allow", async () => {
    const res = await t.app.inject({ method: "TRACE", url: "/api/v1/regions" });
    assert.equal(res.statusCode, 405, "405");
    assert.equal(res.headers.allow, "GET, HEAD", "Allow");
  });

  it("answers 405 with Allow for other methods on known routes, before reading the body", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const res = await t.app.inject({ method, url: "/api/v1/regions/3273", payload: "{not json", headers: { "content-type": "application/json" } });
      assert.equal(res.statusCode, 405, `${method}: 405`);
      assert.equal(res.headers.allow, "GET, HEAD", `${method}: Allow`);
      assert.equal(res.json().error.code, "method_not_allowed", `${method}: method_not_allowed`);
    }
  });

  it("answers 404 not_found for unknown routes, in the error shape", async () => {
    for (const url of ["/api/v1/nope", "/api/v2/regions", "/api/v1/regions/3273/agencies"]) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 404, `${url}: 404`);
      assert.deepEqual(Object.keys(res.json()), ["error"], `${url}: error shape`);
      assert.equal(res.json().error.code, "not_found", `${url}: not_found`);
    }
    const post = await t.app.inject({ method: "POST", url: "/api/v1/nope" });
    assert.equal(post.statusCode, 404, "unknown route with another method is 404");
  });

  it("ignores a body on GET and answers HEAD without a body", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/regions/3273", payload: "{broken", headers: { "content-type": "application/json" } });
    assert.equal(res.statusCode, 200, "GET with a broken body still 200");
    const head = await t.app.inject({ method: "HEAD", url: "/api/v1/regions/3273" });
    assert.equal(head.statusCode, 200, "HEAD 200");
    assert.equal(head.body, "", "HEAD has no body");
  });

  it("turns a malformed URL into a 400 in the error shape", async () => {
    const res = await t.app.inject("/api/v1/regions/%E0%A4%A");
    assert.equal(res.statusCode, 400, "400");
    assert.equal(res.json().error.code, "bad_request", "bad_request");
  });

  it("reports health with no-store", async () => {
    const res = await t.app.inject("/api/v1/health");
    assert.equal(res.statusCode, 200, "200");
    assert.equal(res.headers["cache-control"], "no-store", "no-store");
    const h = validateHealth(res.json());
    assert.equal(h.regions, 27, "27 regions");
    assert.ok(h.services >= 27 * 30, "at least 30 services per region");
    assert.ok(!Number.isNaN(Date.parse(h.dataUpdatedAt)), "dataUpdatedAt is a timestamp");
    assert.deepEqual(h.database, { engine: engine.name, schemaVersion: MIGRATIONS.at(-1)!.version }, "names the engine and the schema version");
  });
});
