// The kiosk a guide opens for everyone (presence/shared-kiosk.ts): ids in the room state become the
// kiosk's screens on each client, the guide shares what is open, closing closes only that kiosk.
import assert from "node:assert/strict";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createSharedKiosk, refOf, screensOf } from "../../../src/app/presence/shared-kiosk";
import type { KioskController } from "../../../src/app/kiosk/kiosk-controller";
import type { KioskScreen } from "../../../src/app/kiosk/screens/registry";
import { FakeClient, peer } from "./fake-client";

function fakeKiosks() {
  const opened: KioskScreen[][] = [];
  const host = {
    current: null as KioskController | null,
    open(screens: readonly KioskScreen[]) {
      opened.push([...screens]);
      host.current = { stack: [...screens] } as unknown as KioskController;
      return host.current;
    },
    close() { host.current = null; },
  };
  return { host, opened };
}
const pose = () => ({ center: new Vector3(0, 1.4, -1.3), facing: new Vector3(0, 1.6, 0) });

describe("presence/shared-kiosk", () => {
  it("turns a kiosk's ids into its screens, and a guide's open kiosk into ids", async () => {
    assert.deepEqual(screensOf({ region: "3273", agency: "imigrasi", service: null }), [{ kind: "services", regionCode: "3273", agencyId: "3273-imigrasi" }], "an agency: its services");
    assert.deepEqual(screensOf({ region: "3273", agency: "polres-sim", service: "3273-polres-sim-sim-a" }).map((s) => s.kind), ["services", "service"], "a service above its agency's list");
    const none = () => Promise.reject(new Error("not asked"));
    assert.deepEqual(await refOf([{ kind: "services", regionCode: "3273", agencyId: "3273-polres-sim" }, { kind: "service", serviceId: "3273-polres-sim-sim-a" }], none),
      { region: "3273", agency: "polres-sim", service: "3273-polres-sim-sim-a" }, "agency and service from the stack");
    assert.deepEqual(await refOf([{ kind: "service", serviceId: "3204-imigrasi-e-paspor" }], async () => "3204-imigrasi"),
      { region: "3204", agency: "imigrasi", service: "3204-imigrasi-e-paspor" }, "a service alone: its agency looked up");
    assert.equal(await refOf([{ kind: "agencies", regionCode: "3273" }], none), null, "a list of agencies is no one agency's kiosk");
    assert.equal(await refOf([{ kind: "help-desk", regionCode: "3273" } as KioskScreen], none), null, "the help desk is not shared");
  });

  it("opens the shared kiosk for a visitor (also for a newcomer) and closes it when the guide does", () => {
    const client = new FakeClient();
    const { host, opened } = fakeKiosks();
    const shared = createSharedKiosk({ client, kiosks: host, poseFor: pose, agencyOfService: async () => "x" });
    const events: string[] = [];
    shared.onEvent((e) => events.push(e.kind));
    client.welcome(peer("v1", 2), [peer("g", 1, { role: "guide" })], { kiosk: { region: "3273", agency: "imigrasi", service: null } });
    assert.equal(opened.length, 1, "a newcomer sees the kiosk already shared");
    client.setState({ kiosk: { region: "3273", agency: "imigrasi", service: null } }, "g");
    assert.equal(opened.length, 1, "the same kiosk again opens nothing new");
    client.setState({ kiosk: { region: "3273", agency: "imigrasi", service: "3273-imigrasi-paspor-biasa" } }, "g");
    assert.equal(opened.length, 2, "another service opens");
    assert.deepEqual(opened[1]!.at(-1), { kind: "service", serviceId: "3273-imigrasi-paspor-biasa" }, "on the service");
    assert.ok(shared.controller, "the shared kiosk is the open one");
    client.setState({ kiosk: null }, "g");
    assert.equal(host.current, null, "the guide's close closes it here");
    assert.deepEqual(events, ["opened", "opened", "closed"], "each change told once");
    shared.dispose();
    assert.equal(client.listenerCount, 0, "dispose removes its listener");
  });

  it("does not close a kiosk the visitor opened themselves meanwhile, nor reopen one for the guide who shared it", () => {
    const client = new FakeClient();
    const { host, opened } = fakeKiosks();
    createSharedKiosk({ client, kiosks: host, poseFor: pose, agencyOfService: async () => "x" });
    client.welcome(peer("v1", 2), [peer("g", 1, { role: "guide" })]);
    client.setState({ kiosk: { region: "3273", agency: "imigrasi", service: null } }, "g");
    const mine = host.open([{ kind: "agencies", regionCode: "3273" }]);
    client.setState({ kiosk: null }, "g");
    assert.equal(host.current, mine, "the visitor's own kiosk stays open");
    const guideClient = new FakeClient();
    const g = fakeKiosks();
    createSharedKiosk({ client: guideClient, kiosks: g.host, poseFor: pose, agencyOfService: async () => "x" });
    guideClient.welcome(peer("g", 1, { role: "guide" }), []);
    guideClient.setState({ kiosk: { region: "3273", agency: "imigrasi", service: null } }, "g");
    assert.equal(g.opened.length, 0, "the guide already has it open");
    assert.equal(opened.length, 2, "(the visitor opened two: shared, then own)");
  });

  it("shares the guide's open kiosk by ids, and nothing when none is open", async () => {
    const client = new FakeClient();
    const { host } = fakeKiosks();
    const shared = createSharedKiosk({ client, kiosks: host, poseFor: pose, agencyOfService: async () => "3273-imigrasi" });
    client.welcome(peer("g", 1, { role: "guide" }), []);
    assert.equal(await shared.share(), false, "no kiosk open: nothing to share");
    host.open([{ kind: "service", serviceId: "3273-imigrasi-paspor-biasa" }]);
    assert.equal(await shared.share(), true, "shared");
    assert.deepEqual(client.sent, [{ t: "open_kiosk", region: "3273", agency: "imigrasi", service: "3273-imigrasi-paspor-biasa" }], "ids only");
    shared.unshare();
    assert.deepEqual(client.sent.at(-1), { t: "close_kiosk" }, "closing for all");
  });
});
