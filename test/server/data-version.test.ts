// The data version: read lazily within its TTL, shared by concurrent callers, moved by every
// catalog write (triggers) and by bumpDataVersion(), re-read at once after invalidate().
import assert from "node:assert/strict";
import { bumpDataVersion, DataVersion } from "../../src/server/db/data-version";
import { openDatabase, type Db } from "../../src/server/db/open";
import { forEachEngine } from "../support/engines";

forEachEngine("data version", (engine) => {
  let db: Db;
  before(async () => { db = await openDatabase(await engine.freshConfig(), { seed: false }); });
  after(async () => { await db?.close(); });

  it("moves on every write to a catalog table, by trigger, and on bumpDataVersion()", async () => {
    const v = new DataVersion(db.kysely, 0);
    const v0 = await v.current();
    await db.kysely.insertInto("regions").values({ code: "3299", type: "kota", name: "Uji", seat: "Uji", lat: 0, lon: 0, mpp_status: "unknown" }).execute();
    const v1 = await v.current();
    assert.notEqual(v1, v0, "an insert moved it");
    await db.kysely.updateTable("regions").set({ name: "Uji 2" }).where("code", "=", "3299").execute();
    const v2 = await v.current();
    assert.notEqual(v2, v1, "an update moved it");
    await bumpDataVersion(db.kysely);
    assert.notEqual(await v.current(), v2, "bumpDataVersion moved it");
  });

  it("keeps a read for its TTL, shares concurrent reads, and re-reads after invalidate()", async () => {
    let clock = 1_000;
    const v = new DataVersion(db.kysely, 500, () => clock);
    const [a, b] = await Promise.all([v.current(), v.current()]);
    assert.equal(a, b, "concurrent callers get one read");
    await bumpDataVersion(db.kysely);
    clock += 100;
    assert.equal(await v.current(), a, "within the TTL the cached version is used");
    clock += 500;
    const moved = await v.current();
    assert.notEqual(moved, a, "after the TTL the new version is read");
    await bumpDataVersion(db.kysely);
    v.invalidate();
    assert.notEqual(await v.current(), moved, "invalidate() makes the next call read at once");
  });
});
