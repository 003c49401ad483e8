import assert from "node:assert/strict";
import { id } from "../../../src/app/i18n/strings";
import { SU_REVIEW, suStrings } from "../../../src/app/i18n/strings-su";
import { createI18n } from "../../../src/app/i18n/i18n";
import { phrasebookFor } from "../../../src/domain/words/files";
import { serviceSheet } from "../../../src/domain/service-sheet";
import { defaultCatalog } from "../../../src/domain/catalog/data-files";

describe("Basa Sunda: the interface and the catalog's names", () => {
  it("has every interface text in Sundanese, with the same placeholders", () => {
    assert.deepEqual(Object.keys(suStrings).sort(), Object.keys(id).sort(), "same keys as Indonesian");
    for (const [k, v] of Object.entries(suStrings)) {
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
      assert.equal(holes(v), holes(id[k as keyof typeof id]), `${k}: placeholders kept`);
    }
  });

  it("is marked a draft until a reviewer confirms it, in the data and the interface", () => {
    assert.equal(phrasebookFor("su")!.review.status, "draft", "data/translations/su.json");
    assert.equal(SU_REVIEW.status, "draft", "strings-su.ts");
    assert.equal(SU_REVIEW.reviewer, null, "no reviewer named yet");
  });

  it("is chosen with ?lang=su, remembered, and sets <html lang>", () => {
    const stored = new Map<string, string>();
    const storage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) };
    const i18n = createI18n({ url: new URL("https://x/?lang=su"), storage, sundanese: suStrings });
    assert.equal(i18n.uiLang, "su");
    assert.equal(i18n.lang, "id", "modules without Sundanese use Indonesian");
    assert.equal(i18n.t("kiosk.chooseAgency"), "Mangga pilih instansi");
    assert.equal(stored.get("mpp.lang"), "su");
    i18n.setLang("en");
    assert.equal(i18n.t("kiosk.chooseAgency"), "Choose an agency");
  });

  it("names every service and agency of the catalog in Sundanese", () => {
    const book = phrasebookFor("su")!;
    for (const c of defaultCatalog()) {
      assert.equal(typeof book.texts[c.agency.name], "string", `agency ${c.agency.slug}`);
      for (const s of c.services) assert.equal(typeof book.texts[s.name], "string", `service ${c.agency.slug}/${s.slug}`);
    }
  });

  it("marks the service texts not yet in Sundanese and says the translation is a draft", () => {
    const service = {
      id: "3273-imigrasi-paspor-biasa", regionCode: "3273", agencyId: "3273-imigrasi", agencySlug: "imigrasi",
      agencyName: "Kantor Imigrasi / Unit Layanan Paspor wilayah Bandung", slug: "paspor-biasa", name: "Paspor biasa (non-elektronik), berlaku 5 tahun",
      nameEn: "Ordinary passport", fee: { amount: 350000, note: null }, verified: false, regionName: "Kota Bandung",
      description: "x", requirements: ["Persyaratan tanpa terjemahan"], steps: ["Langkah"], duration: null, hours: null, legalBasis: [], product: null,
      complaintChannels: [], onlineUrl: null, source: null, lastVerified: null,
    };
    const sheet = serviceSheet(service, "su", phrasebookFor("su"));
    assert.equal(sheet.title, "Paspor biasa (sanés éléktronik), lumaku 5 taun", "the name in Sundanese");
    assert.match(sheet.translationNote ?? "", /draf/, "the draft notice");
    const req = sheet.sections.find((s) => s.id === "requirements")!;
    assert.equal(req.lang, "id", "untranslated requirements are marked Indonesian");
    assert.match(req.note ?? "", /Teu acan ditarjamahkeun/, "and say so in Sundanese");
  });
  it("shows Indonesian until a lazily loaded Sundanese table arrives, then tells the views to render again", async () => {
    let arrive!: (t: typeof suStrings) => void;
    const i18n = createI18n({ url: new URL("https://x/?lang=su"), sundanese: () => new Promise((r) => { arrive = r; }) });
    let changes = 0;
    i18n.onChange(() => changes++);
    assert.equal(i18n.t("kiosk.chooseAgency"), id["kiosk.chooseAgency"], "meanwhile Indonesian");
    arrive(suStrings);
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(i18n.t("kiosk.chooseAgency"), "Mangga pilih instansi", "after: Sundanese");
    assert.equal(changes, 1, "one change event when it arrives");
  });
});
