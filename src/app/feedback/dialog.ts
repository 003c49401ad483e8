// The one dialog the feedback screens appear in (question/complaint form, a ticket's status, the
// SKM): a titled panel over the scene with a close button, Escape to close, focus moved to the
// title on each new screen and given back on close. A screen builds its own DOM into the body; the
// dialog re-renders it on a language change. Every citizen's or officer's text is set with
// textContent by the screens (never innerHTML).
import type { I18n } from "../i18n/i18n";
import { createListenerBag, el } from "../ui/dom";
import type { FeedbackApi } from "./feedback-api";
import { feedbackText, type Ft } from "./strings";

export interface Screen {
  /** Builds the screen into `body` (emptied first); returns the title. */
  render(body: HTMLElement, ft: Ft): string;
  dispose?(): void;
}

export interface FeedbackHost {
  readonly doc: Document;
  readonly api: FeedbackApi;
  readonly i18n: Pick<I18n, "lang" | "onChange" | "formatDate" | "formatDateTime">;
  /** Lobby touch screen: large targets, the on-screen keyboard for text. */
  readonly kioskMode: boolean;
  ft(): Ft;
  show(screen: Screen): void;
  /** Renders the current screen again (after its state changed). */
  refresh(): void;
  close(): void;
  /** Lets a lobby attach its on-screen keyboard to a text field when it gets focus. */
  textField<T extends HTMLInputElement | HTMLTextAreaElement>(field: T): T;
}

export interface FeedbackDialog extends FeedbackHost {
  readonly element: HTMLElement;
  readonly isOpen: boolean;
  onClose(listener: () => void): () => void;
  dispose(): void;
}

export interface DialogDeps {
  api: FeedbackApi;
  i18n: FeedbackHost["i18n"];
  kioskMode?: boolean;
  /** Called when a text field gets focus (the lobby's on-screen keyboard). */
  onTextFocus?: (field: HTMLInputElement | HTMLTextAreaElement | null) => void;
}

export const FEEDBACK_DIALOG_ID = "mpp-feedback";

export function createFeedbackDialog(root: HTMLElement, deps: DialogDeps): FeedbackDialog {
  const doc = root.ownerDocument;
  const bag = createListenerBag();
  const closeListeners = new Set<() => void>();
  const title = el(doc, "h2", { id: "mpp-feedback-title", class: "mpp-feedback__title", tabindex: -1, "data-testid": "feedback-title" });
  const closeButton = el(doc, "button", { type: "button", class: "mpp-button mpp-button--icon", "data-testid": "feedback-close" }, "×");
  const body = el(doc, "div", { class: "mpp-feedback__body" });
  const element = el(doc, "section", {
    id: FEEDBACK_DIALOG_ID, class: "mpp-feedback mpp-panel", role: "dialog", "aria-modal": "true", "aria-labelledby": "mpp-feedback-title",
    "data-testid": "feedback-dialog", hidden: true,
  }, el(doc, "div", { class: "mpp-feedback__head" }, title, closeButton), body);
  root.appendChild(element);

  let screen: Screen | null = null;
  let returnFocus: HTMLElement | null = null;

  function render(moveFocus: boolean) {
    if (!screen) return;
    const ft = feedbackText(deps.i18n.lang);
    closeButton.setAttribute("aria-label", ft("close"));
    closeButton.title = ft("close");
    const inside = element.contains(doc.activeElement);
    // A re-render (data arrived, language switched) keeps the field being typed in, and its caret.
    const active = inside ? (doc.activeElement as HTMLInputElement | null) : null;
    const keep = !moveFocus && active?.id ? { id: active.id, start: active.selectionStart ?? null, end: active.selectionEnd ?? null } : null;
    body.replaceChildren();
    title.textContent = screen.render(body, ft);
    const again = keep ? (body.querySelector(`#${keep.id}`) as HTMLInputElement | null) : null;
    if (again) {
      again.focus();
      if (keep!.start !== null && typeof again.setSelectionRange === "function") {
        try { again.setSelectionRange(keep!.start, keep!.end); } catch { /* not a text field */ }
      }
    } else if (moveFocus || inside) title.focus();
  }

  function close() {
    if (!screen) return;
    screen.dispose?.();
    screen = null;
    element.hidden = true;
    body.replaceChildren();
    deps.onTextFocus?.(null);
    for (const l of [...closeListeners]) l();
    if (returnFocus?.isConnected) returnFocus.focus();
    returnFocus = null;
  }

  bag.on(closeButton, "click", () => close());
  bag.on(element, "keydown", (e) => {
    if ((e as KeyboardEvent).key !== "Escape") return;
    e.preventDefault();
    close();
  });
  bag.on(element, "focusin", (e) => {
    const t = e.target as HTMLElement | null;
    if (t && (t.tagName === "TEXTAREA" || (t.tagName === "INPUT" && (t as HTMLInputElement).type !== "radio"))) deps.onTextFocus?.(t as HTMLInputElement);
  });
  bag.add(deps.i18n.onChange(() => render(false)));

  const host: FeedbackDialog = {
    doc,
    api: deps.api,
    i18n: deps.i18n,
    kioskMode: deps.kioskMode ?? false,
    element,
    get isOpen() { return screen !== null; },
    ft: () => feedbackText(deps.i18n.lang),
    show(next) {
      if (screen) screen.dispose?.();
      else returnFocus = doc.activeElement as HTMLElement | null;
      screen = next;
      element.hidden = false;
      render(true);
    },
    refresh: () => render(false),
    close,
    textField(field) {
      if (deps.kioskMode) field.setAttribute("inputmode", "none"); // the lobby's own keyboard types
      return field;
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => { closeListeners.delete(listener); };
    },
    dispose() {
      close();
      bag.clear();
      element.remove();
    },
  };
  return host;
}

/** The message for an API failure, in the screen's language. */
export function errorMessage(ft: Ft, err: unknown): string {
  const e = err as { kind?: string; code?: string | null; message?: string } | null;
  if (e?.kind === "network" || e?.kind === "timeout") return ft("error.network");
  switch (e?.code) {
    case "invalid_text": return ft("error.text");
    case "invalid_contact": return ft("error.contact");
    case "unknown_reference": return ft("error.reference");
    case "daily_limit": case "rate_limited": return ft("error.limit");
    case "ticket_closed": return ft("error.closed");
    case "visit_used": return ft("survey.used");
    case "visit_invalid": return ft("survey.expired");
    case "ticket_not_found": return ft("ticket.notFound");
  }
  return ft("error.generic", { message: e?.message ?? String(err) });
}
