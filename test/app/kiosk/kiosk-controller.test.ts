import assert from "node:assert/strict";
import { createI18n } from "../../../src/app/i18n/i18n";
import { createKioskController, type KioskApi } from "../../../src/app/kiosk/kiosk-controller";
import type { ApiClient } from "../../../src/app/api/client";
import type { KioskView } from "../../../src/app/kiosk/screens/registry";
import type { RegionDetail, Service, ServiceSummary } from "../../../src/domain/types";
import { bandung, deferred, flush, ktpSummary, paspor, pasporSummary, ePasporSummary } from "../fixtures";

/** A fake api whose answers the test releases by hand, recording every call. */
function fakeApi() {
  const calls: string[] = [];
  const pending = {
    region: [] as ReturnType<typeof deferred<RegionDetail>>[],
    services: [] as ReturnType<typeof deferred<ServiceSummary[]>>[],
    service: [] as ReturnType<typeof deferred<Service>>[],
  };
  const api: KioskApi = {
    region(code) { calls.push(`region ${code}`); const d = deferred<RegionDetail>(); pending.region.push(d); return d.promise; },
    services(code, opts) { calls.push(`services ${code} ${opts?.agency}`); const d = deferred<ServiceSummary[]>(); pending.services.push(d); return d.promise; },
    service(id) { calls.push(`service ${id}`); const d = deferred<Service>(); pending.service.push(d); return d.promise; },
  };
  return { api, calls, pending };
}

/** A fake api that answers at once from the fixtures. */
const instantApi: KioskApi = {
  region: async () => bandung,
  services: async () => [pasporSummary, ePasporSummary, ktpSummary],
  service: async (id) => { if (id === paspor.id) return paspor; throw Object.assign(new Error("not found"), { kind: "http" }); },
};

// Compile-time check: the real client can be passed where the kiosk expects its api.
export type ClientFitsKiosk = ApiClient extends KioskApi ? true : never;
const clientFits: ClientFitsKiosk = true;
void clientFits;

const i18n = () => createI18n({ url: new URL("https://x/") });

describe("kiosk/kiosk-controller", () => {
  it("shows loading first, then the ready view", async () => {
    const f = fakeApi();
    const c = createKioskController({ api: f.api, i18n: i18n(), start: { kind: "agencies", regionCode: "3273" } });
    const seen: KioskView["status"][] = [];
    c.onView((v) => seen.push(v.status));
    assert.equal(c.view.status, "loading", "initial view is loading");
    await flush();
    assert.deepEqual(f.calls, ["region 3273"], "region requested");
    f.pending.region[0]?.resolve(bandung);
    await flush();
    assert.equal(c.view.status, "ready", "ready after the answer");
    assert.equal(c.view.title, "Kota Bandung", "region title");
    assert.deepEqual(seen, ["loading", "ready"], "listener saw loading then ready");
  });

  it("shows an error with retry, and retry loads again", async () => {
    const f = fakeApi();
    const c = createKioskController({ api: f.api, i18n: i18n(), start: { kind: "service", serviceId: paspor.id } });
    await flush();
    f.pending.service[0]?.reject(Object.assign(new Error("offline"), { kind: "network" }));
    await flush();
    assert.equal(c.view.status, "error", "error view");
    assert.equal(c.view.notice?.text, "Server informasi tidak dapat dihubungi", "unreachable server named");
    assert.ok(c.view.actions.some((a) => a.id === "retry"), "retry action offered");
    c.retry();
    assert.equal(c.view.status, "loading", "retry shows loading");
    f.pending.service[1]?.resolve(paspor);
    await flush();
    assert.equal(c.view.status, "ready", "ready after retry");
    assert.equal(f.calls.length, 2, "the service was requested twice");
  });

  it("walks agencies -> services -> service and back through the stack", async () => {
    const c = createKioskController({ api: instantApi, i18n: i18n(), start: { kind: "agencies", regionCode: "3273" } });
    await flush();
    assert.equal(c.select("3273-imigrasi"), true, "agency row opens");
    await flush();
    assert.equal(c.view.screen.kind, "services", "services screen");
    assert.deepEqual(c.view.items.map((i) => i.id), [pasporSummary.id, ePasporSummary.id], "only that agency's services");
    assert.equal(c.select(pasporSummary.id), true, "service row opens");
    await flush();
    assert.equal(c.view.title, "Paspor biasa 48 halaman", "service screen");
    assert.equal(c.stack.length, 3, "three screens on the stack");
    assert.equal(c.back(), true, "back works");
    assert.equal(c.view.screen.kind, "services", "back to the services (from cache, no loading)");
    assert.equal(c.view.status, "ready", "cached screen is ready at once");
    c.back();
    assert.equal(c.back(), false, "no back from the first screen");
    assert.equal(c.view.screen.kind, "agencies", "first screen");
  });

  it("passes the agency slug to the api", async () => {
    const f = fakeApi();
    createKioskController({ api: f.api, i18n: i18n(), start: { kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" } });
    await flush();
    f.pending.region[0]?.resolve(bandung);
    await flush();
    assert.deepEqual(f.calls, ["region 3273", "services 3273 imigrasi"], "region, then services filtered by slug");
  });

  it("ignores rows that are not on screen", async () => {
    const c = createKioskController({ api: instantApi, i18n: i18n(), start: { kind: "agencies", regionCode: "3273" } });
    assert.equal(c.select("3273-imigrasi"), false, "no select while loading");
    await flush();
    assert.equal(c.select("9999-nope"), false, "unknown row refused");
    assert.equal(c.stack.length, 1, "stack unchanged");
  });

  it("drops a response for a screen the user already left", async () => {
    const f = fakeApi();
    const c = createKioskController({ api: f.api, i18n: i18n(), start: { kind: "agencies", regionCode: "3273" } });
    await flush();
    f.pending.region[0]?.resolve(bandung);
    await flush();
    c.open({ kind: "service", serviceId: paspor.id });
    c.back(); // user leaves before the answer
    f.pending.service[0]?.resolve(paspor);
    await flush();
    assert.equal(c.view.screen.kind, "agencies", "still on the agencies screen");
    assert.equal(c.view.title, "Kota Bandung", "late service answer did not replace the view");
  });

  it("drops a late error as well", async () => {
    const f = fakeApi();
    const c = createKioskController({ api: f.api, i18n: i18n(), start: { kind: "service", serviceId: paspor.id } });
    await flush();
    c.open({ kind: "service", serviceId: "3273-imigrasi-e-paspor" });
    f.pending.service[0]?.reject(new Error("late"));
    f.pending.service[1]?.resolve({ ...paspor, id: "3273-imigrasi-e-paspor" });
    await flush();
    assert.equal(c.view.status, "ready", "the late error of the first screen is not shown");
  });

  it("re-renders on language change without asking the server again", async () => {
    let calls = 0;
    const api: KioskApi = { ...instantApi, service: async () => { calls++; return paspor; } };
    const lang = i18n();
    const c = createKioskController({ api, i18n: lang, start: { kind: "service", serviceId: paspor.id } });
    await flush();
    const titles: string[] = [];
    c.onView((v) => titles.push(v.title));
    lang.setLang("en");
    assert.deepEqual(titles, ["Ordinary passport, 48 pages"], "re-rendered in English");
    assert.equal(c.view.sections[0]?.heading, "Fee", "English headings");
    assert.equal(calls, 1, "no second request");
  });

  it("tells onClose listeners and stops everything on dispose", async () => {
    const lang = i18n();
    const c = createKioskController({ api: instantApi, i18n: lang, start: { kind: "agencies", regionCode: "3273" } });
    let closed = 0;
    let views = 0;
    c.onClose(() => closed++);
    c.onView(() => views++);
    c.close();
    assert.equal(closed, 1, "close notifies");
    c.dispose();
    await flush();
    lang.setLang("en");
    c.close();
    assert.equal(views, 0, "no views after dispose (neither the load nor the language change)");
    assert.equal(closed, 1, "no close after dispose");
  });

  it("shows the age of the data when told", async () => {
    const c = createKioskController({ api: instantApi, i18n: i18n(), start: { kind: "agencies", regionCode: "3273" } });
    await flush();
    c.setDataAge("2026-11-27T07:05:00Z");
    assert.equal(c.view.notice?.kind, "stale", "stale notice");
    c.setDataAge(null);
    assert.equal(c.view.notice, null, "cleared");
  });

  it("refuses a malformed start screen", () => {
    assert.throws(() => createKioskController({ api: instantApi, i18n: i18n(), start: { kind: "service", serviceId: "" } }), /not a kiosk screen/, "empty id refused");
  });
});
