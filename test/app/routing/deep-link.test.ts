import assert from "node:assert/strict";
import { Window } from "happy-dom";
import { createHistorySync, formatAppUrl, parseAppUrl, type AppUrl } from "../../../src/app/routing/deep-link";

const u = (q: string) => new URL(`https://mpp.example/${q}`);

describe("routing/deep-link", () => {
  it("parses region, service, language, mode and automation", () => {
    assert.deepEqual(parseAppUrl(u("?region=3273&service=3273-imigrasi-paspor-biasa&lang=en&mode=kiosk&automation=1&renderscale=0.5")), {
      region: "3273", service: "3273-imigrasi-paspor-biasa", lang: "en", mode: "kiosk", automation: true, renderScale: 0.5,
    }, "all parameters read");
    assert.deepEqual(parseAppUrl(u("")), { region: null, service: null, lang: null, mode: "desktop", automation: false, renderScale: 1 }, "defaults");
  });

  it("ignores malformed parameters instead of throwing", () => {
    const p = parseAppUrl(u("?region=32733&service=<script>&lang=fr&mode=vr&automation=true&renderscale=2"));
    assert.deepEqual(p, { region: null, service: null, lang: null, mode: "desktop", automation: false, renderScale: 1 }, "all ignored");
    for (const bad of ["0.1", "0", "1.5", "-0.5", "0.5x", "NaN", "1e-1", ""]) {
      assert.equal(parseAppUrl(u(`?renderscale=${bad}`)).renderScale, 1, `renderscale=${bad} is full resolution`);
    }
    assert.equal(parseAppUrl(u("?renderscale=0.25")).renderScale, 0.25, "a quarter is the least");
    assert.equal(parseAppUrl(u("?region=abcd")).region, null, "letters are not a region code");
    assert.equal(parseAppUrl(u(`?service=3273-${"a".repeat(200)}`)).service, null, "overlong id ignored");
  });

  it("takes the region from the service id", () => {
    assert.equal(parseAppUrl(u("?service=3204-imigrasi-paspor-biasa")).region, "3204", "region derived");
    assert.equal(parseAppUrl(u("?region=3273&service=3204-imigrasi-paspor-biasa")).region, "3204", "service's region wins");
  });

  it("round-trips through formatAppUrl and keeps other parameters", () => {
    const state = { region: "3273", service: "3273-imigrasi-paspor-biasa", lang: "en" as const };
    const url = formatAppUrl(u("?mode=kiosk&utm_source=x"), state);
    assert.equal(url.searchParams.get("utm_source"), "x", "foreign parameter kept");
    assert.deepEqual(parseAppUrl(url), { ...state, mode: "kiosk", automation: false, renderScale: 1 }, "round trip");
    const cleared = formatAppUrl(url, { region: null, service: null, lang: null });
    assert.equal(cleared.search, "?mode=kiosk&utm_source=x", "region, service and lang removed");
    const kept = formatAppUrl(u("?lang=en"), { region: "3273", service: null });
    assert.equal(kept.searchParams.get("lang"), "en", "lang undefined keeps the URL's");
  });

  it("refuses to write malformed state", () => {
    assert.throws(() => formatAppUrl(u(""), { region: "bandung", service: null }), /bad region code/, "region");
    assert.throws(() => formatAppUrl(u(""), { region: null, service: "paspor" }), /bad service id/, "service");
  });

  describe("createHistorySync", () => {
    it("pushes and replaces entries, without duplicates", () => {
      const win = new Window({ url: "https://mpp.example/?mode=kiosk" });
      const w = win as unknown as globalThis.Window;
      const sync = createHistorySync(w);
      const before = w.history.length;
      sync.push({ region: "3273", service: null });
      assert.equal(w.location.search, "?mode=kiosk&region=3273", "region pushed");
      assert.equal(w.history.length, before + 1, "one entry added");
      sync.push({ region: "3273", service: null });
      assert.equal(w.history.length, before + 1, "same state pushes nothing");
      sync.replace({ region: "3273", service: "3273-imigrasi-paspor-biasa" });
      assert.equal(w.history.length, before + 1, "replace adds no entry");
      assert.match(w.location.search, /service=3273-imigrasi-paspor-biasa/, "service written");
      sync.dispose();
      win.close();
    });

    it("reports popstate navigation until disposed", () => {
      const win = new Window({ url: "https://mpp.example/?region=3201" });
      const w = win as unknown as globalThis.Window;
      const sync = createHistorySync(w);
      const seen: AppUrl[] = [];
      sync.onNavigate((s) => seen.push(s));
      w.dispatchEvent(new win.PopStateEvent("popstate") as unknown as Event);
      assert.equal(seen[0]?.region, "3201", "state parsed from the location");
      sync.dispose();
      w.dispatchEvent(new win.PopStateEvent("popstate") as unknown as Event);
      assert.equal(seen.length, 1, "no report after dispose");
      win.close();
    });
  });
});
