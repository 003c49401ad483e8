// Basa Sunda of the SKM's domain texts (src/domain/feedback/skm-su.ts): every unsur name, question
// and answer and every grade's kinerja has one, the sample note says the domain's figures, and the
// module stays domain code (no Babylon, no DOM) that both the app's lazy chunk and the server import.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { MUTU_BANDS, sampleAdequacy, SKM_UNSUR } from "../../../src/domain/feedback/skm";
import { sampleMessageSu, skmSundanese, SU_SKM_TEXTS } from "../../../src/domain/feedback/skm-su";

describe("domain/feedback/skm-su", () => {
  it("has Sundanese for every unsur name, question and answer and every grade's kinerja, and nothing else", () => {
    const wanted = [...SKM_UNSUR.flatMap((u) => [u.name.id, u.question.id, ...u.scale.map((s) => s.id)]), ...MUTU_BANDS.map((b) => b.kinerja.id)];
    assert.deepEqual(wanted.filter((t) => skmSundanese({ id: t, en: "" }) === undefined), [], "texts without Sundanese");
    assert.deepEqual(Object.keys(SU_SKM_TEXTS).filter((k) => !wanted.includes(k)), [], "no entry for a text the domain does not have");
    // Words Sundanese shares with Indonesian; every other text is translated.
    const same = ["Biaya/Tarif", "Gratis"];
    assert.deepEqual(Object.entries(SU_SKM_TEXTS).filter(([id, su]) => su === id && !same.includes(id)), [], "no text left in Indonesian");
  });

  it("words the grades like the scale's answers: A Saé Pisan, B Saé, C Kirang Saé, D Teu Saé", () => {
    assert.deepEqual(MUTU_BANDS.map((b) => skmSundanese(b.kinerja)), ["Saé Pisan", "Saé", "Kirang Saé", "Teu Saé"]);
    assert.equal(skmSundanese({ id: "Sangat baik", en: "Very good" }), "Saé pisan", "the sarana answer keeps its own (lower-case) key");
    assert.equal(skmSundanese({ id: "toString", en: "" }), undefined, "a key of Object.prototype is no translation");
  });

  it("says the sample note with the same figures as sampleAdequacy, enough or not", () => {
    for (const [respondents, population] of [[2, 30], [28, 30], [1, 1], [0, 0], [400, 1_000_000]] as const) {
      const s = sampleAdequacy(respondents, population);
      const su = sampleMessageSu(respondents, { population, required: s.required, enough: s.enough });
      const figures = (text: string) => (text.match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b);
      assert.deepEqual(figures(su), figures(s.message.id), `${respondents} of ${population}: the Indonesian sentence's figures`);
      assert.match(su, s.enough ? /^\d+ réspondén, cekap kanggo/ : /^Nembé \d+ réspondén, kirang ti/, `${respondents} of ${population}: enough=${s.enough}`);
    }
  });

  it("imports nothing but the domain's types (no Babylon, no DOM), so the server and the app's lazy chunk share it", () => {
    const source = readFileSync("src/domain/feedback/skm-su.ts", "utf8");
    const imports = [...source.matchAll(/^import\s.*?from\s+"([^"]+)"/gm)].map((m) => m[0]);
    assert.deepEqual(imports, ['import type { Bilingual } from "./tickets"'], "only a type import");
    assert.ok(!/\b(document|window)\b/.test(source.replace(/^\/\/.*$/gm, "")), "no DOM");
  });
});
