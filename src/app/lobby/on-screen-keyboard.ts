// A touch keyboard for the search box at a lobby kiosk (no physical keyboard there, and the
// system's own keyboard is switched off with inputmode="none"; a physical one still works).
// Letters, digits, space, backspace, clear and close are plain <button>s with accessible names.
// The keys type into the input and fire its "input" event, so the search reacts as to typing.
// mousedown is cancelled on the keys so the input keeps focus (and its caret) while tapping.
import type { Lang } from "../i18n/strings";
import { actionTarget, createListenerBag, el } from "../ui/dom";
import { pickText } from "../i18n/su-layers";

const ROWS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

// Labels for the non-letter keys; kept here because only this keyboard uses them.
const LABELS: Record<Lang, { keyboard: string; space: string; backspace: string; clear: string; close: string }> = {
  id: { keyboard: "Papan ketik layar", space: "Spasi", backspace: "Hapus satu huruf", clear: "Hapus semua", close: "Tutup papan ketik" },
  en: { keyboard: "On-screen keyboard", space: "Space", backspace: "Delete one letter", clear: "Clear all", close: "Close the keyboard" },
};

export interface OnScreenKeyboardDeps {
  /** The field the keys type into (the search box; a question's text area). */
  input: HTMLInputElement | HTMLTextAreaElement;
  i18n: { readonly lang: Lang; onChange(listener: (lang: Lang) => void): () => void };
  /** Prefix of the keyboard's test ids (default "osk"): a second keyboard on the page names its own. */
  testId?: string;
  /** Longest text the keys will type (default: the input's maxLength, else 100). */
  maxLength?: number;
  onClose?: () => void;
}

export interface OnScreenKeyboard {
  readonly element: HTMLElement;
  readonly visible: boolean;
  show(): void;
  hide(): void;
  dispose(): void;
}

export function createOnScreenKeyboard(root: HTMLElement, deps: OnScreenKeyboardDeps): OnScreenKeyboard {
  const { input, i18n } = deps;
  if (!input || (input.tagName !== "INPUT" && input.tagName !== "TEXTAREA")) throw new TypeError("on-screen-keyboard: an <input> or <textarea> is required");
  const doc = root.ownerDocument;
  const maxLength = deps.maxLength ?? (input.maxLength > 0 ? input.maxLength : 100);
  const bag = createListenerBag();
  const tid = deps.testId ?? "osk";
  const element = el(doc, "div", { class: "mpp-osk mpp-panel", role: "group", "data-testid": tid, hidden: true });
  root.appendChild(element);

  function render() {
    const lang = i18n.lang;
    const l = Object.fromEntries((Object.keys(LABELS.id) as (keyof typeof LABELS.id)[])
      .map((k) => [k, pickText(lang, { id: LABELS.id[k], en: LABELS.en[k] })])) as (typeof LABELS)["id"];
    element.setAttribute("aria-label", l.keyboard);
    const key = (ch: string) => el(doc, "button", {
      type: "button", class: "mpp-button mpp-osk__key", "data-action": "type", "data-key": ch, "data-testid": `${tid}-key-${ch}`,
    }, ch);
    element.replaceChildren(
      ...ROWS.map((row) => el(doc, "div", { class: "mpp-osk__row" }, ...[...row].map(key))),
      el(doc, "div", { class: "mpp-osk__row" },
        el(doc, "button", { type: "button", class: "mpp-button mpp-osk__key mpp-osk__key--wide", "data-action": "space", "data-testid": `${tid}-space`, "aria-label": l.space }, l.space),
        el(doc, "button", { type: "button", class: "mpp-button mpp-osk__key", "data-action": "backspace", "data-testid": `${tid}-backspace`, "aria-label": l.backspace, title: l.backspace }, "\u232b"),
        el(doc, "button", { type: "button", class: "mpp-button mpp-osk__key mpp-osk__key--word", "data-action": "clear", "data-testid": `${tid}-clear` }, l.clear),
        el(doc, "button", { type: "button", class: "mpp-button mpp-osk__key", "data-action": "close", "data-testid": `${tid}-close`, "aria-label": l.close, title: l.close }, "\u2715")),
    );
  }

  function write(value: string) {
    if (value === input.value) return;
    input.value = value;
    const Ev = doc.defaultView?.Event ?? Event;
    input.dispatchEvent(new Ev("input", { bubbles: true }));
  }

  bag.on(element, "mousedown", (e) => e.preventDefault());
  bag.on(element, "click", (e) => {
    const t = actionTarget(e, element);
    switch (t?.dataset.action) {
      case "type": if (input.value.length < maxLength) write(input.value + (t.dataset.key ?? "")); break;
      case "space": if (input.value.length < maxLength && input.value !== "" && !input.value.endsWith(" ")) write(input.value + " "); break;
      case "backspace": write(input.value.slice(0, -1)); break;
      case "clear": write(""); break;
      case "close": hide(); deps.onClose?.(); return;
      default: return;
    }
    if (doc.activeElement !== input) input.focus();
  });
  bag.add(i18n.onChange(render));
  render();

  function hide() { element.hidden = true; }

  return {
    element,
    get visible() { return !element.hidden; },
    show() { element.hidden = false; },
    hide,
    dispose() { bag.clear(); element.remove(); },
  };
}
