// The catalog texts' translations (data/translations/*.json) as lazy chunks: a visitor reading in
// Indonesian never downloads them; served by this origin like every chunk, so they work offline
// once loaded.
import { parsePhrasebook, type Phrasebook } from "../../domain/words/phrasebook";

export async function loadPhrasebook(lang: "en" | "su"): Promise<Phrasebook> {
  const mod: { default: unknown } = lang === "en"
    ? await import(/* webpackChunkName: "words-en" */ "../../../data/translations/en.json")
    : await import(/* webpackChunkName: "words-su" */ "../../../data/translations/su.json");
  return parsePhrasebook(mod.default, `data/translations/${lang}.json`);
}
