// Easy mode, for elderly visitors and anyone who wants it: larger text, higher contrast, fewer
// choices per screen (secondary controls and the reference sections of a service step aside) and
// read-aloud with the browser's speechSynthesis where it has one. Switched from the toolbar, kept
// for the browser session (sessionStorage: gone when the tab closes) and switched off by a lobby
// screen's reset, so the next visitor starts plain. `.mpp-easy` on <html> carries the look (styles.css).
import { LANG_TAGS, type UiLang } from "../../domain/words/langs";

export const EASY_STORAGE_KEY = "mpp.easy";
export const EASY_CLASS = "mpp-easy";

export interface EasyMode {
  readonly on: boolean;
  /** True where the browser can read aloud (speechSynthesis present). */
  readonly canSpeak: boolean;
  set(on: boolean): void;
  toggle(): void;
  /** Off and forgotten (a lobby screen between visitors); stops any reading. */
  reset(): void;
  /** Reads `text` aloud in `lang`, stopping what was being read; false when the browser cannot. */
  speak(text: string, lang: UiLang): boolean;
  stopSpeaking(): void;
  onChange(listener: (on: boolean) => void): () => void;
}

export interface EasyModeDeps {
  doc: Document;
  /** sessionStorage, or null where nothing is kept (a lobby screen). */
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
  speech?: Pick<SpeechSynthesis, "speak" | "cancel" | "getVoices"> | null;
  /** The page's SpeechSynthesisUtterance constructor. */
  Utterance?: (new (text: string) => SpeechSynthesisUtterance) | null;
}

export function createEasyMode(deps: EasyModeDeps): EasyMode {
  const read = () => { try { return deps.storage?.getItem(EASY_STORAGE_KEY) === "1"; } catch { return false; } };
  let on = read();
  const listeners = new Set<(on: boolean) => void>();
  const apply = () => deps.doc.documentElement.classList.toggle(EASY_CLASS, on);
  apply();
  const speech = deps.speech && deps.Utterance ? deps.speech : null;

  function set(next: boolean, remember = true) {
    if (remember) {
      try { if (next) deps.storage?.setItem(EASY_STORAGE_KEY, "1"); else deps.storage?.removeItem(EASY_STORAGE_KEY); } catch { /* kept for this page only */ }
    }
    if (next === on) return;
    on = next;
    apply();
    if (!on) speech?.cancel();
    for (const l of [...listeners]) l(on);
  }

  return {
    get on() { return on; },
    get canSpeak() { return speech !== null; },
    set: (next) => set(next),
    toggle: () => set(!on),
    reset() { speech?.cancel(); set(false); },
    speak(text, lang) {
      if (!speech || !deps.Utterance) return false;
      speech.cancel();
      const u = new deps.Utterance(text);
      const { voice, lang: tag } = chooseVoice(speech.getVoices(), lang);
      u.lang = tag;
      if (voice) u.voice = voice;
      u.rate = 0.9;
      speech.speak(u);
      return true;
    },
    stopSpeaking() { speech?.cancel(); },
    onChange(listener) { listeners.add(listener); return () => { listeners.delete(listener); }; },
  };
}

/** "su_ID", "SU-id" -> "su-id": browsers and platforms write voice tags differently. */
const norm = (tag: string) => tag.replace(/_/g, "-").toLowerCase();
/** The primary language of a tag, with Android's old code for Indonesian ("in") as "id". */
const primary = (tag: string) => { const p = norm(tag).split("-")[0]!; return p === "in" ? "id" : p; };

/**
 * The voice to read `lang` with, and the tag to give the utterance: the language's own voice (its
 * exact tag first, then any of its region); for Basa Sunda, whose voices are rare, an Indonesian
 * voice (its words are read well enough by Indonesian phonetics, far better than by an English
 * default). The tag is written with hyphens (BCP 47). Without a voice (none installed, or the list not loaded yet) the tag alone, Indonesian
 * for Sundanese, so the browser picks its own voice for a language it has.
 */
export function chooseVoice<V extends { lang: string }>(voices: readonly V[], lang: UiLang): { voice: V | null; lang: string } {
  const tag = LANG_TAGS[lang];
  const exact = voices.find((v) => norm(v.lang) === norm(tag)) ?? voices.find((v) => primary(v.lang) === primary(tag));
  if (exact) return { voice: exact, lang: exact.lang.replace(/_/g, "-") };
  if (lang !== "su") return { voice: null, lang: tag };
  const indonesian = voices.find((v) => norm(v.lang) === "id-id") ?? voices.find((v) => primary(v.lang) === "id");
  return indonesian ? { voice: indonesian, lang: indonesian.lang.replace(/_/g, "-") } : { voice: null, lang: LANG_TAGS.id };
}

/** What a kiosk view says when read aloud: title, intro, then each section with its lines. */
export function viewSpeech(view: { title: string; subtitle: string | null; intro: string | null; sections: readonly { heading: string; lines: readonly { text: string }[] }[] }): string {
  return [view.title, view.subtitle, view.intro, ...view.sections.flatMap((s) => [s.heading, ...s.lines.map((l) => l.text)])]
    .filter((x): x is string => !!x && x.trim() !== "").join(". ");
}
