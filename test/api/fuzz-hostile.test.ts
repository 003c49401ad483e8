// The hostile inputs named in the issue, one by one, with the exact answer each gets
// (the generated fuzz in fuzz.test.ts checks the general rules; this pins the specific ones).
import assert from "node:assert/strict";
import { forbiddenParameter, hasForbiddenCharacters, queryStringDecodes } from "../../src/server/http/input-guard";
import { BODY_LIMIT } from "../../src/server/app";
import { testApp, type TestApp } from "./helpers";
import { forEachEngine } from "../support/engines";

describe("hostile input: guard units", () => {
  it("flags control, bidi, zero-width characters and lone surrogates, and nothing in ordinary text", () => {
    for (const bad of ["a\u0000", "\u0007", "\n", "\u007f", "\u0085", "\u202epaspor", "\u2066x", "pas\u200bpor", "\ufeff", "\u2060", "\ud800", "x\udc00"]) {
      assert.equal(hasForbiddenCharacters(bad), true, `flags ${JSON.stringify(bad)}`);
    }
    for (const good of ["paspor", "SIM A", "Kabupaten Bandung Barat", "Pelayanan Publik — izin", "café", "😀", "日本", "O'Brien", "a-b_c.d"]) {
      assert.equal(hasForbiddenCharacters(good), false, `accepts ${JSON.stringify(good)}`);
    }
    assert.equal(forbiddenParameter({ q: "ok", region: ["3273", "\u202e"] }), "region", "names the parameter, arrays too");
    assert.equal(forbiddenParameter({ "*": "\u0000" }, ["*"]), null, "skips the named keys");
    assert.equal(queryStringDecodes("q=%E2%82%AC&x=1+2"), true, "valid percent-encoding");
    assert.equal(queryStringDecodes("q=%ZZ"), false, "bad hex");
    assert.equal(queryStringDecodes("q=%C0%AE"), false, "overlong UTF-8");
    assert.equal(queryStringDecodes("q=%ED%A0%80"), false, "encoded surrogate");
  });
});

forEachEngine("hostile input: answers", (engine) => {
  let t: TestApp;
  before(async () => { t = await testApp({ engine }); });
  after(async () => t.close());

  const cases: Array<[string, string, number, string]> = [
    ["GET", "/api/v1/search?q=%00", 400, "invalid_parameter"],
    ["GET", "/api/v1/search?q=%E2%80%AEpaspor", 400, "invalid_parameter"],
    ["GET", "/api/v1/search?q=pas%E2%80%8Bpor", 400, "invalid_parameter"],
    ["GET", "/api/v1/search?q=%ZZ", 400, "bad_request"],
    ["GET", "/api/v1/search?q=%C0%AE%C0%AE", 400, "bad_request"],
    ["GET", "/api/v1/search?q=" + "a".repeat(101), 400, "query_too_long"],
    ["GET", "/api/v1/search?q=x&limit=99999999999999999999", 400, "invalid_parameter"],
    ["GET", "/api/v1/regions/32%0073", 400, "invalid_parameter"],
    ["GET", "/api/v1/regions/%ZZ", 400, "bad_request"],
    ["GET", "/api/v1/regions/3273%27%20OR%20%271%27=%271", 400, "invalid_parameter"],
    ["GET", "/api/v1/services/" + "a".repeat(300), 404, "not_found"],
    ["GET", "/api/v1/services/3273-imigrasi-paspor%00", 400, "invalid_parameter"],
    ["GET", "/api/v1/regions/3273/services?agency=..%2F..%2Fetc", 400, "invalid_parameter"],
    ["GET", "/layanan?lang=%E2%80%AE", 400, "invalid_parameter"],
    ["GET", "/assets/%2e%2e/secret.txt", 404, "not_found"],
    ["GET", "/assets/..%2fsecret.txt", 404, "not_found"],
    ["GET", "/assets/%C0%AE%C0%AE/secret.txt", 400, "bad_request"],
    ["DELETE", "/api/v1/regions", 405, "method_not_allowed"],
    ["PUT", "/api/v1/services/3273-imigrasi-paspor-biasa", 405, "method_not_allowed"],
  ];
  for (const [method, url, status, code] of cases) {
    it(`${method} ${url.slice(0, 70)} -> ${status} ${code}`, async () => {
      const res = await t.app.inject({ method: method as "GET", url });
      assert.equal(res.statusCode, status, `status (${res.body.slice(0, 120)})`);
      assert.equal(res.json().error.code, code, "error code");
      assert.equal(typeof res.json().error.message, "string", "a message for people");
    });
  }

  it("answers SQL in the search as words (bound parameters), not as SQL", async () => {
    for (const q of ["' OR 1=1 --", "\"; DROP TABLE services; --", "paspor\" OR \"1", "NEAR(a b)", "*", "a AND OR NOT"]) {
      const res = await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}` });
      assert.equal(res.statusCode, 200, `${q}: searched as text`);
      assert.equal(res.json().query, q, `${q}: echoed as given`);
    }
    const still = await t.app.inject("/api/v1/search?q=paspor");
    assert.ok(still.json().total > 0, "the services table is still there");
  });

  it("answers a body on an unknown route unread (404), and a malformed one, as 4xx JSON", async () => {
    // Nothing reads a body on a path without a route: 404 before it is received (issue 19 item 9).
    const huge = await t.app.inject({ method: "POST", url: "/api/v1/nope", payload: "x".repeat(BODY_LIMIT + 1), headers: { "content-type": "text/plain" } });
    assert.equal(huge.statusCode, 404, "404 without reading the body");
    assert.equal(huge.json().error.code, "not_found", "not_found");
    const broken = await t.app.inject({ method: "POST", url: "/x", payload: "{", headers: { "content-type": "application/json" } });
    assert.ok(broken.statusCode >= 400 && broken.statusCode < 500, `malformed JSON is a 4xx (${broken.statusCode})`);
    assert.equal(typeof broken.json().error.code, "string", "in the error shape");
    const weird = await t.app.inject({ method: "POST", url: "/x", payload: "a", headers: { "content-type": "application/x-weird" } });
    assert.ok(weird.statusCode === 404 || weird.statusCode === 415, `an unknown media type on an unknown route is refused (${weird.statusCode})`);
    assert.equal(typeof weird.json().error.code, "string", "in the error shape");
  });
});
