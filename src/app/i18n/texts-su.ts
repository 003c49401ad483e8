// Basa Sunda for the short texts given in both languages ({ id, en }) outside the dictionaries:
// the SKM's nine unsur (PermenPANRB 14/2017: names, questions, answers), ticket kinds and states,
// weekday names, the lobby keyboard's and the queue mirror's labels, the feedback checks' messages.
// Keyed by the Indonesian text (pickText in su-layers.ts), so a changed text shows its Indonesian
// instead of a stale translation. A DRAFT by the project team, like strings-su.ts. Only the lazy
// chunk imports this file (i18n/sundanese.ts), and with it domain/feedback/skm-su.ts.
import { SU_SKM_TEXTS } from "../../domain/feedback/skm-su";
import { SU_TICKET_TEXTS } from "../../domain/feedback/tickets-su";

export const suTexts: Readonly<Record<string, string>> = {
  // SKM: the nine unsur, their questions and their 1-4 answers, and the grades' kinerja: their
  // owner is the domain (also read by the server's IKM page in Basa Sunda).
  ...SU_SKM_TEXTS,

  // Tickets: kinds and states (owned by the domain, also read by the server's ticket page).
  ...SU_TICKET_TEXTS,

  // Weekdays (the booking's day buttons show their first three letters).
  "Minggu": "Minggu",
  "Senin": "Senén",
  "Selasa": "Salasa",
  "Rabu": "Rebo",
  "Kamis": "Kemis",
  "Jumat": "Jumaah",
  "Sabtu": "Saptu",

  // The lobby's on-screen keyboard.
  "Papan ketik layar": "Papan ketik layar",
  "Spasi": "Spasi",
  "Hapus satu huruf": "Pupus hiji hurup",
  "Hapus semua": "Pupus sadaya",
  "Tutup papan ketik": "Tutup papan ketik",

  // The queue's buttons on the kiosk's DOM mirror, the columns of the hall's queue screen.
  "Loket": "Loket",
  "Nomor": "Nomer",
  "Cek / batalkan booking": "Parios / wurungkeun booking",
  "Pesan dengan nama dan nomor HP": "Pesen nganggo nami sareng nomer HP",
  "Kode QR, kalender, batalkan": "Kode QR, kalénder, wurungkeun",

  // What the question/complaint checks answer (domain/feedback/text.ts).
  "Isi harus berupa teks.": "Eusina kedah téks.",
  "Teks berisi karakter yang rusak. Salin ulang teks Anda lalu kirim lagi.": "Téksna ngandung karakter nu ruksak. Mangga salin deui téks Anjeun teras kintun deui.",
  "Tulis pertanyaan atau pengaduan Anda terlebih dahulu.": "Mangga serat heula patarosan atanapi pangaduan Anjeun.",
  "Kontak harus alamat email atau nomor HP Indonesia (misalnya 0812...).": "Kontak kedah alamat email atanapi nomer HP Indonésia (contona 0812...).",
};
