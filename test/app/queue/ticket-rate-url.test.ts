// The address a walk-in ticket's QR code prints (issue 15: rate the service once served): the app at
// /?antrean=CODE on an origin a phone can reach: the lobby URL's `site`, else the page's own.
import assert from "node:assert/strict";
import { publicOrigin, rateUrl } from "../../../src/app/queue/ticket-print";
import { parseKioskOptions } from "../../../src/app/lobby/kiosk-options";

const at = (href: string) => ({ href, origin: new URL(href).origin });

describe("app/queue/ticket-print: the rating address", () => {
  it("puts the ticket's code in /?antrean=", () => {
    assert.equal(rateUrl("https://mpp.example.go.id", "K7DX4MRA"), "https://mpp.example.go.id/?antrean=K7DX4MRA");
  });

  it("uses the lobby URL's site, an http(s) origin, else the page's own", () => {
    assert.equal(publicOrigin(at("http://localhost:8080/?mode=kiosk&site=https://mpp.example.go.id")), "https://mpp.example.go.id");
    assert.equal(publicOrigin(at("http://localhost:8080/?mode=kiosk&site=https://mpp.example.go.id/")), "https://mpp.example.go.id", "a trailing slash is fine");
    assert.equal(publicOrigin(at("http://localhost:8080/?mode=kiosk")), "http://localhost:8080", "no site: the page's origin");
    for (const bad of ["javascript:alert(1)", "https://mpp.example.go.id/path", "not a url", "ftp://x.example"]) {
      assert.equal(publicOrigin(at(`http://localhost:8080/?mode=kiosk&site=${encodeURIComponent(bad)}`)), "http://localhost:8080", `refuses ${bad}`);
    }
  });

  it("keeps site in the kiosk's resting URL across resets", () => {
    const o = parseKioskOptions(new URL("http://localhost:8080/?mode=kiosk&region=3273&site=https://mpp.example.go.id&service=3273-imigrasi-paspor-biasa"));
    assert.equal(new URL(o.baseUrl, "http://x").searchParams.get("site"), "https://mpp.example.go.id");
    assert.equal(new URL(o.baseUrl, "http://x").searchParams.get("service"), null, "the visitor's own parameters go");
  });
});
