// The per-version view keeps each answer serialized once with its ETag: later requests get the
// same bytes without building or hashing, concurrent first requests share one build, a failed
// build keeps nothing, and the kept bytes are bounded.
import assert from "node:assert/strict";
import { ANSWER_CACHE_BYTES, CatalogView, type ViewReads } from "../../src/server/data/catalog-view";
import { etagOf } from "../../src/server/http/cache";
import { Vocabulary } from "../../src/server/data/vocabulary";

const reads: ViewReads = {
  service: async () => null,
  rank: async () => [],
  vocabulary: async () => new Vocabulary([]),
};
const view = () => new CatalogView("7", { regions: [], regionDetails: new Map(), summariesByRegion: new Map() }, reads);

describe("catalog view: kept answers", () => {
  it("builds an answer once per key and gives later callers the same bytes and ETag", async () => {
    const v = view();
    let builds = 0;
    const make = async () => { builds++; return JSON.stringify({ n: 1 }); };
    const first = await v.answer("regions", make);
    const second = await v.answer("regions", make);
    assert.equal(builds, 1, "make() ran once for two requests");
    assert.equal(second, first, "the same kept answer object");
    assert.equal(first.body.toString(), '{"n":1}', "the serialized body");
    assert.equal(first.etag, etagOf(first.body), "the ETag is the body's, computed once");
    await v.answer("other", make);
    assert.equal(builds, 2, "another key builds its own");
  });

  it("shares one build among concurrent first requests", async () => {
    const v = view();
    let builds = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const make = async () => { builds++; await gate; return "x".repeat(10); };
    const all = Promise.all(Array.from({ length: 50 }, () => v.answer("search|paspor", make)));
    release();
    const answers = await all;
    assert.equal(builds, 1, "50 simultaneous requests, one build");
    assert.ok(answers.every((a) => a === answers[0]), "all got the same answer");
  });

  it("keeps nothing when the build fails, so the next request tries again", async () => {
    const v = view();
    let builds = 0;
    await assert.rejects(v.answer("service|x", async () => { builds++; throw new Error("not found"); }), /not found/);
    const ok = await v.answer("service|x", async () => { builds++; return "{}"; });
    assert.equal(builds, 2, "built again after the failure");
    assert.equal(ok.body.toString(), "{}", "and kept the success");
  });

  it(`bounds the kept bytes (${ANSWER_CACHE_BYTES / 1024 / 1024} MB), dropping the least recently used`, async () => {
    const v = view();
    const big = Buffer.alloc(Math.floor(ANSWER_CACHE_BYTES / 8), 0x61);
    let builds = 0;
    const make = async () => { builds++; return big; };
    for (let i = 0; i < 20; i++) await v.answer(`k${i}`, make);
    assert.equal(builds, 20, "20 distinct keys built");
    await v.answer("k19", make);
    assert.equal(builds, 20, "a recent key is still kept");
    await v.answer("k0", make);
    assert.equal(builds, 21, "the oldest was dropped past the bound and is built again");
  });
});
