// Voice for the tour in the browser (issue 16, point 6), with chromium's fake microphone (a beep):
// the guide's voice reaches a visitor over WebRTC signalled through the presence socket with no
// ICE server; a visitor without the word sends no audio, given the word their voice reaches the
// guide and, relayed by the guide, the other visitor; a visitor whose browser refuses the
// microphone is told so in words, keeps hearing the guide, and nothing breaks.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { startHarness, openPage, hookReady, type Harness, type Watched } from "./support/harness";
import { until } from "./support/until";

const PIN = "voice-2718";

const stats = (p: Page) => p.evaluate(() => window.__mpp!.voiceStats());
const voice = (p: Page) => p.evaluate(() => window.__mpp!.voice());
const sum = (list: { bytesReceived: number; bytesSent: number }[], k: "bytesReceived" | "bytesSent") => list.reduce((a, s) => a + s[k], 0);

describe("presence (browser): the tour's voice", function () {
  this.timeout(500_000);
  let h: Harness;
  let g: Watched;
  let v1: Watched;
  let v2: Watched;
  let id1 = "";

  before(async () => {
    h = await startHarness({
      presence: { tickMs: 50, guidePin: PIN },
      launchArgs: ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
    });
    g = await openPage(h, { permissions: ["microphone"] });
    v1 = await openPage(h, { permissions: ["microphone"] });
    // v2's browser refuses the microphone (no permission granted, and the prompt is denied).
    v2 = await openPage(h);
    await v2.context.addInitScript({ content: "navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));" });
    for (const w of [g, v1, v2]) {
      await w.page.goto(h.origin + "/?automation=1", { timeout: 180_000 });
      await hookReady(w.page, 180_000);
    }
    for (const w of [g, v1, v2]) await w.page.evaluate(() => window.__mpp!.presenceJoin(null));
    for (const w of [g, v1, v2]) {
      await until(w.page, "everyone sees the two others", () => w.page.evaluate(() => window.__mpp!.presence()), (s) => s.connected && s.peers.length === 2, 120_000);
    }
    await g.page.evaluate((pin) => window.__mpp!.tourClaim(pin), PIN);
    await until(g.page, "g is a guide", () => g.page.evaluate(() => window.__mpp!.tour()), (s) => s.guide);
    id1 = (await v1.page.evaluate(() => window.__mpp!.presence().you!.id));
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => {
    for (const w of [g, v1, v2]) w.assertClean();
  });

  it("the guide's voice reaches each visitor over a connected peer connection", async () => {
    await g.page.getByTestId("presence-toggle").click();
    await g.page.getByTestId("voice-talk").click();
    await until(g.page, "the guide's microphone is on", () => voice(g.page), (s) => s.talking && s.problem === null);
    assert.equal(await g.page.getByTestId("voice-talk").getAttribute("aria-pressed"), "true", "the button shows it is on");
    for (const w of [v1, v2]) {
      const s = await until(w.page, "audio from the guide arrives", () => stats(w.page), (l) => l.length === 1 && l[0]!.state === "connected" && l[0]!.bytesReceived > 0);
      assert.equal(s[0]!.state, "connected", "the connection is up (host candidates only, no ICE server)");
    }
    const heard = await until(v1.page, "v1 sees the guide speaking", () => voice(v1.page), (s) => s.speaking.length > 0);
    const guideId = await g.page.evaluate(() => window.__mpp!.presence().you!.id);
    assert.deepEqual(heard.speaking, [guideId], "the one speaking is the guide");
    await v1.page.getByTestId("presence-toggle").click();
    const line = await until(v1.page, "the panel names who speaks", () => v1.page.getByTestId("voice-speaking").textContent(), (t) => /Sedang bicara: /.test(t ?? ""));
    assert.doesNotMatch(line ?? "", /Anda/, "the speaker named is the guide, not the visitor");
    assert.match(await v1.page.getByTestId("voice-word").textContent() ?? "", /mikrofon Anda mati/, "and says the visitor's microphone is off");
  });

  it("a visitor without the word sends nothing; given the word, the guide and the group hear them", async () => {
    const before = await stats(v1.page);
    assert.equal(sum(before, "bytesSent"), 0, "v1 sent no audio bytes without the word");
    const gBefore = await stats(g.page);
    assert.equal(gBefore.find((s) => s.peer === id1)?.bytesReceived, 0, "the guide received nothing from v1");

    await g.page.locator(`[data-testid="voice-floor"][data-peer="${id1}"]`).click();
    await until(v1.page, "v1 has the word and a live microphone", () => voice(v1.page), (s) => s.floor && s.talking);
    await until(v1.page, "v1 sends audio", () => stats(v1.page), (l) => sum(l, "bytesSent") > 0);
    await until(g.page, "the guide receives v1's audio", () => stats(g.page), (l) => (l.find((s) => s.peer === id1)?.bytesReceived ?? 0) > 0);
    // v2 hears v1 through the guide's relay (a second audio stream on its one connection).
    await until(v2.page, "v2 hears v1 through the guide", () => voice(v2.page), (s) => s.speaking.includes(id1));

    await g.page.locator(`[data-testid="voice-floor"][data-peer="${id1}"]`).click();
    const off = await until(v1.page, "the word taken back turns v1's microphone off", () => voice(v1.page), (s) => !s.floor && !s.talking);
    assert.equal(off.problem, null, "no problem reported");
  });

  it("a refused microphone is said in words, and the visitor keeps listening", async () => {
    const id2 = await v2.page.evaluate(() => window.__mpp!.presence().you!.id);
    await g.page.evaluate((id) => window.__mpp!.voiceFloor(id, true), id2);
    const s = await until(v2.page, "v2 is told the microphone was refused", () => voice(v2.page), (x) => x.problem === "mic_denied");
    assert.equal(s.talking, false, "nothing is sent");
    await v2.page.getByTestId("presence-toggle").click();
    assert.match(await v2.page.getByTestId("voice-problem").textContent() ?? "", /Izin mikrofon ditolak/, "the panel says so in words");
    const before = sum(await stats(v2.page), "bytesReceived");
    await until(v2.page, "v2 still hears the guide", () => stats(v2.page), (l) => l[0]?.state === "connected" && sum(l, "bytesReceived") > before);
    assert.equal(await v2.page.evaluate(() => window.__mpp!.presence().connected), true, "presence goes on");
  });
});
