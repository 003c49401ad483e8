import assert from "node:assert/strict";
import { parseIdleSeconds, parseKioskOptions, DEFAULT_IDLE_SECONDS } from "../../../src/app/lobby/kiosk-options";

const at = (q: string) => new URL(`https://mpp.example/${q}`);

describe("lobby/kiosk-options", () => {
  it("reads the region and idle time", () => {
    const o = parseKioskOptions(at("?mode=kiosk&region=3273&idle=30"));
    assert.equal(o.region, "3273", "region code");
    assert.equal(o.idleMs, 30_000, "idle seconds as ms");
  });

  it("defaults to 90 s and no region", () => {
    const o = parseKioskOptions(at("?mode=kiosk"));
    assert.equal(o.region, null, "no region");
    assert.equal(o.idleMs, DEFAULT_IDLE_SECONDS * 1000, "default idle");
    assert.equal(o.baseUrl, "/?mode=kiosk", "base URL has only the mode");
  });

  it("ignores malformed or out-of-range values", () => {
    for (const v of ["abc", "-5", "1", "0", "3601", "2.5", "", "99999999"]) {
      assert.equal(parseIdleSeconds(v), DEFAULT_IDLE_SECONDS, `idle=${JSON.stringify(v)} falls back to the default`);
    }
    assert.equal(parseIdleSeconds("2"), 2, "the smallest allowed value");
    assert.equal(parseKioskOptions(at("?mode=kiosk&region=32")).region, null, "a bad region code is ignored");
  });

  it("keeps only the kiosk's own parameters in the base URL", () => {
    const o = parseKioskOptions(at("?mode=kiosk&region=3273&idle=3&automation=1&sw=1&renderscale=0.5&service=3273-imigrasi-paspor-biasa&lang=en&utm_source=x"));
    const p = new URL(o.baseUrl, "https://mpp.example").searchParams;
    assert.equal(p.get("mode"), "kiosk", "mode kept");
    assert.equal(p.get("home"), "3273", "the lobby's region kept, as home");
    assert.equal(p.get("region"), null, "region is the visitor's place, not kept");
    assert.equal(p.get("idle"), "3", "idle kept");
    assert.equal(p.get("automation"), "1", "test hook kept");
    assert.equal(p.get("sw"), "1", "service worker switch kept");
    assert.equal(p.get("renderscale"), "0.5", "a weak PC's render scale kept");
    assert.equal(p.get("service"), null, "the previous visitor's service is dropped");
    assert.equal(p.get("lang"), null, "the previous visitor's language is dropped");
    assert.equal(p.get("utm_source"), null, "anything else is dropped");
    assert.ok(o.baseUrl.startsWith("/?"), "a path, same origin");
  });

  it("keeps the lobby's own home region after a visitor's walk changed region and service in the URL", () => {
    const rested = parseKioskOptions(at("?mode=kiosk&region=3273&idle=30"));
    assert.equal(rested.baseUrl, "/?mode=kiosk&home=3273&idle=30", "the base URL names the home region");
    // The URL after the visitor walked into Kabupaten Bogor (location-sync keeps home and mode), then a reload.
    const after = parseKioskOptions(at("?mode=kiosk&home=3273&idle=30&region=3201&service=3201-imigrasi-paspor-biasa"));
    assert.equal(after.region, "3273", "home wins over the visitor's region");
    assert.equal(after.baseUrl, rested.baseUrl, "the same base URL as before the visit");
    assert.equal(parseKioskOptions(at("?mode=kiosk&home=32&region=3201")).region, null, "a malformed home is not replaced by the visitor's region");
  });

  it("refuses a non-URL", () => {
    assert.throws(() => parseKioskOptions("/?mode=kiosk" as unknown as URL), /expected a URL/, "string rejected");
  });
});
