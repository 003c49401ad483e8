// One vocabulary across the app, the 3D panel, its DOM mirror and /layanan: the word each surface
// uses for a concept, and the synonyms that crept in before ("Alur" beside "Prosedur", "Layanan
// online" beside "Layanan daring", "Informasi kiosk"). test/domain/words/glossary.test.ts holds
// every dictionary and every page to it.
import type { UiLang } from "./langs";

export interface GlossaryEntry {
  concept: string;
  use: Partial<Record<UiLang, string>>;
  /** Words that must not appear for this concept (matched as whole words, case-insensitive). */
  avoid: Partial<Record<UiLang, readonly string[]>>;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { concept: "the steps of a service", use: { id: "Prosedur", en: "Procedure", su: "Prosedur" }, avoid: { id: ["Alur"], en: ["Flow"], su: ["Alur"] } },
  { concept: "done over the internet", use: { id: "daring", en: "online", su: "daring" }, avoid: { id: ["online"], su: ["online"] } },
  { concept: "the label on a counter's kiosk", use: { id: "Informasi layanan", en: "Service information", su: "Informasi layanan" },
    avoid: { id: ["Informasi kiosk"], en: ["Kiosk information"], su: ["Informasi kiosk"] } },
  { concept: "what a service needs", use: { id: "Persyaratan", en: "Requirements", su: "Sarat-sarat" }, avoid: { id: ["Syarat-syarat", "Berkas yang dibutuhkan"] } },
  { concept: "what the citizen receives", use: { id: "Produk layanan", en: "What you receive", su: "Produk layanan" }, avoid: { id: ["Hasil layanan"] } },
  { concept: "a public agency", use: { id: "instansi", en: "agency", su: "instansi" }, avoid: { id: ["lembaga"] } },
];

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Each avoided word found in `text` for `lang`, as "concept: word" (empty when the text keeps the glossary). */
export function glossaryViolations(text: string, lang: UiLang): string[] {
  const found: string[] = [];
  for (const entry of GLOSSARY) {
    for (const word of entry.avoid[lang] ?? []) {
      if (new RegExp(`(^|[^\\p{L}])${escape(word)}(?![\\p{L}])`, "iu").test(text)) found.push(`${entry.concept}: "${word}" (use "${entry.use[lang]}")`);
    }
  }
  return found;
}
