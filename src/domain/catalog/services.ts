// Service templates per agency slug: the same service in every region where the agency sits.
// Honesty rule (shared/domain/README.md): only the national figures of that README carry a
// source; a record is verified only when its source has a date (lastVerified = that date).
// Everything else (most requirements, durations, local fees) is unverified: no invented source,
// date or amount. Requirements of unsourced records are the commonly asked documents and are
// marked by `verified: false`; fees that are not sourced stay null ("Tidak diketahui").
import type { Fee } from "../types";

export interface ServiceTemplate {
  slug: string;
  name: string;
  nameEn: string;
  /** Search synonyms (English names, abbreviations, other spellings). */
  keywords: string[];
  /** One or two sentences; "{region}" is replaced by the region's name. */
  description: string;
  requirements: string[];
  steps: string[];
  fee: Fee;
  duration: string | null;
  legalBasis: string[];
  product: string | null;
  /** Only an official URL known to be right; null otherwise. */
  onlineUrl: string | null;
  source: string | null;
  /** Date of the source (YYYY-MM-DD) when it has one; verified is true exactly when this is set. */
  sourceDate: string | null;
}

const UU_PELAYANAN = "UU 25/2009 tentang Pelayanan Publik";
const UU_ADMINDUK = "UU 24/2013 tentang Perubahan atas UU 23/2006 tentang Administrasi Kependudukan, pasal 79A";
const PP_IMIGRASI = "PP 28/2019 tentang Jenis dan Tarif PNBP pada Kementerian Hukum dan HAM";
const PP_POLRI_2016 = "PP 60/2016 tentang Jenis dan Tarif PNBP pada Polri";
const PP_POLRI_2020 = "PP 76/2020 tentang Jenis dan Tarif PNBP pada Polri";
const UU_LLAJ = "UU 22/2009 tentang Lalu Lintas dan Angkutan Jalan";
const UU_KEIMIGRASIAN = "UU 6/2011 tentang Keimigrasian";
const UU_BPJS = "UU 24/2011 tentang Badan Penyelenggara Jaminan Sosial";

const UNKNOWN_FEE: Fee = { amount: null, note: "Biaya belum diverifikasi; tanyakan di loket." };
const FREE_ADMINDUK: Fee = { amount: 0, note: "Tidak dipungut biaya (UU 24/2013 pasal 79A)" };

const SRC_ADMINDUK = "Standar Pelayanan Disdukcapil (UU 24/2013 pasal 79A)";
const SRC_PASPOR = "kompas.tv; bisnis.com 2023-03-07";
const SRC_SIM = "motorplus-online.com (tarif PP 60/2016, tetap berlaku menurut PP 76/2020)";

/** The generic flow of a Standar Pelayanan sheet (README: queue, documents, verification, product). */
const steps = (product: string, extra: string[] = []): string[] => [
  "Ambil nomor antrean di MPP.",
  "Serahkan berkas persyaratan di loket.",
  ...extra,
  "Petugas memverifikasi berkas.",
  `Terima ${product} atau tanda terima pengambilan.`,
];

const S = (t: ServiceTemplate) => t;

const PASPOR_REQ = [
  "KTP-el",
  "Kartu Keluarga",
  "Akta kelahiran, buku nikah, atau ijazah",
];

const SIM_NEW_REQ = [
  "KTP-el asli dan fotokopi",
  "Surat keterangan sehat jasmani",
  "Surat keterangan lulus tes psikologi",
  "Lulus ujian teori dan praktik",
];
const SIM_RENEW_REQ = [
  "KTP-el asli dan fotokopi",
  "SIM lama yang masih berlaku",
  "Surat keterangan sehat jasmani",
  "Surat keterangan lulus tes psikologi",
];
const SIM_STEPS = steps("SIM", ["Ikuti pemeriksaan kesehatan, tes psikologi, dan ujian sesuai golongan SIM.", "Bayar PNBP di loket bank."]);
const SIM_RENEW_STEPS = steps("SIM", ["Ikuti pemeriksaan kesehatan dan tes psikologi.", "Bayar PNBP di loket bank."]);

function sim(kind: "A" | "C" | "D", renew: boolean, amount: number, vehicle: string, vehicleEn: string): ServiceTemplate {
  return S({
    slug: `sim-${kind.toLowerCase()}-${renew ? "perpanjangan" : "baru"}`,
    name: `SIM ${kind} ${renew ? "perpanjangan" : "baru"}`,
    nameEn: `Driving licence ${kind} (${renew ? "renewal" : "new"})`,
    keywords: ["sim", `sim ${kind.toLowerCase()}`, "driving licence", "driving license", "surat izin mengemudi", vehicleEn],
    description: `${renew ? "Perpanjangan" : "Penerbitan"} Surat Izin Mengemudi golongan ${kind} (${vehicle}) untuk warga {region}.`,
    requirements: renew ? SIM_RENEW_REQ : SIM_NEW_REQ,
    steps: renew ? SIM_RENEW_STEPS : SIM_STEPS,
    fee: { amount, note: "PNBP menurut PP 60/2016, tetap berlaku menurut PP 76/2020; belum termasuk biaya tes kesehatan dan psikologi." },
    duration: null,
    legalBasis: [UU_LLAJ, PP_POLRI_2016, PP_POLRI_2020, UU_PELAYANAN],
    product: `SIM ${kind}`,
    onlineUrl: null,
    source: SRC_SIM,
    sourceDate: null,
  });
}

function adminduk(slug: string, name: string, nameEn: string, keywords: string[], description: string,
  requirements: string[], product: string): ServiceTemplate {
  return S({
    slug, name, nameEn, keywords, description, requirements,
    steps: steps(product),
    fee: FREE_ADMINDUK,
    duration: null,
    legalBasis: [UU_ADMINDUK, UU_PELAYANAN],
    product,
    onlineUrl: null,
    source: SRC_ADMINDUK,
    sourceDate: null,
  });
}

/** A service with nothing sourced: fee unknown, no source, unverified. */
function local(t: Omit<ServiceTemplate, "fee" | "source" | "sourceDate" | "duration" | "onlineUrl"> &
  Partial<Pick<ServiceTemplate, "fee" | "onlineUrl">>): ServiceTemplate {
  return { fee: UNKNOWN_FEE, onlineUrl: null, ...t, duration: null, source: null, sourceDate: null };
}

export const SERVICES: Readonly<Record<string, readonly ServiceTemplate[]>> = {
  disdukcapil: [
    adminduk("ktp-el-baru", "Perekaman dan penerbitan KTP-el", "Electronic identity card (KTP-el), first issue",
      ["ktp", "ktp-el", "e-ktp", "identity card", "id card", "kartu tanda penduduk"],
      "Perekaman data dan penerbitan KTP-el untuk penduduk {region} yang berusia 17 tahun atau sudah/pernah menikah.",
      ["Kartu Keluarga", "Berusia 17 tahun atau sudah/pernah menikah"], "KTP-el"),
    adminduk("ktp-el-penggantian", "Penggantian KTP-el hilang atau rusak", "Replacement of a lost or damaged KTP-el",
      ["ktp", "ktp-el", "e-ktp", "identity card", "hilang", "lost", "rusak", "damaged"],
      "Penerbitan ulang KTP-el yang hilang atau rusak untuk penduduk {region}.",
      ["Kartu Keluarga", "Surat keterangan hilang dari kepolisian (jika hilang)", "KTP-el yang rusak (jika rusak)"], "KTP-el"),
    adminduk("kartu-keluarga", "Penerbitan Kartu Keluarga", "Family card (Kartu Keluarga)",
      ["kk", "kartu keluarga", "family card", "family register"],
      "Penerbitan Kartu Keluarga baru atau perubahan data anggota keluarga di {region}.",
      ["Kartu Keluarga lama (untuk perubahan)", "Buku nikah atau akta perkawinan", "Dokumen pendukung perubahan data"], "Kartu Keluarga"),
    adminduk("akta-kelahiran", "Penerbitan akta kelahiran", "Birth certificate",
      ["akta lahir", "birth certificate", "kelahiran"],
      "Pencatatan kelahiran dan penerbitan kutipan akta kelahiran untuk penduduk {region}.",
      ["Surat keterangan lahir dari dokter, bidan, atau fasilitas kesehatan", "Kartu Keluarga", "Buku nikah atau akta perkawinan orang tua"], "Kutipan akta kelahiran"),
    adminduk("akta-kematian", "Penerbitan akta kematian", "Death certificate",
      ["akta mati", "death certificate", "kematian"],
      "Pencatatan kematian dan penerbitan kutipan akta kematian untuk penduduk {region}.",
      ["Surat keterangan kematian dari desa/kelurahan atau fasilitas kesehatan", "Kartu Keluarga", "KTP-el almarhum"], "Kutipan akta kematian"),
    adminduk("kartu-identitas-anak", "Penerbitan Kartu Identitas Anak (KIA)", "Child identity card (KIA)",
      ["kia", "kartu identitas anak", "child id card"],
      "Penerbitan Kartu Identitas Anak bagi anak di bawah 17 tahun yang terdaftar di {region}.",
      ["Kutipan akta kelahiran anak", "Kartu Keluarga orang tua", "Pas foto anak (untuk usia 5 tahun ke atas)"], "Kartu Identitas Anak"),
    adminduk("surat-pindah", "Surat keterangan pindah", "Certificate of change of residence",
      ["pindah", "pindah datang", "moving", "change of address", "skpwni"],
      "Penerbitan surat keterangan pindah bagi penduduk {region} yang pindah domisili.",
      ["Kartu Keluarga", "KTP-el"], "Surat keterangan pindah"),
    adminduk("akta-perkawinan", "Pencatatan perkawinan (non-Muslim)", "Marriage registration (non-Muslim)",
      ["akta nikah", "perkawinan", "marriage certificate"],
      "Pencatatan perkawinan bagi penduduk {region} yang tidak beragama Islam.",
      ["Surat keterangan perkawinan dari pemuka agama", "KTP-el dan Kartu Keluarga kedua mempelai", "Pas foto berdua"], "Kutipan akta perkawinan"),
  ],
  "polres-sim": [
    sim("A", false, 120_000, "mobil penumpang dan barang ringan", "car"),
    sim("A", true, 80_000, "mobil penumpang dan barang ringan", "car"),
    sim("C", false, 100_000, "sepeda motor", "motorcycle"),
    sim("C", true, 75_000, "sepeda motor", "motorcycle"),
    sim("D", false, 50_000, "kendaraan khusus penyandang disabilitas", "disability"),
    sim("D", true, 30_000, "kendaraan khusus penyandang disabilitas", "disability"),
    S({
      slug: "sim-internasional-baru", name: "SIM Internasional baru", nameEn: "International driving permit (new)",
      keywords: ["sim", "sim internasional", "international driving permit", "idp", "driving licence"],
      description: "Penerbitan SIM Internasional bagi pemegang SIM A, B, atau C yang berdomisili di {region}.",
      requirements: ["SIM nasional yang masih berlaku", "Paspor yang masih berlaku", "KTP-el"],
      steps: steps("SIM Internasional", ["Bayar PNBP di loket bank."]),
      fee: { amount: 250_000, note: "PNBP Polri (PP 76/2020)" },
      duration: null, legalBasis: [UU_LLAJ, PP_POLRI_2020, UU_PELAYANAN], product: "SIM Internasional",
      onlineUrl: null, source: "tribratanews", sourceDate: null,
    }),
    S({
      slug: "sim-internasional-perpanjangan", name: "SIM Internasional perpanjangan", nameEn: "International driving permit (renewal)",
      keywords: ["sim", "sim internasional", "international driving permit", "idp", "driving licence"],
      description: "Perpanjangan SIM Internasional bagi warga {region}.",
      requirements: ["SIM Internasional lama", "SIM nasional yang masih berlaku", "Paspor yang masih berlaku"],
      steps: steps("SIM Internasional", ["Bayar PNBP di loket bank."]),
      fee: { amount: 225_000, note: "PNBP Polri (PP 76/2020)" },
      duration: null, legalBasis: [UU_LLAJ, PP_POLRI_2020, UU_PELAYANAN], product: "SIM Internasional",
      onlineUrl: null, source: "tribratanews", sourceDate: null,
    }),
  ],
  "polres-skck": [
    S({
      slug: "skck", name: "Surat Keterangan Catatan Kepolisian (SKCK)", nameEn: "Police clearance certificate (SKCK)",
      keywords: ["skck", "police clearance", "certificate of good conduct", "catatan kepolisian", "kelakuan baik"],
      description: "Penerbitan SKCK bagi warga {region}; berlaku 6 bulan. Sejak 1 Agustus 2024 disyaratkan kepesertaan aktif BPJS Kesehatan.",
      requirements: ["KTP-el", "Kartu Keluarga", "Akta kelahiran", "Pas foto 4x6 latar merah", "Kartu sidik jari", "Bukti kepesertaan aktif BPJS Kesehatan (sejak 1 Agustus 2024)"],
      steps: steps("SKCK", ["Ikuti pengambilan sidik jari bila belum punya kartu sidik jari.", "Bayar PNBP."]),
      fee: { amount: 30_000, note: "PNBP Polri (PP 76/2020)" },
      duration: null, legalBasis: [PP_POLRI_2020, UU_PELAYANAN], product: "SKCK (berlaku 6 bulan)",
      onlineUrl: null, source: "rbtv.disway.id", sourceDate: null,
    }),
    S({
      slug: "skck-perpanjangan", name: "Perpanjangan SKCK", nameEn: "Police clearance certificate (renewal)",
      keywords: ["skck", "police clearance", "certificate of good conduct", "perpanjangan", "renewal"],
      description: "Penerbitan ulang SKCK yang masa berlakunya (6 bulan) habis, bagi warga {region}.",
      requirements: ["SKCK lama", "KTP-el", "Kartu Keluarga", "Pas foto 4x6 latar merah", "Bukti kepesertaan aktif BPJS Kesehatan (sejak 1 Agustus 2024)"],
      steps: steps("SKCK", ["Bayar PNBP."]),
      fee: { amount: 30_000, note: "PNBP Polri (PP 76/2020); tarif SKCK per penerbitan" },
      duration: null, legalBasis: [PP_POLRI_2020, UU_PELAYANAN], product: "SKCK (berlaku 6 bulan)",
      onlineUrl: null, source: "rbtv.disway.id", sourceDate: null,
    }),
  ],
  samsat: [
    local({ slug: "pajak-kendaraan-tahunan", name: "Pembayaran pajak kendaraan bermotor tahunan", nameEn: "Annual motor vehicle tax payment",
      keywords: ["pajak kendaraan", "vehicle tax", "pkb", "stnk", "road tax", "pajak motor", "pajak mobil"],
      description: "Pembayaran PKB dan SWDKLLJ tahunan serta pengesahan STNK untuk kendaraan terdaftar di Jawa Barat, di Samsat {region}.",
      requirements: ["KTP-el pemilik kendaraan", "STNK asli"],
      steps: steps("STNK yang disahkan dan bukti bayar", ["Bayar pajak di kasir."]),
      fee: { amount: null, note: "Sesuai nilai PKB kendaraan dan SWDKLLJ; lihat notifikasi pajak." },
      legalBasis: [UU_LLAJ, UU_PELAYANAN], product: "Pengesahan STNK dan bukti pembayaran PKB" }),
    local({ slug: "pajak-kendaraan-lima-tahunan", name: "Pajak lima tahunan dan ganti STNK/plat nomor", nameEn: "Five-yearly vehicle tax, new registration card and plates",
      keywords: ["pajak kendaraan", "vehicle tax", "stnk", "tnkb", "plat nomor", "number plate"],
      description: "Pembayaran pajak kendaraan sekaligus penerbitan STNK dan TNKB baru setiap lima tahun, di Samsat {region}.",
      requirements: ["KTP-el pemilik kendaraan", "STNK asli", "BPKB asli", "Cek fisik kendaraan"],
      steps: steps("STNK dan TNKB baru", ["Lakukan cek fisik kendaraan.", "Bayar pajak dan PNBP di kasir."]),
      fee: { amount: null, note: "PKB sesuai kendaraan ditambah PNBP STNK dan TNKB; jumlah belum diverifikasi." },
      legalBasis: [UU_LLAJ, PP_POLRI_2020, UU_PELAYANAN], product: "STNK dan TNKB baru" }),
    local({ slug: "balik-nama-kendaraan", name: "Balik nama kendaraan bermotor", nameEn: "Vehicle ownership transfer",
      keywords: ["balik nama", "bbnkb", "ownership transfer", "vehicle tax", "pajak kendaraan"],
      description: "Pengalihan nama pemilik kendaraan bermotor yang terdaftar di {region}.",
      requirements: ["KTP-el pemilik baru", "STNK dan BPKB asli", "Kuitansi jual beli", "Cek fisik kendaraan"],
      steps: steps("STNK atas nama pemilik baru", ["Lakukan cek fisik kendaraan.", "Bayar pajak dan PNBP di kasir."]),
      legalBasis: [UU_LLAJ, UU_PELAYANAN], product: "STNK atas nama pemilik baru" }),
    local({ slug: "mutasi-kendaraan", name: "Mutasi kendaraan masuk", nameEn: "Vehicle registration transfer into the region",
      keywords: ["mutasi", "cabut berkas", "vehicle transfer", "pajak kendaraan"],
      description: "Pendaftaran kendaraan yang pindah dari daerah lain ke {region}.",
      requirements: ["KTP-el pemilik", "STNK dan BPKB asli", "Berkas mutasi dari daerah asal", "Cek fisik kendaraan"],
      steps: steps("STNK dan TNKB daerah baru", ["Lakukan cek fisik kendaraan."]),
      legalBasis: [UU_LLAJ, UU_PELAYANAN], product: "STNK dan TNKB daerah baru" }),
  ],
  dpmptsp: [
    S({
      slug: "nib", name: "Nomor Induk Berusaha (NIB) melalui OSS", nameEn: "Business identification number (NIB) via OSS",
      keywords: ["nib", "nomor induk berusaha", "business id", "business identification number", "oss", "oss rba", "izin usaha", "umkm"],
      description: "Pendampingan pendaftaran NIB melalui sistem OSS berbasis risiko bagi pelaku usaha di {region}. Usaha berisiko rendah hanya memerlukan NIB.",
      requirements: ["KTP-el (usaha perseorangan) atau akta pendirian dan SK badan hukum", "NPWP", "Alamat dan bidang usaha (KBLI)", "Email dan nomor ponsel aktif"],
      steps: ["Ambil nomor antrean di MPP.", "Buat akun OSS dengan bantuan petugas.", "Isi data usaha dan KBLI.", "Terbitkan NIB di sistem OSS."],
      fee: { amount: null, note: "Belum diverifikasi (umumnya tanpa biaya)." },
      duration: null,
      legalBasis: ["PP 5/2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko", "PP 28/2025 (penyempurnaan PP 5/2021)", UU_PELAYANAN],
      product: "Nomor Induk Berusaha (NIB)",
      onlineUrl: "https://oss.go.id",
      source: "petralegal.id",
      sourceDate: null,
    }),
    local({ slug: "pbg", name: "Persetujuan Bangunan Gedung (PBG)", nameEn: "Building approval (PBG)",
      keywords: ["pbg", "imb", "building permit", "izin bangunan"],
      description: "Permohonan Persetujuan Bangunan Gedung (pengganti IMB) untuk bangunan di {region}.",
      requirements: ["KTP-el pemohon", "Bukti kepemilikan tanah", "Gambar rencana teknis bangunan", "Dokumen lain sesuai fungsi bangunan"],
      steps: steps("PBG", ["Konsultasi teknis dengan tim profesi ahli.", "Bayar retribusi PBG sesuai ketetapan."]),
      fee: { amount: null, note: "Retribusi daerah sesuai luas dan fungsi bangunan; belum diverifikasi." },
      legalBasis: [UU_PELAYANAN], product: "Persetujuan Bangunan Gedung" }),
    local({ slug: "konsultasi-perizinan", name: "Konsultasi perizinan berusaha", nameEn: "Business licensing consultation",
      keywords: ["konsultasi", "perizinan", "permit consultation", "izin usaha", "oss"],
      description: "Konsultasi tentang jenis izin, persyaratan, dan alur perizinan berusaha di {region}.",
      requirements: ["KTP-el", "Keterangan rencana usaha"],
      steps: ["Ambil nomor antrean di MPP.", "Sampaikan rencana usaha kepada petugas.", "Terima penjelasan jenis izin dan persyaratannya."],
      legalBasis: ["PP 5/2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko", UU_PELAYANAN], product: "Informasi perizinan" }),
  ],
  "kpp-pratama": [
    local({ slug: "npwp", name: "Pendaftaran NPWP", nameEn: "Taxpayer registration (NPWP)",
      keywords: ["npwp", "tax id", "taxpayer number", "nomor pokok wajib pajak", "pajak"],
      description: "Pendaftaran Nomor Pokok Wajib Pajak orang pribadi atau badan di wilayah {region}.",
      requirements: ["KTP-el (orang pribadi)", "Akta pendirian dan dokumen badan (wajib pajak badan)", "Email aktif"],
      steps: steps("kartu NPWP"), legalBasis: [UU_PELAYANAN], product: "NPWP", onlineUrl: "https://www.pajak.go.id" }),
    local({ slug: "asistensi-spt", name: "Asistensi pelaporan SPT Tahunan", nameEn: "Annual tax return (SPT) assistance",
      keywords: ["spt", "tax return", "lapor pajak", "pajak tahunan"],
      description: "Bantuan pengisian dan pelaporan SPT Tahunan bagi wajib pajak di {region}.",
      requirements: ["NPWP", "Bukti potong pajak", "Daftar harta dan utang"],
      steps: ["Ambil nomor antrean di MPP.", "Sampaikan dokumen kepada petugas.", "Isi dan kirim SPT dengan bantuan petugas.", "Terima bukti penerimaan elektronik."],
      legalBasis: [UU_PELAYANAN], product: "Bukti penerimaan SPT" }),
    local({ slug: "konsultasi-pajak", name: "Konsultasi perpajakan", nameEn: "Tax consultation",
      keywords: ["pajak", "tax", "konsultasi", "consultation"],
      description: "Konsultasi hak dan kewajiban perpajakan bagi wajib pajak di {region}.",
      requirements: ["KTP-el atau NPWP"],
      steps: ["Ambil nomor antrean di MPP.", "Sampaikan pertanyaan kepada petugas.", "Terima penjelasan."],
      legalBasis: [UU_PELAYANAN], product: "Informasi perpajakan" }),
  ],
  "bpjs-kesehatan": [
    local({ slug: "pendaftaran-peserta", name: "Pendaftaran peserta JKN mandiri", nameEn: "National health insurance (JKN) registration",
      keywords: ["jkn", "kis", "bpjs", "health insurance", "pendaftaran", "registration"],
      description: "Pendaftaran peserta Jaminan Kesehatan Nasional segmen mandiri bagi warga {region}.",
      requirements: ["KTP-el", "Kartu Keluarga", "Nomor rekening untuk autodebet iuran", "Email atau nomor ponsel aktif"],
      steps: steps("kartu peserta JKN"), fee: { amount: null, note: "Iuran bulanan sesuai kelas; biaya pendaftaran belum diverifikasi." },
      legalBasis: [UU_BPJS, UU_PELAYANAN], product: "Kartu peserta JKN" }),
    local({ slug: "perubahan-data", name: "Perubahan data peserta JKN", nameEn: "Change of JKN member data",
      keywords: ["jkn", "bpjs", "perubahan data", "data change"],
      description: "Perubahan data peserta JKN (alamat, anggota keluarga, kelas) di {region}.",
      requirements: ["KTP-el", "Kartu Keluarga", "Kartu peserta JKN"],
      steps: steps("data peserta yang diperbarui"), legalBasis: [UU_BPJS, UU_PELAYANAN], product: "Data peserta yang diperbarui" }),
    local({ slug: "pindah-faskes", name: "Pindah fasilitas kesehatan tingkat pertama", nameEn: "Change of primary health facility",
      keywords: ["faskes", "puskesmas", "klinik", "bpjs", "health facility"],
      description: "Perpindahan fasilitas kesehatan tingkat pertama peserta JKN di {region}.",
      requirements: ["KTP-el", "Kartu peserta JKN"],
      steps: steps("kartu peserta dengan faskes baru"), legalBasis: [UU_BPJS, UU_PELAYANAN], product: "Faskes tingkat pertama yang baru" }),
  ],
  "bpjs-ketenagakerjaan": [
    local({ slug: "pendaftaran-bpu", name: "Pendaftaran peserta bukan penerima upah", nameEn: "Registration of self-employed workers",
      keywords: ["bpjs", "bpjs tk", "jamsostek", "self-employed", "pekerja mandiri", "registration"],
      description: "Pendaftaran pekerja mandiri (bukan penerima upah) di {region} ke program BPJS Ketenagakerjaan.",
      requirements: ["KTP-el", "Nomor ponsel aktif"],
      steps: steps("kartu peserta"), fee: { amount: null, note: "Iuran bulanan sesuai program; belum diverifikasi." },
      legalBasis: [UU_BPJS, UU_PELAYANAN], product: "Kartu peserta BPJS Ketenagakerjaan" }),
    local({ slug: "klaim-jht", name: "Klaim Jaminan Hari Tua (JHT)", nameEn: "Old-age savings (JHT) claim",
      keywords: ["jht", "jaminan hari tua", "klaim", "claim", "old age savings", "pencairan"],
      description: "Pengajuan klaim Jaminan Hari Tua bagi peserta BPJS Ketenagakerjaan di {region}.",
      requirements: ["Kartu peserta BPJS Ketenagakerjaan", "KTP-el", "Surat keterangan berhenti bekerja", "Buku rekening"],
      steps: steps("bukti pengajuan klaim"), legalBasis: [UU_BPJS, UU_PELAYANAN], product: "Pembayaran JHT ke rekening peserta" }),
  ],
  bpn: [
    local({ slug: "pengecekan-sertifikat", name: "Pengecekan sertifikat tanah", nameEn: "Land certificate check",
      keywords: ["sertifikat", "tanah", "land certificate", "pengecekan"],
      description: "Pengecekan kesesuaian sertifikat hak atas tanah dengan buku tanah di Kantor Pertanahan {region}.",
      requirements: ["Sertifikat asli", "KTP-el pemohon", "Surat kuasa (jika dikuasakan)"],
      steps: steps("hasil pengecekan", ["Bayar PNBP sesuai ketetapan."]), legalBasis: [UU_PELAYANAN], product: "Hasil pengecekan sertifikat" }),
    local({ slug: "peralihan-hak", name: "Peralihan hak atas tanah (balik nama sertifikat)", nameEn: "Land title transfer",
      keywords: ["balik nama", "sertifikat", "tanah", "land title transfer", "jual beli"],
      description: "Pendaftaran peralihan hak atas tanah karena jual beli, hibah, atau waris di {region}.",
      requirements: ["Sertifikat asli", "Akta PPAT atau surat keterangan waris", "KTP-el para pihak", "Bukti bayar BPHTB dan PPh"],
      steps: steps("sertifikat atas nama pemegang hak baru", ["Bayar PNBP sesuai ketetapan."]), legalBasis: [UU_PELAYANAN], product: "Sertifikat atas nama pemegang hak baru" }),
    local({ slug: "informasi-pertanahan", name: "Surat keterangan pendaftaran tanah (SKPT)", nameEn: "Land registration statement (SKPT)",
      keywords: ["skpt", "informasi tanah", "land information", "tanah"],
      description: "Penerbitan keterangan data fisik dan yuridis bidang tanah di {region}.",
      requirements: ["KTP-el pemohon", "Data letak bidang tanah"],
      steps: steps("SKPT"), legalBasis: [UU_PELAYANAN], product: "Surat keterangan pendaftaran tanah" }),
  ],
  kemenag: [
    local({ slug: "pendaftaran-haji", name: "Pendaftaran haji reguler", nameEn: "Regular hajj registration",
      keywords: ["haji", "hajj", "pilgrimage", "porsi haji"],
      description: "Pendaftaran jemaah haji reguler bagi warga {region}.",
      requirements: ["KTP-el", "Kartu Keluarga", "Bukti setoran awal BPIH dari bank penerima setoran", "Pas foto"],
      steps: steps("nomor porsi haji", ["Ikuti perekaman foto dan sidik jari."]),
      fee: { amount: null, note: "Setoran awal BPIH melalui bank; jumlah belum diverifikasi." },
      legalBasis: ["UU 8/2019 tentang Penyelenggaraan Ibadah Haji dan Umrah", UU_PELAYANAN], product: "Nomor porsi haji" }),
    local({ slug: "pendaftaran-nikah", name: "Informasi dan pendaftaran nikah (KUA)", nameEn: "Marriage registration at the KUA (Muslim)",
      keywords: ["nikah", "kua", "marriage", "perkawinan", "buku nikah"],
      description: "Informasi dan pendaftaran pernikahan bagi warga Muslim {region} di Kantor Urusan Agama.",
      requirements: ["KTP-el dan Kartu Keluarga kedua calon mempelai", "Surat pengantar nikah dari desa/kelurahan", "Akta kelahiran", "Pas foto"],
      steps: steps("jadwal akad dan buku nikah"), legalBasis: ["UU 1/1974 tentang Perkawinan", UU_PELAYANAN], product: "Buku nikah" }),
    local({ slug: "legalisasi-buku-nikah", name: "Legalisasi buku nikah", nameEn: "Marriage book legalisation",
      keywords: ["legalisasi", "buku nikah", "legalisation", "marriage"],
      description: "Legalisasi fotokopi buku nikah yang diterbitkan KUA di {region}.",
      requirements: ["Buku nikah asli", "Fotokopi buku nikah"],
      steps: steps("fotokopi buku nikah yang dilegalisasi"), legalBasis: [UU_PELAYANAN], product: "Legalisasi buku nikah" }),
  ],
  "pengadilan-agama": [
    local({ slug: "pendaftaran-perceraian", name: "Pendaftaran perkara perceraian", nameEn: "Divorce case filing (religious court)",
      keywords: ["cerai", "perceraian", "divorce", "gugatan"],
      description: "Pendaftaran gugatan atau permohonan cerai bagi warga Muslim {region}.",
      requirements: ["KTP-el", "Buku nikah asli", "Surat gugatan atau permohonan"],
      steps: steps("nomor perkara dan jadwal sidang", ["Bayar panjar biaya perkara."]),
      fee: { amount: null, note: "Panjar biaya perkara sesuai radius; belum diverifikasi." },
      legalBasis: ["UU 1/1974 tentang Perkawinan", UU_PELAYANAN], product: "Nomor perkara dan jadwal sidang" }),
    local({ slug: "dispensasi-kawin", name: "Permohonan dispensasi kawin", nameEn: "Marriage dispensation request",
      keywords: ["dispensasi", "kawin", "marriage dispensation"],
      description: "Permohonan dispensasi kawin bagi calon mempelai di bawah umur di {region}.",
      requirements: ["KTP-el orang tua", "Akta kelahiran calon mempelai", "Surat penolakan dari KUA", "Surat permohonan"],
      steps: steps("penetapan pengadilan", ["Bayar panjar biaya perkara.", "Hadiri sidang."]),
      legalBasis: ["UU 16/2019 tentang Perubahan atas UU 1/1974 tentang Perkawinan", UU_PELAYANAN], product: "Penetapan dispensasi kawin" }),
    local({ slug: "itsbat-nikah", name: "Permohonan itsbat nikah", nameEn: "Marriage validation (itsbat nikah)",
      keywords: ["itsbat", "isbat", "nikah", "marriage validation"],
      description: "Pengesahan pernikahan yang belum tercatat, bagi warga Muslim {region}.",
      requirements: ["KTP-el suami dan istri", "Surat keterangan dari KUA", "Surat permohonan"],
      steps: steps("penetapan itsbat nikah", ["Bayar panjar biaya perkara.", "Hadiri sidang."]),
      legalBasis: ["UU 1/1974 tentang Perkawinan", UU_PELAYANAN], product: "Penetapan itsbat nikah" }),
  ],
  imigrasi: [
    S({
      slug: "paspor-biasa", name: "Paspor biasa 48 halaman", nameEn: "Ordinary passport (48 pages)",
      keywords: ["paspor", "passport", "paspor biasa", "travel document", "dokumen perjalanan"],
      description: "Penerbitan paspor biasa (non-elektronik) 48 halaman bagi warga negara Indonesia di {region}.",
      requirements: PASPOR_REQ,
      steps: steps("paspor", ["Ikuti wawancara, foto, dan perekaman sidik jari.", "Bayar PNBP."]),
      fee: { amount: 350_000, note: "PNBP, PP 28/2019" },
      duration: null, legalBasis: [UU_KEIMIGRASIAN, PP_IMIGRASI, UU_PELAYANAN], product: "Paspor biasa 48 halaman",
      onlineUrl: "https://www.imigrasi.go.id", source: SRC_PASPOR, sourceDate: "2023-03-07",
    }),
    S({
      slug: "e-paspor", name: "E-paspor 48 halaman", nameEn: "Electronic passport (48 pages)",
      keywords: ["paspor", "e-paspor", "epaspor", "passport", "e-passport", "electronic passport"],
      description: "Penerbitan paspor elektronik 48 halaman bagi warga negara Indonesia di {region}.",
      requirements: PASPOR_REQ,
      steps: steps("e-paspor", ["Ikuti wawancara, foto, dan perekaman sidik jari.", "Bayar PNBP."]),
      fee: { amount: 650_000, note: "PNBP, PP 28/2019. Sumber lain menyebut Rp 600.000: data bertentangan, belum diverifikasi." },
      duration: null, legalBasis: [UU_KEIMIGRASIAN, PP_IMIGRASI, UU_PELAYANAN], product: "E-paspor 48 halaman",
      onlineUrl: "https://www.imigrasi.go.id", source: "kompas.tv", sourceDate: null,
    }),
    S({
      slug: "paspor-percepatan", name: "Layanan percepatan paspor (selesai hari yang sama)", nameEn: "Same-day passport service",
      keywords: ["paspor", "passport", "percepatan", "express", "same day"],
      description: "Layanan percepatan agar paspor selesai pada hari yang sama, di {region}.",
      requirements: [...PASPOR_REQ, "Persyaratan paspor biasa atau e-paspor terpenuhi"],
      steps: steps("paspor", ["Ikuti wawancara, foto, dan perekaman sidik jari.", "Bayar PNBP paspor dan percepatan."]),
      fee: { amount: 1_000_000, note: "Tambahan di atas tarif paspor (PP 28/2019)" },
      duration: "Hari yang sama", legalBasis: [UU_KEIMIGRASIAN, PP_IMIGRASI, UU_PELAYANAN], product: "Paspor",
      onlineUrl: null, source: "bisnis.com", sourceDate: null,
    }),
    S({
      slug: "paspor-hilang", name: "Penggantian paspor hilang", nameEn: "Replacement of a lost passport",
      keywords: ["paspor", "passport", "hilang", "lost passport"],
      description: "Penggantian paspor yang hilang bagi warga {region}.",
      requirements: [...PASPOR_REQ, "Surat keterangan hilang dari kepolisian"],
      steps: steps("paspor pengganti", ["Ikuti pemeriksaan (BAP) kehilangan.", "Bayar PNBP."]),
      fee: { amount: 1_000_000, note: "PNBP penggantian paspor hilang, di luar tarif paspor (PP 28/2019)" },
      duration: null, legalBasis: [UU_KEIMIGRASIAN, PP_IMIGRASI, UU_PELAYANAN], product: "Paspor pengganti",
      onlineUrl: null, source: "bisnis.com", sourceDate: null,
    }),
    S({
      slug: "paspor-rusak", name: "Penggantian paspor rusak", nameEn: "Replacement of a damaged passport",
      keywords: ["paspor", "passport", "rusak", "damaged passport"],
      description: "Penggantian paspor yang rusak bagi warga {region}.",
      requirements: [...PASPOR_REQ, "Paspor yang rusak"],
      steps: steps("paspor pengganti", ["Ikuti pemeriksaan kerusakan.", "Bayar PNBP."]),
      fee: { amount: 500_000, note: "PNBP penggantian paspor rusak, di luar tarif paspor (PP 28/2019)" },
      duration: null, legalBasis: [UU_KEIMIGRASIAN, PP_IMIGRASI, UU_PELAYANAN], product: "Paspor pengganti",
      onlineUrl: null, source: "bisnis.com", sourceDate: null,
    }),
  ],
  "pengadilan-negeri": [
    local({ slug: "surat-keterangan-tidak-dipidana", name: "Surat keterangan tidak pernah dipidana", nameEn: "Certificate of no criminal conviction",
      keywords: ["tidak pernah dipidana", "criminal record", "surat keterangan", "pengadilan"],
      description: "Penerbitan surat keterangan tidak pernah dipidana dari Pengadilan Negeri untuk warga {region}.",
      requirements: ["KTP-el", "SKCK", "Pas foto", "Surat permohonan"],
      steps: steps("surat keterangan"), legalBasis: [UU_PELAYANAN], product: "Surat keterangan tidak pernah dipidana" }),
    local({ slug: "pendaftaran-gugatan", name: "Pendaftaran gugatan perdata", nameEn: "Civil lawsuit filing",
      keywords: ["gugatan", "perdata", "civil lawsuit", "e-court"],
      description: "Pendaftaran gugatan perdata di Pengadilan Negeri wilayah {region}.",
      requirements: ["KTP-el", "Surat gugatan", "Surat kuasa (jika dikuasakan)"],
      steps: steps("nomor perkara", ["Bayar panjar biaya perkara."]),
      fee: { amount: null, note: "Panjar biaya perkara; belum diverifikasi." },
      legalBasis: [UU_PELAYANAN], product: "Nomor perkara" }),
  ],
  kejaksaan: [
    local({ slug: "tilang", name: "Pembayaran denda tilang dan pengambilan barang bukti", nameEn: "Traffic fine payment and return of impounded items",
      keywords: ["tilang", "traffic fine", "denda", "barang bukti", "e-tilang"],
      description: "Pembayaran denda tilang yang telah diputus dan pengambilan barang bukti (SIM/STNK) di Kejaksaan Negeri wilayah {region}.",
      requirements: ["Surat tilang", "KTP-el", "Bukti pembayaran denda"],
      steps: steps("barang bukti", ["Bayar denda sesuai putusan."]),
      fee: { amount: null, note: "Denda sesuai putusan pengadilan." },
      legalBasis: [UU_LLAJ, UU_PELAYANAN], product: "Barang bukti tilang" }),
  ],
  pdam: [
    local({ slug: "pasang-baru", name: "Permohonan sambungan air baru", nameEn: "New water connection",
      keywords: ["air", "pdam", "water connection", "sambungan baru"],
      description: "Permohonan sambungan air minum baru di wilayah layanan PDAM {region}.",
      requirements: ["KTP-el", "Denah lokasi", "Bukti kepemilikan atau sewa bangunan"],
      steps: steps("jadwal pemasangan", ["Survei lokasi oleh petugas.", "Bayar biaya pemasangan."]),
      legalBasis: [UU_PELAYANAN], product: "Sambungan air minum" }),
    local({ slug: "pengaduan-air", name: "Pengaduan gangguan dan tagihan air", nameEn: "Water service and billing complaints",
      keywords: ["air", "pdam", "water", "tagihan", "bill", "gangguan"],
      description: "Pengaduan gangguan aliran atau tagihan air pelanggan PDAM {region}.",
      requirements: ["Nomor pelanggan", "KTP-el"],
      steps: ["Ambil nomor antrean di MPP.", "Sampaikan pengaduan.", "Terima nomor tiket pengaduan."],
      legalBasis: [UU_PELAYANAN], product: "Nomor tiket pengaduan" }),
  ],
  "bank-bjb": [
    local({ slug: "pembukaan-rekening", name: "Pembukaan rekening tabungan", nameEn: "Savings account opening",
      keywords: ["rekening", "tabungan", "bank account", "bjb"],
      description: "Pembukaan rekening tabungan bank bjb di MPP {region}.",
      requirements: ["KTP-el", "NPWP (jika ada)", "Setoran awal"],
      steps: steps("buku tabungan dan kartu debit"), legalBasis: [UU_PELAYANAN], product: "Rekening tabungan" }),
    local({ slug: "pembayaran-pajak-daerah", name: "Pembayaran pajak dan retribusi daerah", nameEn: "Regional tax and levy payment",
      keywords: ["pbb", "pajak daerah", "retribusi", "tax payment", "bjb"],
      description: "Pembayaran PBB, pajak daerah, dan retribusi {region} melalui bank bjb.",
      requirements: ["Surat ketetapan atau kode bayar"],
      steps: ["Ambil nomor antrean di MPP.", "Serahkan kode bayar di teller.", "Bayar dan terima bukti setor."],
      fee: { amount: null, note: "Sesuai ketetapan pajak atau retribusi." },
      legalBasis: [UU_PELAYANAN], product: "Bukti setor" }),
  ],
  taspen: [
    local({ slug: "klaim-pensiun", name: "Klaim pensiun pertama ASN", nameEn: "First pension claim for civil servants",
      keywords: ["pensiun", "pension", "asn", "pns", "klaim"],
      description: "Pengajuan klaim pensiun pertama bagi ASN purnatugas di {region}.",
      requirements: ["SK pensiun", "KTP-el", "Kartu Keluarga", "Buku rekening"],
      steps: steps("bukti klaim"), legalBasis: [UU_PELAYANAN], product: "Pembayaran pensiun" }),
    local({ slug: "klaim-tht", name: "Klaim Tabungan Hari Tua (THT)", nameEn: "Civil servant old-age savings (THT) claim",
      keywords: ["tht", "tabungan hari tua", "pension", "asn"],
      description: "Pengajuan klaim Tabungan Hari Tua ASN di {region}.",
      requirements: ["SK pensiun atau SK pemberhentian", "KTP-el", "Buku rekening"],
      steps: steps("bukti klaim"), legalBasis: [UU_PELAYANAN], product: "Pembayaran THT" }),
  ],
  "jasa-raharja": [
    local({ slug: "santunan-kecelakaan", name: "Santunan korban kecelakaan lalu lintas", nameEn: "Traffic accident victim compensation",
      keywords: ["santunan", "kecelakaan", "accident compensation", "insurance"],
      description: "Pengajuan santunan bagi korban kecelakaan lalu lintas atau ahli warisnya di {region}.",
      requirements: ["Laporan polisi", "KTP-el korban atau ahli waris", "Kartu Keluarga", "Kuitansi biaya perawatan atau surat kematian"],
      steps: steps("pembayaran santunan"),
      legalBasis: ["UU 34/1964 tentang Dana Pertanggungan Wajib Kecelakaan Penumpang", "UU 33/1964 tentang Dana Pertanggungan Wajib Kecelakaan Lalu Lintas Jalan", UU_PELAYANAN],
      product: "Santunan ke rekening korban atau ahli waris" }),
  ],
  bpom: [
    local({ slug: "konsultasi-izin-edar", name: "Konsultasi izin edar obat dan makanan", nameEn: "Food and drug distribution permit consultation",
      keywords: ["izin edar", "bpom", "pangan", "obat", "kosmetik", "food permit"],
      description: "Konsultasi pendaftaran izin edar pangan olahan, obat tradisional, dan kosmetik bagi pelaku usaha {region}.",
      requirements: ["NIB", "Data produk"],
      steps: ["Ambil nomor antrean di MPP.", "Sampaikan data produk kepada petugas.", "Terima penjelasan alur registrasi."],
      legalBasis: [UU_PELAYANAN], product: "Informasi registrasi izin edar" }),
  ],
  disnaker: [
    local({ slug: "kartu-kuning", name: "Kartu tanda pencari kerja (AK/I, kartu kuning)", nameEn: "Job seeker card (AK/I, yellow card)",
      keywords: ["kartu kuning", "ak1", "ak/i", "pencari kerja", "job seeker card", "yellow card"],
      description: "Penerbitan kartu tanda pencari kerja bagi warga {region}.",
      requirements: ["KTP-el", "Ijazah terakhir", "Pas foto"],
      steps: steps("kartu AK/I"), legalBasis: [UU_PELAYANAN], product: "Kartu AK/I" }),
  ],
  dinkes: [
    local({ slug: "sertifikat-pirt", name: "Sertifikat produksi pangan industri rumah tangga (SPP-IRT)", nameEn: "Home-industry food production certificate (SPP-IRT)",
      keywords: ["pirt", "spp-irt", "pangan", "home industry", "food certificate"],
      description: "Pendampingan sertifikat produksi pangan industri rumah tangga untuk pelaku usaha di {region}.",
      requirements: ["NIB", "Sertifikat penyuluhan keamanan pangan", "Label produk"],
      steps: steps("SPP-IRT", ["Pemeriksaan sarana produksi."]), legalBasis: [UU_PELAYANAN], product: "SPP-IRT" }),
    local({ slug: "laik-higiene-sanitasi", name: "Sertifikat laik higiene sanitasi", nameEn: "Hygiene and sanitation certificate",
      keywords: ["higiene", "sanitasi", "restoran", "hygiene certificate"],
      description: "Penerbitan sertifikat laik higiene sanitasi bagi usaha jasa boga dan rumah makan di {region}.",
      requirements: ["NIB", "Hasil uji laboratorium", "Sertifikat penjamah makanan"],
      steps: steps("sertifikat", ["Inspeksi kesehatan lingkungan."]), legalBasis: [UU_PELAYANAN], product: "Sertifikat laik higiene sanitasi" }),
  ],
};

export function servicesForAgency(slug: string): readonly ServiceTemplate[] {
  const list = SERVICES[slug];
  if (!list) throw new Error(`services: no service templates for agency ${JSON.stringify(slug)}`);
  return list;
}
