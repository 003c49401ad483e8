// Every text the app shows, in Bahasa Indonesia (first: most users) and English.
// `en` is typed against the keys of `id`, so a key missing from (or extra in) either
// dictionary is a compile error, not a blank label at run time.
// Placeholders are written {name} and filled by I18n.t().

export const id = {
  "app.title": "MPP Digital Jawa Barat",
  "app.skipToDirectory": "Lewati ke direktori",

  "loading.title": "Memuat MPP Digital…",
  "loading.progress": "{percent}% dimuat",
  "loading.scene": "Menyiapkan plaza…",
  "loading.models": "Memuat gedung…",
  "loading.data": "Memuat data layanan…",

  "error.noWebgl.title": "Peramban ini tidak dapat menampilkan 3D",
  "error.noWebgl.body": "WebGL tidak tersedia di perangkat atau peramban ini. Semua informasi layanan tetap dapat dibaca dalam daftar biasa.",
  "error.noWebgl.link": "Buka daftar layanan",
  "error.apiDown.title": "Server informasi tidak dapat dihubungi",
  "error.apiDown.body": "Periksa koneksi internet Anda, lalu coba lagi.",
  "error.modelMissing": "Model gedung {region} tidak dapat dimuat; ditampilkan bentuk sederhana",
  "error.xrUnavailable": "VR tidak tersedia di perangkat atau peramban ini",
  "error.generic.title": "Terjadi kesalahan",
  "error.generic.body": "Maaf, terjadi kesalahan yang tidak terduga. Muat ulang halaman untuk mencoba lagi.",
  "error.detail": "Rincian: {detail}",

  "action.retry": "Coba lagi",
  "action.back": "Kembali",
  "action.close": "Tutup",
  "action.dismiss": "Tutup pemberitahuan",
  "action.open": "Buka",

  "directory.toggle": "Direktori",
  "directory.title": "Direktori MPP Jawa Barat",
  "directory.regions": "Kabupaten dan kota",
  "directory.loading": "Memuat daftar daerah…",
  "directory.error": "Daftar daerah tidak dapat dimuat.",
  "directory.counts": "{agencies} instansi · {services} layanan",
  "directory.shortcut": "Tekan / untuk membuka direktori dan mencari",

  "search.label": "Cari layanan",
  "search.placeholder": "Cari layanan, mis. paspor, SIM, KTP",
  "search.loading": "Mencari…",
  "search.noResults": "Tidak ada layanan yang cocok dengan \u201c{query}\u201d",
  "search.results": "{n} hasil",
  "search.resultsOne": "1 hasil",
  "search.error": "Pencarian gagal.",
  "search.resultsLabel": "Hasil pencarian",
  "search.tooLong": "Kata pencarian terlalu panjang: paling banyak {max} karakter. Persingkat, misalnya “paspor”.",
  "search.nearFirst": "{n} hasil · {region} ditampilkan lebih dulu",
  "search.inRegion": "{n} hasil di {region}",
  "search.regionFilter": "Wilayah",
  "search.allRegions": "Semua wilayah",
  "search.regionOption": "{region} ({n})",
  "search.more": "Tampilkan lebih banyak ({shown} dari {total})",
  "search.moreError": "Hasil berikutnya tidak dapat dimuat.",
  "search.groupCount": "{region} ({n})",

  "kiosk.label": "Informasi kiosk",
  "kiosk.escHint": "Tekan Escape untuk menutup",
  "kiosk.loading": "Memuat…",
  "kiosk.error": "Informasi tidak dapat dimuat.",
  "kiosk.chooseAgency": "Pilih instansi",
  "kiosk.chooseService": "Pilih layanan",
  "kiosk.serviceCount": "{n} layanan",
  "kiosk.serviceCountOne": "1 layanan",
  "kiosk.counters": "Loket {labels}",
  "kiosk.noAgencies": "Belum ada instansi yang terdaftar di MPP ini.",
  "kiosk.noServices": "Belum ada layanan yang terdaftar untuk instansi ini.",

  "legend.title": "Keterangan",
  "legend.physical": "MPP fisik",
  "legend.digitalOnly": "MPP digital saja",
  "legend.planned": "Direncanakan",
  "legend.unknown": "Status tidak diketahui",
  "legend.plannedPhysical": "MPP fisik direncanakan",
  "legend.noPhysical": "Belum ada MPP fisik, atau tidak diketahui",
  "legend.unknownPhysical": "Status MPP fisik tidak diketahui",

  "mppStatus.yes": "Memiliki MPP fisik",
  "mppStatus.no": "Belum ada MPP fisik; MPP digital saja",
  "mppStatus.planned": "MPP fisik direncanakan",
  "mppStatus.unknown": "Status MPP fisik tidak diketahui",

  "regionType.kabupaten": "Kabupaten",
  "regionType.kota": "Kota",

  "xr.enter": "Masuk VR",
  "xr.exit": "Keluar",

  "data.asOf": "Informasi per {datetime}",

  "kioskMode.touchToStart": "Sentuh untuk mulai",
  "kioskMode.idleWarning": "Masih di sini? Layar akan diatur ulang dalam {n} detik",
  "kioskMode.stay": "Saya masih di sini",

  "comfort.title": "Kenyamanan",
  "comfort.snapTurn": "Putar bertahap",
  "comfort.smoothTurn": "Putar halus",

  "lang.label": "Bahasa",
  "lang.id": "ID",
  "lang.en": "EN",
  "lang.idName": "Bahasa Indonesia",
  "lang.enName": "English",

  "toolbar.label": "Bilah alat",
  "feedback.open": "Tanya / Adukan",

  "hud.entered": "Anda berada di MPP {region}",
  "hud.help": "WASD/panah: berjalan · seret: melihat · klik lantai: pindah",
} as const satisfies Record<string, string>;

export type StringKey = keyof typeof id;
export type Dictionary = Record<StringKey, string>;

export const en: Dictionary = {
  "app.title": "MPP Digital West Java",
  "app.skipToDirectory": "Skip to the directory",

  "loading.title": "Loading MPP Digital…",
  "loading.progress": "{percent}% loaded",
  "loading.scene": "Preparing the plaza…",
  "loading.models": "Loading the buildings…",
  "loading.data": "Loading service data…",

  "error.noWebgl.title": "This browser cannot show 3D",
  "error.noWebgl.body": "WebGL is not available on this device or browser. All service information can still be read in a plain list.",
  "error.noWebgl.link": "Open the service list",
  "error.apiDown.title": "The information server cannot be reached",
  "error.apiDown.body": "Check your internet connection, then try again.",
  "error.modelMissing": "The {region} building model could not be loaded; a simple shape is shown",
  "error.xrUnavailable": "VR is not available on this device or browser",
  "error.generic.title": "Something went wrong",
  "error.generic.body": "Sorry, an unexpected error occurred. Reload the page to try again.",
  "error.detail": "Detail: {detail}",

  "action.retry": "Retry",
  "action.back": "Back",
  "action.close": "Close",
  "action.dismiss": "Dismiss notification",
  "action.open": "Open",

  "directory.toggle": "Directory",
  "directory.title": "Directory of West Java MPPs",
  "directory.regions": "Regencies and cities",
  "directory.loading": "Loading the list of regions…",
  "directory.error": "The list of regions could not be loaded.",
  "directory.counts": "{agencies} agencies · {services} services",
  "directory.shortcut": "Press / to open the directory and search",

  "search.label": "Search services",
  "search.placeholder": "Search services, e.g. passport, driving licence, ID card",
  "search.loading": "Searching…",
  "search.noResults": "No services match \u201c{query}\u201d",
  "search.results": "{n} results",
  "search.resultsOne": "1 result",
  "search.error": "The search failed.",
  "search.resultsLabel": "Search results",
  "search.tooLong": "The search is too long: at most {max} characters. Shorten it, e.g. “passport”.",
  "search.nearFirst": "{n} results · {region} shown first",
  "search.inRegion": "{n} results in {region}",
  "search.regionFilter": "Region",
  "search.allRegions": "All regions",
  "search.regionOption": "{region} ({n})",
  "search.more": "Show more ({shown} of {total})",
  "search.moreError": "The next results could not be loaded.",
  "search.groupCount": "{region} ({n})",

  "kiosk.label": "Kiosk information",
  "kiosk.escHint": "Press Escape to close",
  "kiosk.loading": "Loading…",
  "kiosk.error": "The information could not be loaded.",
  "kiosk.chooseAgency": "Choose an agency",
  "kiosk.chooseService": "Choose a service",
  "kiosk.serviceCount": "{n} services",
  "kiosk.serviceCountOne": "1 service",
  "kiosk.counters": "Counter {labels}",
  "kiosk.noAgencies": "No agencies are listed for this MPP yet.",
  "kiosk.noServices": "No services are listed for this agency yet.",

  "legend.title": "Legend",
  "legend.physical": "Physical MPP",
  "legend.digitalOnly": "Digital MPP only",
  "legend.planned": "Planned",
  "legend.unknown": "Status unknown",
  "legend.plannedPhysical": "Physical MPP planned",
  "legend.noPhysical": "No physical MPP yet, or not known",
  "legend.unknownPhysical": "Physical MPP status unknown",

  "mppStatus.yes": "Has a physical MPP",
  "mppStatus.no": "No physical MPP yet; digital MPP only",
  "mppStatus.planned": "Physical MPP planned",
  "mppStatus.unknown": "Physical MPP status unknown",

  "regionType.kabupaten": "Regency",
  "regionType.kota": "City",

  "xr.enter": "Enter VR",
  "xr.exit": "Exit",

  "data.asOf": "Information as of {datetime}",

  "kioskMode.touchToStart": "Touch to start",
  "kioskMode.idleWarning": "Still there? The screen will reset in {n} seconds",
  "kioskMode.stay": "I'm still here",

  "comfort.title": "Comfort",
  "comfort.snapTurn": "Snap turn",
  "comfort.smoothTurn": "Smooth turn",

  "lang.label": "Language",
  "lang.id": "ID",
  "lang.en": "EN",
  "lang.idName": "Bahasa Indonesia",
  "lang.enName": "English",

  "toolbar.label": "Toolbar",
  "feedback.open": "Ask / Complain",

  "hud.entered": "You are in the {region} MPP",
  "hud.help": "WASD/arrows: walk · drag: look · click the floor: move",
};

export type Lang = "id" | "en";
export const dictionaries: Record<Lang, Dictionary> = { id, en };

export function isLang(value: unknown): value is Lang {
  return value === "id" || value === "en";
}
