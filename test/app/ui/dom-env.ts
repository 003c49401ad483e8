// A fresh happy-dom window per test, with the overlay root and small event helpers.
import { Window } from "happy-dom";
import { createI18n, type I18n } from "../../../src/app/i18n/i18n";

export function domEnv(lang: "id" | "en" = "id") {
  const win = new Window({ url: "https://mpp.example/" });
  const doc = win.document as unknown as Document;
  const root = doc.createElement("div");
  root.id = "ui";
  doc.body.appendChild(root);
  const i18n = createI18n({ url: new URL(`https://mpp.example/?lang=${lang}`), document: doc });
  return {
    win, doc, root, i18n,
    $: <T extends Element = HTMLElement>(sel: string) => root.querySelector(sel) as T | null,
    $$: (sel: string) => [...root.querySelectorAll<HTMLElement>(sel)],
    key(target: EventTarget, key: string) {
      target.dispatchEvent(new win.KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }) as unknown as Event);
    },
    close: () => win.close(),
  };
}

/** Wraps an I18n to count live onChange subscriptions (to prove dispose() removes them). */
export function countingI18n(i18n: I18n) {
  let live = 0;
  const wrapped: I18n = Object.create(i18n, {
    onChange: { value: (l: (lang: "id" | "en") => void) => { live++; const off = i18n.onChange(l); return () => { live--; off(); }; } },
    lang: { get: () => i18n.lang },
  });
  return { i18n: wrapped, live: () => live };
}
