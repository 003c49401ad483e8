// The kiosk a guide opened for everyone belongs to the tour, not to the room: when the last guide
// walks out (to another place, or leaves), it is closed for those who stayed and for the big screen,
// and nobody coming later finds it. A guide whose connection drops keeps it (they resume).
import assert from "node:assert/strict";
import { presenceFixture } from "../../support/presence-client";

const PIN = "314159";
const KIOSK = { region: "3273", agency: "imigrasi", service: "3273-imigrasi-paspor-biasa" };

describe("presence: the shared kiosk follows the guide", () => {
  const fx = presenceFixture({ guidePin: PIN });
  const client = fx.client;
  const guideIn = async (room: string) => {
    const g = await client();
    const w = await g.join(room);
    g.send({ t: "claim", role: "guide", pin: PIN });
    await g.next("granted");
    return { g, id: w.you.id };
  };
  /** A guide, a visitor and a big screen in the plaza, with a kiosk open for everyone. */
  const sharing = async () => {
    const { g, id } = await guideIn("plaza");
    const v = await client();
    await v.join("plaza");
    const screen = await client();
    await screen.join("plaza", { watch: true });
    g.send({ t: "open_kiosk", ...KIOSK });
    assert.deepEqual((await v.next("state")).state.kiosk, KIOSK, "the visitor has the kiosk");
    assert.deepEqual((await screen.next("state")).state.kiosk, KIOSK, "the screen has the kiosk");
    return { g, gid: id, v, screen };
  };


  it("closes it for those who stayed when the guide moves to another place", async () => {
    const { g, gid, v, screen } = await sharing();
    const there = await g.join("3273");
    assert.equal(there.state.kiosk, null, "the guide's new place has no kiosk of the old one");
    const sv = await v.next("state");
    assert.deepEqual([sv.state.kiosk, sv.by], [null, gid], "the visitor who stayed is told it closed, by the guide");
    assert.equal((await screen.next("state")).state.kiosk, null, "so is the big screen");
    const left = await v.next("left");
    assert.deepEqual([left.id, left.reason], [gid, "moved"], "then the guide is seen moving away");
    const late = await client();
    assert.equal((await late.join("plaza")).state.kiosk, null, "a newcomer to the plaza finds no kiosk");
  });

  it("closes it when the guide leaves the shared visit", async () => {
    const { g, v } = await sharing();
    g.send({ t: "leave" });
    assert.equal((await v.next("state")).state.kiosk, null, "closed for the visitor");
  });

  it("keeps it while another guide stays, and when the guide's connection only dropped", async () => {
    const { g, gid, v } = await sharing();
    const second = await guideIn("plaza");
    second.g.send({ t: "pose", h: [0, 1.6, 0, 0, 0, 0, 1] });
    await g.join("3204");
    await v.next("left", 3000, (m) => m.id === gid);
    assert.ok(!v.received.some((m) => m.t === "state" && m.state.kiosk === null), "another guide still leads here: the kiosk stays");
    second.g.ws.terminate(); // no "leave": a lost connection
    const gone = await v.next("left", 3000, (m) => m.id === second.id);
    assert.equal(gone.reason, "gone", "the second guide's socket is gone");
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(!v.received.some((m) => m.t === "state" && m.state.kiosk === null), "a dropped guide may resume: the kiosk stays");
    const late = await client();
    assert.deepEqual((await late.join("plaza")).state.kiosk, KIOSK, "and a newcomer still sees it");
  });
});
