// The import/export template: one row per service, one column per component of a Standar
// Pelayanan. Column order follows the national SIPP(N) "jenis layanan" sheet as far as public
// sources show it (its online form has four parts: deskripsi layanan, persyaratan, prosedur,
// penyelenggara dan lokasi; each service states persyaratan, prosedur, waktu penyelesaian, biaya,
// produk and pengaduan), then the manufacturing components of PermenPANRB 15/2014, then the
// source and verification. Headers are the Indonesian names of the components; the field names
// are those of the data/catalog/*.json records (data/catalog/README.md), so a file, the workspace
// form and the catalog say the same things. Lists are one item per line inside the cell.
import { STANDARD_FIELDS, STANDARD_LABELS, type StandardField } from "../../domain/admin/standard";
import { COMPLAINT_CHANNEL_KINDS } from "../../domain/types";

export type ColumnKey =
  | "id" | "regionCode" | "agencySlug" | "slug" | "name" | "nameEn" | "description" | "keywords"
  | "requirements" | "steps" | "duration" | "fee.amount" | "fee.note" | "product" | "complaintChannels"
  | "hours" | "onlineUrl" | "legalBasis" | `standard.${StandardField}`
  | "source" | "sourceDate" | "verified" | "lastVerified" | "changeNote";

export interface Column {
  key: ColumnKey;
  header: string;
  /** For the instructions sheet and the README. */
  help: string;
  /** Read on import (lastVerified is written by the system, shown for information only). */
  imported: boolean;
}

const std = (f: StandardField): Column => ({
  key: `standard.${f}`, header: STANDARD_LABELS.id[f], imported: true,
  help: `${STANDARD_LABELS.en[f]} (PermenPANRB 15/2014). Teks bebas; kosong bila belum ada.`,
});

export const COLUMNS: readonly Column[] = [
  { key: "id", header: "ID Layanan", imported: true, help: "Kosong untuk layanan baru; jangan diubah untuk layanan yang ada (contoh 3273-imigrasi-paspor-biasa)." },
  { key: "regionCode", header: "Kode Wilayah", imported: true, help: "Kode Kemendagri kabupaten/kota, contoh 3273." },
  { key: "agencySlug", header: "Instansi", imported: true, help: "Slug instansi (penyelenggara), contoh imigrasi, disdukcapil, polres-sim." },
  { key: "slug", header: "Slug Layanan", imported: true, help: "Huruf kecil, angka dan tanda hubung; bagian dari ID, tidak diubah setelah terbit." },
  { key: "name", header: "Nama Layanan", imported: true, help: "Wajib." },
  { key: "nameEn", header: "Nama Layanan (Inggris)", imported: true, help: "Boleh kosong bila belum diterjemahkan." },
  { key: "description", header: "Deskripsi Layanan", imported: true, help: "Satu atau dua kalimat." },
  { key: "keywords", header: "Kata Kunci", imported: true, help: "Kata pencarian dipisah spasi." },
  { key: "requirements", header: "Persyaratan", imported: true, help: "Satu persyaratan per baris dalam sel (Alt+Enter)." },
  { key: "steps", header: "Sistem, Mekanisme dan Prosedur", imported: true, help: "Satu langkah per baris, berurutan." },
  { key: "duration", header: "Jangka Waktu Penyelesaian", imported: true, help: "Contoh: 4 hari kerja. Kosong bila tidak diketahui." },
  { key: "fee.amount", header: "Biaya/Tarif (Rp)", imported: true, help: "Angka rupiah tanpa titik; 0 bila gratis (dengan sumber); kosong bila tidak diketahui." },
  { key: "fee.note", header: "Keterangan Biaya", imported: true, help: "Contoh: PNBP, PP 45/2024." },
  { key: "product", header: "Produk Pelayanan", imported: true, help: "Apa yang diterima pemohon." },
  { key: "complaintChannels", header: "Penanganan Pengaduan, Saran dan Masukan", imported: true, help: `Satu saluran per baris: jenis | label | alamat, jenis salah satu ${COMPLAINT_CHANNEL_KINDS.join(", ")}.` },
  { key: "hours", header: "Jam Layanan", imported: true, help: "Jam layanan dalam kata-kata; jam MPP per hari diatur di halaman wilayah." },
  { key: "onlineUrl", header: "Layanan Daring", imported: true, help: "Alamat https:// layanan daring instansi; kosong bila tidak ada." },
  { key: "legalBasis", header: "Dasar Hukum", imported: true, help: "Satu peraturan per baris, dengan pasal bila diketahui." },
  ...STANDARD_FIELDS.map(std),
  { key: "source", header: "Sumber", imported: true, help: "URL, atau No. SK / Perda / PP. Wajib bila biaya diisi." },
  { key: "sourceDate", header: "Tanggal Sumber", imported: true, help: "Tanggal sumber itu sendiri, TTTT-BB-HH." },
  { key: "verified", header: "Diperiksa Terhadap Sumber", imported: true, help: "ya: saya telah memeriksa isi baris ini terhadap sumber bertanggal (wajib Sumber dan Tanggal Sumber); tidak: belum." },
  { key: "lastVerified", header: "Terakhir Diverifikasi", imported: false, help: "Diisi sistem; diabaikan saat impor." },
  { key: "changeNote", header: "Catatan Perubahan", imported: true, help: "Alasan perubahan baris ini; bila kosong dipakai catatan impor." },
];

/** Header text folded for matching: case, spaces and punctuation do not matter. */
export function foldHeader(text: string): string {
  return text.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]/g, "");
}

const BY_HEADER = new Map(COLUMNS.map((c) => [foldHeader(c.header), c]));

export function columnOf(header: string): Column | undefined {
  return BY_HEADER.get(foldHeader(header));
}

/** The columns a file must have: enough to know which record a row is. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = ["id", "regionCode", "agencySlug", "slug", "name"];

export { formatChannels, parseChannels } from "../../domain/admin/channels";
