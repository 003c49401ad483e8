// Basa Sunda lemes of the SKM's domain texts (skm-unsur.ts, skm.ts): the nine unsur of PermenPANRB
// 14/2017 (names, questions, 1-4 answers), the kinerja words of the four mutu grades, and the
// sample note. Their one owner for both surfaces that read them in Sundanese: the app's lazy
// "words-su" chunk (i18n/texts-su.ts spreads SU_SKM_TEXTS; import this module from no entry-chunk
// code, nor from the feedback barrel index.ts) and the server's IKM page (html/feedback-pages.ts).
// Keyed by the Indonesian text, like texts-su.ts: a changed Indonesian text shows its Indonesian,
// marked, instead of a stale translation. A DRAFT by the project team like the rest of the Sundanese
// until a Sundanese-speaking reviewer confirms it: the app (i18n/strings-su.ts SU_REVIEW) and the
// page (html/feedback-pages-su.ts SU_FEEDBACK_PAGES_REVIEW) say so where these words show.
import type { Bilingual } from "./tickets";

export const SU_SKM_TEXTS: Readonly<Record<string, string>> = {
  // The nine unsur (SKM_UNSUR order), their questions and their 1-4 answers.
  "Persyaratan": "Sarat-sarat",
  "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?": "Kumaha pamendak Anjeun ngeunaan kacocogan sarat layanan sareng jinis layananana?",
  "Tidak sesuai": "Teu cocog",
  "Kurang sesuai": "Kirang cocog",
  "Sesuai": "Cocog",
  "Sangat sesuai": "Cocog pisan",
  "Sistem, Mekanisme, dan Prosedur": "Sistem, Mékanisme, sareng Prosedur",
  "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?": "Kumaha pamahaman Anjeun ngeunaan gampilna prosedur layanan di unit ieu?",
  "Tidak mudah": "Teu gampil",
  "Kurang mudah": "Kirang gampil",
  "Mudah": "Gampil",
  "Sangat mudah": "Gampil pisan",
  "Waktu Penyelesaian": "Waktos Ngaréngsékeun",
  "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?": "Kumaha pamendak Anjeun ngeunaan gancangna waktos dina masihan layanan?",
  "Tidak cepat": "Teu gancang",
  "Kurang cepat": "Kirang gancang",
  "Cepat": "Gancang",
  "Sangat cepat": "Gancang pisan",
  "Biaya/Tarif": "Biaya/Tarif",
  "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?": "Kumaha pamendak Anjeun ngeunaan pantesna biaya/tarif dina layanan?",
  "Sangat mahal": "Awis pisan",
  "Cukup mahal": "Lumayan awis",
  "Murah": "Mirah",
  "Gratis": "Gratis",
  "Produk Spesifikasi Jenis Pelayanan": "Produk Spésifikasi Jinis Layanan",
  "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?": "Kumaha pamendak Anjeun ngeunaan kacocogan produk layanan antawis nu kacantum dina standar layanan sareng hasil nu dipasihkeun?",
  "Kompetensi Pelaksana": "Kompeténsi Palaksana",
  "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?": "Kumaha pamendak Anjeun ngeunaan kompeténsi/kamampuh patugas dina layanan?",
  "Tidak kompeten": "Teu kompetén",
  "Kurang kompeten": "Kirang kompetén",
  "Kompeten": "Kompetén",
  "Sangat kompeten": "Kompetén pisan",
  "Perilaku Pelaksana": "Paripolah Palaksana",
  "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?": "Kumaha pamendak Anjeun ngeunaan paripolah patugas dina layanan, perkawis sopan santun sareng someahna?",
  "Tidak sopan dan ramah": "Teu sopan sareng teu someah",
  "Kurang sopan dan ramah": "Kirang sopan sareng someah",
  "Sopan dan ramah": "Sopan sareng someah",
  "Sangat sopan dan ramah": "Sopan sareng someah pisan",
  "Sarana dan Prasarana": "Sarana sareng Prasarana",
  "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?": "Kumaha pamendak Anjeun ngeunaan kualitas sarana sareng prasarana?",
  "Buruk": "Goréng",
  "Cukup": "Lumayan",
  "Baik": "Saé", // also the kinerja of mutu B
  "Sangat baik": "Saé pisan",
  "Penanganan Pengaduan, Saran dan Masukan": "Nanganan Pangaduan, Saran sareng Masukan",
  "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?": "Kumaha pamendak Anjeun ngeunaan nanganan pangaduan ti pangguna layanan?",
  "Tidak ada": "Teu aya",
  "Ada tetapi tidak berfungsi": "Aya tapi teu jalan",
  "Berfungsi kurang maksimal": "Jalan tapi kirang maksimal",
  "Dikelola dengan baik": "Dikokolakeun kalayan saé",

  // The kinerja of the mutu grades (MUTU_BANDS), A to D; "Baik" (B) is above. Built like the answers
  // above: sangat -> pisan, kurang -> kirang, tidak -> teu.
  "Sangat Baik": "Saé Pisan",
  "Kurang Baik": "Kirang Saé",
  "Tidak Baik": "Teu Saé",
};

/** The Sundanese of one of the SKM's domain texts, or undefined when it has none. */
export function skmSundanese(text: Bilingual): string | undefined {
  return Object.prototype.hasOwnProperty.call(SU_SKM_TEXTS, text.id) ? SU_SKM_TEXTS[text.id] : undefined;
}

/** sampleAdequacy's sentence (skm.ts) in Sundanese, from the same figures. */
export function sampleMessageSu(respondents: number, sample: { population: number; required: number; enough: boolean }): string {
  const { population, required } = sample;
  return sample.enough
    ? `${respondents} réspondén, cekap kanggo populasi ${population} (minimal ${required}).`
    : `Nembé ${respondents} réspondén, kirang ti ${required} nu diwajibkeun ku aturan kanggo populasi ${population}.`;
}
