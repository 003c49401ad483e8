// Where the text version (/layanan) of what the visitor sees lives, in their language: the
// toolbar's "Versi teks" link, the error screens and <noscript> lead there.
import type { UiLang } from "../../domain/words/langs";

export function textVersionHref(lang: UiLang, regionCode?: string | null, serviceId?: string | null): string {
  const path = regionCode && /^\d{4}$/.test(regionCode)
    ? `/layanan/${regionCode}${serviceId && /^[a-z0-9-]+$/.test(serviceId) ? `/${serviceId}` : ""}`
    : "/layanan";
  return lang === "id" ? path : `${path}?lang=${lang}`;
}

/**
 * The origin a phone can reach, for links a visitor takes away: the lobby URL's `site` (an http(s)
 * origin), else the page's own. The ticket printer uses it too (queue/ticket-print.ts).
 */
export function reachableOrigin(location: Pick<Location, "href" | "origin">): string {
  const site = new URL(location.href).searchParams.get("site");
  if (site) {
    try {
      const u = new URL(site);
      if ((u.protocol === "https:" || u.protocol === "http:") && u.origin === site.replace(/\/$/, "")) return u.origin;
    } catch { /* malformed: the page's own origin */ }
  }
  return location.origin;
}
