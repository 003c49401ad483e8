// The workspace's language: Indonesian unless the officer chose English (remembered in the same
// storage key as the citizens' app, so one choice serves both on a shared machine).
import { DICTIONARIES, type Lang, type StringKey } from "./strings";

export const LANG_KEY = "mpp.lang";

export interface AdminI18n {
  lang: Lang;
  t(key: StringKey, params?: Record<string, string | number>): string;
  set(lang: Lang): void;
}

export function createAdminI18n(storage: Pick<Storage, "getItem" | "setItem"> | null, doc: Document | null): AdminI18n {
  let stored: string | null = null;
  try { stored = storage?.getItem(LANG_KEY) ?? null; } catch { /* no storage: not remembered */ }
  const i18n: AdminI18n = {
    lang: stored === "en" ? "en" : "id",
    t(key, params) {
      const text = DICTIONARIES[i18n.lang][key] ?? DICTIONARIES.id[key];
      return params ? text.replace(/\{(\w+)\}/g, (w, k: string) => (k in params ? String(params[k]) : w)) : text;
    },
    set(lang) {
      i18n.lang = lang;
      try { storage?.setItem(LANG_KEY, lang); } catch { /* not remembered */ }
      if (doc) doc.documentElement.lang = lang;
    },
  };
  if (doc) doc.documentElement.lang = i18n.lang;
  return i18n;
}

/** "2026-03-07" -> "7 Maret 2026" / "7 March 2026". */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const months = lang === "id"
    ? ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]
    : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** An ISO time as WIB wall time "2026-03-07 09:15 WIB". */
export function formatTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t + 7 * 3600_000).toISOString().slice(0, 16).replace("T", " ")} WIB`;
}
