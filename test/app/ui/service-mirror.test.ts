import assert from "node:assert/strict";
import { createKioskController, type KioskApi } from "../../../src/app/kiosk/kiosk-controller";
import { createServiceMirror } from "../../../src/app/ui/service-mirror";
import { bandung, ePasporSummary, flush, ktpSummary, paspor, pasporSummary } from "../fixtures";
import { domEnv } from "./dom-env";

const api: KioskApi = {
  region: async () => bandung,
  services: async () => [pasporSummary, ePasporSummary, ktpSummary],
  service: async () => paspor,
};

describe("ui/service-mirror", () => {
  it("renders the controller's view and moves focus to the title", async () => {
    const env = domEnv();
    const mirror = createServiceMirror(env.root, { i18n: env.i18n });
    const c = createKioskController({ api, i18n: env.i18n, start: { kind: "service", serviceId: paspor.id } });
    mirror.show(c);
    const panel = env.$('[data-testid="mirror-panel"]')!;
    assert.equal(panel.hidden, false, "panel visible");
    assert.equal(panel.getAttribute("role"), "dialog", "dialog role");
    assert.equal(env.doc.activeElement, env.$('[data-testid="mirror-title"]'), "focus on title");
    await flush();
    assert.equal(env.$('[data-testid="mirror-title"]')?.textContent, "Paspor biasa 48 halaman", "title");
    assert.equal(env.$('[data-testid="mirror-fee"]')?.textContent, "Rp 350.000", "fee line");
    assert.equal(env.$(".mpp-mirror__live")?.getAttribute("aria-live"), "polite", "live region");
    assert.deepEqual(env.$$(".mpp-mirror__section h3").map((h) => h.textContent).slice(0, 3), ["Biaya", "Persyaratan", "Prosedur"], "section headings");
    assert.equal(env.$('[data-testid="mirror-notice"]')?.textContent, "Terakhir diverifikasi 7 Maret 2023 (lebih dari setahun lalu)", "notice, with its age");
    assert.equal(env.$$(".mpp-mirror__section ol").length, 1, "the procedure is a numbered list");
    const lapor = (env.$$(".mpp-mirror__section a") as HTMLAnchorElement[]).find((a) => a.textContent?.startsWith("SP4N-LAPOR!"));
    assert.equal(lapor?.getAttribute("href"), "https://www.lapor.go.id/", "an https complaint channel is a link");
    assert.equal(lapor?.getAttribute("rel"), "noopener noreferrer", "opened without handing over the page");
    assert.equal(env.$(".mpp-mirror__intro")?.textContent, "Permohonan paspor biasa.", "the description is shown");
    const online = env.$<HTMLAnchorElement>('[data-testid="mirror-action-online"]');
    assert.equal(online?.getAttribute("rel"), "noopener noreferrer", "online link is safe");
    assert.equal(env.doc.activeElement, env.$('[data-testid="mirror-title"]'), "focus still on the (new) title after loading");
    env.close();
  });

  it("drives the controller: select, back, retry, close", async () => {
    const env = domEnv();
    const mirror = createServiceMirror(env.root, { i18n: env.i18n });
    let fail = true;
    const flaky: KioskApi = { ...api, region: async () => { if (fail) throw Object.assign(new Error("x"), { kind: "timeout" }); return bandung; } };
    const c = createKioskController({ api: flaky, i18n: env.i18n, start: { kind: "agencies", regionCode: "3273" } });
    mirror.show(c);
    await flush();
    assert.equal(env.$('[data-testid="mirror-notice"]')?.getAttribute("role"), "alert", "error announced");
    fail = false;
    env.$('[data-testid="mirror-action-retry"]')!.click();
    await flush();
    const item = env.$$('[data-testid="mirror-item"]')[0]!;
    assert.equal(item.tagName, "BUTTON", "items are buttons");
    item.focus();
    item.click();
    await flush();
    assert.equal(env.$('[data-testid="mirror-title"]')?.textContent, "Kantor Imigrasi Kelas I TPI Bandung", "agency screen");
    assert.equal(env.doc.activeElement, env.$('[data-testid="mirror-title"]'), "focus moved to the new title");
    env.$('[data-testid="mirror-action-back"]')!.click();
    assert.equal(env.$('[data-testid="mirror-title"]')?.textContent, "Kota Bandung", "back to the region");
    env.$('[data-testid="mirror-action-close"]')!.click();
    assert.equal(mirror.isOpen, false, "closing the controller hides the mirror");
    assert.equal(env.$('[data-testid="mirror-panel"]')?.hidden, true, "panel hidden");
    env.close();
  });

  it("closes on Escape and returns focus", async () => {
    const env = domEnv();
    const opener = env.doc.createElement("button");
    env.doc.body.appendChild(opener);
    opener.focus();
    const mirror = createServiceMirror(env.root, { i18n: env.i18n });
    const c = createKioskController({ api, i18n: env.i18n, start: { kind: "service", serviceId: paspor.id } });
    let closed = 0;
    c.onClose(() => closed++);
    mirror.show(c);
    await flush();
    env.key(env.$('[data-testid="mirror-title"]')!, "Escape");
    assert.equal(closed, 1, "controller closed");
    assert.equal(env.doc.activeElement, opener, "focus returned to the opener");
    env.close();
  });

  it("re-renders on language change, keeping focus on the same control", async () => {
    const env = domEnv();
    const mirror = createServiceMirror(env.root, { i18n: env.i18n });
    const c = createKioskController({ api, i18n: env.i18n, start: { kind: "agencies", regionCode: "3273" } });
    mirror.show(c);
    await flush();
    env.$$('[data-testid="mirror-item"]')[1]!.focus();
    env.i18n.setLang("en");
    assert.equal(env.$$('[data-testid="mirror-item"]')[0]?.querySelector(".mpp-row__label")?.textContent, "Bandung Immigration Office", "English names");
    assert.equal((env.doc.activeElement as HTMLElement | null)?.dataset.itemId, "3273-disdukcapil", "focus kept on the same row");
    env.close();
  });

  it("does not steal focus when the user is elsewhere", async () => {
    const env = domEnv();
    const canvas = env.doc.createElement("button");
    env.doc.body.appendChild(canvas);
    const mirror = createServiceMirror(env.root, { i18n: env.i18n });
    const c = createKioskController({ api, i18n: env.i18n, start: { kind: "agencies", regionCode: "3273" } });
    mirror.show(c);
    canvas.focus(); // e.g. the user clicks the 3D kiosk
    await flush();
    c.select("3273-imigrasi");
    await flush();
    assert.equal(env.doc.activeElement, canvas, "focus stays on the canvas");
    env.close();
  });

  it("lets go of the controller and removes its node on dispose", async () => {
    const env = domEnv();
    const mirror = createServiceMirror(env.root, { i18n: env.i18n });
    const c = createKioskController({ api, i18n: env.i18n, start: { kind: "agencies", regionCode: "3273" } });
    mirror.show(c);
    mirror.dispose();
    await flush();
    assert.equal(env.root.children.length, 0, "node removed");
    let views = 0;
    c.onView(() => views++);
    env.i18n.setLang("en");
    assert.equal(views, 1, "controller still works for others");
    assert.throws(() => createServiceMirror(env.root, { i18n: env.i18n }).show(null as never), /controller is required/, "bad input refused");
    env.close();
  });
});
