// "Berkunjung bersama": the opt-in to presence. Says plainly what is shared (position, where one
// looks, a display name; nothing else), takes an optional display name, joins and leaves, and
// shows the connection's state. Every name is set as text (textContent), never as HTML.
import type { I18n } from "../i18n/i18n";
import type { StringKey } from "../i18n/strings";
import { checkName } from "../../domain/presence";
import { createListenerBag, el } from "./dom";

export interface PresencePanelState {
  status: "off" | "connecting" | "joined" | "waiting" | "stopped" | "refused";
  /** The visitor's own label once joined. */
  you: string | null;
  others: number;
  /** The last close or refusal code ("room_full", 4403, ...). */
  code?: number | string | undefined;
}

export interface PresencePanelDeps {
  i18n: Pick<I18n, "t" | "onChange">;
  onJoin(name: string | null): void;
  onLeave(): void;
  /** Extra sections (the guide's and the chat's), appended inside the panel. */
  sections?: HTMLElement[];
}

export interface PresencePanel {
  readonly element: HTMLElement;
  setState(state: PresencePanelState): void;
  toggle(open?: boolean): void;
  dispose(): void;
}

function statusKey(s: PresencePanelState): StringKey {
  if (s.status === "stopped" && s.code === 4403) return "presence.status.removed";
  if (s.status === "refused" && (s.code === "room_full" || s.code === "room_locked")) return `presence.status.${s.code}`;
  if (s.status === "refused" && s.code === "invalid_name") return "presence.invalidName";
  return `presence.status.${s.status}`;
}

export function createPresencePanel(root: HTMLElement, deps: PresencePanelDeps): PresencePanel {
  const doc = root.ownerDocument;
  const { i18n } = deps;
  const bag = createListenerBag();
  let state: PresencePanelState = { status: "off", you: null, others: 0 };
  let open = false;

  const toggleButton = el(doc, "button", { type: "button", class: "mpp-button mpp-presence__toggle", "data-testid": "presence-toggle", "aria-expanded": "false", "aria-controls": "mpp-presence" });
  const title = el(doc, "h2", { class: "mpp-presence__title" });
  const explain = el(doc, "p", { class: "mpp-presence__explain", "data-testid": "presence-explain" });
  const label = el(doc, "label", { for: "mpp-presence-name" });
  const name = el(doc, "input", { id: "mpp-presence-name", type: "text", maxlength: 24, autocomplete: "off", "data-testid": "presence-name" });
  const error = el(doc, "p", { class: "mpp-presence__error", role: "alert", hidden: true });
  const join = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "presence-join" });
  const leave = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "presence-leave", hidden: true });
  const status = el(doc, "p", { class: "mpp-presence__status", role: "status", "aria-live": "polite", "data-testid": "presence-status" });
  const body = el(doc, "section", { id: "mpp-presence", class: "mpp-presence__body", hidden: true },
    title, explain, label, name, error, join, leave, status, ...(deps.sections ?? []));
  const element = el(doc, "div", { class: "mpp-presence mpp-panel", "data-testid": "presence-panel" }, toggleButton, body);
  root.appendChild(element);

  function render(): void {
    toggleButton.textContent = i18n.t("presence.toggle");
    toggleButton.setAttribute("aria-expanded", open ? "true" : "false");
    body.hidden = !open;
    title.textContent = i18n.t("presence.title");
    explain.textContent = i18n.t("presence.explain");
    label.textContent = i18n.t("presence.nameLabel");
    join.textContent = i18n.t("presence.join");
    leave.textContent = i18n.t("presence.leave");
    const active = state.status === "connecting" || state.status === "joined" || state.status === "waiting" || state.status === "refused";
    join.hidden = active;
    name.disabled = active;
    leave.hidden = !active;
    status.textContent = i18n.t(statusKey(state), { name: state.you ?? "", count: String(state.others) });
    error.textContent = i18n.t("presence.invalidName");
  }

  bag.on(toggleButton, "click", () => {
    open = !open;
    render();
  });
  bag.on(join, "click", () => {
    const raw = name.value.trim();
    if (raw === "") {
      error.hidden = true;
      return deps.onJoin(null);
    }
    const checked = checkName(raw);
    error.hidden = checked.ok;
    if (checked.ok) deps.onJoin(checked.value);
  });
  bag.on(leave, "click", () => deps.onLeave());
  bag.add(i18n.onChange(render));
  render();

  return {
    element,
    setState(next) {
      state = next;
      render();
    },
    toggle(next) {
      open = next ?? !open;
      render();
    },
    dispose() {
      bag.clear();
      element.remove();
    },
  };
}
