// The lobby screen's ticket machine (?mode=kiosk&region=CODE): a big "Ambil nomor antrean" button,
// always on screen (also over the attract loop), opens the list of the MPP's agencies with whether
// each takes numbers now; a tap takes a walk-in number from the server and prints it. The ticket
// shown and printed is the server's answer and nothing else: when the server does not answer, the
// screen says that no number was taken. Closes itself after a while (the next visitor) and at the
// lobby's reset.
import css from "./queue.css";
import { RegionAnswer } from "../../domain/types";
import type { Lang, QueueDay, WalkInTicket } from "../../domain/queue/shapes";
import { createListenerBag, el } from "../ui/dom";
import { QueueApiError, requestJson, type QueueApi } from "./queue-api";
import { qt, type QueueStringKey } from "./strings";
import { installPrintStyle, markTicketShown, ticketElement, type Paper } from "./ticket-print";

export interface WalkInPanelDeps {
  region: string;
  lang(): Lang;
  api: QueueApi;
  paper: Paper;
  /** window.print (tests count calls). */
  print(): void;
  /** Closes an idle panel (no ticket taken) after this long; default 60 s. */
  idleCloseMs?: number;
  /** Closes the ticket view after this long; default 25 s. */
  ticketCloseMs?: number;
}

export interface WalkInPanel {
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): void;
  dispose(): void;
}

export function createWalkInPanel(root: HTMLElement, deps: WalkInPanelDeps): WalkInPanel {
  const doc = root.ownerDocument;
  const win = doc.defaultView!;
  const bag = createListenerBag();
  const t = (key: QueueStringKey, p?: Record<string, string | number>) => qt(deps.lang(), key, p);
  const removePrintStyle = installPrintStyle(doc, deps.paper);
  const style = el(doc, "style", { id: "mpp-queue-styles" });
  style.textContent = css;
  doc.head.append(style);

  const launcher = el(doc, "button", { type: "button", class: "qt-launcher mpp-button mpp-button--primary", "data-testid": "queue-take" },
    el(doc, "span", { lang: "id" }, qt("id", "ticket.take")),
    el(doc, "span", { class: "qt-launcher__en", lang: "en" }, qt("en", "ticket.take")));
  const dialog = el(doc, "div", { class: "qt-dialog", role: "dialog", "aria-modal": "true", "data-testid": "queue-panel", hidden: true });
  const box = el(doc, "div", { class: "qt-box mpp-panel" });
  dialog.append(box);
  root.append(launcher, dialog);

  let timer = 0;
  let unmark: (() => void) | null = null;
  let busy = false;
  let mppName = "";
  const armClose = (ms: number) => { win.clearTimeout(timer); timer = win.setTimeout(() => close(), ms); };

  function frame(titleKey: QueueStringKey, ...body: Node[]): void {
    box.textContent = "";
    const close_ = el(doc, "button", { type: "button", class: "mpp-button qt-close", "data-testid": "queue-close" }, t("ticket.cancel"));
    close_.addEventListener("click", () => close());
    box.append(el(doc, "div", { class: "qt-head" }, el(doc, "h2", { class: "qt-title" }, t(titleKey)), close_), ...body);
  }

  function message(text: string, retry: (() => void) | null): HTMLElement {
    const p = el(doc, "div", { class: "qt-message", role: "alert", "data-testid": "queue-error" }, el(doc, "p", {}, text));
    if (retry) {
      const b = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary", "data-testid": "queue-retry" }, t("ticket.retry"));
      b.addEventListener("click", retry);
      p.append(b);
    }
    return p;
  }

  const errorText = (err: unknown) =>
    err instanceof QueueApiError && err.kind === "http" && err.status !== null && err.status < 500 ? err.message : t("ticket.serverDown");

  async function showAgencies(): Promise<void> {
    frame("ticket.chooseAgency", el(doc, "p", { class: "mpp-muted" }, t("ticket.loading")));
    armClose(deps.idleCloseMs ?? 60_000);
    let day: QueueDay;
    try {
      [day] = await Promise.all([deps.api.day(deps.region), loadName()]);
    } catch (err) {
      if (dialog.hidden) return;
      frame("ticket.chooseAgency", message(errorText(err), () => void showAgencies()));
      return;
    }
    if (dialog.hidden) return;
    if (day.agencies.length === 0) {
      frame("ticket.chooseAgency", message(day.closure ? day.closure.name[deps.lang()] : t("ticket.noAgencies"), null));
      return;
    }
    const list = el(doc, "ul", { class: "qt-agencies mpp-list" });
    for (const a of day.agencies) {
      // Walk-in numbers need the counters open now; the server decides, this only shows the day's state.
      const closedToday = !a.open && a.closure ? t("ticket.closedNow", { reason: a.closure.name[deps.lang()] }) : null;
      const b = el(doc, "button", { type: "button", class: "qt-agency", "data-testid": "queue-agency", "data-agency": a.agencyId, disabled: closedToday !== null },
        el(doc, "span", { class: "qt-agency__name" }, a.shortName),
        el(doc, "span", { class: "qt-agency__detail" }, closedToday ?? t("ticket.counters", { labels: a.counters.join(", ") })));
      b.addEventListener("click", () => void take(a.agencyId, a.shortName));
      list.append(el(doc, "li", {}, b));
    }
    frame("ticket.chooseAgency", list);
  }

  async function loadName(): Promise<void> {
    if (mppName) return;
    try {
      const body = await requestJson(win.fetch.bind(win), `/api/v1/regions/${deps.region}`, RegionAnswer, { lang: deps.lang() });
      mppName = `MPP ${body.region.name}`;
    } catch {
      mppName = `MPP ${deps.region}`;
    }
  }

  async function take(agencyId: string, agencyName: string): Promise<void> {
    if (busy) return;
    busy = true;
    frame("ticket.chooseAgency", el(doc, "p", { class: "qt-taking", role: "status" }, t("ticket.taking")));
    let ticket: WalkInTicket;
    try {
      ticket = await deps.api.walkIn(agencyId);
    } catch (err) {
      busy = false;
      if (dialog.hidden) return;
      frame("ticket.chooseAgency", message(errorText(err), () => void take(agencyId, agencyName)));
      return;
    } finally {
      armClose(deps.ticketCloseMs ?? 25_000);
    }
    busy = false;
    const done = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary qt-done", "data-testid": "queue-done" }, t("ticket.done"));
    done.addEventListener("click", () => close());
    frame("ticket.yourNumber",
      ticketElement(doc, deps.lang(), ticket, { mpp: mppName || `MPP ${deps.region}`, agency: agencyName }),
      el(doc, "p", { class: "qt-printing", role: "status" }, t("ticket.printing")), done);
    unmark = markTicketShown(doc);
    // After layout, so the printed page has the ticket.
    win.requestAnimationFrame(() => deps.print());
  }

  function close(): void {
    win.clearTimeout(timer);
    dialog.hidden = true;
    box.textContent = "";
    unmark?.();
    unmark = null;
    busy = false;
  }

  async function open(): Promise<void> {
    dialog.hidden = false;
    await showAgencies();
  }

  bag.on(launcher, "click", () => void open());
  bag.on(dialog, "pointerdown", () => { if (!unmark && !busy) armClose(deps.idleCloseMs ?? 60_000); });

  return {
    get isOpen() { return !dialog.hidden; },
    open,
    close,
    dispose() {
      close();
      bag.clear();
      launcher.remove();
      dialog.remove();
      removePrintStyle();
      style.remove();
    },
  };
}
