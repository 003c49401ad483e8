import assert from "node:assert/strict";
import { CACHED_AT_HEADER, parseCachedAt } from "../../../src/app/offline/headers";

describe("offline/headers", () => {
  it("reads an ISO date and nothing else", () => {
    assert.equal(parseCachedAt("2025-03-01T08:00:00.000Z")?.toISOString(), "2025-03-01T08:00:00.000Z", "ISO date parsed");
    assert.equal(parseCachedAt(null), null, "missing header");
    assert.equal(parseCachedAt(""), null, "empty header");
    assert.equal(parseCachedAt("yesterday"), null, "not a date");
    assert.equal(CACHED_AT_HEADER, CACHED_AT_HEADER.toLowerCase(), "header name is lowercase (as Headers returns names)");
  });
});
