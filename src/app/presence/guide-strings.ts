// The texts of the guide's tools, the visitors' tour notices and the spectator screen, Indonesian
// first. Kept apart from i18n/strings.ts so parallel work on presence does not collide there. `en`
// is typed against `id`: a missing key is a compile error.
import { interpolate, type Params } from "../i18n/i18n";
import type { Lang } from "../i18n/strings";
import { sundanese } from "../i18n/su-layers";

export const id = {
  "guide.tools": "Alat pemandu",
  "guide.shareKiosk": "Buka kios ini untuk semua",
  "guide.shareKiosk.none": "Buka sebuah kios dulu (di loket), lalu bagikan ke semua.",
  "guide.closeKiosk": "Tutup kios untuk semua",
  "guide.namesOff": "Matikan nama pilihan untuk semua",
  "guide.namesOn": "Izinkan nama pilihan lagi",
  "guide.visitors": "Pengunjung di sini",
  "guide.noVisitors": "Belum ada pengunjung lain di sini.",
  "guide.muteName": "Bisukan nama",
  "guide.remove": "Keluarkan",
  "guide.muteName.label": "Bisukan nama {name}",
  "guide.remove.label": "Keluarkan {name} dari tur",
  "guide.lock": "Kunci tur",
  "guide.unlock": "Buka kunci tur",
  "guide.remove.confirm": "Yakin? Keluarkan",
  "guide.word.give": "Beri giliran bicara",
  "guide.word.take": "Cabut giliran bicara",
  "notice.kioskShared": "Pemandu membuka kios untuk semua",
  "notice.kioskClosed": "Pemandu menutup kios bersama",
  "notice.locked": "Ruang dikunci: pengunjung baru tidak dapat masuk",
  "notice.unlocked": "Ruang dibuka kembali",
  "notice.namesOff": "Pemandu mematikan nama pilihan: semua tampil sebagai \"Pengunjung N\"",
  "notice.namesOn": "Nama pilihan diizinkan lagi",
  "notice.nameMuted": "Pemandu membisukan nama Anda",
  "notice.removed": "Pemandu mengeluarkan Anda dari tur ini.",
  "notice.dismiss": "Tutup pemberitahuan",
  "spectator.guide": "Pemandu: {name}",
  "spectator.noGuide": "Menunggu pemandu…",
  "spectator.offline": "Menghubungkan ke kunjungan bersama…",
  "spectator.visitors": "{count} pengunjung",
  "spectator.plaza": "Plaza Jawa Barat",
  "spectator.kiosk": "Kios yang dibuka pemandu",
} as const;

export type GuideStringKey = keyof typeof id;

export const en: Record<GuideStringKey, string> = {
  "guide.tools": "Guide tools",
  "guide.shareKiosk": "Open this kiosk for everyone",
  "guide.shareKiosk.none": "Open a kiosk first (at a counter), then share it with everyone.",
  "guide.closeKiosk": "Close the kiosk for everyone",
  "guide.namesOff": "Turn chosen names off for everyone",
  "guide.namesOn": "Allow chosen names again",
  "guide.visitors": "Visitors here",
  "guide.noVisitors": "No other visitors here yet.",
  "guide.muteName": "Mute name",
  "guide.remove": "Remove",
  "guide.muteName.label": "Mute the name of {name}",
  "guide.remove.label": "Remove {name} from the tour",
  "guide.lock": "Lock the tour",
  "guide.unlock": "Unlock the tour",
  "guide.remove.confirm": "Sure? Remove",
  "guide.word.give": "Give the word",
  "guide.word.take": "Take the word back",
  "notice.kioskShared": "The guide opened a kiosk for everyone",
  "notice.kioskClosed": "The guide closed the shared kiosk",
  "notice.locked": "Room locked: new visitors cannot come in",
  "notice.unlocked": "The room is open again",
  "notice.namesOff": "The guide turned chosen names off: everyone shows as \"Visitor N\"",
  "notice.namesOn": "Chosen names are allowed again",
  "notice.nameMuted": "The guide muted your name",
  "notice.removed": "The guide removed you from this tour.",
  "notice.dismiss": "Dismiss the notice",
  "spectator.guide": "Guide: {name}",
  "spectator.noGuide": "Waiting for the guide…",
  "spectator.offline": "Connecting to the shared visit…",
  "spectator.visitors": "{count} visitors",
  "spectator.plaza": "West Java plaza",
  "spectator.kiosk": "Kiosk opened by the guide",
};

export function guideText(lang: Lang, key: GuideStringKey, params?: Params): string {
  return interpolate(lang === "en" ? en[key] : sundanese("guide", key) ?? id[key], params);
}
