// Counter chat in the presence panel: a visitor in a building writes to a staffed counter; booth
// staff (PIN) staff a counter and answer the visitors who wrote. Every line is set as text
// (textContent): a name or message "<script>…" shows as exactly those characters.
import type { I18n } from "../i18n/i18n";
import type { StringKey } from "../i18n/strings";
import type { CounterChat, CounterChatState } from "../presence/counter-chat";
import { createListenerBag, el } from "./dom";
import { liveSection } from "./live-section";

export interface ChatPanelDeps {
  i18n: Pick<I18n, "t" | "onChange" | "lang">;
  chat: CounterChat;
  /** The agencies with a counter in the building the visitor is in (empty on the plaza). */
  agencies(): { slug: string; name: string }[];
  /** Tells the panel when the place changed (the agency list with it). */
  onPlace(listener: () => void): () => void;
  /** The consultation ticket screens (the feedback chunk); absent: no ticket buttons. */
  tickets?: {
    /** The question form for this building's MPP (the counter offers it when nobody staffs it). */
    openForm(regionCode: string | null): void;
    openTicket(code: string): void;
  };
  region?(): string | null;
}

export interface ChatPanel {
  readonly section: HTMLElement;
  dispose(): void;
}

function option(doc: Document, value: string, text: string): HTMLOptionElement {
  const o = doc.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

export function createChatPanel(root: HTMLElement, deps: ChatPanelDeps): ChatPanel {
  const doc = root.ownerDocument;
  const { i18n, chat } = deps;
  const bag = createListenerBag();

  const title = el(doc, "h3", { class: "mpp-presence__title" });
  const hint = el(doc, "p", { class: "mpp-presence__explain", "data-testid": "chat-hint" });
  const counterLabel = el(doc, "label", { for: "mpp-chat-counter" });
  const counter = el(doc, "select", { id: "mpp-chat-counter", "data-testid": "chat-counter" });
  const badge = el(doc, "p", { class: "mpp-presence__status", "data-testid": "chat-badge" });
  const visitorPart = el(doc, "div", { class: "mpp-presence__body" }, counterLabel, counter, badge);
  const ticketInstead = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "chat-ticket" });
  const transcript = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "chat-transcript" });
  const transcriptDone = el(doc, "p", { class: "mpp-presence__status", role: "status", "data-testid": "chat-transcript-done" });
  const transcriptOpen = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "chat-transcript-open" });

  const staffing = el(doc, "p", { class: "mpp-presence__status", "data-testid": "chat-staffing" });
  const replyLabel = el(doc, "label", { for: "mpp-chat-reply" });
  const reply = el(doc, "select", { id: "mpp-chat-reply", "data-testid": "chat-reply" });
  const release = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "chat-release" });
  const staffPart = el(doc, "div", { class: "mpp-presence__body" }, staffing, replyLabel, reply, release);

  const log = el(doc, "ul", { class: "mpp-chat__log", "aria-live": "polite", "data-testid": "chat-log" });
  const textLabel = el(doc, "label", { for: "mpp-chat-text" });
  const text = el(doc, "textarea", { id: "mpp-chat-text", rows: 2, maxlength: 500, "data-testid": "chat-text" });
  const send = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "chat-send" });
  const error = el(doc, "p", { class: "mpp-presence__error", role: "alert", hidden: true, "data-testid": "chat-error" });
  const talk = el(doc, "div", { class: "mpp-presence__body" }, log, textLabel, text, send, transcript, transcriptDone, transcriptOpen, error);

  const loginSummary = el(doc, "summary", {});
  const agencyLabel = el(doc, "label", { for: "mpp-chat-agency" });
  const agency = el(doc, "select", { id: "mpp-chat-agency", "data-testid": "chat-agency" });
  const pinLabel = el(doc, "label", { for: "mpp-chat-pin" });
  const pin = el(doc, "input", { id: "mpp-chat-pin", type: "password", autocomplete: "off", maxlength: 64, "data-testid": "chat-pin" });
  const claim = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "chat-claim" });
  const officerClaim = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "chat-officer-claim" });
  const login = el(doc, "details", { "data-testid": "chat-login" }, loginSummary, agencyLabel, agency, officerClaim, pinLabel, pin, claim);

  const section = el(doc, "section", { class: "mpp-chat", "data-testid": "chat" }, title, hint, ticketInstead, visitorPart, staffPart, talk, login);
  /** The counter the visitor last wrote to (the transcript is of that conversation). */
  const lastCounter = (s: CounterChatState) => [...s.lines].reverse().find((l) => l.mine && l.agency !== null)?.agency ?? null;
  let claimedAsOfficer = false;

  const nameOf = (slug: string) => deps.agencies().find((a) => a.slug === slug)?.name ?? slug;

  function fillSelect(select: HTMLSelectElement, items: { value: string; text: string }[]): void {
    const keep = select.value;
    select.replaceChildren(...items.map((i) => option(doc, i.value, i.text)));
    if (items.some((i) => i.value === keep)) select.value = keep;
  }

  function errorText(code: string): string {
    const key = `chat.error.${code}`;
    if (code === "not_authorized" && claimedAsOfficer) return i18n.t("chat.error.officer");
    return ["counter_unstaffed", "rate", "invalid_text", "not_authorized", "transcript_empty", "transcript_unavailable"].includes(code) ? i18n.t(key as StringKey) : i18n.t("chat.error.other", { code });
  }

  function render(s: CounterChatState = chat.state): void {
    const inside = deps.agencies();
    title.textContent = i18n.t("chat.title");
    const isStaff = s.staffing !== null;
    const unstaffed = inside.length > 0 && s.staffed.length === 0 && !isStaff;
    hint.textContent = inside.length === 0 ? i18n.t("chat.outside") : unstaffed ? i18n.t(deps.tickets ? "chat.ticketInstead" : "chat.none") : "";
    hint.hidden = hint.textContent === "";
    ticketInstead.textContent = i18n.t("chat.ticketButton");
    ticketInstead.hidden = !(unstaffed && deps.tickets);
    counterLabel.textContent = i18n.t("chat.counter");
    fillSelect(counter, s.staffed.map((slug) => ({ value: slug, text: nameOf(slug) })));
    visitorPart.hidden = isStaff || s.staffed.length === 0;
    const at = counter.value;
    badge.textContent = at === "" ? "" : i18n.t(s.officers.includes(at) ? "chat.officer" : "chat.eventStaff", { agency: nameOf(at) });
    const asked = lastCounter(s);
    transcript.textContent = i18n.t("chat.transcript");
    transcript.hidden = isStaff || asked === null || !s.lines.some((l) => !l.mine) || s.transcript?.agency === asked;
    transcriptDone.textContent = s.transcript ? i18n.t("chat.transcriptDone", { code: s.transcript.formattedCode }) : "";
    transcriptDone.hidden = s.transcript === null;
    transcriptOpen.textContent = i18n.t("chat.transcriptOpen");
    transcriptOpen.hidden = s.transcript === null || !deps.tickets;
    staffing.textContent = isStaff ? i18n.t("chat.staffing", { agency: nameOf(s.staffing!) }) : "";
    replyLabel.textContent = i18n.t("chat.replyTo");
    fillSelect(reply, [...s.writers].reverse().map((w) => ({ value: w.id, text: w.name })));
    release.textContent = i18n.t("chat.release");
    staffPart.hidden = !isStaff;
    talk.hidden = !(isStaff ? s.writers.length > 0 : s.staffed.length > 0) && s.lines.length === 0;
    log.replaceChildren(...s.lines.map((l) => {
      const li = doc.createElement("li");
      li.textContent = i18n.t("chat.line", { name: l.mine ? i18n.t("chat.you") : l.name, text: l.text });
      return li;
    }));
    log.scrollTop = log.scrollHeight;
    textLabel.textContent = i18n.t("chat.text");
    send.textContent = i18n.t("chat.send");
    error.hidden = s.error === null;
    error.textContent = s.error === null ? "" : errorText(s.error);
    loginSummary.textContent = i18n.t("chat.staffLogin");
    agencyLabel.textContent = i18n.t("chat.staffAgency");
    fillSelect(agency, inside.map((a) => ({ value: a.slug, text: a.name })));
    pinLabel.textContent = i18n.t("chat.staffPin");
    claim.textContent = i18n.t("chat.staffClaim");
    officerClaim.textContent = i18n.t("chat.officerClaim");
    login.hidden = isStaff || inside.length === 0;
    section.hidden = false;
  }

  bag.on(send, "click", () => {
    const s = chat.state;
    const target = s.staffing !== null ? (reply.value ? { to: reply.value } : null) : (counter.value ? { agency: counter.value } : null);
    if (target && chat.write(text.value, target)) text.value = "";
  });
  bag.on(claim, "click", () => {
    claimedAsOfficer = false;
    if (pin.value !== "" && agency.value !== "") chat.staff(pin.value, agency.value);
    pin.value = "";
  });
  // An officer signed in at /admin in this browser: the session cookie goes with the socket, no PIN.
  bag.on(officerClaim, "click", () => {
    claimedAsOfficer = true;
    if (agency.value !== "") chat.staff(null, agency.value);
  });
  bag.on(transcript, "click", () => {
    const a = lastCounter(chat.state);
    if (a) chat.fileTranscript(a, i18n.lang === "en" ? "en" : "id");
  });
  bag.on(transcriptOpen, "click", () => {
    if (chat.state.transcript) deps.tickets?.openTicket(chat.state.transcript.code);
  });
  bag.on(ticketInstead, "click", () => deps.tickets?.openForm(deps.region?.() ?? null));
  bag.on(release, "click", () => chat.release());
  return liveSection(section, bag, render, [chat.onChange, i18n.onChange, deps.onPlace]);
}
