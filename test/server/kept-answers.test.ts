// API answers are kept serialized per data version (issue 18): repeated requests reuse the bytes
// and ETag, a write moves the version and the next request builds a new answer, and a bump that is
// never committed (a writer's transaction rolled back) is never filed as a version.
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { build } from "../../src/server/app";
import { CatalogView } from "../../src/server/data/catalog-view";
import { forEachEngine } from "../support/engines";

const ROUTES = [
  "/api/v1/regions", "/api/v1/regions/3273", "/api/v1/regions/3273/services?q=paspor", "/api/v1/services/3273-imigrasi-paspor-biasa",
  "/api/v1/search?q=paspor", "/api/v1/search?q=kartu%20keluarga&region=3204&limit=5",
];

/** Counts the answers built (make() calls) through every CatalogView while installed. */
function countBuilds(): { count: () => number; restore: () => void } {
  const original = CatalogView.prototype.answer;
  let n = 0;
  CatalogView.prototype.answer = function (key, make) {
    return original.call(this, key, () => { n++; return make(); });
  };
  return { count: () => n, restore: () => { CatalogView.prototype.answer = original; } };
}

const regionName = async (app: FastifyInstance) => (await app.inject("/api/v1/regions/3273")).json().region.name as string;

forEachEngine("kept API answers", (engine) => {
  let app: FastifyInstance;
  let builds: ReturnType<typeof countBuilds>;
  before(async () => {
    app = await build({ database: await engine.freshConfig(), rateLimit: false, presence: false });
    builds = countBuilds();
  });
  after(async () => {
    builds?.restore();
    await app?.close();
  });

  it("builds each answer once while the data is unchanged, and sends the same bytes and ETag", async () => {
    const first = new Map<string, { body: string; etag: unknown }>();
    for (const url of ROUTES) {
      const res = await app.inject(url);
      assert.equal(res.statusCode, 200, `${url}: 200`);
      first.set(url, { body: res.body, etag: res.headers.etag });
    }
    const afterFirst = builds.count();
    assert.ok(afterFirst <= ROUTES.length, `at most one build per route (${afterFirst})`);
    for (let i = 0; i < 5; i++) {
      for (const url of ROUTES) {
        const res = await app.inject({ url, headers: { "accept-encoding": i % 2 ? "br" : "identity" } });
        assert.equal(res.statusCode, 200, `${url}: 200`);
        if (i % 2 === 0) assert.equal(res.body, first.get(url)!.body, `${url}: same body`);
        assert.match(String(res.headers.etag), new RegExp(`^${String(first.get(url)!.etag).replace(/"$/, "")}(-br)?"$`), `${url}: same ETag (per coding)`);
      }
    }
    assert.equal(builds.count(), afterFirst, "no answer was built again for 30 more requests");
  });

  it("builds new answers with new ETags after a write moves the data version", async () => {
    const before = await app.inject("/api/v1/regions/3273");
    const count = builds.count();
    await app.db.write(async (trx) => {
      await trx.updateTable("regions").set({ name: "Kota Bandung (uji)" }).where("code", "=", "3273").execute();
    });
    const after = await app.inject("/api/v1/regions/3273");
    assert.equal(after.json().region.name, "Kota Bandung (uji)", "the new name at once on the writing node");
    assert.notEqual(after.headers.etag, before.headers.etag, "a new ETag");
    assert.equal(builds.count(), count + 1, "the answer was built anew");
    const conditional = await app.inject({ url: "/api/v1/regions/3273", headers: { "if-none-match": String(before.headers.etag) } });
    assert.equal(conditional.statusCode, 200, "the old ETag no longer validates");
  });

  it("never keeps an answer under a version bumped by a transaction that rolls back", async () => {
    const name = await regionName(app);
    let inside!: () => void;
    const updated = new Promise<void>((r) => { inside = r; });
    let finish!: () => void;
    const hold = new Promise<void>((r) => { finish = r; });
    const writer = app.db.transaction(async (trx) => {
      await trx.updateTable("regions").set({ name: "Tidak jadi" }).where("code", "=", "3273").execute();
      inside();
      await hold;
      throw new Error("rolled back on purpose");
    });
    await updated;
    // A request while the uncommitted bump exists (it waits for the writer on SQLite, reads the
    // committed row on PostgreSQL).
    const during = app.inject("/api/v1/regions/3273");
    await new Promise((r) => setTimeout(r, 50));
    finish();
    await assert.rejects(writer, /rolled back on purpose/);
    assert.equal((await during).json().region.name, name, "the request during the transaction saw the committed name");
    // The same statement committed moves the version by as much as the rolled-back one did, to the
    // very number the request above saw uncommitted: an answer filed under it would be served now.
    await app.db.transaction(async (trx) => {
      await trx.updateTable("regions").set({ name: "Kota Bandung (kedua)" }).where("code", "=", "3273").execute();
    });
    const t0 = Date.now();
    while (await regionName(app) !== "Kota Bandung (kedua)" && Date.now() - t0 < 3000) await new Promise((r) => setTimeout(r, 25));
    assert.equal(await regionName(app), "Kota Bandung (kedua)", "a committed write after the rollback shows, nothing stale was kept");
  });
});
