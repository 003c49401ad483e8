import assert from "node:assert/strict";
import QRCode from "qrcode";
import { createTakeHome } from "../../../src/app/ui/take-home";
import type { KioskView } from "../../../src/app/kiosk/screens/registry";
import type { MppVisit } from "../../../src/domain/visit";
import { domEnv } from "./dom-env";

const view = {
  screen: { kind: "service", serviceId: "3273-imigrasi-paspor-biasa" },
  status: "ready", title: "Paspor biasa", subtitle: "Kantor Imigrasi · Kota Bandung", intro: null, items: [],
  sections: [{ id: "requirements", heading: "Persyaratan", lines: [{ text: "KTP-el" }, { text: "Kartu Keluarga" }] },
    { id: "steps", heading: "Prosedur", lines: [{ text: "Daftar" }], ordered: true }],
  notice: { kind: "unverified", text: "Belum diverifikasi" }, actions: [],
} as unknown as KioskView;

const visit: MppVisit = {
  regionCode: "3273", name: "Mal Pelayanan Publik Kota Bandung", address: { text: "Jalan Cianjur, Kota Bandung", note: null },
  hours: [], contact: null, position: { lat: -6.91, lon: 107.61, approximate: true }, sources: [],
};
const regions = [{ code: "3273", name: "Kota Bandung", lat: -6.91, lon: 107.61 }, { code: "3201", name: "Kabupaten Bogor", lat: -6.48, lon: 106.85 }];
const flush = () => new Promise((r) => setTimeout(r, 0));

describe("app/ui/take-home: share, checklist and visit card under a service", () => {
  it("copies the /layanan link, shares it on WhatsApp and shows the MPP's address, unknown contact and a local map", async () => {
    const env = domEnv("id");
    let copied = "";
    const t = createTakeHome({
      doc: env.doc, i18n: env.i18n, origin: "https://mpp.example", kioskMode: false,
      visit: async () => visit, regions: () => regions, clipboard: { writeText: async (x) => { copied = x; } },
    });
    const [node] = t.render(view);
    env.root.appendChild(node!);
    const url = "https://mpp.example/layanan/3273/3273-imigrasi-paspor-biasa";
    assert.equal(env.$<HTMLInputElement>("[data-testid=take-home-link]")!.value, url, "the link shown to copy by hand too");
    env.$("[data-testid=take-home-copy]")!.click();
    await flush();
    assert.equal(copied, url, "the link went to the clipboard");
    assert.equal(env.$("[data-testid=take-home-status]")!.textContent, "Tautan disalin", "and the visitor is told");
    const wa = env.$<HTMLAnchorElement>("[data-testid=take-home-whatsapp]")!.getAttribute("href")!;
    assert.ok(wa.startsWith("https://wa.me/?text="), "a WhatsApp share link");
    assert.match(decodeURIComponent(wa.split("text=")[1]!), /Paspor biasa \(Kota Bandung\).*layanan\/3273/, "naming the service and its link");
    await flush();
    assert.equal(env.$("[data-testid=visit-address]")!.textContent, "Jalan Cianjur, Kota Bandung", "the address");
    assert.match(env.$("[data-testid=visit-contact]")!.textContent!, /^Belum diketahui/, "contact unknown, said so");
    assert.equal(env.root.querySelectorAll("svg.mpp-take__map circle").length, 2, "the map draws every region");
    assert.equal(env.root.querySelectorAll("svg.mpp-take__map circle.here").length, 1, "and marks this one");
    env.close();
  });

  it("says when copying fails and leaves the link selected", async () => {
    const env = domEnv("en");
    const t = createTakeHome({ doc: env.doc, i18n: env.i18n, origin: "https://mpp.example", kioskMode: false, visit: async () => null, regions: () => [],
      clipboard: { writeText: async () => { throw new Error("denied"); } } });
    env.root.append(...t.render(view));
    env.$("[data-testid=take-home-copy]")!.click();
    await flush();
    assert.match(env.$("[data-testid=take-home-status]")!.textContent!, /could not be copied/, "the failure is said");
    assert.match(env.$("[data-testid=take-home-link]")!.getAttribute("value")!, /\?lang=en$/, "the link keeps the language");
    await flush();
    assert.match(env.$("[data-testid=visit-card]")!.textContent!, /no physical MPP on record/, "a region without a building says so");
    env.close();
  });

  it("shows a QR code of the link at a lobby screen, and no download or copy there", async () => {
    const env = domEnv("id");
    const t = createTakeHome({ doc: env.doc, i18n: env.i18n, origin: "https://mpp.example", kioskMode: true, visit: async () => visit, regions: () => regions,
      qrModules: async (text) => QRCode.create(text, { errorCorrectionLevel: "M" }).modules });
    env.root.append(...t.render(view));
    await flush(); await flush();
    const qr = env.$("[data-testid=take-home-qr]")!;
    assert.ok(qr, "a QR code");
    assert.match(qr.getAttribute("aria-label")!, /https:\/\/mpp\.example\/layanan\/3273\/3273-imigrasi-paspor-biasa/, "of the link, named for screen readers");
    assert.ok(qr.querySelector("path")!.getAttribute("d")!.length > 100, "drawn from the code's modules");
    assert.equal(env.$("[data-testid=take-home-download]"), null, "no download at a shared screen");
    assert.equal(env.$("[data-testid=take-home-copy]"), null, "no clipboard at a shared screen");
    env.close();
  });

  it("adds nothing to other screens", () => {
    const env = domEnv("id");
    const t = createTakeHome({ doc: env.doc, i18n: env.i18n, origin: "https://mpp.example", kioskMode: false, visit: async () => null, regions: () => [] });
    assert.deepEqual(t.render({ ...view, screen: { kind: "agencies", regionCode: "3273" } } as unknown as KioskView), []);
    env.close();
  });
});
