import assert from "node:assert/strict";
import { en, id, isLang } from "../../../src/app/i18n/strings";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n/strings", () => {
  it("has the same keys in Indonesian and English", () => {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(id).sort(), "id and en key sets are equal");
  });

  it("has no empty text", () => {
    for (const [k, v] of [...Object.entries(id), ...Object.entries(en)]) {
      assert.ok(v.trim().length > 0, `text for ${k} is not empty`);
    }
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      assert.deepEqual(placeholders(en[key]), placeholders(id[key]), `placeholders of ${key} match`);
    }
  });

  it("carries the texts the product names", () => {
    assert.equal(id["loading.title"], "Memuat MPP Digital…", "Indonesian loading title");
    assert.equal(id["error.modelMissing"], "Model gedung {region} tidak dapat dimuat; ditampilkan bentuk sederhana", "model-missing text");
    assert.equal(id["data.asOf"], "Informasi per {datetime}", "information-as-of text (id)");
    assert.equal(en["data.asOf"], "Information as of {datetime}", "information-as-of text (en)");
    assert.equal(id["xr.enter"], "Masuk VR", "Enter VR in Indonesian");
    assert.equal(id["kioskMode.idleWarning"], "Masih di sini? Layar akan diatur ulang dalam {n} detik", "idle warning");
  });

  it("recognises only id and en as languages", () => {
    assert.equal(isLang("id"), true, "id is a language");
    assert.equal(isLang("en"), true, "en is a language");
    assert.equal(isLang("fr"), false, "fr is not supported");
    assert.equal(isLang(null), false, "null is not a language");
  });
});
