// "Masih di sini? …": the countdown before a lobby kiosk resets, with one big button to stay.
// An alert dialog, so a screen reader announces it; the button takes focus when it appears.
import type { I18n } from "../i18n/i18n";
import { createListenerBag, el } from "../ui/dom";

export interface IdleWarning {
  readonly element: HTMLElement;
  readonly visible: boolean;
  show(secondsLeft: number): void;
  update(secondsLeft: number): void;
  hide(): void;
  dispose(): void;
}

export interface IdleWarningDeps {
  i18n: Pick<I18n, "t" | "onChange">;
  onContinue: () => void;
  /** The end of a visit: a second button offering the survey before the reset (feedback/lobby-survey.ts). */
  rate?: { label: () => string; onRate: () => void };
}

export function createIdleWarning(root: HTMLElement, deps: IdleWarningDeps): IdleWarning {
  if (typeof deps?.onContinue !== "function") throw new TypeError("idle-warning: onContinue is required");
  const doc = root.ownerDocument;
  const { i18n } = deps;
  const bag = createListenerBag();
  let seconds = 0;
  const text = el(doc, "p", { id: "mpp-idle-text", class: "mpp-idle__text", "data-testid": "idle-text" });
  const button = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary mpp-idle__stay", "data-testid": "idle-continue" });
  const rate = deps.rate ? el(doc, "button", { type: "button", class: "mpp-button mpp-idle__rate", "data-testid": "idle-rate" }) : null;
  const element = el(doc, "div", { class: "mpp-idle", hidden: true },
    el(doc, "div", { class: "mpp-idle__box mpp-panel", role: "alertdialog", "aria-modal": "true", "aria-describedby": "mpp-idle-text", "data-testid": "idle-warning" },
      text, button, rate));
  root.appendChild(element);

  const render = () => {
    text.textContent = i18n.t("kioskMode.idleWarning", { n: seconds });
    button.textContent = i18n.t("kioskMode.stay");
    if (rate) rate.textContent = deps.rate!.label();
  };
  const check = (n: number) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`idle-warning: seconds must be a whole number >= 0, got ${n}`);
    return n;
  };
  bag.on(button, "click", () => deps.onContinue());
  if (rate) {
    // The lobby counts the touch as activity and hides this dialog before the click would arrive,
    // so the button acts on pointerdown (the event still reaches it); click serves the keyboard.
    // onRate must tolerate being called twice for one press.
    bag.on(rate, "pointerdown", () => deps.rate!.onRate());
    bag.on(rate, "click", () => deps.rate!.onRate());
  }
  bag.add(i18n.onChange(render));
  render();

  return {
    element,
    get visible() { return !element.hidden; },
    show(n) {
      seconds = check(n);
      render();
      element.hidden = false;
      button.focus();
    },
    update(n) { seconds = check(n); render(); },
    hide() { element.hidden = true; },
    dispose() { bag.clear(); element.remove(); },
  };
}
