// The officers' path end to end in chromium: an editor signs in at /admin, edits the passport fee
// against a dated source and submits it; a region admin reviews and publishes it; the kiosk (the
// 3D app's DOM mirror, ?automation=1) then shows the new fee with today's verification date.
// Also: the workspace is keyboard-operable, shows hostile text as text, and loads none of the 3D app.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { openDatabase } from "../../src/server/db/open";
import { createAccount } from "../../src/server/auth/accounts";
import { Passwords } from "../../src/server/auth/passwords";
import { formatVerifiedDate } from "../../src/domain/format";
import { todayWib } from "../../src/domain/admin/review-age";
import { gotoReady, openPage, startHarness, type Harness } from "./support/harness";

const SERVICE = "3273-imigrasi-paspor-biasa";
const PASSWORD = "gedung sate berdiri megah";

async function signIn(page: Page, origin: string, username: string): Promise<void> {
  await page.goto(`${origin}/admin`);
  await page.getByLabel(/Nama pengguna/).fill(username);
  await page.getByLabel(/Kata sandi/).fill(PASSWORD);
  // Keyboard only: Enter in the password field submits the form.
  await page.getByLabel(/Kata sandi/).press("Enter");
  await page.getByTestId("signed-in-as").waitFor({ timeout: 30_000 });
}

describe("officers' workspace in the browser", function () {
  this.timeout(300_000);
  let h: Harness;
  let dir: string;
  let hostile: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "mpp-officers-browser-"));
    const dbPath = join(dir, "mpp.sqlite");
    const db = await openDatabase({ engine: "sqlite", path: dbPath });
    const pw = new Passwords();
    const cli = { username: "cli:test", role: null, address: null };
    await createAccount(db, pw, { username: "editor-imigrasi", role: "editor", region: "3273", agency: "imigrasi", password: PASSWORD }, cli);
    await createAccount(db, pw, { username: "admin-bandung", role: "region-admin", region: "3273", agency: null, password: PASSWORD }, cli);
    // A record whose text tries to be markup: it must show as text.
    hostile = (await db.kysely.selectFrom("services").select("id").where("agency_id", "=", "3273-imigrasi").where("id", "!=", SERVICE).orderBy("id").executeTakeFirstOrThrow()).id;
    await db.kysely.updateTable("services").set({ name: "<img src=x onerror=\"window.__pwned=1\">Layanan", fee_note: "<script>window.__pwned=2</script>" }).where("id", "=", hostile).execute();
    await db.close();
    h = await startHarness({ dbPath });
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("editor edits a fee and submits; region admin publishes; the kiosk shows the new fee and date", async () => {
    // ---- the editor ----
    const ed = await openPage(h);
    const { page } = ed;
    await signIn(page, h.origin, "editor-imigrasi");
    assert.match(await page.getByTestId("signed-in-as").textContent() ?? "", /editor-imigrasi/, "signed in");
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src));
    assert.ok(scripts.every((s) => /\/js\/admin\.[0-9a-f]+\.js$/.test(s)), `only the workspace's own chunk (${scripts})`);
    assert.equal(await page.evaluate(() => typeof (window as unknown as { BABYLON?: unknown }).BABYLON), "undefined", "no 3D engine");

    // The list, filtered, and the record opened from it.
    await page.getByRole("table").waitFor();
    const row = page.locator(`tr[data-id="${SERVICE}"] a`);
    await row.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("service-form").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H2", "focus moves to the record's heading");

    await page.getByLabel(/Biaya\/tarif \(Rp\)/).fill("650000");
    await page.getByLabel(/^Sumber \(URL/).fill("PP 45/2024 Lampiran, paspor 10 tahun");
    await page.getByLabel(/Saya telah memeriksa/).check();
    await page.getByLabel(/^Tanggal sumber$/).fill("2024-10-18");
    await page.getByLabel(/Catatan perubahan/).fill("Tarif baru PP 45/2024");
    // The preview follows the form (the kiosk's own renderer).
    await page.waitForFunction(() => /650\.000/.test(document.querySelector("[data-testid=preview]")?.textContent ?? ""), null, { timeout: 10_000 });
    await page.getByTestId("save-draft").click();
    await page.getByTestId("admin-status").filter({ hasText: "Draf tersimpan" }).waitFor({ timeout: 20_000 });
    assert.match(await page.getByTestId("changes").textContent() ?? "", /fee\.amount: 350000 → 650000/, "the draft's change is listed");
    await page.getByTestId("submit-draft").click();
    await page.getByTestId("admin-status").filter({ hasText: "dikirim untuk ditinjau" }).waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId("publish").count(), 0, "an editor gets no publish button");
    // Still the old fee for citizens.
    const before = await page.evaluate(async (id) => (await (await fetch(`/api/v1/services/${id}`)).json()).service.fee.amount, SERVICE);
    assert.equal(before, 350000, "not public before review");
    await page.getByTestId("sign-out").click();
    await page.getByLabel(/Nama pengguna/).waitFor();
    ed.assertClean();
    await ed.context.close();

    // ---- the region admin ----
    const ra = await openPage(h);
    await signIn(ra.page, h.origin, "admin-bandung");
    await ra.page.getByRole("link", { name: "Tinjauan" }).click();
    await ra.page.getByTestId("review-queue").waitFor();
    await ra.page.getByTestId("review-queue").getByRole("link").first().click();
    await ra.page.getByTestId("review-box").waitFor();
    assert.match(await ra.page.getByTestId("draft-state").textContent() ?? "", /Menunggu tinjauan.*editor-imigrasi/, "the draft, its author");
    await ra.page.getByTestId("publish").click();
    await ra.page.getByTestId("admin-status").filter({ hasText: "Diterbitkan" }).waitFor({ timeout: 20_000 });
    const history = await ra.page.getByTestId("history").textContent();
    assert.match(history ?? "", /draft\.publish/, "the history shows the publication");
    assert.match(history ?? "", /admin-bandung/, "by whom");
    ra.assertClean();
    await ra.context.close();

    // ---- a citizen at the kiosk ----
    const k = await openPage(h);
    await gotoReady(k, h.origin, `/?automation=1&region=3273&service=${SERVICE}&lang=id`);
    await k.page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
    await k.page.waitForFunction(() => /650\.000/.test(document.querySelector("[data-testid=mirror-fee]")?.textContent ?? ""), null, { timeout: 30_000 });
    assert.match(await k.page.getByTestId("mirror-fee").textContent() ?? "", /Rp\s?650\.000/, "the kiosk shows the new fee");
    const notice = await k.page.getByTestId("mirror-notice").textContent();
    const today = formatVerifiedDate(todayWib(), "id");
    assert.ok(notice?.includes(today), `with today's verification date, ${today} (${notice})`);
    k.assertClean();
    await k.context.close();
  });

  it("shows an officer's hostile text as text, never as markup", async () => {
    const w = await openPage(h);
    await signIn(w.page, h.origin, "editor-imigrasi");
    await w.page.goto(`${h.origin}/admin#/layanan/${hostile}`);
    await w.page.getByTestId("service-form").waitFor({ timeout: 20_000 });
    assert.equal(await w.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, "no script ran");
    assert.equal(await w.page.locator("main img, main script").count(), 0, "no element was made from the text");
    assert.match(await w.page.locator("h2").textContent() ?? "", /<img src=x/, "the name is shown as typed");
    assert.match(await w.page.getByTestId("preview").textContent() ?? "", /<script>window\.__pwned=2<\/script>/, "the preview too");
    w.assertClean();
    await w.context.close();
  });
});
