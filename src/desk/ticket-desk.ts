// The questions-and-complaints section of the officers' workspace, mountable into any page
// (mountTicketDesk(root, deps)): the inbox of the officer's region or agency, most overdue first,
// with filters; a ticket in full (ticket-detail.ts); and the region's satisfaction index with the
// survey comments. Every citizen's and officer's text is set as textContent.
import { el } from "../app/ui/dom";
import { TICKET_KIND_LABELS, TICKET_STATUS_LABELS } from "../domain/feedback/tickets";
import type { DeskApi, Inbox, InboxQuery, Officer } from "./desk-api";
import { deskText, fill, type DeskLang } from "./desk-strings";
import { renderTicketDetail } from "./ticket-detail";

export interface TicketDeskDeps {
  api: DeskApi;
  officer: Officer;
  lang: DeskLang;
  /** The current year (WIB) for the index. */
  year: number;
}

export interface TicketDesk {
  readonly element: HTMLElement;
  reload(): Promise<void>;
  open(code: string): Promise<void>;
  dispose(): void;
}

export function mountTicketDesk(root: HTMLElement, deps: TicketDeskDeps): TicketDesk {
  const doc = root.ownerDocument;
  const { api, officer, lang } = deps;
  const tx = deskText(lang);
  const formatDateTime = (iso: string) => new Date(iso).toLocaleString(lang === "en" ? "en-GB" : "id-ID", { timeZone: "Asia/Jakarta", dateStyle: "medium", timeStyle: "short" });
  const query: InboxQuery = { status: "open" };

  const select = (label: string, testid: string, options: Array<[string, string]>, onChange: (v: string) => void) => {
    const s = el(doc, "select", { "aria-label": label, "data-testid": testid }, ...options.map(([v, l]) => el(doc, "option", { value: v }, l)));
    s.addEventListener("change", () => onChange(s.value));
    return el(doc, "label", {}, `${label} `, s);
  };
  const filters = el(doc, "div", { class: "desk-filters" },
    select(tx.status, "desk-filter-status", [["open", tx.open], ["closed", tx.closed], ["all", tx.all]], (v) => { query.status = v as InboxQuery["status"]; void reload(); }),
    select(tx.kind, "desk-filter-kind", [["", tx.all], ["konsultasi", tx.konsultasi], ["pengaduan", tx.pengaduan]], (v) => { query.kind = (v || undefined) as InboxQuery["kind"]; void reload(); }));
  const refresh = el(doc, "button", { type: "button", class: "desk-button", "data-testid": "desk-refresh" }, tx.refresh);
  refresh.addEventListener("click", () => void reload());
  filters.append(refresh);
  const summary = el(doc, "p", { role: "status", "data-testid": "desk-count" });
  const list = el(doc, "ul", { class: "desk-inbox", "data-testid": "desk-inbox" });
  const inboxView = el(doc, "div", {}, el(doc, "h2", {}, tx.inbox), filters, summary, list);
  const detail = el(doc, "div", { class: "desk-detail", "data-testid": "desk-detail", hidden: true });
  const ikm = el(doc, "section", { class: "desk-ikm", "data-testid": "desk-ikm" });
  const element = el(doc, "section", { class: "desk-tickets", "aria-label": tx.title }, inboxView, detail, ikm);
  root.appendChild(element);

  function clockText(c: Inbox["tickets"][number]["clock"]): string {
    if (c.stage === null) return tx.acted;
    if (c.overdue) return fill(tx.overdue, { n: c.workingDaysLate, date: c.dueDate ?? "" });
    return fill(tx.due, { stage: c.stage === "forward" ? tx.stageForward : tx.stageAct, date: c.dueDate ?? "", n: c.workingDaysLeft });
  }

  async function reload(): Promise<void> {
    try {
      const inbox = await api.inbox(query);
      summary.textContent = inbox.tickets.length ? fill(tx.count, { n: inbox.total }) : tx.empty;
      list.replaceChildren(...inbox.tickets.map((t) => {
        const row = el(doc, "button", { type: "button", class: `desk-row${t.clock.overdue ? " desk-row--late" : ""}`, "data-testid": "desk-row", "data-code": t.code },
          el(doc, "span", { class: "desk-row__head" }, `${t.formattedCode} · ${TICKET_KIND_LABELS[t.kind][lang]} · ${TICKET_STATUS_LABELS[t.status][lang]}`),
          el(doc, "span", { class: "desk-row__agency" }, t.agencyName ?? t.regionCode),
          el(doc, "span", { class: "desk-row__excerpt", dir: "auto" }, t.excerpt),
          el(doc, "span", { class: "desk-row__clock" }, clockText(t.clock)));
        row.addEventListener("click", () => void open(t.code));
        return el(doc, "li", {}, row);
      }));
    } catch (err) {
      summary.textContent = fill(tx.error, { message: (err as Error).message });
    }
  }

  async function open(code: string): Promise<void> {
    try {
      const data = await api.ticket(code);
      inboxView.hidden = true;
      ikm.hidden = true;
      detail.hidden = false;
      renderTicketDetail(detail, {
        doc, api, lang, text: tx, formatDateTime,
        onBack: () => { detail.hidden = true; inboxView.hidden = false; ikm.hidden = false; void reload(); },
      }, data);
      (detail.querySelector("h2") as HTMLElement | null)?.focus();
    } catch (err) {
      summary.textContent = fill(tx.error, { message: (err as Error).message });
    }
  }

  async function loadIkm(): Promise<void> {
    const region = officer.region;
    if (!region) return;
    try {
      const [index, comments] = await Promise.all([api.regionIkm(region, deps.year), api.comments({ year: deps.year })]);
      const own = officer.agency ? index.agencies.find((a) => a.agencyId === `${region}-${officer.agency}`) : null;
      const figure = own ?? index;
      ikm.replaceChildren(
        el(doc, "h2", {}, fill(tx.ikm, { year: deps.year })),
        el(doc, "p", { "data-testid": "desk-ikm-value" }, figure.respondents === 0 ? tx.noIkm
          : `IKM ${figure.ikm?.toFixed(2)} · ${figure.mutu ?? ""} · ${fill(tx.respondents, { n: figure.respondents })}`),
        el(doc, "p", {}, figure.sample.message[lang]),
        el(doc, "p", {}, el(doc, "a", { href: `/api/v1/admin/surveys/export?year=${deps.year}`, download: "", "data-testid": "desk-export" }, fill(tx.exportCsv, { year: deps.year }))),
        el(doc, "h3", {}, tx.comments),
        comments.length ? el(doc, "ul", {}, ...comments.map((c) => el(doc, "li", {}, el(doc, "span", {}, `${c.day} · `), el(doc, "span", { dir: "auto", class: "desk-said" }, c.text)))) : el(doc, "p", {}, tx.noComments));
    } catch {
      ikm.replaceChildren();
    }
  }

  void reload();
  void loadIkm();
  return { element, reload, open, dispose: () => element.remove() };
}
