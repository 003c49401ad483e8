// An officer at the counter in the browser (issue 16, point 5): an editor signs in at /admin, opens
// the 3D MPP in the same browser and staffs their agency's counter with that account (no PIN); a
// visitor sees the officer's badge, chats (text stays text), asks for the transcript and reads it
// back by the ticket's code. A counter nobody staffs offers the consultation ticket form instead.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { openDatabase } from "../../src/server/db/open";
import { createAccount } from "../../src/server/auth/accounts";
import { Passwords } from "../../src/server/auth/passwords";
import { hookReady, openPage, startHarness, type Harness, type Watched } from "./support/harness";
import { until } from "./support/until";

const PASSWORD = "gedung sate berdiri megah";
const QUESTION = "<b>Syarat</b> paspor anak?";
const ANSWER = "Akta kelahiran & KK asli, <i>bukan</i> fotokopi.";

const chat = (p: Page) => p.evaluate(() => window.__mpp!.chat());
const room = (p: Page) => p.evaluate(() => window.__mpp!.presence().room);

describe("presence (browser): an officer at the counter", function () {
  this.timeout(500_000);
  let h: Harness;
  let dir: string;
  let officer: Watched;
  let visitor: Watched;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "mpp-counter-browser-"));
    const dbPath = join(dir, "mpp.sqlite");
    const db = await openDatabase({ engine: "sqlite", path: dbPath });
    await createAccount(db, new Passwords(), { username: "editor-imigrasi", role: "editor", region: "3273", agency: "imigrasi", password: PASSWORD }, { username: "cli:test", role: null, address: null });
    await db.close();
    h = await startHarness({ dbPath, presence: { tickMs: 50 } });
    officer = await openPage(h);
    visitor = await openPage(h);
    // The officer signs in to the workspace, then opens the 3D MPP in the same browser.
    await officer.page.goto(`${h.origin}/admin`, { timeout: 120_000 });
    await officer.page.getByLabel(/Nama pengguna/).fill("editor-imigrasi");
    await officer.page.getByLabel(/Kata sandi/).fill(PASSWORD);
    await officer.page.getByLabel(/Kata sandi/).press("Enter");
    await officer.page.getByTestId("signed-in-as").waitFor({ timeout: 60_000 });
    for (const w of [officer, visitor]) {
      await w.page.goto(h.origin + "/?automation=1", { timeout: 180_000 });
      await hookReady(w.page, 180_000);
      await w.page.evaluate(() => window.__mpp!.presenceJoin(null));
    }
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    for (const w of [officer, visitor]) w.assertClean();
  });

  it("offers the consultation ticket form at a counter nobody staffs", async () => {
    await visitor.page.evaluate(() => window.__mpp!.enterBuilding("3273"));
    await until(visitor.page, "the visitor is in 3273's room", () => room(visitor.page), (r) => r === "3273");
    await visitor.page.getByTestId("presence-toggle").click();
    await until(visitor.page, "the ticket offer shows", () => visitor.page.getByTestId("chat-ticket").isVisible(), (x) => x);
    assert.match(await visitor.page.getByTestId("chat-hint").textContent() ?? "", /Tidak ada petugas/, "it says nobody staffs the counter");
    await visitor.page.getByTestId("chat-ticket").click();
    await visitor.page.getByTestId("feedback-text").waitFor({ timeout: 60_000 });
    assert.equal(await visitor.page.getByTestId("feedback-region").inputValue(), "3273", "the form is for this MPP");
    await visitor.page.getByTestId("feedback-close").click();
    await visitor.page.getByTestId("feedback-dialog").waitFor({ state: "hidden", timeout: 30_000 });
  });

  it("the signed-in officer staffs their counter; the visitor sees the badge, chats and files the transcript", async () => {
    await officer.page.evaluate(() => window.__mpp!.enterBuilding("3273"));
    await until(officer.page, "the officer is in 3273's room", () => room(officer.page), (r) => r === "3273");
    await officer.page.getByTestId("presence-toggle").click();
    await officer.page.getByTestId("chat-login").locator("summary").click();
    await officer.page.getByTestId("chat-agency").selectOption("imigrasi");
    await officer.page.getByTestId("chat-officer-claim").click();
    await until(officer.page, "the officer staffs imigrasi", () => chat(officer.page), (s) => s.staffing === "imigrasi");

    const seen = await until(visitor.page, "the visitor sees the staffed counter", () => chat(visitor.page), (s) => s.staffed.includes("imigrasi"));
    assert.deepEqual(seen.officers, ["imigrasi"], "staffed by an officer's account");
    await visitor.page.getByTestId("chat-counter").selectOption("imigrasi");
    await until(visitor.page, "the badge shows", () => visitor.page.getByTestId("chat-badge").textContent(), (t) => /Petugas resmi/.test(t ?? ""));
    assert.equal(await visitor.page.getByTestId("chat-ticket").isVisible(), false, "no ticket offer while an officer is there");

    await visitor.page.getByTestId("chat-text").fill(QUESTION);
    await visitor.page.getByTestId("chat-send").click();
    await until(officer.page, "the question reaches the officer", () => chat(officer.page), (s) => s.writers.length === 1);
    const officerLog = await officer.page.getByTestId("chat-log").locator("li").last().textContent();
    assert.ok(officerLog?.includes(QUESTION), `the question shows as text, tags and all (${officerLog})`);
    assert.equal(await officer.page.getByTestId("chat-log").locator("b").count(), 0, "no element made from the visitor's text");

    await officer.page.getByTestId("chat-text").fill(ANSWER);
    await officer.page.getByTestId("chat-send").click();
    await until(visitor.page, "the answer reaches the visitor", () => chat(visitor.page), (s) => s.lines.some((l) => !l.mine && l.text === ANSWER));
    assert.equal(await visitor.page.getByTestId("chat-log").locator("i").count(), 0, "the officer's text is text too");

    await visitor.page.getByTestId("chat-transcript").click();
    const filed = await until(visitor.page, "the transcript became a ticket", () => chat(visitor.page), (s) => s.transcript !== null);
    const code = filed.transcript!.formattedCode;
    assert.match(await visitor.page.getByTestId("chat-transcript-done").textContent() ?? "", new RegExp(code), "the panel gives the tracking code");

    await visitor.page.getByTestId("chat-transcript-open").click();
    const text = await visitor.page.getByTestId("ticket-text").textContent({ timeout: 60_000 });
    assert.ok(text?.includes(`Pengunjung: ${QUESTION}`), `the ticket holds the visitor's line (${text})`);
    assert.ok(text?.includes(ANSWER), "and the officer's answer, as the server relayed it");
    assert.match(text ?? "", /Petugas Kantor Imigrasi|Petugas [^:]*Imigrasi/i, "named as the agency's officer, not by account");
    const api = await visitor.page.request.get(`${h.origin}/api/v1/tickets/${filed.transcript!.code}`);
    assert.equal(api.status(), 200, "readable by its code through the API");
    assert.equal(((await api.json()) as { ticket: { kind: string } }).ticket.kind, "konsultasi", "a consultation ticket");
  });
});
