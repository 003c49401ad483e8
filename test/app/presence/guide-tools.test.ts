// The guide's tools' state and the visitors' notices (presence/guide-tools.ts).
import assert from "node:assert/strict";
import { createGuideTools } from "../../../src/app/presence/guide-tools";
import type { SharedKiosk, SharedKioskEvent } from "../../../src/app/presence/shared-kiosk";
import { FakeClient, peer } from "./fake-client";

function fakeShared(): SharedKiosk & { fire(e: SharedKioskEvent): void } {
  const ls = new Set<(e: SharedKioskEvent) => void>();
  return {
    ref: null, controller: null,
    share: async () => true, unshare() {},
    onEvent(l) { ls.add(l); return () => ls.delete(l); },
    dispose() {},
    fire(e) { (this as { ref: unknown }).ref = e.kind === "opened" ? e.ref : null; for (const l of ls) l(e); },
  };
}

describe("presence/guide-tools", () => {
  it("lists the visitors a guide can act on and sends each command", () => {
    const client = new FakeClient();
    const tools = createGuideTools({ client, shared: fakeShared() });
    client.welcome(peer("g", 1, { role: "guide" }), [peer("b", 3, { name: "<b>Ani</b>", chosen: true }), peer("a", 2), peer("g2", 4, { role: "guide" })]);
    assert.equal(tools.state.guide, true, "a guide");
    assert.deepEqual(tools.state.visitors.map((v) => v.id), ["a", "b"], "visitors by number, other guides left out");
    assert.equal(tools.state.visitors[1]!.peer.name, "<b>Ani</b>", "names kept as the exact text");
    tools.muteName("b");
    tools.remove("a");
    tools.setNamesAllowed(false);
    tools.lock(true);
    tools.closeKiosk();
    assert.deepEqual(client.sent, [
      { t: "mute_name", id: "b" }, { t: "remove", id: "a" }, { t: "names", allowed: false }, { t: "lock", locked: true }, { t: "close_kiosk" },
    ], "the protocol's guide commands");
    client.message({ t: "error", code: "not_guide", message: "x", ref: "remove" });
    assert.equal(tools.state.error, "not_guide", "a refusal is kept for the panel");
  });

  it("tells a visitor what the guide did: kiosk, lock, names, own name muted, removed", () => {
    const client = new FakeClient();
    const shared = fakeShared();
    const tools = createGuideTools({ client, shared });
    const notices: (string | null)[] = [];
    tools.onChange((s) => { if (notices.at(-1) !== s.notice) notices.push(s.notice); });
    client.welcome(peer("v", 2, { name: "Ani", chosen: true }), [peer("g", 1, { role: "guide" })]);
    shared.fire({ kind: "opened", ref: { region: "3273", agency: "imigrasi", service: null } });
    assert.equal(tools.state.notice, "notice.kioskShared", "a kiosk opened for everyone");
    client.setState({ locked: true }, "g");
    assert.equal(tools.state.notice, "notice.locked", "Ruang dikunci");
    client.update(peer("v", 2));
    assert.equal(tools.state.notice, "notice.nameMuted", "own chosen name reset while names are allowed: muted");
    client.setState({ namesAllowed: false }, "g");
    assert.equal(tools.state.notice, "notice.namesOff", "names off for all");
    tools.dismissNotice();
    assert.equal(tools.state.notice, null, "dismissed");
    client.close("stopped", 4403);
    assert.equal(tools.state.notice, "notice.removed", "removed by the guide");
    assert.ok(notices.length >= 5, "each notice was told to the panel");
  });

  it("tells the guide nothing of their own actions, and removes its listeners on dispose", () => {
    const client = new FakeClient();
    const tools = createGuideTools({ client, shared: fakeShared() });
    client.welcome(peer("g", 1, { role: "guide" }), []);
    client.setState({ locked: true }, "g");
    assert.equal(tools.state.notice, null, "the guide knows what they did");
    assert.equal(tools.state.locked, true, "but the state follows");
    tools.dispose();
    assert.equal(client.listenerCount, 0, "no listener left");
  });
});
