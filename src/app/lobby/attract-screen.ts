// The overlay of the attract loop: the whole screen is one big button, "Sentuh untuk mulai" and
// "Touch to start" together (the next visitor's language is not known yet), over the orbiting
// plaza. It is transparent in the middle so the 3D tour shows through.
import { dictionaries } from "../i18n/strings";
import { createListenerBag, el } from "../ui/dom";

export interface AttractScreen {
  readonly element: HTMLElement;
  readonly visible: boolean;
  show(): void;
  hide(): void;
  dispose(): void;
}

export function createAttractScreen(root: HTMLElement, deps: { onStart: () => void }): AttractScreen {
  if (typeof deps?.onStart !== "function") throw new TypeError("attract-screen: onStart is required");
  const doc = root.ownerDocument;
  const bag = createListenerBag();
  const { id, en } = dictionaries;
  const element = el(doc, "button", {
    // Named by its visible text (title and both calls to action), so the name holds what is seen (WCAG 2.5.3).
    type: "button", class: "mpp-attract", "data-testid": "attract",
  },
  el(doc, "span", { class: "mpp-attract__box mpp-panel" },
    el(doc, "span", { class: "mpp-attract__title", lang: "id" }, id["app.title"]),
    el(doc, "span", { class: "mpp-attract__cta", lang: "id" }, id["kioskMode.touchToStart"]),
    el(doc, "span", { class: "mpp-attract__cta mpp-attract__cta--en", lang: "en" }, en["kioskMode.touchToStart"])));
  root.appendChild(element);
  bag.on(element, "click", () => deps.onStart());

  return {
    element,
    get visible() { return !element.hidden; },
    show() { element.hidden = false; },
    hide() { element.hidden = true; },
    dispose() { bag.clear(); element.remove(); },
  };
}
