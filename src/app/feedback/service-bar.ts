// Under a service that was read: "Ask about this service" and "Rate this service (SKM)". Shown
// while the kiosk (3D or its DOM mirror) shows a service; the feedback app decides what they open.
import type { I18n } from "../i18n/i18n";
import { createListenerBag, el } from "../ui/dom";
import { feedbackText } from "./strings";

export interface ServiceBar {
  readonly element: HTMLElement;
  show(visible: boolean): void;
  dispose(): void;
}

export function createServiceBar(root: HTMLElement, deps: { i18n: Pick<I18n, "lang" | "onChange">; onAsk: () => void; onRate: () => void | Promise<void> }): ServiceBar {
  const doc = root.ownerDocument;
  const bag = createListenerBag();
  const ask = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "service-ask" });
  const rate = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary", "data-testid": "service-rate" });
  const element = el(doc, "div", { class: "mpp-feedback-bar mpp-panel", role: "group", "data-testid": "service-feedback", hidden: true }, ask, rate);
  root.appendChild(element);
  const render = () => {
    const ft = feedbackText(deps.i18n.lang);
    ask.textContent = ft("survey.ask");
    rate.textContent = ft("survey.rate");
  };
  render();
  bag.on(ask, "click", () => deps.onAsk());
  bag.on(rate, "click", () => void deps.onRate());
  bag.add(deps.i18n.onChange(render));
  return {
    element,
    show(visible) { element.hidden = !visible; },
    dispose() { bag.clear(); element.remove(); },
  };
}
