// The guide's tools in the VR menu (presence/guide-vr-menu.ts): what a guide in a headset can do by
// pointer (gather, share, lock, names, the microphone, and per visitor the word, mute and remove).
import assert from "node:assert/strict";
import { createI18n } from "../../../src/app/i18n/i18n";
import { createGuideTools } from "../../../src/app/presence/guide-tools";
import { createGuideVrMenu } from "../../../src/app/presence/guide-vr-menu";
import type { SharedKiosk } from "../../../src/app/presence/shared-kiosk";
import type { VoiceState } from "../../../src/app/presence/voice";
import type { XrMenuAction } from "../../../src/app/xr/xr-menu";
import { FakeClient, peer } from "./fake-client";

const shared: SharedKiosk = { ref: null, controller: null, share: async () => true, unshare() {}, onEvent: () => () => undefined, dispose() {} };

function setup() {
  const client = new FakeClient();
  const tools = createGuideTools({ client, shared });
  const calls: string[] = [];
  const tourListeners = new Set<() => void>();
  const tour = {
    state: { guide: false } as { guide: boolean },
    gather: () => { calls.push("gather"); },
    onChange: (l: () => void) => { tourListeners.add(l); return () => { tourListeners.delete(l); }; },
  };
  const voiceListeners = new Set<() => void>();
  const voiceState: VoiceState = { role: "guide", talking: false, floor: false, connected: 0, speaking: [], problem: null };
  const voice = {
    state: voiceState,
    setTalking: async (on: boolean) => { calls.push(`talk:${on}`); },
    setFloor: (id: string, on: boolean) => { calls.push(`floor:${id}:${on}`); },
    onChange: (l: () => void) => { voiceListeners.add(l); return () => { voiceListeners.delete(l); }; },
  };
  const i18n = createI18n({ url: new URL("http://localhost/") });
  const menu = createGuideVrMenu({ i18n, tour, tools, voice, label: (p) => (p.chosen ? p.name : `Pengunjung ${p.n}`) });
  const becomeGuide = () => {
    tour.state.guide = true;
    for (const l of [...tourListeners]) l();
  };
  const tellVoice = () => { for (const l of [...voiceListeners]) l(); };
  return { client, tools, menu, calls, becomeGuide, tellVoice, tourListeners, voiceListeners };
}

const byName = (list: readonly XrMenuAction[], name: string) => {
  const a = list.find((x) => x.name === name);
  assert.ok(a, `a button ${name} among ${list.map((x) => x.name).join(", ")}`);
  return a;
};

describe("presence/guide-vr-menu", () => {
  it("offers nothing to a visitor, and a guide the tour's buttons and a page of tools", () => {
    const { client, menu, calls, becomeGuide } = setup();
    client.welcome(peer("g", 1, { role: "guide" }), [peer("a", 2)]);
    assert.deepEqual(menu.actions(), [], "not a guide yet: no buttons");
    becomeGuide();
    const row = menu.actions();
    assert.deepEqual(row.map((a) => a.name), ["xr-guide-gather", "xr-guide-share", "xr-guide-tools"], "gather, share and the tools page (no close without a shared kiosk)");
    byName(row, "xr-guide-gather").run!();
    assert.deepEqual(calls, ["gather"], "gather runs the tour's gather");
    const page = byName(row, "xr-guide-tools").page!();
    assert.deepEqual(page.actions.map((a) => a.name), ["xr-guide-lock", "xr-guide-names", "xr-guide-talk"], "lock, names and the microphone on top");
    assert.ok(page.actions.every((a) => a.stay), "the page stays open after each");
  });

  it("locks, switches names off, speaks, and acts on each visitor by pointer (removal confirmed by a second press)", () => {
    const { client, menu, calls, becomeGuide } = setup();
    client.welcome(peer("g", 1, { role: "guide" }), [peer("a", 2), peer("b", 3, { name: "<i>Ani</i>", chosen: true }), peer("g2", 4, { role: "guide" })]);
    becomeGuide();
    const page = () => byName(menu.actions(), "xr-guide-tools").page!();
    const p = page();
    assert.deepEqual(p.rows.map((r) => r.label), ["Pengunjung 2", "<i>Ani</i>"], "the visitors by number, names as exact text, no other guide");
    byName(p.actions, "xr-guide-lock").run!();
    byName(p.actions, "xr-guide-names").run!();
    byName(p.actions, "xr-guide-talk").run!();
    const ani = p.rows[1]!.actions;
    byName(ani, "xr-guide-floor-b").run!();
    byName(ani, "xr-guide-mute-b").run!();
    assert.equal(byName(p.rows[0]!.actions, "xr-guide-mute-a").disabled, true, "an anonymous name cannot be muted");
    byName(ani, "xr-guide-remove-b").run!();
    assert.ok(!client.sent.some((m) => m.t === "remove"), "a first press only asks");
    const confirm = byName(page().rows[1]!.actions, "xr-guide-remove-b");
    assert.deepEqual([confirm.label, confirm.active], ["Yakin? Keluarkan", true], "the button now asks to confirm");
    confirm.run!();
    assert.deepEqual(client.sent, [{ t: "lock", locked: true }, { t: "names", allowed: false }, { t: "mute_name", id: "b" }, { t: "remove", id: "b" }], "the server's guide commands");
    assert.deepEqual(calls, ["talk:true", "floor:b:true"], "the microphone and the word go through voice");
    byName(page().rows[0]!.actions, "xr-guide-remove-a").run!();
    byName(page().actions, "xr-guide-lock").run!();
    assert.equal(byName(page().rows[0]!.actions, "xr-guide-remove-a").label, "Keluarkan", "another press cancels a pending removal");
  });

  it("tells the menu only when what it draws changed, and leaves no listener on dispose", () => {
    const { client, menu, becomeGuide, tellVoice, tourListeners, voiceListeners } = setup();
    let told = 0;
    menu.onChange(() => told++);
    client.welcome(peer("g", 1, { role: "guide" }), [peer("a", 2)]);
    becomeGuide();
    assert.ok(told > 0, "becoming a guide redraws");
    told = 0;
    tellVoice();
    assert.equal(told, 0, "a voice update that changes nothing drawn (who speaks) is not told");
    client.update(peer("a", 2, { floor: true }));
    assert.equal(told, 1, "a visitor given the word is");
    const word = byName(byName(menu.actions(), "xr-guide-tools").page!().rows[0]!.actions, "xr-guide-floor-a");
    assert.deepEqual([word.label, word.active], ["Cabut giliran bicara", true], "and the button now takes the word back");
    menu.dispose();
    assert.equal(tourListeners.size + voiceListeners.size, 0, "no listener left on the tour or the voice");
  });
});
