import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { StaticFolder } from "../../src/server/http/static";
import { precompress } from "../../tools/precompress";
import { HASHED_JS, testApp, type TestApp } from "./helpers";

describe("static files", () => {
  let t: TestApp;
  before(async () => { t = await testApp(); });
  after(async () => { await t.close(); });

  it("serves index.html at / with no-cache and an ETag", async () => {
    const res = await t.app.inject("/");
    assert.equal(res.statusCode, 200, "200");
    assert.match(String(res.headers["content-type"]), /^text\/html/, "HTML");
    assert.equal(res.headers["cache-control"], "no-cache", "revalidated");
    assert.ok(res.headers.etag, "ETag");
    const again = await t.app.inject({ url: "/", headers: { "if-none-match": String(res.headers.etag) } });
    assert.equal(again.statusCode, 304, "304 on a matching ETag");
    const deep = await t.app.inject({ url: "/?region=3273", headers: { accept: "text/html" } });
    assert.equal(deep.body, res.body, "deep link by query serves index.html");
    const route = await t.app.inject({ url: "/plaza", headers: { accept: "text/html" } });
    assert.equal(route.statusCode, 200, "extension-less app route gets index.html");
  });

  it("serves hashed bundles as immutable, gzip-compressed on request", async () => {
    const res = await t.app.inject({ url: `/${HASHED_JS}`, headers: { "accept-encoding": "gzip" } });
    assert.equal(res.statusCode, 200, "200");
    assert.equal(res.headers["cache-control"], "public, max-age=31536000, immutable", "immutable");
    assert.match(String(res.headers["content-type"]), /^text\/javascript/, "JS type");
    assert.equal(res.headers["content-encoding"], "gzip", "gzip");
    assert.match(gunzipSync(res.rawPayload).toString("utf8"), /console\.log/, "decompresses to the bundle");
  });

  it("serves assets/ and scenes/ with their types and no-cache", async () => {
    const glb = await t.app.inject("/assets/plaza.glb");
    assert.equal(glb.statusCode, 200, "glb 200");
    assert.equal(glb.headers["content-type"], "model/gltf-binary", "glb type");
    assert.equal(glb.headers["cache-control"], "no-cache", "glb no-cache");
    assert.ok(glb.headers.etag, "glb ETag");
    const json = await t.app.inject("/scenes/plaza.json");
    assert.match(String(json.headers["content-type"]), /^application\/json/, "json type");
    assert.deepEqual(json.json(), { scene: "plaza" }, "scene content");
    const missing = await t.app.inject("/assets/none.glb");
    assert.equal(missing.statusCode, 404, "missing asset 404");
    assert.equal(missing.json().error.code, "not_found", "not_found body");
  });

  it("never serves a file outside the folders", async () => {
    const attempts = [
      "/..%2f..%2fpackage.json", "/assets/../package.json", "/%2e%2e/", "/%2e%2e/secret.txt", "/assets/..%2fsecret.txt",
      "/assets/%2e%2e/secret.txt", "/scenes/..%5csecret.txt", "/assets/plaza.glb%00.txt", "/..%252fsecret.txt",
      "/assets/.%2e/secret.txt", "//etc/passwd", "/assets//etc/passwd", "/assets/%2fetc%2fpasswd",
    ];
    for (const url of attempts) {
      const res = await t.app.inject({ url, headers: { accept: "application/json" } });
      assert.ok([400, 404].includes(res.statusCode) || (res.statusCode === 200 && /<title>MPP/.test(res.body)),
        `${url}: refused or index.html (got ${res.statusCode})`);
      assert.ok(!res.body.includes("outside") && !res.body.includes("\"name\": \"mpp-digital-xr\"") && !res.body.includes("root:"),
        `${url}: no outside content`);
    }
  });

  it("answers 404 JSON for missing files and non-HTML requests", async () => {
    const res = await t.app.inject({ url: "/missing.js" });
    assert.equal(res.statusCode, 404, "404");
    const json = await t.app.inject({ url: "/plaza", headers: { accept: "application/json" } });
    assert.equal(json.statusCode, 404, "an app route asked as JSON is 404");
  });
});

describe("static files before the build", () => {
  let t: TestApp;
  before(async () => { t = await testApp({ withDist: false }); });
  after(async () => { await t.close(); });

  it("answers 503 with 'run npm run build' when dist/ is missing", async () => {
    const res = await t.app.inject("/");
    assert.equal(res.statusCode, 503, "503");
    assert.match(res.json().error.message, /run npm run build/, "says how to fix it");
    const api = await t.app.inject("/api/v1/health");
    assert.equal(api.statusCode, 200, "the API works without the build");
  });
});

describe("static files: variants built once, their own ETags, HEAD like GET", () => {
  let t: TestApp;
  // Compressible bytes: repeated text in a .glb (meshopt data compresses like this), a .js, a .png.
  const model = Buffer.from("glTF".padEnd(64, "x").repeat(2000));
  const script = Buffer.from("console.log('precompressed');\n".repeat(400));
  before(async () => {
    t = await testApp();
    writeFileSync(join(t.dir, "assets", "big.glb"), model);
    writeFileSync(join(t.dir, "assets", "photo.png"), Buffer.alloc(50_000, 7));
    writeFileSync(join(t.dir, "dist", "pre.js"), script);
    // A build step's variant (tools/precompress.ts): recognisable bytes that still decode to the file.
    precompress([join(t.dir, "dist")]);
    // A damaged variant beside the model: it must be ignored, not served.
    writeFileSync(join(t.dir, "assets", "big.glb.br"), Buffer.from("not brotli"));
  });
  after(async () => { await t.close(); });

  it("serves the build's precompressed variant when it decodes to the file", async () => {
    const res = await t.app.inject({ url: "/pre.js", headers: { "accept-encoding": "br" } });
    assert.equal(res.headers["content-encoding"], "br", "br");
    assert.deepEqual(res.rawPayload, readFileSync(join(t.dir, "dist", "pre.js.br")), "the bytes of pre.js.br, not compressed again");
    const gz = await t.app.inject({ url: "/pre.js", headers: { "accept-encoding": "gzip" } });
    assert.deepEqual(gz.rawPayload, readFileSync(join(t.dir, "dist", "pre.js.gz")), "the bytes of pre.js.gz");
  });

  it("ignores a damaged variant and makes a good one once", async () => {
    const res = await t.app.inject({ url: "/assets/big.glb", headers: { "accept-encoding": "br" } });
    assert.equal(res.headers["content-encoding"], "br", "the model is worth compressing");
    assert.deepEqual(brotliDecompressSync(res.rawPayload), model, "decodes to the model");
    const folder = new StaticFolder(join(t.dir, "assets"));
    const a = await folder.read(["big.glb"]);
    const b = await folder.read(["big.glb"]);
    assert.ok(a?.variants.br && a.variants.br === b?.variants.br, "the same Buffer for every request: compressed once");
  });

  it("never compresses an image or a deflate-only request, and never per request", async () => {
    const png = await t.app.inject({ url: "/assets/photo.png", headers: { "accept-encoding": "br, gzip" } });
    assert.equal(png.headers["content-encoding"], undefined, "images are sent as they are");
    const deflate = await t.app.inject({ url: "/assets/big.glb", headers: { "accept-encoding": "deflate" } });
    assert.equal(deflate.headers["content-encoding"], undefined, "deflate is not offered: identity, no compression for it");
    assert.equal(deflate.rawPayload.length, model.length, "the whole model");
  });

  it("gives br, gzip and identity their own ETag, each answering its own If-None-Match, with Vary", async () => {
    const tags = new Map<string, string>();
    for (const enc of ["br", "gzip", "identity"]) {
      const res = await t.app.inject({ url: "/assets/big.glb", headers: { "accept-encoding": enc } });
      assert.equal(res.headers.vary, "Accept-Encoding", `${enc}: Vary`);
      tags.set(enc, String(res.headers.etag));
      const again = await t.app.inject({ url: "/assets/big.glb", headers: { "accept-encoding": enc, "if-none-match": String(res.headers.etag) } });
      assert.equal(again.statusCode, 304, `${enc}: 304 on its own tag`);
    }
    assert.equal(new Set(tags.values()).size, 3, `three different tags (${[...tags.values()].join(" ")})`);
    const cross = await t.app.inject({ url: "/assets/big.glb", headers: { "accept-encoding": "identity", "if-none-match": tags.get("br")! } });
    assert.equal(cross.statusCode, 200, "the br tag does not validate the identity body");
  });

  it("answers HEAD with the headers GET has", async () => {
    for (const url of ["/assets/big.glb", "/pre.js", "/assets/photo.png", "/"]) {
      for (const enc of ["br", "gzip, deflate, br", "identity"]) {
        const get = await t.app.inject({ url, headers: { "accept-encoding": enc } });
        const head = await t.app.inject({ method: "HEAD", url, headers: { "accept-encoding": enc } });
        for (const h of ["content-length", "content-encoding", "content-type", "etag", "cache-control", "vary"]) {
          assert.equal(head.headers[h], get.headers[h], `${url} (${enc}): HEAD ${h} equals GET's`);
        }
        assert.equal(head.body, "", `${url}: HEAD has no body`);
      }
    }
  });
});
