// The officers' desk texts, Indonesian first (?lang=en for English). `en` is typed against `id`.
import { interpolate } from "../app/i18n/i18n";

const id = {
  title: "Konsultasi dan pengaduan",
  signIn: "Masuk", username: "Nama pengguna", password: "Kata sandi", signOut: "Keluar", signedInAs: "Masuk sebagai {user} ({role})",
  inbox: "Kotak masuk", status: "Status", kind: "Jenis", region: "Kabupaten/kota", all: "Semua", open: "Belum selesai", closed: "Selesai",
  konsultasi: "Konsultasi", pengaduan: "Pengaduan", refresh: "Muat ulang", empty: "Tidak ada tiket.", count: "{n} tiket",
  overdue: "Terlambat {n} hari kerja (batas {date})", due: "Batas {stage} {date} ({n} hari kerja lagi)", acted: "Sudah ditindaklanjuti",
  stageForward: "diteruskan", stageAct: "ditindaklanjuti",
  ticket: "Tiket {code}", text: "Isi dari warga", contact: "Kontak", contactNone: "Tidak ada", contactPurged: "Dihapus {date} (masa simpan habis)",
  received: "Diterima", deadlines: "Batas SP4N-LAPOR!: diteruskan {forward}, ditindaklanjuti {act}{estimated}", estimated: " (perkiraan)",
  history: "Riwayat", by: "oleh {actor}", citizen: "warga", internal: "catatan petugas",
  take: "Proses tiket ini", answer: "Jawaban untuk warga", sendAnswer: "Kirim jawaban",
  forward: "Teruskan ke instansi lain", forwardNote: "Catatan untuk instansi penerima (tidak ditampilkan ke warga)", sendForward: "Teruskan",
  close: "Tutup tiket", closeNote: "Catatan penutupan (ditampilkan ke warga)", sendClose: "Tutup",
  lapor: "Alihkan ke SP4N-LAPOR!", laporHelp: "Salin teks di bawah, buat laporan di lapor.go.id dengan akun instansi, lalu catat nomor pelacakannya di sini. Tidak ada integrasi otomatis.",
  copy: "Salin teks", copied: "Tersalin", openLapor: "Buka lapor.go.id", laporId: "Nomor pelacakan LAPOR!", laporClose: "Tutup tiket di sini", sendLapor: "Catat nomor LAPOR!",
  back: "Kembali ke kotak masuk", done: "Tersimpan.",
  ikm: "Indeks Kepuasan Masyarakat {year}", respondents: "{n} responden", noIkm: "Belum ada responden.", comments: "Saran dan masukan dari survei", noComments: "Belum ada saran.", exportCsv: "Unduh jawaban SKM {year} (CSV)",
  events: { take: "Mulai diproses", answer: "Jawaban", forward: "Diteruskan", close: "Ditutup", reopen: "Dibuka kembali", lapor: "Dialihkan ke LAPOR!", citizen: "Tambahan dari warga" },
  error: "Gagal: {message}",
};

type Dict = typeof id;
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<Dict> = {
  title: "Questions and complaints",
  signIn: "Sign in", username: "Username", password: "Password", signOut: "Sign out", signedInAs: "Signed in as {user} ({role})",
  inbox: "Inbox", status: "Status", kind: "Kind", region: "Regency/city", all: "All", open: "Open", closed: "Closed",
  konsultasi: "Question", pengaduan: "Complaint", refresh: "Reload", empty: "No tickets.", count: "{n} tickets",
  overdue: "{n} working days late (due {date})", due: "To be {stage} by {date} ({n} working days left)", acted: "Acted on",
  stageForward: "forwarded", stageAct: "acted on",
  ticket: "Ticket {code}", text: "The citizen's text", contact: "Contact", contactNone: "None", contactPurged: "Deleted {date} (retention time over)",
  received: "Received", deadlines: "SP4N-LAPOR! deadlines: forward by {forward}, act by {act}{estimated}", estimated: " (estimate)",
  history: "History", by: "by {actor}", citizen: "citizen", internal: "officers' note",
  take: "Take this ticket up", answer: "Answer for the citizen", sendAnswer: "Send answer",
  forward: "Forward to another agency", forwardNote: "Note for the receiving agency (not shown to the citizen)", sendForward: "Forward",
  close: "Close the ticket", closeNote: "Closing note (shown to the citizen)", sendClose: "Close",
  lapor: "Hand off to SP4N-LAPOR!", laporHelp: "Copy the text below, file it at lapor.go.id with the agency's account, then record its tracking id here. There is no automatic integration.",
  copy: "Copy text", copied: "Copied", openLapor: "Open lapor.go.id", laporId: "LAPOR! tracking id", laporClose: "Close the ticket here", sendLapor: "Record LAPOR! id",
  back: "Back to the inbox", done: "Saved.",
  ikm: "Public Satisfaction Index {year}", respondents: "{n} respondents", noIkm: "No respondents yet.", comments: "Survey suggestions", noComments: "No suggestions yet.", exportCsv: "Download the SKM answers of {year} (CSV)",
  events: { take: "Taken up", answer: "Answer", forward: "Forwarded", close: "Closed", reopen: "Reopened", lapor: "Handed off to LAPOR!", citizen: "Citizen's addition" },
  error: "Failed: {message}",
};

export type DeskLang = "id" | "en";
export type DeskText = Shape<Dict>;

export function deskText(lang: DeskLang): DeskText {
  return lang === "en" ? en : id;
}

export const fill = interpolate;
