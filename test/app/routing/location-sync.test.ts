import assert from "node:assert/strict";
import { Window } from "happy-dom";
import { createI18n } from "../../../src/app/i18n/i18n";
import { createKioskController, type KioskApi, type KioskController } from "../../../src/app/kiosk/kiosk-controller";
import { createHistorySync } from "../../../src/app/routing/deep-link";
import { createLocationSync, type LocatedExperience } from "../../../src/app/routing/location-sync";
import type { Place } from "../../../src/app/places/places";
import { bandung, flush, ktpSummary, paspor, pasporSummary } from "../fixtures";

const api: KioskApi = {
  region: async () => bandung,
  services: async () => [pasporSummary, ktpSummary],
  service: async () => paspor,
};

/** Places, kiosks and visits as the URL sees them; visits are recorded, not made. */
function fakeExperience() {
  const placeListeners = new Set<(p: Place) => void>();
  const kioskListeners = new Set<(c: KioskController | null) => void>();
  let current: Place = { kind: "plaza", near: null };
  const asked: string[] = [];
  const setPlace = (p: Place) => {
    current = p;
    for (const l of placeListeners) l(p);
  };
  const exp: LocatedExperience = {
    places: {
      get current() { return current; },
      onChange: (l) => { placeListeners.add(l); return () => void placeListeners.delete(l); },
      leave: () => { asked.push("leave"); setPlace({ kind: "plaza", near: null }); },
    },
    kiosks: { onChange: (l) => { kioskListeners.add(l); return () => void kioskListeners.delete(l); } },
    visits: {
      openRegion: async (code) => { asked.push(`region:${code}`); return true; },
      openService: async (id) => { asked.push(`service:${id}`); return !id.includes("unknown"); },
    },
  };
  const openKiosk = (c: KioskController | null) => kioskListeners.forEach((l) => l(c));
  return { exp, setPlace, openKiosk, asked, listeners: () => placeListeners.size + kioskListeners.size };
}

function setup(url = "https://mpp.example/") {
  const win = new Window({ url });
  const w = win as unknown as globalThis.Window;
  const i18n = createI18n({ url: new URL(url) });
  const shown: string[] = [];
  const sync = createLocationSync({ history: createHistorySync(w), i18n, href: () => w.location.href, onRegionShown: (c) => shown.push(c) });
  const fake = fakeExperience();
  const unfollow = sync.follow(fake.exp);
  const close = () => { unfollow(); sync.dispose(); win.close(); };
  return { w, win, i18n, sync, fake, shown, unfollow, close };
}

describe("routing/location-sync", () => {
  it("writes the place into the URL without adding history entries", () => {
    const { w, fake, shown, close } = setup();
    const before = w.history.length;
    fake.setPlace({ kind: "building", region: "3273" });
    assert.equal(w.location.search, "?region=3273", "inside a building: its region");
    fake.setPlace({ kind: "plaza", near: "3204" });
    assert.equal(w.location.search, "?region=3204", "at a building's door: its region");
    fake.setPlace({ kind: "plaza", near: null });
    assert.equal(w.location.search, "", "back on the plaza: no region");
    assert.equal(w.history.length, before, "replaced, never pushed");
    assert.deepEqual(shown, ["3273", "3204"], "the page is told which region is shown");
    close();
  });

  it("replaces the URL for a kiosk opened at a service, and pushes a service chosen inside a kiosk", async () => {
    const { w, i18n, fake, close } = setup();
    const before = w.history.length;
    fake.setPlace({ kind: "building", region: "3273" });
    const atService = createKioskController({ api, i18n, start: { kind: "service", serviceId: paspor.id } });
    fake.openKiosk(atService);
    await flush();
    assert.match(w.location.search, new RegExp(`service=${paspor.id}`), "a deep link or search result names its service");
    assert.equal(w.history.length, before, "without a new entry");
    fake.setPlace({ kind: "building", region: "3273" }); // the URL names the building again
    const list = createKioskController({ api, i18n, start: { kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" } });
    fake.openKiosk(list);
    await flush();
    assert.equal(list.select(paspor.id), true, "the passport row is chosen");
    await flush();
    assert.match(w.location.search, new RegExp(`service=${paspor.id}`), "the service chosen in the kiosk");
    assert.equal(w.history.length, before + 1, "with a new entry, so Back returns to the list");
    fake.openKiosk(null);
    close();
  });

  it("adds an entry for each jump from the directory, so Back returns from a search result instead of leaving the app", async () => {
    const { w, sync, fake, close } = setup();
    const before = w.history.length;
    await sync.jump({ region: "3273", service: paspor.id });
    fake.setPlace({ kind: "building", region: "3273" }); // entering rewrites the same entry
    await sync.jump({ region: "3201", service: null });
    assert.equal(w.history.length, before + 2, "two searches, two entries");
    assert.equal(w.location.search, "?region=3201", "the URL names the last jump");
    assert.deepEqual(fake.asked, [`service:${paspor.id}`, "region:3201"], "each jump went there");
    close();
  });

  it("keeps a jump's service in its entry when the building is entered before the kiosk opens and the visitor jumps on", async () => {
    const { w, sync, fake, close } = setup();
    // The first service opens slowly: its building is entered, then the visitor jumps again.
    let finishFirst!: (ok: boolean) => void;
    fake.exp.visits.openService = (id) => {
      fake.asked.push(`service:${id}`);
      if (id === paspor.id) {
        fake.setPlace({ kind: "building", region: "3273" });
        return new Promise<boolean>((r) => { finishFirst = r; });
      }
      return Promise.resolve(true);
    };
    const first = sync.jump({ region: "3273", service: paspor.id });
    await flush();
    assert.equal(new URL(w.location.href).searchParams.get("service"), paspor.id, "entering the building keeps the service it was going to");
    const second = sync.jump({ region: "3204", service: "3204-polres-sim-a-baru" });
    fake.setPlace({ kind: "building", region: "3204" });
    finishFirst(false); // the first kiosk never opened: the visitor had left
    await Promise.all([first, second]);
    assert.equal(new URL(w.location.href).searchParams.get("service"), "3204-polres-sim-a-baru", "the second jump's service is named");
    w.history.back();
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(new URL(w.location.href).searchParams.get("service"), paspor.id, "Back returns to the first jump's service, not to a bare building");
    close();
  });

  it("a service that cannot be opened inside its building leaves the building in the URL, not the service", async () => {
    const { w, sync, fake, close } = setup();
    fake.exp.visits.openService = async (id) => { fake.setPlace({ kind: "building", region: id.slice(0, 4) }); return false; };
    await sync.go({ region: "3273", service: "3273-imigrasi-unknown-thing" });
    assert.equal(w.location.search, "?region=3273", "the URL names the building the visitor is in");
    close();
  });

  it("drops the service from the URL after 'Kembali' (going back over its own entry) and after closing the kiosk", async () => {
    const { w, i18n, fake, close } = setup();
    fake.setPlace({ kind: "building", region: "3273" });
    const list = createKioskController({ api, i18n, start: { kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" } });
    fake.openKiosk(list);
    await flush();
    const before = w.history.length;
    list.select(paspor.id);
    await flush();
    assert.match(w.location.search, /service=/, "the chosen service is named");
    let backs = 0;
    const realBack = w.history.back.bind(w.history);
    w.history.back = () => { backs++; realBack(); };
    assert.equal(list.back(), true, "Kembali to the list");
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(backs, 1, "the service's own entry is undone (history.back)");
    await flush();
    assert.equal(new URL(w.location.href).searchParams.get("service"), null, "the URL no longer names the service");
    assert.ok(w.history.length <= before + 1, "no extra entry");
    assert.deepEqual(fake.asked, [], `going back over its own entry moves nobody (${JSON.stringify(fake.asked)})`);
    const atService = createKioskController({ api, i18n, start: { kind: "service", serviceId: paspor.id } });
    fake.openKiosk(atService);
    await flush();
    assert.match(w.location.search, /service=/, "a kiosk opened at a service names it");
    fake.openKiosk(null);
    assert.equal(w.location.search, "?region=3273", "closed: the building only");
    close();
  });

  it("a deep link to an unknown service leaves the visitor on the plaza, and the URL says so", async () => {
    const { w, sync, fake, close } = setup("https://mpp.example/?region=3273&service=3273-imigrasi-unknown-thing");
    await sync.go({ region: "3273", service: "3273-imigrasi-unknown-thing" });
    assert.deepEqual(fake.asked, ["service:3273-imigrasi-unknown-thing"], "it was tried");
    assert.equal(w.location.search, "", "the URL names the plaza");
    close();
  });

  it("keeps the language in the URL", () => {
    const { w, i18n, fake, close } = setup();
    fake.setPlace({ kind: "building", region: "3273" });
    i18n.setLang("en");
    assert.equal(w.location.search, "?region=3273&lang=en", "the language joins the place");
    close();
  });

  it("sends the visitor where the URL points: a service, a region, or out of the building", async () => {
    const { sync, fake, close } = setup();
    await sync.go({ region: "3273", service: paspor.id });
    await sync.go({ region: "3201", service: null });
    await sync.go({ region: null, service: null });
    assert.deepEqual(fake.asked, [`service:${paspor.id}`, "region:3201"], "service, then region; on the plaza, nowhere");
    fake.setPlace({ kind: "building", region: "3201" });
    await sync.go({ region: null, service: null });
    assert.deepEqual(fake.asked.at(-1), "leave", "inside, an address without a region leaves the building");
    close();
  });

  it("follows Back and Forward into the place", async () => {
    const { w, win, fake, close } = setup("https://mpp.example/?region=3273");
    w.history.pushState(null, "", "/?service=3204-polres-sim-sim-a-baru");
    w.dispatchEvent(new win.PopStateEvent("popstate") as unknown as Event);
    await flush();
    assert.deepEqual(fake.asked, ["service:3204-polres-sim-sim-a-baru"], "the address's service is opened");
    close();
  });

  it("rests at a kiosk's base URL, and lets go of the experience when unfollowed", () => {
    const { w, sync, fake, unfollow, close } = setup("https://mpp.example/?mode=kiosk&region=3273");
    fake.setPlace({ kind: "building", region: "3204" });
    sync.rest("/?mode=kiosk&region=3273");
    assert.equal(w.location.search, "?mode=kiosk&region=3273", "the base URL");
    assert.deepEqual(sync.current, { region: "3273", service: null }, "and what it names");
    unfollow();
    assert.equal(fake.listeners(), 0, "no listener left on places or kiosks");
    close();
  });
});
