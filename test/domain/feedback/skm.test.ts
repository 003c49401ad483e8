import assert from "node:assert/strict";
import fc from "fast-check";
import { KREJCIE_MORGAN } from "../../../src/domain/feedback/krejcie-morgan";
import {
  addTallies, checkSurveyAnswers, computeIkm, emptyTally, mutuBand, mutuOf, requiredSample, sampleAdequacy,
  SKM_UNSUR, tally, type SkmTally,
} from "../../../src/domain/feedback/skm";

/** A tally of n respondents whose answers add up to `total` over the 9 unsur (spread as evenly as possible). */
function tallyWithTotal(n: number, total: number): SkmTally {
  const base = Math.floor(total / 9);
  return { respondents: n, sums: Array.from({ length: 9 }, (_, i) => base + (i < total % 9 ? 1 : 0)) };
}

describe("domain/feedback/skm", () => {
  it("has the regulation's 9 unsur in questionnaire order, each with a 4-step scale in both languages", () => {
    assert.deepEqual(SKM_UNSUR.map((u) => u.name.id), [
      "Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Waktu Penyelesaian", "Biaya/Tarif",
      "Produk Spesifikasi Jenis Pelayanan", "Kompetensi Pelaksana", "Perilaku Pelaksana",
      "Sarana dan Prasarana", "Penanganan Pengaduan, Saran dan Masukan",
    ], "the unsur of PermenPANRB 14/2017, sarana 8th and pengaduan 9th as in its questionnaire");
    for (const u of SKM_UNSUR) {
      assert.equal(u.scale.length, 4, `${u.key}: four answers`);
      assert.ok(u.scale.every((s) => s.id && s.en), `${u.key}: every answer in both languages`);
      assert.ok(u.question.id.startsWith("Bagaimana"), `${u.key}: the regulation's question`);
    }
    assert.deepEqual(SKM_UNSUR[3]!.scale.map((s) => s.id), ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"], "biaya/tarif scale");
    assert.deepEqual(SKM_UNSUR[8]!.scale.map((s) => s.id), ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"], "pengaduan scale");
  });

  it("accepts nine answers 1-4 and refuses anything else", () => {
    assert.deepEqual(checkSurveyAnswers([1, 2, 3, 4, 4, 3, 2, 1, 4]), { ok: true, answers: [1, 2, 3, 4, 4, 3, 2, 1, 4] }, "nine answers");
    for (const bad of [[1, 2, 3, 4, 4, 3, 2, 1], [1, 2, 3, 4, 5, 3, 2, 1, 4], [1, 2, 3, 4, 0, 3, 2, 1, 4], [1, 2, 3, 4, "3", 3, 2, 1, 4], [1, 2, 3, 4, 2.5, 3, 2, 1, 4], null, "444444444"]) {
      const r = checkSurveyAnswers(bad);
      assert.equal(r.ok, false, `${JSON.stringify(bad)} is refused`);
      if (!r.ok) assert.ok(r.message.id && r.message.en, "with a message in both languages");
    }
  });

  it("matches a published SKM report: Disdukcapil Tulang Bawang Barat, 2023 semester 1", () => {
    // Source: https://e-smile.tubaba.go.id/main/skm/laporan/online ("Pengolahan data survei kepuasan
    // masyarakat per responden dan per unsur pelayanan tahun 2023 semester 1, Dinas Kependudukan dan
    // Pencatatan Sipil Tulang Bawang Barat"): 1 respondent answering 4 on U1..U9, NRR 4 per unsur,
    // "IKM UNIT PELAYANAN 100 (Sangat Baik)".
    const r = computeIkm(tally([[4, 4, 4, 4, 4, 4, 4, 4, 4]]));
    assert.equal(r.ikm, 100, "IKM 100 as published");
    assert.equal(r.mutu, "A", "mutu A");
    assert.deepEqual(r.kinerja, { id: "Sangat Baik", en: "Very good" }, "Sangat Baik as published");
    assert.deepEqual(r.unsur.map((u) => u.nrr), [4, 4, 4, 4, 4, 4, 4, 4, 4], "NRR 4 per unsur as published");
  });

  it("reproduces the regulation's conversion table from persepsi values to IKM", () => {
    // PermenPANRB 14/2017, lampiran, "Nilai Persepsi, Interval IKM, Interval Konversi IKM, Mutu Pelayanan
    // dan Kinerja Unit Pelayanan": 1.00-2.5996 -> 25.00-64.99 (D), 2.60-3.064 -> 65.00-76.60 (C),
    // 3.0644-3.532 -> 76.61-88.30 (B), 3.5324-4.00 -> 88.31-100.00 (A). A mean NRR of x is a total
    // of 9 * n * x; n = 2500 makes every listed x an exact total.
    const rows: Array<[number, number, string]> = [
      [1.0, 25.0, "D"], [2.5996, 64.99, "D"], [2.6, 65.0, "C"], [3.064, 76.6, "C"],
      [3.0644, 76.61, "B"], [3.532, 88.3, "B"], [3.5324, 88.31, "A"], [4.0, 100.0, "A"],
    ];
    for (const [nrr, ikm, mutu] of rows) {
      const r = computeIkm(tallyWithTotal(2500, Math.round(9 * 2500 * nrr)));
      assert.equal(r.ikm, ikm, `mean NRR ${nrr} gives IKM ${ikm}`);
      assert.equal(r.mutu, mutu, `IKM ${ikm} is mutu ${mutu}`);
    }
  });

  it("puts the mutu edges where the regulation does, rounding only at the end", () => {
    // n = 1000: IKM = 2500 * total / 9000 hundredths. total 31790 -> 88.3055.. -> 88.31 (A);
    // 31789 -> 88.3027.. -> 88.30 (B); 27580 -> 76.611.. -> 76.61 (B); 27575 -> 76.597.. -> 76.60 (C);
    // 23400 -> 65.00 (C); 23396 -> 64.988.. -> 64.99 (D).
    const at = (total: number) => computeIkm(tallyWithTotal(1000, total));
    assert.deepEqual([at(31790).ikm, at(31790).mutu], [88.31, "A"], "88.31 is A");
    assert.deepEqual([at(31789).ikm, at(31789).mutu], [88.3, "B"], "88.30 is B");
    assert.deepEqual([at(27580).ikm, at(27580).mutu], [76.61, "B"], "76.61 is B");
    assert.deepEqual([at(27575).ikm, at(27575).mutu], [76.6, "C"], "76.60 is C");
    assert.deepEqual([at(23400).ikm, at(23400).mutu], [65, "C"], "65.00 is C");
    assert.deepEqual([at(23396).ikm, at(23396).mutu], [64.99, "D"], "64.99 is D");
    assert.deepEqual([at(9000).ikm, at(9000).mutu], [25, "D"], "all answers 1 is 25.00, D");
    assert.equal(mutuOf(88.31), "A", "mutuOf 88.31");
    assert.equal(mutuOf(76.61), "B", "mutuOf 76.61 despite 76.61*100 = 7660.99..");
    assert.equal(mutuBand(6499).mutu, "D", "64.99 in hundredths");
    assert.throws(() => mutuBand(2499), /outside 25.00..100.00/, "below the scale");
  });

  it("differs from a float computation of 25 x mean NRR by rounding only", () => {
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 60 }), (responses) => {
      const r = computeIkm(tally(responses));
      const nrr = SKM_UNSUR.map((_, i) => responses.reduce((s, a) => s + a[i]!, 0) / responses.length);
      const float = 25 * nrr.reduce((a, b) => a + b, 0) / 9;
      assert.ok(Math.abs(r.ikm! - float) <= 0.005 + 1e-9, `IKM ${r.ikm} is ${float} rounded`);
      assert.equal(r.mutu, mutuOf(r.ikm!), "mutu from the rounded IKM");
      r.unsur.forEach((u, i) => assert.ok(Math.abs(u.nrr! - nrr[i]!) <= 0.005 + 1e-9, "NRR rounded to 2 decimals"));
    }));
  });

  it("adds tallies, handles no respondents and refuses impossible totals", () => {
    const a = tally([[1, 1, 1, 1, 1, 1, 1, 1, 1]]);
    const b = tally([[4, 4, 4, 4, 4, 4, 4, 4, 4]]);
    assert.equal(computeIkm(addTallies(a, b)).ikm, 62.5, "(1 + 4) / 2 = 2.5, x 25");
    assert.deepEqual(computeIkm(tally([[4, 4, 4, 4, 4, 4, 4, 4, 4]], a)), computeIkm(addTallies(a, b)), "tally into an existing tally");
    const none = computeIkm(emptyTally());
    assert.deepEqual([none.respondents, none.ikm, none.mutu], [0, null, null], "no respondents, no index");
    assert.throws(() => computeIkm({ respondents: 2, sums: [9, 2, 2, 2, 2, 2, 2, 2, 2] }), /impossible for 2 respondents/, "a sum above 4n");
    assert.throws(() => computeIkm({ respondents: 1, sums: [1, 1, 1] }), /3 sums, expected 9/, "too few sums");
    assert.throws(() => tally([[1, 2, 3]]), /exactly 9 answers/, "a short response");
  });

  it("stays exact for very large tallies", () => {
    const n = 3_000_000_000_000; // more respondents than will ever answer; 2500 * total exceeds 2^53
    const r = computeIkm({ respondents: n, sums: Array(9).fill(3 * n) });
    assert.equal(r.ikm, 75, "3 everywhere is exactly 75.00");
  });

  it("has the Krejcie-Morgan table the regulation prescribes, and says when a sample is too small", () => {
    for (const [N, S] of KREJCIE_MORGAN) {
      const formula = (3.841 * N * 0.25) / (0.0025 * (N - 1) + 3.841 * 0.25);
      assert.ok(Math.abs(formula - S) <= 1, `row ${N} -> ${S} within 1 of the formula (${formula.toFixed(1)})`);
    }
    assert.ok(KREJCIE_MORGAN.every((row, i) => i === 0 || (row[0] > KREJCIE_MORGAN[i - 1]![0] && row[1] >= KREJCIE_MORGAN[i - 1]![1])), "rows grow");
    assert.equal(requiredSample(100), 80, "a listed population");
    assert.equal(requiredSample(101), 86, "between rows: the next larger row");
    assert.equal(requiredSample(7), 7, "below 10: everyone");
    assert.equal(requiredSample(5_000_000), 384, "above the table: its last row");
    assert.deepEqual(sampleAdequacy(12, 120), {
      required: 92, enough: false,
      message: {
        id: "Baru 12 responden, kurang dari 92 yang diminta regulasi untuk populasi 120.",
        en: "Only 12 respondents, fewer than the 92 the regulation asks for a population of 120.",
      },
    }, "too few respondents are named as such");
    assert.equal(sampleAdequacy(400, 10_000).enough, true, "370 needed for 10,000");
  });
});
