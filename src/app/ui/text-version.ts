// Where the text version (/layanan) of what the visitor sees lives, in their language: the
// toolbar's "Versi teks" link, the error screens and <noscript> lead there.
import type { UiLang } from "../../domain/words/langs";

export function textVersionHref(lang: UiLang, regionCode?: string | null, serviceId?: string | null): string {
  const path = regionCode && /^\d{4}$/.test(regionCode)
    ? `/layanan/${regionCode}${serviceId && /^[a-z0-9-]+$/.test(serviceId) ? `/${serviceId}` : ""}`
    : "/layanan";
  return lang === "id" ? path : `${path}?lang=${lang}`;
}
