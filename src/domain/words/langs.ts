// The languages a visitor can choose. `Lang` (format.ts) stays the two languages every module has
// complete texts for (id, en); Basa Sunda is a third interface language layered on top: where a
// module has no Sundanese text it falls back to Indonesian (its base language), and says so with
// `lang="id"` on the element (see fallbackLang), never silently mixing.
import type { Lang } from "../format";

export const UI_LANGS = ["id", "en", "su"] as const;
export type UiLang = (typeof UI_LANGS)[number];

export function isUiLang(value: unknown): value is UiLang {
  return value === "id" || value === "en" || value === "su";
}

/** The complete language a module without Sundanese texts uses: Indonesian for Basa Sunda. */
export function baseLang(lang: UiLang): Lang {
  return lang === "en" ? "en" : "id";
}

/** BCP 47 tags for `lang` attributes and speech synthesis. */
export const LANG_TAGS: Record<UiLang, string> = { id: "id-ID", en: "en-GB", su: "su-ID" };

/** Each language's own name, as its speakers write it (for the language buttons' names). */
export const LANG_NAMES: Record<UiLang, string> = { id: "Bahasa Indonesia", en: "English", su: "Basa Sunda" };
