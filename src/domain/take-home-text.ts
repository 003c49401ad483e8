// The words of "take it home" (share a service, its checklist, the visit card of the physical
// MPP) in the three languages: the app's panel and /layanan say the same things.
import type { UiLang } from "./words/langs";

export const TAKE_HOME = {
  id: {
    share: "Bagikan dan bawa pulang",
    copyLink: "Salin tautan",
    copied: "Tautan disalin",
    copyFailed: "Tautan tidak dapat disalin otomatis; pilih dan salin teks tautan di bawah.",
    linkLabel: "Tautan layanan ini",
    whatsapp: "Bagikan lewat WhatsApp",
    whatsappText: "{title} ({region}): persyaratan dan prosedur di MPP Digital Jawa Barat {url}",
    download: "Unduh daftar periksa (.txt)",
    print: "Cetak daftar periksa",
    qrTitle: "Pindai untuk membawa daftar periksa ke ponsel",
    qrAlt: "Kode QR berisi tautan {url}",
    visit: "Datang ke MPP",
    address: "Alamat",
    hours: "Jam buka",
    contact: "Kontak",
    contactUnknown: "Belum diketahui: data belum memuat telepon atau surel MPP ini. Untuk pengaduan layanan lihat bagian Pengaduan.",
    noMpp: "{region} belum memiliki MPP fisik yang tercatat; layanan ini dilayani di kantor instansinya.",
    map: "Letak di peta Jawa Barat",
    mapNote: "Titik menunjukkan perkiraan letak ibu kota kabupaten/kota, bukan letak gedung; digambar tanpa peta dari situs lain.",
    sources: "Sumber",
    untranslated: "belum diterjemahkan",
  },
  en: {
    share: "Share and take home",
    copyLink: "Copy link",
    copied: "Link copied",
    copyFailed: "The link could not be copied automatically; select and copy the link text below.",
    linkLabel: "Link to this service",
    whatsapp: "Share on WhatsApp",
    whatsappText: "{title} ({region}): requirements and procedure at MPP Digital West Java {url}",
    download: "Download the checklist (.txt)",
    print: "Print the checklist",
    qrTitle: "Scan to take the checklist to your phone",
    qrAlt: "QR code with the link {url}",
    visit: "Visiting the MPP",
    address: "Address",
    hours: "Opening hours",
    contact: "Contact",
    contactUnknown: "Not known: the data has no phone or email for this MPP yet. For complaints about a service see Complaints.",
    noMpp: "{region} has no physical MPP on record; this service is given at the agency's own office.",
    map: "Position on the map of West Java",
    mapNote: "The dot shows the approximate seat of the regency or city, not the building; drawn without maps from other sites.",
    sources: "Sources",
    untranslated: "not translated yet: in Indonesian",
  },
  su: {
    share: "Bagikeun sareng candak ka bumi",
    copyLink: "Salin tutumbu",
    copied: "Tutumbu parantos disalin",
    copyFailed: "Tutumbu teu tiasa disalin otomatis; mangga pilih sareng salin téks tutumbu di handap.",
    linkLabel: "Tutumbu layanan ieu",
    whatsapp: "Bagikeun ngalangkungan WhatsApp",
    whatsappText: "{title} ({region}): sarat-sarat sareng prosedur di MPP Digital Jawa Barat {url}",
    download: "Unduh daptar pariksa (.txt)",
    print: "Citak daptar pariksa",
    qrTitle: "Mangga pindai kanggo nyandak daptar pariksa ka telepon",
    qrAlt: "Kode QR nu eusina tutumbu {url}",
    visit: "Sumping ka MPP",
    address: "Alamat",
    hours: "Waktos muka",
    contact: "Kontak",
    contactUnknown: "Teu acan kauninga: data teu acan ngamuat telepon atanapi surélék MPP ieu. Kanggo pangaduan layanan mangga tingali bagian Pangaduan.",
    noMpp: "{region} teu acan gaduh MPP fisik nu kacatet; layanan ieu dilayanan di kantor instansina.",
    map: "Tempatna dina peta Jawa Barat",
    mapNote: "Titik nuduhkeun kira-kira tempat puseur kabupatén/kota, sanés tempat gedongna; digambar tanpa peta ti situs sanés.",
    sources: "Sumber",
    untranslated: "teu acan ditarjamahkeun: dina basa Indonésia",
  },
} as const satisfies Record<UiLang, Record<string, string>>;

export type TakeHomeKey = keyof (typeof TAKE_HOME)["id"];

export function takeHome(lang: UiLang, key: TakeHomeKey, params: Record<string, string> = {}): string {
  return TAKE_HOME[lang][key].replace(/\{(\w+)\}/g, (w, k: string) => params[k] ?? w);
}

/** A WhatsApp share link (the citizen's own app opens it; nothing is fetched from WhatsApp by this site). */
export function whatsappHref(text: string): string {
  return `https://wa.me/?text=${encodeURIComponent(text)}`;
}
