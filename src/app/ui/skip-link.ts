// The skip link (WCAG 2.4.1, issue 20): the first stop of the Tab order, before the 3D canvas,
// hidden until it has keyboard focus. It moves focus to the toolbar's first control, so a
// keyboard user reaches the directory, the languages and the rest without walking the 3D view.
// A click is handled here (focus, no URL hash): the URL belongs to routing/location-sync.ts.
import type { I18n } from "../i18n/i18n";
import { createListenerBag, el } from "./dom";

export interface SkipLink {
  readonly element: HTMLAnchorElement;
  dispose(): void;
}

export function createSkipLink(doc: Document, deps: { i18n: Pick<I18n, "t" | "onChange">; target: () => HTMLElement | null }): SkipLink {
  const bag = createListenerBag();
  const element = el(doc, "a", { href: "#mpp-toolbar", class: "mpp-skip", "data-testid": "skip-link" }, deps.i18n.t("skip.toMenu"));
  doc.body.insertBefore(element, doc.body.firstChild);
  bag.on(element, "click", (e) => {
    e.preventDefault();
    deps.target()?.focus();
  });
  bag.add(deps.i18n.onChange(() => { element.textContent = deps.i18n.t("skip.toMenu"); }));
  return { element, dispose() { bag.clear(); element.remove(); } };
}
