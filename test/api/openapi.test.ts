import assert from "node:assert/strict";
import { testApp, type TestApp } from "./helpers";
import { forEachEngine } from "../support/engines";

interface Doc {
  openapi: string;
  paths: Record<string, { get: { parameters: Array<{ name: string; in: string }>; responses: Record<string, { content?: Record<string, { schema: unknown }> }> } }>;
}

forEachEngine("API /openapi.json", (engine) => {
  let t: TestApp;
  before(async () => { t = await testApp({ engine }); });
  after(async () => { await t.close(); });

  it("describes every route with parameters and response schemas", async () => {
    const res = await t.app.inject("/api/v1/openapi.json");
    assert.equal(res.statusCode, 200, "200");
    assert.match(String(res.headers["content-type"]), /^application\/json/, "JSON");
    const doc = res.json() as Doc;
    assert.equal(doc.openapi, "3.1.0", "OpenAPI 3.1");
    const expected = ["/api/v1/regions", "/api/v1/regions/{code}", "/api/v1/regions/{code}/services", "/api/v1/regions/{code}/mpp", "/api/v1/services/{id}", "/api/v1/search", "/api/v1/health"];
    const feedback = (p: string) => /^\/api\/v1\/(tickets|visits|surveys)(\/|$)/.test(p) || p.endsWith("/ikm");
    assert.deepEqual(Object.keys(doc.paths).filter((p) => !/^\/api\/v1\/(admin|auth)\//.test(p) && !feedback(p) && !/\/queue(\/|$)/.test(p)).sort(), [...expected].sort(), "every public API path (officers' paths: test/server/officers-routes.test.ts; feedback's: test/api/feedback-pages.test.ts; the queue's: test/server/queue-api.test.ts)");
    for (const [path, item] of Object.entries(doc.paths).filter(([p]) => expected.includes(p))) {
      const ok = item.get.responses["200"]?.content?.["application/json"]?.schema as { type?: string } | undefined;
      assert.equal(ok?.type, "object", `${path}: 200 has an object schema`);
      for (const p of (path.match(/\{(\w+)\}/g) ?? []).map((x) => x.slice(1, -1))) {
        assert.ok(item.get.parameters.some((q) => q.name === p && q.in === "path"), `${path}: path parameter ${p}`);
      }
    }
    const search = doc.paths["/api/v1/search"]!.get;
    assert.deepEqual(search.parameters.map((p) => p.name).sort(), ["limit", "near", "offset", "q", "region"], "search query parameters");
    assert.ok(search.responses["400"]?.content, "search documents 400");
    assert.ok(doc.paths["/api/v1/regions/{code}"]!.get.responses["404"]?.content, "region documents 404");
  });
});
