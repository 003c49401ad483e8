// "Ambil antrean" as DOM screens (desktop, touch, keyboard and screen readers), opened from a kiosk's
// DOM mirror: agency (when not given) -> day -> slot -> optional name and phone, with what is stored
// and for how long -> the booking: code (also as a QR code drawn here), queue number, counters, date
// and slot, what to bring, an .ics file. Also "check / cancel a booking" by its code. A region
// without an MPP building says so and offers the consultation desk. Every text is set as text.
import type { Service } from "../../domain/types";
import { formatCode } from "../../domain/queue/code";
import type { Booking, Lang, QueueDay } from "../../domain/queue/shapes";
import { createListenerBag, el } from "../ui/dom";
import { bookingCalendar, dayOptions, icsLink, qrCanvas } from "./booking-extras";
import css from "./booking.css";
import { QueueApiError, type QueueApi } from "./queue-api";
import { qt, type QueueStringKey } from "./strings";

export interface BookingDialogDeps {
  root: HTMLElement;
  lang(): Lang;
  api: QueueApi;
  /** The catalog's records (the app's cached API client): names and what to bring. */
  service(id: string): Promise<Service>;
  region(code: string): Promise<{ name: string; agencies: Array<{ id: string; shortName: string }> }>;
  /** Opens the consultation desk (issue 15); without it the dialog links to the region's /layanan page. */
  onConsultation?(region: string): void;
  /** Opens the survey of a served booking (issue 15): its holder rates the visit once. */
  onRate?(code: string): void;
}

export interface BookingTarget { region: string; agencyId?: string; serviceId?: string }

export interface BookingDialog {
  readonly element: HTMLElement;
  close(): void;
}

const STYLE_ID = "mpp-booking-styles";

export function openBookingDialog(deps: BookingDialogDeps, target: BookingTarget | { lookup: true; code?: string }): BookingDialog {
  const doc = deps.root.ownerDocument;
  const win = doc.defaultView!;
  if (!doc.getElementById(STYLE_ID)) {
    const style = el(doc, "style", { id: STYLE_ID });
    style.textContent = css;
    doc.head.append(style);
  }
  const t = (key: QueueStringKey, p?: Record<string, string | number>) => qt(deps.lang(), key, p);
  const bag = createListenerBag();
  const returnFocus = doc.activeElement as HTMLElement | null;
  const box = el(doc, "div", { class: "qbk-box mpp-panel" });
  const element = el(doc, "div", { class: "qbk", role: "dialog", "aria-modal": "true", "aria-labelledby": "qbk-title", "data-testid": "booking-dialog" }, box);
  deps.root.append(element);
  let generation = 0;

  function close(): void {
    generation++;
    bag.clear();
    element.remove();
    if (returnFocus?.isConnected) returnFocus.focus();
  }
  bag.on(element, "keydown", (e) => { if ((e as KeyboardEvent).key === "Escape") close(); });

  const button = (label: string, onClick: () => void, attrs: Record<string, string | boolean> = {}) => {
    const b = el(doc, "button", { type: "button", class: "mpp-button", ...attrs }, label);
    b.addEventListener("click", onClick);
    return b;
  };

  /** Replaces the dialog's content; `back` adds a Back button. Returns a token: stale async work checks it. */
  function screen(title: string, body: Node[], back: (() => void) | null): number {
    box.textContent = "";
    const h = el(doc, "h2", { id: "qbk-title", class: "qbk-title", tabindex: -1 }, title);
    box.append(el(doc, "div", { class: "qbk-head" }, h, button(t("book.close"), close, { "data-testid": "booking-close" })), ...body,
      el(doc, "div", { class: "qbk-nav" }, back ? button(t("book.back"), back, { "data-testid": "booking-back" }) : null));
    h.focus();
    return ++generation;
  }

  function failure(err: unknown, retry: () => void): Node {
    const text = err instanceof QueueApiError && err.kind === "http" && (err.status ?? 500) < 500 ? err.message : t("book.serverDown");
    return el(doc, "div", { class: "qbk-error", role: "alert", "data-testid": "booking-error" }, el(doc, "p", {}, text),
      button(t("book.retry"), retry, { class: "mpp-button mpp-button--primary" }));
  }

  const loading = (title: string, back: (() => void) | null) => screen(title, [el(doc, "p", { class: "mpp-muted" }, t("book.loading"))], back);

  // ---- booking ----
  async function start(tg: BookingTarget): Promise<void> {
    const token = loading(t("book.title"), null);
    try {
      const [day, region, service] = await Promise.all([
        deps.api.day(tg.region), deps.region(tg.region), tg.serviceId ? deps.service(tg.serviceId) : Promise.resolve(null),
      ]);
      if (token !== generation) return;
      if (day.physicalMpp !== "yes") return noMpp(tg.region, region.name);
      const agencyId = service?.agencyId ?? tg.agencyId;
      const ctx = { regionName: region.name, service, agencies: day.agencies, first: day };
      if (agencyId && day.agencies.some((a) => a.agencyId === agencyId)) return chooseDay(ctx, agencyId);
      chooseAgency(ctx);
    } catch (err) {
      if (token === generation) screen(t("book.title"), [failure(err, () => void start(tg))], null);
    }
  }

  interface Ctx { regionName: string; service: Service | null; agencies: QueueDay["agencies"]; first: QueueDay }

  function noMpp(region: string, name: string): void {
    const consult = deps.onConsultation
      ? button(t("book.consult"), () => { close(); deps.onConsultation!(region); }, { class: "mpp-button mpp-button--primary", "data-testid": "booking-consult" })
      : el(doc, "a", { class: "mpp-button mpp-button--primary", href: `/layanan/${region}`, "data-testid": "booking-consult" }, t("book.consult"));
    screen(t("book.title"), [el(doc, "p", { "data-testid": "booking-no-mpp" }, t("book.noMpp", { region: name })), consult], null);
  }

  function chooseAgency(ctx: Ctx): void {
    const list = el(doc, "ul", { class: "qbk-grid mpp-list" }, ...ctx.agencies.map((a) => el(doc, "li", {},
      button(a.shortName, () => void chooseDay(ctx, a.agencyId), { class: "qbk-option", "data-testid": "booking-agency", "data-agency": a.agencyId }))));
    screen(t("book.agency"), [list], null);
  }

  async function chooseDay(ctx: Ctx, agencyId: string): Promise<void> {
    const back = ctx.service ? null : () => chooseAgency(ctx);
    const token = loading(t("book.day"), back);
    const dates: string[] = [];
    for (let d = ctx.first.window.from; d <= ctx.first.window.to && dates.length < 15;) {
      dates.push(d);
      const next = new Date(`${d}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      d = next.toISOString().slice(0, 10);
    }
    let days: QueueDay[];
    try {
      days = await Promise.all(dates.map((d) => (d === ctx.first.date ? Promise.resolve(ctx.first) : deps.api.day(ctx.first.region, d))));
    } catch (err) {
      if (token === generation) screen(t("book.day"), [failure(err, () => void chooseDay(ctx, agencyId))], back);
      return;
    }
    if (token !== generation) return;
    const options = dayOptions(days, agencyId, deps.lang(), { full: t("book.full"), noSlots: t("book.noSlots") });
    const list = el(doc, "ul", { class: "qbk-grid mpp-list" }, ...options.map((o) => el(doc, "li", {},
      button("", () => chooseSlot(ctx, agencyId, days.find((d) => d.date === o.date)!), {
        class: "qbk-option", "data-testid": "booking-day", "data-date": o.date, disabled: o.reason !== null,
      }))));
    list.querySelectorAll<HTMLButtonElement>("button").forEach((b, i) => {
      const o = options[i]!;
      b.append(el(doc, "strong", {}, o.label), el(doc, "span", { class: "qbk-detail" }, o.reason ?? t("book.free", { n: o.free })));
    });
    screen(`${t("book.day")} · ${agencyName(ctx, agencyId)}`, [list], back);
  }

  const agencyName = (ctx: Ctx, agencyId: string) => ctx.agencies.find((a) => a.agencyId === agencyId)?.shortName ?? agencyId;

  function chooseSlot(ctx: Ctx, agencyId: string, day: QueueDay): void {
    const a = day.agencies.find((x) => x.agencyId === agencyId)!;
    const list = el(doc, "ul", { class: "qbk-grid mpp-list" }, ...a.slots.map((s) => el(doc, "li", {},
      button(t("book.slotDetail", { start: s.start, end: s.end, left: s.bookable ? t("book.free", { n: s.remaining }) : s.reason === "slot_full" ? t("book.full") : t("book.closed") }),
        () => details(ctx, agencyId, day, s.start, s.end), { class: "qbk-option", "data-testid": "booking-slot", "data-slot": s.start, disabled: !s.bookable }))));
    screen(`${t("book.slot")} · ${day.date}`, [list], () => void chooseDay(ctx, agencyId));
  }

  function details(ctx: Ctx, agencyId: string, day: QueueDay, slot: string, end: string): void {
    const date = day.date;
    const name = el(doc, "input", { class: "mpp-input", autocomplete: "name", maxlength: 80, "data-testid": "booking-name" });
    const phone = el(doc, "input", { class: "mpp-input", type: "tel", autocomplete: "tel", inputmode: "tel", maxlength: 20, "data-testid": "booking-phone" });
    const submit = button(t("book.submit"), () => void send(), { class: "mpp-button mpp-button--primary qbk-submit", "data-testid": "booking-submit" });
    const status = el(doc, "div", { role: "status" });
    async function send(): Promise<void> {
      submit.disabled = true;
      status.textContent = t("book.sending");
      try {
        const booking = await deps.api.book({
          agencyId, date, slot, ...(ctx.service ? { serviceId: ctx.service.id } : {}),
          ...(name.value.trim() ? { name: name.value } : {}), ...(phone.value.trim() ? { phone: phone.value } : {}),
        });
        done(ctx, booking);
      } catch (err) {
        submit.disabled = false;
        status.textContent = "";
        status.append(failure(err, () => void send()));
      }
    }
    screen(t("book.details"), [
      el(doc, "p", { class: "qbk-summary" }, t("book.for", { agency: agencyName(ctx, agencyId), date, slot: `${slot}–${end}` })),
      el(doc, "label", { class: "mpp-label" }, t("book.name"), name),
      el(doc, "label", { class: "mpp-label" }, t("book.phone"), phone),
      el(doc, "p", { class: "qbk-privacy", "data-testid": "booking-privacy" }, t("book.privacy", { days: ctx.first.retentionDays })),
      submit, status,
    ], () => chooseSlot(ctx, agencyId, day));
  }

  function done(ctx: Ctx, b: Booking): void {
    const agency = agencyName(ctx, b.agencyId);
    const bring = ctx.service?.requirements ?? [];
    const ics = bookingCalendar(b, { agency, mpp: `MPP ${ctx.regionName}` }, new Date(), win.location.hostname, bring);
    screen(t("book.done"), [bookingCard(b, agency),
      el(doc, "h3", {}, t("book.bring")),
      bring.length > 0 ? el(doc, "ul", { class: "qbk-bring", "data-testid": "booking-bring" }, ...bring.map((r) => el(doc, "li", {}, r))) : el(doc, "p", {}, t("book.bringNone")),
      el(doc, "div", { class: "qbk-nav" }, icsLink(doc, ics, `antrean-${b.code}.ics`, t("book.ics")),
        button(t("book.lookup"), () => found(b), { "data-testid": "booking-manage" })),
    ], null);
  }

  function bookingCard(b: Booking, agency: string): HTMLElement {
    const qr = qrCanvas(doc, b.code, 180);
    qr.setAttribute("role", "img");
    qr.setAttribute("aria-label", `${t("book.qr")}: ${formatCode(b.code)}`);
    qr.dataset.testid = "booking-qr";
    return el(doc, "div", { class: "qbk-card", "data-testid": "booking-card", "data-code": b.code },
      el(doc, "div", {},
        el(doc, "p", { class: "qbk-label" }, t("book.code")),
        el(doc, "p", { class: "qbk-code", "data-testid": "booking-code" }, formatCode(b.code)),
        el(doc, "p", { class: "mpp-muted" }, t("book.codeHint")),
        el(doc, "p", { class: "qbk-label" }, t("book.number")),
        el(doc, "p", { class: "qbk-number", "data-testid": "booking-number" }, b.number),
        el(doc, "p", {}, `${agency} · ${t("book.counters", { labels: b.counters.join(", ") })}`),
        el(doc, "p", {}, t("book.when", { date: b.date, slot: b.slot, end: b.slotEnd })),
        el(doc, "p", { "data-testid": "booking-status", "data-status": b.status }, t("book.status", { status: t(`book.status.${b.status}` as QueueStringKey) }))),
      qr);
  }

  // ---- lookup and cancel ----
  function lookup(code = "", findNow = false): void {
    const input = el(doc, "input", { class: "mpp-input qbk-code-input", value: code, maxlength: 12, autocomplete: "off", autocapitalize: "characters", "data-testid": "booking-lookup-code" });
    const out = el(doc, "div", { "aria-live": "polite" });
    const find = async () => {
      out.textContent = "";
      try {
        const b = await deps.api.booking(input.value);
        found(b);
      } catch (err) {
        out.append(failure(err, () => void find()));
      }
    };
    const form = el(doc, "form", { class: "qbk-lookup" }, el(doc, "label", { class: "mpp-label" }, t("book.enterCode"), input),
      el(doc, "button", { type: "submit", class: "mpp-button mpp-button--primary", "data-testid": "booking-find" }, t("book.find")));
    form.addEventListener("submit", (e) => { e.preventDefault(); void find(); });
    screen(t("book.lookup"), [form, out], null);
    input.focus();
    // Opened for a known code (the kiosk's new booking): show it at once.
    if (code && findNow) void find();
  }

  function found(b: Booking, note?: string): void {
    const body: Node[] = [bookingCard(b, b.agencyId)];
    if (note) body.push(el(doc, "p", { role: "status", "data-testid": "booking-cancelled" }, note));
    if (b.survey?.state === "open" && deps.onRate) {
      body.push(button(t("book.rate"), () => { close(); deps.onRate!(b.code); }, { class: "mpp-button mpp-button--primary", "data-testid": "booking-rate" }));
    }
    if (b.status === "booked") {
      body.push(icsLink(doc, bookingCalendar(b, { agency: b.agencyId, mpp: `MPP ${b.regionCode}` }, new Date(), win.location.hostname), `antrean-${b.code}.ics`, t("book.ics")));
      body.push(button(t("book.cancel"), () => {
        const yes = button(t("book.cancelConfirm"), () => void cancel(), { class: "mpp-button mpp-button--primary", "data-testid": "booking-cancel-confirm" });
        box.querySelector("[data-testid=booking-cancel]")?.replaceWith(yes);
        yes.focus();
      }, { "data-testid": "booking-cancel" }));
    }
    const cancel = async () => {
      try {
        found(await deps.api.cancel(b.code), t("book.cancelled"));
      } catch (err) {
        box.append(failure(err, () => void cancel()));
      }
    };
    screen(t("book.lookup"), body, () => lookup(b.code));
  }

  if ("lookup" in target) lookup(target.code, true);
  else void start(target);
  return { element, close };
}
