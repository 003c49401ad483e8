// What a kiosk screen is: its data (load), its view (a KioskView, rendered alike by the 3D panel
// and the DOM mirror) and its actions (what choosing a row opens). Each screen is one file in this
// folder, listed in registry.ts. Also the views every screen shares: loading and error.
import type { RegionDetail, Service, ServiceSummary } from "../../../domain/types";
import type { SheetLine } from "../../../domain/service-sheet";
import type { I18n } from "../../i18n/i18n";
import type { QueueApi } from "../../queue/queue-api";

/** The part of api/client.ts the kiosk screens need. */
export interface KioskApi {
  region(code: string): Promise<RegionDetail>;
  services(code: string, opts?: { agency?: string; q?: string }): Promise<ServiceSummary[]>;
  service(id: string): Promise<Service>;
  /** Questions, complaints and the SKM (a lazily loaded chunk); absent where the page has none. */
  feedback?(): Promise<KioskFeedbackApi>;
  /** The queue's day and booking routes (queue/queue-api.ts); absent, the queue screens show an error. */
  queue?: Pick<QueueApi, "day" | "book">;
}

/** What the feedback screens send (src/app/feedback/kiosk-feedback.ts implements it). */
export interface KioskFeedbackApi {
  createTicket(input: KioskTicketInput): Promise<{ code: string; formattedCode: string }>;
  /** The visit this survey rates: a service read in this page, or this MPP (help desk, lobby); one survey each. */
  survey(input: { regionCode: string; agencyId: string; serviceId: string | null; answers: number[]; comment: string | null }): Promise<void>;
  /** The MPP's satisfaction index this year, for the help desk's board. */
  regionIkm(regionCode: string): Promise<KioskIkm>;
}

export interface KioskIkm { year: number; respondents: number; ikm: number | null; mutu: string | null }

export interface KioskTicketInput {
  kind: "konsultasi" | "pengaduan";
  regionCode: string;
  agencyId: string | null;
  serviceId: string | null;
  text: string;
  contact: string | null;
}

/** Footer buttons: the shared ones, screen actions ("queue": "Ambil antrean"; "ask", "rate") a screen's act()
 *  answers, and "speak" (easy mode's read-aloud, added by kiosk-host.ts on the 3D panel). */
export type KioskActionId = "back" | "close" | "retry" | "online" | "queue" | "ask" | "rate" | "speak";

export interface KioskItem { id: string; label: string; detail: string | null }
/** A block of text; a service's sections come from the domain's service sheet (id "fee", ...). */
export interface KioskSection {
  id?: string; heading: string; lines: readonly SheetLine[]; ordered?: boolean;
  /** The lines' language when not the view's (a field not translated yet); `note` says so under the heading. */
  lang?: string; note?: string;
}
export interface KioskNotice { kind: "verified" | "unverified" | "stale" | "error"; text: string }
export interface KioskAction { id: KioskActionId; label: string; href?: string }

export interface ScreenView<S = { kind: string }> {
  screen: S;
  status: "loading" | "ready" | "error";
  title: string;
  subtitle: string | null;
  /** A paragraph under the title (a service's description). */
  intro: string | null;
  /** The title's and intro's language when not the view's (not translated yet). */
  titleLang?: string;
  introLang?: string;
  items: KioskItem[];
  sections: KioskSection[];
  notice: KioskNotice | null;
  actions: KioskAction[];
  /** A text field (question, contact, comment): typed on the panel's keyboard or in the DOM mirror. */
  input?: KioskInput;
}

export interface KioskInput {
  label: string;
  /** The draft as typed so far (the controller keeps it per screen). */
  value: string;
  /** In code points. */
  maxLength: number;
  multiline: boolean;
  /** A line under the field: what is stored, how many characters are left, why it was refused. */
  hint: string | null;
}

export type ViewI18n = Pick<I18n, "lang" | "t" | "formatDateTime"> & Partial<Pick<I18n, "uiLang" | "phrasebook">>;

export interface ViewContext {
  i18n: ViewI18n;
  /** Whether a previous screen exists (adds the Back action). */
  canGoBack: boolean;
  /** Set when the data may be old (served from cache while offline): shown as "Informasi per …". */
  dataAsOf?: Date | string | null;
  /** The draft of this screen's text field, if it has one. */
  input?: string;
}

export interface ScreenDef<S extends { kind: string }, D, Next = { kind: string }> {
  readonly kind: S["kind"];
  /** `value` as this screen when it is a well-formed one (from a deep link, a search), else null. */
  parse(value: { kind: string; [k: string]: unknown }): S | null;
  /** A stable string for caches and comparisons. */
  key(screen: S): string;
  load(screen: S, api: KioskApi): Promise<D>;
  /** Throws when the data does not belong to the screen (shown as the error view). */
  view(screen: S, data: D, ctx: ViewContext): ScreenView<S>;
  /** The screen a chosen row opens; absent when rows are not choosable. `input`: the field's draft. */
  select?(screen: S, itemId: string, input?: string): Next | null;
  /** The screen a screen action (KioskActionId beyond back/close/retry/online) opens. */
  act?(screen: S, actionId: KioskActionId, data: D): Next | null;
  /** The field's first draft when the screen opens (a kept comment, say). */
  initialInput?(screen: S): string;
}

/** A non-empty string field of `value`, or null. */
export function field(value: { [k: string]: unknown }, name: string): string | null {
  const v = value[name];
  return typeof v === "string" && v !== "" ? v : null;
}

export function navActions(ctx: ViewContext, extra: KioskAction[] = []): KioskAction[] {
  const { t } = ctx.i18n;
  return [
    ...(ctx.canGoBack ? [{ id: "back" as const, label: t("action.back") }] : []),
    ...extra,
    { id: "close", label: t("action.close") },
  ];
}

export function staleNotice(ctx: ViewContext): KioskNotice | null {
  if (ctx.dataAsOf === undefined || ctx.dataAsOf === null) return null;
  return { kind: "stale", text: ctx.i18n.t("data.asOf", { datetime: ctx.i18n.formatDateTime(ctx.dataAsOf) }) };
}

export function loadingView<S>(screen: S, ctx: ViewContext): ScreenView<S> {
  return {
    screen, status: "loading", title: ctx.i18n.t("kiosk.loading"), subtitle: null, intro: null,
    items: [], sections: [], notice: null, actions: navActions(ctx),
  };
}

/** `message` replaces the generic "could not be loaded" text, e.g. for an unreachable server. */
export function errorView<S>(screen: S, ctx: ViewContext, message?: string): ScreenView<S> {
  const { t } = ctx.i18n;
  return {
    screen, status: "error", title: t("kiosk.error"), subtitle: null, intro: null, items: [], sections: [],
    notice: { kind: "error", text: message ?? t("kiosk.error") },
    actions: navActions(ctx, [{ id: "retry", label: t("action.retry") }]),
  };
}
