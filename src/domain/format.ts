// Display formatting shared by the kiosks, the HTML fallback and the API tests.

export type Lang = "id" | "en";
/** Lang plus Basa Sunda (src/domain/words/langs.ts): the formatters below speak all three. */
type AnyLang = Lang | "su";

const LABELS = {
  id: { free: "Gratis", unknown: "Tidak diketahui", notVerified: "Belum diverifikasi" },
  en: { free: "Free", unknown: "Unknown", notVerified: "Not verified" },
  su: { free: "Gratis", unknown: "Teu acan kauninga", notVerified: "Teu acan diverifikasi" },
} as const;

/** Groups digits with dots, the Indonesian way: 350000 -> "350.000". */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * "Rp 350.000"; 0 is "Gratis"/"Free"; null is "Tidak diketahui"/"Unknown" (an unknown fee must
 * never look free). Throws on amounts that cannot be a rupiah fee.
 */
export function formatRupiah(amount: number | null, lang: AnyLang = "id"): string {
  if (amount === null) return LABELS[lang].unknown;
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new Error(`formatRupiah: expected a non-negative integer, got ${amount}`);
  }
  if (amount === 0) return LABELS[lang].free;
  return `Rp ${groupThousands(amount)}`;
}

/** "2023-03-07" -> "7 Maret 2023" / "7 March 2023"; null -> "Belum diverifikasi" / "Not verified". */
export function formatVerifiedDate(isoDate: string | null, lang: AnyLang = "id"): string {
  if (isoDate === null) return LABELS[lang].notVerified;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`formatVerifiedDate: expected YYYY-MM-DD, got ${JSON.stringify(isoDate)}`);
  const months = lang === "su"
    ? ["Januari", "Pébruari", "Maret", "April", "Méi", "Juni", "Juli", "Agustus", "Séptémber", "Oktober", "Nopémber", "Désémber"]
    : lang === "id"
    ? ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
    : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const month = months[Number(m[2]) - 1];
  if (month === undefined) throw new Error(`formatVerifiedDate: bad month in ${isoDate}`);
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** Text for "unknown" values (hours, duration) in the given language. */
export function unknownLabel(lang: AnyLang = "id"): string {
  return LABELS[lang].unknown;
}
