// The tour notices a visitor reads ("notice.*") in Basa Sunda lemes: a DRAFT by the project team,
// like i18n/strings-su.ts. Loaded in the lazy "words-su" chunk (i18n/sundanese.ts), used by
// guideText() while Basa Sunda is on (i18n/su-layers.ts). The guide's own tools and the event's
// spectator screen stay Indonesian/English.
import type { GuideStringKey } from "./guide-strings";

export type VisitorNoticeKey = Extract<GuideStringKey, `notice.${string}`>;

export const suGuideNotices: Record<VisitorNoticeKey, string> = {
  "notice.kioskShared": "Pamandu muka kios kanggo sadayana",
  "notice.kioskClosed": "Pamandu nutup kios babarengan",
  "notice.locked": "Rohangan dikonci: nu nganjang énggal teu tiasa lebet",
  "notice.unlocked": "Rohangan dibuka deui",
  "notice.namesOff": "Pamandu mareuman nami pilihan: sadayana katémbong salaku \"Nu nganjang N\"",
  "notice.namesOn": "Nami pilihan diidinan deui",
  "notice.nameMuted": "Pamandu ngabisukeun nami Anjeun",
  "notice.removed": "Pamandu ngaluarkeun Anjeun tina tur ieu.",
  "notice.dismiss": "Tutup béja",
};
