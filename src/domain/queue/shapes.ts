// The queue API's shapes, declared once (TypeBox): the server validates and serializes with them, the
// OpenAPI document prints them, and the app checks answers with them (domain/validate.ts `check`,
// which knows only a subset of JSON Schema: no unions, no minItems; keep to it here).
import { Type, type Static } from "@sinclair/typebox";
import { MPP_STATUSES, Nullable, OneOf } from "../types";

export const LANGS = ["id", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** As the database stores them (CHECK constraints of migration 20). */
export const TICKET_KINDS = ["booking", "walk_in"] as const;
export const TICKET_STATUSES = ["waiting", "called", "served", "no_show", "cancelled"] as const;
export const CALL_ACTIONS = ["call", "recall", "served", "no_show", "transfer"] as const;
export const REGION_DAY_KINDS = ["closed", "open"] as const;
/** A booking's status as citizens see it: "booked" is a booking still waiting for its turn. */
export const BOOKING_STATUSES = ["booked", "called", "served", "no_show", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

const Date_ = (description = "WIB calendar day, YYYY-MM-DD") => Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description });
const Time = (description = "WIB wall clock, HH:MM") => Type.String({ pattern: "^\\d{2}:\\d{2}$", description });
const Num = () => Type.String({ description: "Queue number, e.g. B-014" });
const BilingualSchema = Type.Object({ id: Type.String(), en: Type.String() });
const Count = () => Type.Integer({ minimum: 0 });

export const ClosureSchema = Type.Object({
  kind: Type.String({ description: "weekend, libur_nasional, cuti_bersama, region_closed, no_hours, no_calendar or no_mpp" }),
  name: BilingualSchema,
});

export const QueueSlotSchema = Type.Object({
  start: Time(),
  end: Time(),
  capacity: Count(),
  remaining: Count(),
  bookable: Type.Boolean({ description: "Whether it can be booked now" }),
  reason: Nullable(Type.String(), { description: "Why not: past_date, outside_window or slot_full; null when bookable" }),
});

export const QueueAgencyDaySchema = Type.Object({
  agencyId: Type.String(),
  shortName: Type.String(),
  letter: Type.String({ description: "The counter group's letter of its queue numbers" }),
  counters: Type.Array(Type.String(), { description: "Counter labels, e.g. B1, B2" }),
  open: Type.Boolean(),
  closure: Nullable(ClosureSchema),
  slots: Type.Array(QueueSlotSchema),
});

export const QueueDayAnswer = Type.Object({
  region: Type.String(),
  date: Date_(),
  open: Type.Boolean({ description: "Whether any agency of this MPP takes bookings on this date" }),
  physicalMpp: OneOf(MPP_STATUSES),
  window: Type.Object({ from: Date_("First bookable day (today, WIB)"), to: Date_("Last bookable day") }),
  closure: Nullable(ClosureSchema, { description: "Why the whole MPP is closed on this date (null when it is open)" }),
  retentionDays: Type.Integer({ minimum: 0, description: "Bookings (with any name and phone) are deleted this many days after their date" }),
  agencies: Type.Array(QueueAgencyDaySchema),
});
export type QueueDay = Static<typeof QueueDayAnswer>;

/**
 * The SKM for a queue number that was served (issue 15): the holder of the booking or ticket code
 * may rate that visit once. `token` is given only while the survey is open.
 */
export const QUEUE_SURVEY_STATES = ["open", "used", "expired"] as const;
export const QueueSurveySchema = Type.Object({
  state: OneOf(QUEUE_SURVEY_STATES, { description: "open: may be rated now; used: already rated; expired: too late" }),
  token: Nullable(Type.String(), { description: "The visit token for POST /surveys (visitToken); null unless open" }),
  expiresAt: Type.String({ description: "ISO instant after which the visit can no longer be rated" }),
});
export type QueueSurvey = Static<typeof QueueSurveySchema>;

export const BookingSchema = Type.Object({
  code: Type.String({ description: "8 characters without look-alikes; the key to look up and cancel" }),
  number: Num(),
  agencyId: Type.String(),
  serviceId: Nullable(Type.String()),
  regionCode: Type.String(),
  date: Date_(),
  slot: Time("Slot start"),
  slotEnd: Time("Slot end"),
  status: OneOf(BOOKING_STATUSES),
  counters: Type.Array(Type.String(), { description: "The counter group's counters, e.g. B1, B2" }),
  createdAt: Type.String(),
  survey: Type.Optional(QueueSurveySchema),
});
export type Booking = Static<typeof BookingSchema>;
export const BookingAnswer = Type.Object({ booking: BookingSchema });

const LangField = Type.Optional(OneOf(LANGS, { description: "Language of error messages (else Accept-Language; default id)" }));

export const BookingBody = Type.Object({
  agencyId: Type.String({ maxLength: 80, pattern: "^\\d{4}-[a-z0-9]+(-[a-z0-9]+)*$" }),
  serviceId: Type.Optional(Type.String({ maxLength: 120, pattern: "^\\d{4}-[a-z0-9]+(-[a-z0-9]+)+$" })),
  date: Type.String({ maxLength: 20 }),
  slot: Type.String({ maxLength: 10 }),
  name: Type.Optional(Type.String({ maxLength: 400, description: "Optional; at most 80 characters are kept" })),
  phone: Type.Optional(Type.String({ maxLength: 40, description: "Optional Indonesian phone number" })),
  lang: LangField,
}, { additionalProperties: false });
export type BookingRequest = Static<typeof BookingBody>;

export const WalkInBody = Type.Object({
  agencyId: Type.String({ maxLength: 80, pattern: "^\\d{4}-[a-z0-9]+(-[a-z0-9]+)*$" }),
  lang: LangField,
}, { additionalProperties: false });

export const WalkInTicketSchema = Type.Object({
  number: Num(),
  code: Type.String({ description: "The ticket's code (printed, also as a QR code): opens /?antrean=CODE to rate the service once served" }),
  agencyId: Type.String(),
  regionCode: Type.String(),
  date: Date_(),
  issuedAt: Type.String({ description: "ISO instant" }),
  time: Time("Issued at, WIB"),
  waitingAhead: Count(),
  counters: Type.Array(Type.String()),
});
export type WalkInTicket = Static<typeof WalkInTicketSchema>;
export const WalkInAnswer = Type.Object({ ticket: WalkInTicketSchema });

/** A booking or walk-in number by its code, as its holder sees it (never a name or phone). */
export const QueueTicketSchema = Type.Object({
  code: Type.String(),
  kind: OneOf(TICKET_KINDS),
  number: Num(),
  agencyId: Type.String(),
  serviceId: Nullable(Type.String()),
  regionCode: Type.String(),
  date: Date_(),
  status: OneOf(TICKET_STATUSES),
  survey: Nullable(QueueSurveySchema, { description: "Present once the number was served" }),
});
export type QueueTicket = Static<typeof QueueTicketSchema>;
export const QueueTicketAnswer = Type.Object({ ticket: QueueTicketSchema });

export const BoardCounterSchema = Type.Object({
  counterId: Type.String(),
  label: Type.String(),
  agencyId: Type.String(),
  agencyShortName: Type.String(),
  number: Nullable(Type.String(), { description: "The number called last at this counter today" }),
  callId: Nullable(Type.Integer(), { description: "Changes at every call and recall: a board announces when it changes" }),
  action: Nullable(Type.String(), { description: "call or recall" }),
  calledAt: Nullable(Type.String()),
});
export const BoardSchema = Type.Object({
  region: Type.String(),
  date: Date_(),
  counters: Type.Array(BoardCounterSchema),
  recent: Type.Array(Type.Object({ number: Type.String(), counterLabel: Type.String(), at: Type.String(), callId: Type.Integer() })),
});
export type Board = Static<typeof BoardSchema>;
export type BoardCounter = Static<typeof BoardCounterSchema>;
export const BoardAnswer = Type.Object({ board: BoardSchema });

// ---- officers: the counter page and the settings ----

const TicketBrief = Type.Object({
  number: Num(),
  kind: OneOf(TICKET_KINDS),
  slot: Nullable(Time()),
  serviceId: Nullable(Type.String()),
  transferred: Type.Boolean(),
});

export const CounterStateSchema = Type.Object({
  counter: Type.Object({ id: Type.String(), label: Type.String(), agencyId: Type.String(), agencyShortName: Type.String(), regionCode: Type.String() }),
  date: Date_(),
  current: Nullable(Type.Object({
    number: Num(), kind: OneOf(TICKET_KINDS), slot: Nullable(Time()), serviceId: Nullable(Type.String()),
    calledAt: Type.String(), callCount: Type.Integer({ minimum: 1 }),
  })),
  waiting: Count(),
  next: Type.Array(TicketBrief),
  later: Count(),
  servedToday: Count(),
  noShowToday: Count(),
  transferTargets: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), agencyShortName: Type.String() })),
});
export type CounterState = Static<typeof CounterStateSchema>;
export const CounterStateAnswer = Type.Object({ state: CounterStateSchema });
export const CounterListAnswer = Type.Object({
  counters: Type.Array(Type.Object({
    id: Type.String(), label: Type.String(), agencyId: Type.String(), agencyShortName: Type.String(), regionCode: Type.String(), waiting: Count(),
  })),
});

export const CounterActionBody = Type.Object({
  expect: Type.Optional(Nullable(Type.String({ maxLength: 12 }), {
    description: "The number the page shows as current (null: none); 409 when the counter has moved on (a double click, a second tab)",
  })),
}, { additionalProperties: false });
export const TransferBody = Type.Object({
  to: Type.String({ maxLength: 120, description: "Counter id in the same region" }),
  expect: Type.Optional(Nullable(Type.String({ maxLength: 12 }))),
}, { additionalProperties: false });

const IntervalList = Type.Array(Type.Object({ open: Time(), close: Time() }, { additionalProperties: false }), { maxItems: 6 });
const WeekSchema = Type.Array(IntervalList, { minItems: 7, maxItems: 7, description: "Seven lists of open intervals, Sunday first; [] closed" });

export const AgencyQueueSettingsSchema = Type.Object({
  agencyId: Type.String(),
  shortName: Type.String(),
  dailyQuota: Type.Integer({ minimum: 0, maximum: 10000 }),
  slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
  letter: Type.String({ pattern: "^[A-Z]$" }),
  hours: Nullable(WeekSchema, { description: "The agency's own hours; null: the MPP's" }),
  walkInQuota: Nullable(Type.Integer({ minimum: 0, maximum: 10000 })),
  effectiveHours: Nullable(WeekSchema, { description: "What the queue uses; null: none (no booking)" }),
});
export const RegionDaySchema = Type.Object({ date: Date_(), kind: OneOf(REGION_DAY_KINDS), reason: BilingualSchema });
export const QueueSettingsAnswer = Type.Object({
  region: Type.String(),
  physicalMpp: OneOf(MPP_STATUSES),
  mppHours: Nullable(WeekSchema, { description: "The MPP's hours from its record (edited through the region's draft)" }),
  agencies: Type.Array(AgencyQueueSettingsSchema),
  days: Type.Array(RegionDaySchema),
});
export const AgencySettingsBody = Type.Object({
  dailyQuota: Type.Integer({ minimum: 0, maximum: 10000 }),
  slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
  letter: Type.String({ pattern: "^[A-Z]$" }),
  hours: Nullable(WeekSchema),
  walkInQuota: Nullable(Type.Integer({ minimum: 0, maximum: 10000 })),
}, { additionalProperties: false });
export type AgencySettingsInput = Static<typeof AgencySettingsBody>;
export const RegionDayBody = Type.Object({
  kind: OneOf(REGION_DAY_KINDS),
  reason: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
}, { additionalProperties: false });
