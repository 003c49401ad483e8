// Basa Sunda for the modules that keep their own dictionaries (the queue, questions/complaints/SKM,
// the kiosk's help desk) and for the domain's bilingual texts (the SKM's questions, ticket kinds).
// Those modules take the complete language `Lang` (i18n.lang: "id" under Basa Sunda). Their
// Sundanese tables arrive in the lazy "words-su" chunk with strings-su.ts (i18n/sundanese.ts), and
// i18n.ts switches them on while the visitor reads Basa Sunda, off otherwise: then their Indonesian
// gives way to its Sundanese key by key, and a key without Sundanese stays Indonesian (officer-only
// texts, a value from the server). Tiny on purpose: it is part of the entry chunk.

/** `queue`, `feedback`, `kiosk`, `guide`: keyed like their dictionaries; `texts`: keyed by the Indonesian text itself. */
export type SuLayerName = "queue" | "feedback" | "kiosk" | "guide" | "texts";
export type SuLayers = Partial<Record<SuLayerName, Readonly<Record<string, string>>>>;

let active: SuLayers | null = null;

/** Switches the layers on (Basa Sunda chosen and loaded) or off (null). Only i18n.ts calls it. */
export function activateSundanese(layers: SuLayers | null): void {
  active = layers;
}

/** The Sundanese of `key` in `layer` while Basa Sunda is on and it has one; else undefined. */
export function sundanese(layer: SuLayerName, key: string): string | undefined {
  const table = active?.[layer];
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** A domain text given in both languages ({ id, en }) in the visitor's language, Sundanese when on. */
export function pickText(lang: "id" | "en", text: { readonly id: string; readonly en: string }): string {
  return lang === "en" ? text.en : sundanese("texts", text.id) ?? text.id;
}
