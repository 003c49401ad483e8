// The words of the kiosk's feedback screens (help desk, question/complaint, SKM) in both languages.
// Kept beside the screens rather than in i18n/strings.ts: they are only ever shown on a kiosk
// screen, and the SKM's own wording comes from the domain (skm-unsur.ts).
import type { Lang } from "../../i18n/strings";
import { pickText, sundanese } from "../../i18n/su-layers";

export const ID = {
  "desk.title": "Meja Bantuan",
  "desk.subtitle": "{region}: tanya, adukan, atau nilai layanan",
  "desk.intro": "Pertanyaan dan pengaduan dijawab oleh petugas instansi; Anda mendapat kode untuk melacaknya. Survei kepuasan (SKM) bersifat anonim.",
  "desk.ask": "Konsultasi: ajukan pertanyaan",
  "desk.complain": "Pengaduan: sampaikan keluhan",
  "desk.rate": "Survei Kepuasan Masyarakat (SKM)",
  "desk.rateDetail": "9 pertanyaan, 1 sampai 4, anonim",
  "action.ask": "Tanya",
  "action.rate": "Nilai",
  "ticket.chooseKind": "Tanya atau adukan",
  "ticket.about": "Tentang apa?",
  "ticket.aboutRegion": "MPP {region} secara umum",
  "ticket.textLabel.konsultasi": "Pertanyaan Anda",
  "ticket.textLabel.pengaduan": "Pengaduan Anda",
  "ticket.textHint": "{n} dari {max} karakter. Disimpan dan ditampilkan sebagai teks; dijawab oleh petugas instansi.",
  "ticket.next": "Lanjut",
  "ticket.contactLabel": "Kontak untuk jawaban (tidak wajib)",
  "ticket.contactHint": "Email atau nomor HP. Hanya petugas yang melihatnya; dihapus setelah tiket selesai, pada waktu yang ditetapkan.",
  "ticket.skipContact": "Lewati: tanpa kontak",
  "ticket.confirm": "Periksa, lalu kirim",
  "ticket.send": "Kirim",
  "ticket.kindHeading": "Jenis",
  "ticket.aboutHeading": "Tentang",
  "ticket.textHeading": "Teks",
  "ticket.contactHeading": "Kontak",
  "ticket.noContact": "Tanpa kontak: lacak jawabannya dengan kode.",
  "ticket.sentTitle": "Terkirim",
  "ticket.sentNotice": "Simpan kode ini: {code}",
  "ticket.codeHeading": "Kode pelacakan",
  "ticket.trackHeading": "Lacak jawabannya",
  "ticket.track": "Buka /?ticket={code} atau /layanan/tiket/{code}. Petugas meneruskan dalam 3 hari kerja dan menindaklanjuti dalam 5 hari kerja.",
  "survey.title": "Survei Kepuasan Masyarakat",
  "survey.chooseAgency": "Instansi mana yang Anda nilai?",
  "survey.question": "Pertanyaan {n} dari 9: {name}",
  "survey.anonymous": "Anonim: tidak ada yang menghubungkan jawaban dengan Anda.",
  "survey.commentLabel": "Komentar atau saran (tidak wajib)",
  "survey.commentHint": "{n} dari {max} karakter, disimpan sebagai teks tanpa nama Anda.",
  "survey.send": "Kirim survei",
  "survey.sentTitle": "Terima kasih",
  "survey.sent": "Jawaban Anda tercatat untuk Indeks Kepuasan Masyarakat.",
  "survey.used": "Kunjungan ini sudah dinilai: satu survei untuk satu kunjungan.",
  "survey.answersHeading": "Jawaban Anda",
  "error.unavailable": "Layanan ini tidak tersedia di halaman ini.",
  "board.title": "Meja Bantuan · Konsultasi · Pengaduan · SKM",
  "board.waiting": "Tunjuk meja ini untuk bertanya, mengadu, atau menilai layanan",
  "board.ikm": "IKM {year}: {ikm} (mutu {mutu}) · {n} responden",
  "board.noIkm": "IKM {year}: belum ada responden; jadilah yang pertama menilai",
} as const;

type Key = keyof typeof ID;

const EN: Record<Key, string> = {
  "desk.title": "Help desk",
  "desk.subtitle": "{region}: ask, complain or rate a service",
  "desk.intro": "Questions and complaints are answered by the agency's officers; you get a code to track them. The satisfaction survey (SKM) is anonymous.",
  "desk.ask": "Question: ask the officers",
  "desk.complain": "Complaint: tell us what went wrong",
  "desk.rate": "Public satisfaction survey (SKM)",
  "desk.rateDetail": "9 questions, 1 to 4, anonymous",
  "action.ask": "Ask",
  "action.rate": "Rate",
  "ticket.chooseKind": "Ask or complain",
  "ticket.about": "What is it about?",
  "ticket.aboutRegion": "The MPP of {region} in general",
  "ticket.textLabel.konsultasi": "Your question",
  "ticket.textLabel.pengaduan": "Your complaint",
  "ticket.textHint": "{n} of {max} characters. Stored and shown as text; answered by the agency's officers.",
  "ticket.next": "Next",
  "ticket.contactLabel": "Contact for the answer (optional)",
  "ticket.contactHint": "E-mail or mobile number. Only officers see it; deleted a set time after the ticket is closed.",
  "ticket.skipContact": "Skip: no contact",
  "ticket.confirm": "Check, then send",
  "ticket.send": "Send",
  "ticket.kindHeading": "Kind",
  "ticket.aboutHeading": "About",
  "ticket.textHeading": "Text",
  "ticket.contactHeading": "Contact",
  "ticket.noContact": "No contact: follow the answer with the code.",
  "ticket.sentTitle": "Sent",
  "ticket.sentNotice": "Keep this code: {code}",
  "ticket.codeHeading": "Tracking code",
  "ticket.trackHeading": "Follow the answer",
  "ticket.track": "Open /?ticket={code} or /layanan/tiket/{code}. Officers forward it within 3 working days and act within 5.",
  "survey.title": "Public satisfaction survey",
  "survey.chooseAgency": "Which agency are you rating?",
  "survey.question": "Question {n} of 9: {name}",
  "survey.anonymous": "Anonymous: nothing links the answers to you.",
  "survey.commentLabel": "Comment or suggestion (optional)",
  "survey.commentHint": "{n} of {max} characters, stored as text without your name.",
  "survey.send": "Send the survey",
  "survey.sentTitle": "Thank you",
  "survey.sent": "Your answers count in the public satisfaction index.",
  "survey.used": "This visit has been rated already: one survey per visit.",
  "survey.answersHeading": "Your answers",
  "error.unavailable": "This is not available on this page.",
  "board.title": "Help desk · Questions · Complaints · SKM",
  "board.waiting": "Point at this desk to ask, complain or rate a service",
  "board.ikm": "Satisfaction index {year}: {ikm} (grade {mutu}) · {n} respondents",
  "board.noIkm": "Satisfaction index {year}: no respondents yet; be the first to rate",
};

export type FeedbackTextKey = Key;

/** The text of `key` in `lang`, with {name} placeholders filled. */
export function ftext(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  const template: string = lang === "en" ? EN[key] : sundanese("kiosk", key) ?? ID[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A domain text in the visitor's language. */
export const pick = (lang: Lang, b: { id: string; en: string }): string => pickText(lang, b);
