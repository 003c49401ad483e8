import assert from "node:assert/strict";
import { Window } from "happy-dom";
import { createI18n, interpolate, STORAGE_KEY } from "../../../src/app/i18n/i18n";

function memoryStorage(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => { m.set(k, v); }, map: m };
}
const url = (q = "") => new URL(`https://mpp.example/${q}`);

describe("i18n/i18n", () => {
  it("defaults to Indonesian", () => {
    const i = createI18n({ url: url() });
    assert.equal(i.lang, "id", "no URL param, no storage: id");
    assert.equal(i.t("action.back"), "Kembali", "Indonesian text");
  });

  it("lets ?lang=en win over storage and remembers it", () => {
    const storage = memoryStorage({ [STORAGE_KEY]: "id" });
    const i = createI18n({ url: url("?lang=en"), storage });
    assert.equal(i.lang, "en", "URL language wins");
    assert.equal(storage.map.get(STORAGE_KEY), "en", "URL language is stored");
  });

  it("uses the stored language when the URL names none", () => {
    const i = createI18n({ url: url(), storage: memoryStorage({ [STORAGE_KEY]: "en" }) });
    assert.equal(i.lang, "en", "stored language used");
  });

  it("ignores an unsupported language in the URL and in storage", () => {
    const storage = memoryStorage({ [STORAGE_KEY]: "xx" });
    const i = createI18n({ url: url("?lang=fr"), storage });
    assert.equal(i.lang, "id", "falls back to id");
    assert.equal(storage.map.get(STORAGE_KEY), "xx", "invalid URL language is not stored");
  });

  it("survives a storage that throws", () => {
    const storage = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("denied"); } };
    const i = createI18n({ url: url("?lang=en"), storage });
    assert.equal(i.lang, "en", "language still chosen");
    assert.doesNotThrow(() => i.setLang("id"), "setLang works without storage");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    const i = createI18n({ url: url() });
    assert.equal(i.t("hud.entered", { region: "Kota Bandung" }), "Anda berada di MPP Kota Bandung", "region filled");
    assert.equal(interpolate("{a} and {b}", { a: 1 }), "1 and {b}", "missing param left as placeholder");
    assert.equal(interpolate("{n} detik", { n: 0 }), "0 detik", "zero is a value, not missing");
  });

  it("switches language, remembers it, notifies and updates <html lang>", () => {
    const win = new Window({ url: "https://mpp.example/" });
    const storage = memoryStorage();
    const i = createI18n({ url: url(), storage, document: win.document as unknown as Document });
    assert.equal(win.document.documentElement.lang, "id", "html lang set at start");
    const seen: string[] = [];
    const off = i.onChange((l) => seen.push(l));
    i.setLang("en");
    assert.equal(i.t("action.back"), "Back", "English after switch");
    assert.equal(win.document.documentElement.lang, "en", "html lang follows");
    assert.equal(storage.map.get(STORAGE_KEY), "en", "choice remembered");
    i.setLang("en");
    assert.deepEqual(seen, ["en"], "listener called once; same language does not notify");
    off();
    i.setLang("id");
    assert.deepEqual(seen, ["en"], "unsubscribed listener not called");
    assert.throws(() => i.setLang("fr" as "id"), /unsupported language/, "bad language refused");
    win.close();
  });

  it("formats money and dates in the current language", () => {
    const i = createI18n({ url: url() });
    assert.equal(i.formatRupiah(350000), "Rp 350.000", "id rupiah");
    assert.equal(i.formatRupiah(0), "Gratis", "id free");
    i.setLang("en");
    assert.equal(i.formatRupiah(0), "Free", "en free");
    assert.equal(i.formatRupiah(null), "Unknown", "en unknown");
    assert.equal(i.formatDate("2023-03-07"), "7 Mar 2023", "en date");
  });

  it("refuses a missing URL", () => {
    assert.throws(() => createI18n({ url: "https://x/" as unknown as URL }), /must be a URL/, "string url refused");
  });
});
