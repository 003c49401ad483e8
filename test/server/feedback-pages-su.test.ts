// Basa Sunda of the /layanan/tiket and IKM pages (src/server/html/feedback-pages-su.ts): complete,
// marked a draft, and used by the pages with ?lang=su; the IKM's domain texts (unsur, grade words,
// sample note) in the domain's Sundanese (domain/feedback/skm-su.ts), Indonesian and English unchanged.
import assert from "node:assert/strict";
import { FEEDBACK_PAGE_TEXT, ikmPage, ticketLookupPage } from "../../src/server/html/feedback-pages";
import { SU_FEEDBACK_PAGES_REVIEW } from "../../src/server/html/feedback-pages-su";
import { SU_TICKET_KINDS, SU_TICKET_STATUSES, SU_TICKET_TEXTS } from "../../src/domain/feedback/tickets-su";
import { TICKET_KINDS, TICKET_STATUSES } from "../../src/domain/feedback/tickets";
import { computeIkm, emptyTally, MUTU_BANDS, sampleAdequacy, SKM_UNSUR, tally } from "../../src/domain/feedback/skm";
import { SU_SKM_TEXTS } from "../../src/domain/feedback/skm-su";
import type { Ikm } from "../../src/domain/feedback/shapes";

/** The region's IKM answer as the server builds it (server/feedback/surveys.ts), from answers and visits. */
function ikmOf(answers: number[][], population: number): Ikm {
  const r = computeIkm(tally(answers, emptyTally()));
  const s = sampleAdequacy(r.respondents, population);
  return {
    region: "3273", regionName: "Kota Bandung", year: 2026, semester: null, from: "2026-01-01", to: "2026-12-31",
    respondents: r.respondents, ikm: r.ikm, mutu: r.mutu, kinerja: r.kinerja,
    unsur: r.unsur.map((u) => ({ key: u.key, name: u.name.id, nameEn: u.name.en, nrr: u.nrr })),
    sample: { population, required: s.required, enough: s.enough, message: s.message },
    agencies: [],
  };
}

describe("server/html/feedback-pages-su", () => {
  const { id, su } = FEEDBACK_PAGE_TEXT;

  it("has every text of the Indonesian pages in Sundanese, none left empty or Indonesian", () => {
    assert.deepEqual(Object.keys(su).sort(), Object.keys(id).sort(), "same keys as Indonesian");
    // The same words in both languages (loanwords and names).
    const same = ["status", "mpp", "wib", "mutu", "nrr", "history", "agency", "agencies", "app", "close"];
    for (const k of Object.keys(id) as Array<keyof typeof id>) {
      const a = id[k], b = su[k];
      assert.equal(typeof b, typeof a, `${k}: same kind of value`);
      if (typeof a === "function" && typeof b === "function") {
        assert.match(b(3), /3/, `${k}: says the number`);
        assert.notEqual(b(3), a(3), `${k}: in Sundanese`);
      } else if (k !== "draft" && !same.includes(k)) {
        assert.ok(typeof b === "string" && b.length > 0, `${k}: not empty`);
        assert.notEqual(b, a, `${k}: not the Indonesian text`);
      }
    }
    assert.deepEqual(Object.keys(SU_TICKET_KINDS).sort(), [...TICKET_KINDS].sort(), "every ticket kind");
    assert.deepEqual(Object.keys(SU_TICKET_STATUSES).sort(), [...TICKET_STATUSES].sort(), "every ticket state");
    assert.equal(SU_TICKET_STATUSES.answered, "Diwaler");
    assert.equal(SU_TICKET_TEXTS["Sedang diproses"], "Nuju diprosés", "the app's texts key the same words by their Indonesian");
    assert.equal(Object.keys(SU_TICKET_TEXTS).length, TICKET_KINDS.length + TICKET_STATUSES.length, "one text per kind and state");
  });

  it("is marked a draft, and the pages say so in Sundanese only", () => {
    assert.equal(SU_FEEDBACK_PAGES_REVIEW.status, "draft", "a draft until a reviewer confirms it");
    assert.equal(SU_FEEDBACK_PAGES_REVIEW.reviewer, null, "no reviewer named yet");
    const page = ticketLookupPage("su", false);
    assert.match(page, /<html lang="su">/, "the page's language");
    assert.ok(page.includes(`<p class="notice notice--draft">${su.draft}</p>`), "the draft notice under the title");
    assert.ok(page.includes('<input type="hidden" name="lang" value="su">'), "the lookup form keeps Basa Sunda");
    assert.ok(page.includes(su.lookup) && page.includes(su.stored), "its texts in Sundanese");
    assert.ok(!ticketLookupPage("id", false).includes("notice--draft"), "no draft notice in Indonesian");
    assert.ok(!ticketLookupPage("en", false).includes("notice--draft"), "nor in English");
  });

  describe("the IKM page's domain texts", () => {
    // One respondent per grade: all 4 -> 100 (A), all 3 -> 75 (C), all 2 -> 50 (D); [4,4,4,4,3,3,3,3,3] -> 86.11 (B).
    const byGrade = { A: [[4, 4, 4, 4, 4, 4, 4, 4, 4]], B: [[4, 4, 4, 4, 3, 3, 3, 3, 3]], C: [[3, 3, 3, 3, 3, 3, 3, 3, 3]], D: [[2, 2, 2, 2, 2, 2, 2, 2, 2]] };
    const row = (html: string, name: string) => new RegExp(`<tr><th scope="row">${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}</th>`).test(html);

    it("names the nine unsur in Sundanese with ?lang=su, with no Indonesian marked lang=\"id\"", () => {
      const page = ikmPage(ikmOf(byGrade.A, 1), "su", 2026);
      for (const u of SKM_UNSUR) {
        const su = SU_SKM_TEXTS[u.name.id]!;
        assert.ok(row(page, su), `${u.key}: its row reads "${su}"`);
        assert.ok(!page.includes(`<span lang="id">${u.name.id}</span>`), `${u.key}: not the Indonesian, marked`);
      }
      assert.ok(row(page, "Paripolah Palaksana") && row(page, "Waktos Ngaréngsékeun"), "the same words as the app's Sundanese SKM form");
      assert.ok(!page.includes(`<span lang="id">`), "nothing on the page falls back to Indonesian");
      assert.ok(page.includes('<p class="notice notice--draft">'), "the page says the Sundanese is a draft");
    });

    it("gives each grade's word in Sundanese, and the sample note in Sundanese with its figures", () => {
      const words = { A: "Saé Pisan", B: "Saé", C: "Kirang Saé", D: "Teu Saé" };
      for (const [grade, answers] of Object.entries(byGrade) as Array<[keyof typeof words, number[][]]>) {
        const ikm = ikmOf(answers, 1);
        assert.equal(ikm.mutu, grade, `the answers give grade ${grade}`);
        const page = ikmPage(ikm, "su", 2026);
        assert.ok(page.includes(`Mutu ${grade} (${words[grade]})`), `grade ${grade}: "${words[grade]}"`);
        assert.ok(!page.includes(`(<span lang="id">`), `grade ${grade}: not the Indonesian, marked`);
      }
      const few = ikmPage(ikmOf([...byGrade.A, ...byGrade.B], 30), "su", 2026);
      assert.ok(few.includes("<p>Nembé 2 réspondén, kirang ti 28 nu diwajibkeun ku aturan kanggo populasi 30.</p>"), "too few for 30 visits (Krejcie-Morgan: 28)");
      const enough = ikmPage(ikmOf(byGrade.A, 1), "su", 2026);
      assert.ok(enough.includes("<p>1 réspondén, cekap kanggo populasi 1 (minimal 1).</p>"), "enough for one visit");
      assert.ok(!few.includes("responden,") && !few.includes("Baru "), "no Indonesian sample note");
    });

    it("keeps the Indonesian and English pages as they were", () => {
      const ikm = ikmOf([...byGrade.A, ...byGrade.B], 30);
      const id = ikmPage(ikm, "id", 2026), en = ikmPage(ikm, "en", 2026);
      assert.equal(ikm.kinerja?.id, "Sangat Baik", "93.06: grade A");
      assert.ok(id.includes("Mutu A (Sangat Baik)") && en.includes("Grade A (Very good)"), "the grade words of the regulation, and ours");
      for (const u of SKM_UNSUR) {
        assert.ok(row(id, u.name.id), `${u.key}: the regulation's name in Indonesian`);
        assert.ok(row(en, u.name.en), `${u.key}: its English name`);
      }
      assert.ok(id.includes(`<p>${ikm.sample.message.id}</p>`) && en.includes(`<p>${ikm.sample.message.en}</p>`), "the domain's sample note");
      for (const page of [id, en]) {
        assert.ok(!page.includes(`<span lang="id">`) && !page.includes("notice--draft"), "nothing marked, no draft notice");
        const sundanese = Object.entries(SU_SKM_TEXTS).filter(([idText, su]) => su !== idText && su.length > 6 && page.includes(su));
        assert.deepEqual(sundanese, [], "no Sundanese (beyond words both languages share)");
      }
      for (const b of MUTU_BANDS) assert.ok(!en.includes(b.kinerja.id), `no Indonesian grade word in English (${b.kinerja.id})`);
    });

    it("shows a domain text without Sundanese in Indonesian, marked lang=\"id\"", () => {
      const ikm = ikmOf(byGrade.A, 1);
      ikm.unsur[0] = { ...ikm.unsur[0]!, name: "Persyaratan Pelayanan" }; // an Indonesian wording the Sundanese table does not know yet
      const page = ikmPage(ikm, "su", 2026);
      assert.ok(row(page, '<span lang="id">Persyaratan Pelayanan</span>'), "the unknown name in Indonesian, marked");
      assert.ok(row(page, SU_SKM_TEXTS[SKM_UNSUR[1]!.name.id]!), "the others in Sundanese");
    });
  });
});
