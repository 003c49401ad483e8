// Survei Kepuasan Masyarakat (SKM) after Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman
// Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik.
//
// The 9 unsur, their definitions and the questionnaire's 1-4 answers are the regulation's (lampiran:
// ruang lingkup and contoh kuesioner; wording cross-checked against survey reports that quote it, see
// docs/domain-rules.md); the English is ours. The order is the questionnaire's, the order the API
// takes the nine answers in: sarana dan prasarana 8th, penanganan pengaduan 9th.
//
// Index: NRR of an unsur = sum of its answers / respondents; IKM = 25 x (mean of the 9 NRR) =
// 25 x total / (9 x respondents). It is computed from the integer sums and rounded (half up, to 2
// decimals) only at the end. Many published reports weight each NRR by 0.111 instead of 1/9, which
// gives up to 0.1 points less; we use the exact 1/9 the regulation's "bobot = 1/9" means.
// Mutu from the rounded IKM: A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99.
import type { Bilingual } from "./tickets";
import { KREJCIE_MORGAN } from "./krejcie-morgan";
import { SKM_UNSUR } from "./skm-unsur";

export { SKM_UNSUR, type Unsur } from "./skm-unsur";

export const SKM_UNSUR_COUNT = 9;
export const SKM_ANSWER_MIN = 1;
export const SKM_ANSWER_MAX = 4;

export type Mutu = "A" | "B" | "C" | "D";

/** Lower bounds in hundredths of an IKM point, best first, with the regulation's kinerja wording. */
export const MUTU_BANDS: ReadonlyArray<{ mutu: Mutu; from: number; to: number; kinerja: Bilingual }> = [
  { mutu: "A", from: 8831, to: 10000, kinerja: { id: "Sangat Baik", en: "Very good" } },
  { mutu: "B", from: 7661, to: 8830, kinerja: { id: "Baik", en: "Good" } },
  { mutu: "C", from: 6500, to: 7660, kinerja: { id: "Kurang Baik", en: "Fair" } },
  { mutu: "D", from: 2500, to: 6499, kinerja: { id: "Tidak Baik", en: "Poor" } },
];

export type AnswersCheck = { ok: true; answers: number[] } | { ok: false; message: Bilingual };

/** Nine whole numbers 1..4, in SKM_UNSUR order; anything else (8 answers, a 5, "3") is refused. */
export function checkSurveyAnswers(input: unknown): AnswersCheck {
  if (!Array.isArray(input) || input.length !== SKM_UNSUR_COUNT) {
    return { ok: false, message: { id: "Jawaban survei harus berisi 9 nilai.", en: "The survey needs exactly 9 answers." } };
  }
  for (const [i, a] of input.entries()) {
    if (!Number.isInteger(a) || a < SKM_ANSWER_MIN || a > SKM_ANSWER_MAX) {
      return { ok: false, message: { id: `Jawaban ke-${i + 1} harus bilangan bulat 1 sampai 4.`, en: `Answer ${i + 1} must be a whole number from 1 to 4.` } };
    }
  }
  return { ok: true, answers: [...input] as number[] };
}

/** The running totals the index is computed from: respondents and the sum of each unsur's answers. */
export interface SkmTally { respondents: number; sums: number[] }

export function emptyTally(): SkmTally {
  return { respondents: 0, sums: Array<number>(SKM_UNSUR_COUNT).fill(0) };
}

/** Adds respondents' answers (each checked) to a tally. */
export function tally(responses: ReadonlyArray<readonly number[]>, into: SkmTally = emptyTally()): SkmTally {
  const out = { respondents: into.respondents, sums: [...into.sums] };
  for (const r of responses) {
    const c = checkSurveyAnswers(r);
    if (!c.ok) throw new RangeError(`skm: ${c.message.en}`);
    c.answers.forEach((a, i) => { out.sums[i]! += a; });
    out.respondents += 1;
  }
  return out;
}

export function addTallies(a: SkmTally, b: SkmTally): SkmTally {
  return { respondents: a.respondents + b.respondents, sums: a.sums.map((s, i) => s + (b.sums[i] ?? 0)) };
}

/** Round-half-up of num/den to a whole number, exactly (BigInt: no float error at any size). */
function roundRatio(num: bigint, den: bigint): number {
  return Number((2n * num + den) / (2n * den));
}

export interface IkmResult {
  respondents: number;
  /** IKM rounded to 2 decimals, or null without respondents. */
  ikm: number | null;
  mutu: Mutu | null;
  kinerja: Bilingual | null;
  unsur: Array<{ key: string; name: Bilingual; sum: number; nrr: number | null }>;
}

export function computeIkm(t: SkmTally): IkmResult {
  checkTally(t);
  const n = t.respondents;
  const unsur = SKM_UNSUR.map((u, i) => ({
    key: u.key,
    name: u.name,
    sum: t.sums[i]!,
    // NRR shown to 2 decimals, from the exact fraction.
    nrr: n === 0 ? null : roundRatio(BigInt(t.sums[i]!) * 100n, BigInt(n)) / 100,
  }));
  if (n === 0) return { respondents: 0, ikm: null, mutu: null, kinerja: null, unsur };
  const total = t.sums.reduce((a, b) => a + b, 0);
  // IKM in hundredths = 100 x 25 x total / (9 x n).
  const hundredths = roundRatio(2500n * BigInt(total), 9n * BigInt(n));
  const band = mutuBand(hundredths);
  return { respondents: n, ikm: hundredths / 100, mutu: band.mutu, kinerja: band.kinerja, unsur };
}

/** The mutu of an IKM given in hundredths (8831 -> A). */
export function mutuBand(ikmHundredths: number): (typeof MUTU_BANDS)[number] {
  if (!Number.isInteger(ikmHundredths) || ikmHundredths < 2500 || ikmHundredths > 10000) {
    throw new RangeError(`skm: IKM ${ikmHundredths / 100} outside 25.00..100.00`);
  }
  return MUTU_BANDS.find((b) => ikmHundredths >= b.from)!;
}

/** The mutu of an IKM value with 2 decimals (88.31 -> A). */
export function mutuOf(ikm: number): Mutu {
  return mutuBand(Math.round(ikm * 100)).mutu;
}

function checkTally(t: SkmTally): void {
  const n = t.respondents;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`skm: respondents ${n} must be a whole number >= 0`);
  if (t.sums.length !== SKM_UNSUR_COUNT) throw new RangeError(`skm: ${t.sums.length} sums, expected 9`);
  t.sums.forEach((s, i) => {
    if (!Number.isSafeInteger(s) || s < n * SKM_ANSWER_MIN || s > n * SKM_ANSWER_MAX) {
      throw new RangeError(`skm: the sum ${s} of unsur ${i + 1} is impossible for ${n} respondents`);
    }
  });
}

/**
 * The smallest sample the regulation's table (Krejcie and Morgan) asks for a population: the row of
 * the population, or of the next larger population listed; below 10 everyone.
 */
export function requiredSample(population: number): number {
  if (!Number.isSafeInteger(population) || population < 0) throw new RangeError(`skm: population ${population} must be a whole number >= 0`);
  if (population < KREJCIE_MORGAN[0]![0]) return population;
  const row = KREJCIE_MORGAN.find(([p]) => p >= population);
  return row ? row[1] : KREJCIE_MORGAN.at(-1)![1];
}

/** Whether the respondents are enough for the population, and a sentence saying so. */
export function sampleAdequacy(respondents: number, population: number): { required: number; enough: boolean; message: Bilingual } {
  const required = requiredSample(population);
  const enough = respondents >= required;
  return {
    required,
    enough,
    message: enough
      ? { id: `${respondents} responden, cukup untuk populasi ${population} (minimal ${required}).`, en: `${respondents} respondents, enough for a population of ${population} (at least ${required}).` }
      : { id: `Baru ${respondents} responden, kurang dari ${required} yang diminta regulasi untuk populasi ${population}.`, en: `Only ${respondents} respondents, fewer than the ${required} the regulation asks for a population of ${population}.` },
  };
}
