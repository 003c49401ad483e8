import assert from "node:assert/strict";
import { chooseVoice, createEasyMode, EASY_CLASS, EASY_STORAGE_KEY, viewSpeech } from "../../../src/app/ui/easy-mode";
import { createToolbar } from "../../../src/app/ui/toolbar";
import { lobbyResetSteps } from "../../../src/app/lobby/reset";
import { domEnv } from "./dom-env";

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
}

function fakeSpeech() {
  const spoken: { text: string; lang: string }[] = [];
  let cancelled = 0;
  class Utterance { lang = ""; voice: unknown = null; rate = 1; constructor(public text: string) {} }
  return {
    spoken, cancelled: () => cancelled,
    speech: { speak: (u: SpeechSynthesisUtterance) => void spoken.push({ text: u.text, lang: u.lang }), cancel: () => void cancelled++,
      getVoices: () => [{ lang: "id-ID" } as SpeechSynthesisVoice] },
    Utterance: Utterance as unknown as new (t: string) => SpeechSynthesisUtterance,
  };
}

describe("app/ui/easy-mode: larger, clearer, fewer choices, read aloud", () => {
  it("is switched from the toolbar, marks the page and is kept for the session", () => {
    const env = domEnv("id");
    const storage = memoryStorage();
    const easy = createEasyMode({ doc: env.doc, storage });
    createToolbar(env.root, { i18n: env.i18n, easyMode: easy });
    const button = () => env.$("[data-testid=easy-toggle]")!;
    assert.equal(button().getAttribute("aria-pressed"), "false", "off at first");
    button().click();
    assert.equal(easy.on, true, "on after a click");
    assert.ok(env.doc.documentElement.classList.contains(EASY_CLASS), "the page takes the easy look");
    assert.equal(button().getAttribute("aria-pressed"), "true", "the switch says it is on");
    assert.equal(storage.m.get(EASY_STORAGE_KEY), "1", "kept in the session's storage");
    const again = createEasyMode({ doc: env.doc, storage });
    assert.equal(again.on, true, "a reload in the same session keeps it");
    env.close();
  });

  it("is switched off by a lobby screen's reset", async () => {
    const env = domEnv("id");
    const easy = createEasyMode({ doc: env.doc, storage: null });
    easy.set(true);
    const steps = lobbyResetSteps({
      directory: { reset() {}, close() {} }, experience: { closeKiosk() {}, leaveBuilding() {} }, i18n: { setLang() {} },
      location: { rest() {} }, baseUrl: "/?mode=kiosk", attract: { start() {} }, before: [{ name: "easy-mode", run: () => easy.reset() }],
    });
    for (const s of steps) await s.run();
    assert.equal(easy.on, false, "the next visitor starts plain");
    assert.ok(!env.doc.documentElement.classList.contains(EASY_CLASS), "and the page looks plain");
    env.close();
  });

  it("reads a view aloud in the visitor's language where the browser can, and says when it cannot", () => {
    const env = domEnv("id");
    const s = fakeSpeech();
    const easy = createEasyMode({ doc: env.doc, storage: null, speech: s.speech, Utterance: s.Utterance });
    assert.equal(easy.canSpeak, true);
    const text = viewSpeech({ title: "Paspor", subtitle: null, intro: "Penerbitan paspor", sections: [{ heading: "Persyaratan", lines: [{ text: "KTP-el" }] }] });
    assert.equal(text, "Paspor. Penerbitan paspor. Persyaratan. KTP-el");
    assert.equal(easy.speak(text, "su"), true);
    assert.deepEqual(s.spoken, [{ text, lang: "id-ID" }], "Sundanese read by an Indonesian voice when no Sundanese one exists");
    easy.set(true); easy.set(false);
    assert.ok(s.cancelled() >= 2, "switching off stops the reading");
    const mute = createEasyMode({ doc: env.doc, storage: null });
    assert.equal(mute.canSpeak, false, "no speechSynthesis: no read-aloud offered");
    assert.equal(mute.speak("x", "id"), false);
    env.close();
  });

  it("chooses a Sundanese voice where one exists, else an Indonesian one, for Basa Sunda", () => {
    const v = (lang: string) => ({ lang, name: lang });
    assert.deepEqual(chooseVoice([v("en-GB"), v("su-ID"), v("id-ID")], "su"), { voice: v("su-ID"), lang: "su-ID" }, "a Sundanese voice first");
    assert.deepEqual(chooseVoice([v("en-US"), v("su_ID")], "su"), { voice: v("su_ID"), lang: "su-ID" }, "whatever the platform's tag spelling");
    assert.deepEqual(chooseVoice([v("en-GB"), v("id-ID")], "su"), { voice: v("id-ID"), lang: "id-ID" }, "no Sundanese voice: the Indonesian one");
    assert.deepEqual(chooseVoice([v("en-GB"), v("in_ID")], "su"), { voice: v("in_ID"), lang: "in-ID" }, "Android's old code for Indonesian counts");
    assert.deepEqual(chooseVoice([], "su"), { voice: null, lang: "id-ID" }, "voices not loaded yet: ask the browser for Indonesian, not su-ID");
    assert.deepEqual(chooseVoice([v("en-US")], "su"), { voice: null, lang: "id-ID" }, "never an English voice for Sundanese");
    assert.deepEqual(chooseVoice([v("id-ID"), v("en-US")], "en"), { voice: v("en-US"), lang: "en-US" }, "English reads with any English voice");
  });
});
