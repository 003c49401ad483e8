import assert from "node:assert/strict";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createI18n } from "../../../src/app/i18n/i18n";
import { createKioskHost, type KioskHostDeps } from "../../../src/app/kiosk/kiosk-host";
import type { KioskApi, KioskController } from "../../../src/app/kiosk/kiosk-controller";
import type { PanelEvent } from "../../../src/app/kiosk/service-panel";
import type { KioskView } from "../../../src/app/kiosk/screens/registry";
import { bandung, flush, ktpSummary, paspor, pasporSummary } from "../fixtures";

const api: KioskApi = {
  region: async () => bandung,
  services: async () => [pasporSummary, ktpSummary],
  service: async () => paspor,
};

/** A panel that records what it was asked to do, and lets the test click it. */
function fakePanel() {
  const listeners = new Set<(e: PanelEvent) => void>();
  const rendered: KioskView[] = [];
  const state = { visible: false, at: null as Vector3 | null };
  const panel: KioskHostDeps["panel"] = {
    render: (v: KioskView) => void rendered.push(v),
    onEvent(l: (e: PanelEvent) => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    showAt(center: Vector3) {
      state.visible = true;
      state.at = center;
    },
    hide() {
      state.visible = false;
    },
  };
  const click = (e: PanelEvent) => listeners.forEach((l) => l(e));
  return { panel, rendered, state, click, listenerCount: () => listeners.size };
}

describe("kiosk/kiosk-host", () => {
  const i18n = createI18n({ url: new URL("http://localhost/") });
  const services = { kind: "services" as const, regionCode: bandung.code, agencyId: bandung.agencies[0]!.id };

  it("shows a kiosk on the panel at its place and tells the page", async () => {
    const p = fakePanel();
    const seen: Array<KioskController | null> = [];
    const host = createKioskHost({ api, i18n, panel: p.panel });
    host.onChange((c) => seen.push(c));
    const c = host.open([services], { center: new Vector3(1, 1.5, 2), facing: new Vector3(1, 1.5, 4) });
    await flush();
    assert.equal(host.current, c, "the host holds the open controller");
    assert.equal(p.state.visible, true, "the panel is shown");
    assert.deepEqual(p.state.at?.asArray(), [1, 1.5, 2], "at the given centre");
    assert.equal(p.rendered.at(-1)?.status, "ready", "the panel shows the loaded view");
    assert.deepEqual(seen, [c], "the page heard of the kiosk once");
  });

  it("routes panel clicks to the controller: a service, then back", async () => {
    const p = fakePanel();
    const host = createKioskHost({ api, i18n, panel: p.panel });
    const c = host.open([services], { center: Vector3.Zero(), facing: Vector3.One() });
    await flush();
    p.click({ kind: "item", id: c.view.items[0]!.id });
    await flush();
    assert.equal(c.view.screen.kind, "service", "an item click opens the service");
    p.click({ kind: "action", id: "back" });
    assert.equal(c.view.screen.kind, "services", "back returns to the list");
  });

  it("closes the previous kiosk when another opens, and leaves no listener behind on close", async () => {
    const p = fakePanel();
    const seen: Array<KioskController | null> = [];
    const host = createKioskHost({ api, i18n, panel: p.panel });
    host.onChange((c) => seen.push(c));
    const a = host.open([services], { center: Vector3.Zero(), facing: Vector3.One() });
    const b = host.open([{ kind: "agencies", regionCode: bandung.code }], { center: Vector3.Zero(), facing: Vector3.One() });
    assert.notEqual(a, b, "a new controller");
    assert.deepEqual(seen, [a, null, b], "the page saw the first close before the second open");
    assert.equal(p.listenerCount(), 1, "only the open kiosk listens to the panel");
    p.click({ kind: "action", id: "close" });
    await flush();
    assert.equal(host.current, null, "the close action closed it");
    assert.equal(p.state.visible, false, "the panel is hidden");
    assert.equal(p.listenerCount(), 0, "no panel listener is left");
    assert.equal(seen.at(-1), null, "the page heard it closed");
  });

  it("offers easy mode's read-aloud on the 3D panel where the browser can speak, reads the view, and stops on close", async () => {
    const p = fakePanel();
    let on = false;
    const spoken: string[] = [];
    let stopped = 0;
    const listeners = new Set<() => void>();
    const readAloud = {
      available: () => on, label: () => "Bacakan", speak: (v: KioskView) => void spoken.push(v.title), stop: () => void stopped++,
      onChange: (l: () => void) => { listeners.add(l); return () => void listeners.delete(l); },
    };
    const host = createKioskHost({ api, i18n, panel: p.panel, readAloud });
    host.open([services], { center: Vector3.Zero(), facing: Vector3.One() });
    await flush();
    const speakButton = () => p.rendered.at(-1)!.actions.find((a) => a.id === "speak");
    assert.equal(speakButton(), undefined, "no read-aloud button while easy mode is off (or speech is missing)");
    on = true;
    listeners.forEach((l) => l());
    assert.equal(speakButton()?.label, "Bacakan", "easy mode on: the panel shows the button at once");
    p.click({ kind: "action", id: "speak" });
    assert.deepEqual(spoken, [p.rendered.at(-1)!.title], "the panel's button reads the kiosk's view");
    host.close();
    assert.equal(stopped, 1, "closing the kiosk stops the reading");
    assert.equal(listeners.size, 0, "and removes its listener");
  });
});
