import assert from "node:assert/strict";
import { ERRORS, errorBody, HttpError } from "../../src/server/errors";
import { etagOf, ifNoneMatchHits } from "../../src/server/http/cache";
import { isHashedAsset, safeSegments } from "../../src/server/http/static";
import { escapeHtml, servicePage } from "../../src/server/html/render";
import type { Service } from "../../src/domain/types";

describe("server units: errors, cache, static paths, HTML escaping", () => {
  it("lists every error code with a 4xx/5xx status and a message", () => {
    for (const [code, e] of Object.entries(ERRORS)) {
      assert.ok(e.status >= 400 && e.status < 600, `${code}: error status`);
      assert.ok(e.message.length > 0, `${code}: message`);
    }
    assert.deepEqual(errorBody("not_found"), { error: { code: "not_found", message: ERRORS.not_found.message } }, "body shape");
    assert.equal(new HttpError("region_not_found").status, 404, "status from the table");
  });

  it("computes strong ETags and compares If-None-Match weakly", () => {
    assert.equal(etagOf("a"), etagOf(Buffer.from("a")), "same bytes, same tag");
    assert.notEqual(etagOf("a"), etagOf("b"), "different bytes");
    assert.equal(ifNoneMatchHits('"x"', '"x"'), true, "exact");
    assert.equal(ifNoneMatchHits('W/"x"', '"x"'), true, "weak form");
    assert.equal(ifNoneMatchHits('"y", "x"', '"x"'), true, "list");
    assert.equal(ifNoneMatchHits("*", '"x"'), true, "star");
    assert.equal(ifNoneMatchHits(undefined, '"x"'), false, "absent");
    assert.equal(ifNoneMatchHits('"y"', '"x"'), false, "other");
  });

  it("refuses unsafe path segments before touching the disk", () => {
    assert.deepEqual(safeSegments("/assets/plaza.glb"), ["assets", "plaza.glb"], "plain path");
    assert.deepEqual(safeSegments("/"), [], "root");
    assert.deepEqual(safeSegments("/a%20b.txt"), ["a b.txt"], "decoded");
    for (const bad of ["/..%2fx", "/../x", "/%2e%2e/x", "/a/%2e/x", "/a%00.js", "/a%5cb", "//x", "/.env", "/%E0%A4%A", "/c:x"]) {
      assert.equal(safeSegments(bad), null, `${bad} refused`);
    }
    assert.equal(isHashedAsset(["js", "main.edeb766110.js"]), true, "hashed bundle");
    assert.equal(isHashedAsset(["js", "main.js"]), false, "unhashed");
    assert.equal(isHashedAsset(["main.edeb766110.js"]), false, "outside js/");
  });

  it("escapes every value in the HTML fallback", () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;", "all five characters");
    const evil = "<script>alert(1)</script>";
    const service: Service = {
      id: "3273-x-y", regionCode: "3273", agencyId: "3273-x", agencySlug: "x", agencyName: evil, slug: "y", name: evil, nameEn: evil,
      fee: { amount: null, note: evil }, verified: false, regionName: evil, description: evil, requirements: [evil], steps: [evil],
      duration: null, hours: null, legalBasis: [evil], product: evil,
      complaintChannels: [{ kind: "web", label: evil, value: "javascript:alert(1)" }], onlineUrl: "javascript:alert(1)", source: null, lastVerified: null,
    };
    const html = servicePage(service, "id");
    assert.doesNotMatch(html, /<script>/, "no raw script tag");
    assert.doesNotMatch(html, /href="javascript:/, "no javascript: links");
    assert.match(html, /Tidak diketahui/, "unknown values said so");
  });
});
