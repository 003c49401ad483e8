// The API shapes of questions, complaints and the SKM, declared once (TypeBox): the server validates
// and serializes with them, the OpenAPI document shows them, and the app checks its answers with
// them (domain/validate.ts's check(): answer schemas keep to its keyword subset, no minItems).
import { Type, type Static } from "@sinclair/typebox";
import { Nullable, OneOf } from "../types";
import { TICKET_KINDS, TICKET_STATUSES } from "./tickets";

const Iso = Type.String({ description: "ISO-8601 time (UTC)" });
const IsoDay = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "WIB calendar day, YYYY-MM-DD" });
const RegionCode = Type.String({ pattern: "^\\d{4}$", description: "Kemendagri code, e.g. 3273" });
const AgencyId = Type.String({ maxLength: 80, pattern: "^\\d{4}-[a-z0-9]+(-[a-z0-9]+)*$", description: "regionCode-agencySlug, e.g. 3273-imigrasi" });
const ServiceId = Type.String({ maxLength: 120, pattern: "^\\d{4}-[a-z0-9]+(-[a-z0-9]+)+$", description: "e.g. 3273-imigrasi-paspor-biasa" });
const BilingualSchema = Type.Object({ id: Type.String(), en: Type.String() });

export const LANGS = ["id", "en"] as const;
export const TICKET_CHANNELS = ["web", "lobby", "xr"] as const;
export const PUBLIC_VISIT_KINDS = ["service", "lobby"] as const;
export const MUTU_VALUES = ["A", "B", "C", "D"] as const;
export const INBOX_FILTERS = ["open", "closed", "all"] as const;

/** The path parameter of a tracking code: case, spaces and one dash allowed ("kfdx-4mra"). */
export const TrackingCodeParam = Type.String({ minLength: 8, maxLength: 12, pattern: "^[A-Za-z0-9]{4}[- ]?[A-Za-z0-9]{4}$", description: "Tracking code, e.g. KFDX-4MRA" });
export const TicketParams = Type.Object({ code: TrackingCodeParam }, { additionalProperties: false });

// ---- citizens ----

export const TicketBody = Type.Object({
  kind: OneOf(TICKET_KINDS, { description: "konsultasi (a question) or pengaduan (a complaint)" }),
  regionCode: RegionCode,
  agencyId: Type.Optional(AgencyId),
  serviceId: Type.Optional(ServiceId),
  text: Type.String({ maxLength: 16_064, description: "Up to 4,000 characters; kept and shown as text" }),
  contact: Type.Optional(Nullable(Type.String({ maxLength: 254 }), { description: "E-mail or Indonesian phone number for the answer; deleted a set time after closing" })),
  lang: Type.Optional(OneOf(LANGS)),
  channel: Type.Optional(OneOf(TICKET_CHANNELS)),
}, { additionalProperties: false });
export type TicketInput = Static<typeof TicketBody>;

export const TicketCreatedAnswer = Type.Object({
  ticket: Type.Object({
    code: Type.String({ description: "8 characters, e.g. KFDX4MRA" }),
    formattedCode: Type.String({ description: "As printed: KFDX-4MRA" }),
    status: OneOf(TICKET_STATUSES),
    receivedAt: Iso,
    forwardBy: IsoDay,
    actBy: IsoDay,
  }),
});

export const TicketClockSchema = Type.Object({
  stage: Nullable(Type.String({ enum: ["forward", "act"] }), { description: "forward: to reach the unit (3 working days); act: to be acted on (5); null: done" }),
  dueDate: Nullable(IsoDay),
  overdue: Type.Boolean(),
  workingDaysLate: Type.Integer({ minimum: 0 }),
  workingDaysLeft: Type.Integer({ minimum: 0 }),
});

export const PublicMessageSchema = Type.Object({
  at: Iso,
  type: OneOf(["take", "answer", "forward", "close", "reopen", "lapor", "citizen"] as const),
  text: Nullable(Type.String(), { description: "An answer or the citizen's message; null for a status event" }),
  agencyName: Nullable(Type.String(), { description: "Who answered (the agency, never an officer's name), or where it was forwarded" }),
  laporId: Nullable(Type.String()),
});

export const PublicTicketSchema = Type.Object({
  code: Type.String(),
  formattedCode: Type.String(),
  kind: OneOf(TICKET_KINDS),
  status: OneOf(TICKET_STATUSES),
  regionCode: Type.String(),
  regionName: Type.String(),
  agencyId: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  serviceId: Nullable(Type.String()),
  serviceName: Nullable(Type.String()),
  text: Type.String(),
  lang: OneOf(LANGS),
  hasContact: Type.Boolean({ description: "Whether a contact is still stored (it is never shown here)" }),
  receivedAt: Iso,
  updatedAt: Iso,
  closedAt: Nullable(Iso),
  laporId: Nullable(Type.String()),
  clock: TicketClockSchema,
  messages: Type.Array(PublicMessageSchema),
});
export type PublicTicket = Static<typeof PublicTicketSchema>;
export const PublicTicketAnswer = Type.Object({ ticket: PublicTicketSchema });

export const CitizenMessageBody = Type.Object({
  text: Type.String({ maxLength: 16_064, description: "Up to 4,000 characters" }),
}, { additionalProperties: false });

export const VisitBody = Type.Object({
  kind: OneOf(PUBLIC_VISIT_KINDS, { description: "service: a service was read (serviceId); lobby: a lobby visit ended (regionCode)" }),
  serviceId: Type.Optional(ServiceId),
  regionCode: Type.Optional(RegionCode),
}, { additionalProperties: false });
export const VisitAnswer = Type.Object({
  visit: Type.Object({
    token: Type.String({ description: "Give it with the survey; it rates this visit once" }),
    kind: OneOf(["service", "queue", "lobby"] as const),
    regionCode: Type.String(),
    agencyId: Nullable(Type.String()),
    serviceId: Nullable(Type.String()),
    expiresAt: Iso,
  }),
});

export const SurveyBody = Type.Object({
  agencyId: AgencyId,
  serviceId: Type.Optional(ServiceId),
  answers: Type.Array(Type.Integer({ minimum: 1, maximum: 4 }), { minItems: 9, maxItems: 9, description: "The nine unsur of PermenPANRB 14/2017 in questionnaire order, each 1-4" }),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 16_064 }), { description: "Optional, up to 4,000 characters; read by the agency's officers" })),
  visitToken: Type.String({ minLength: 10, maxLength: 100, description: "From POST /visits (or a used queue number): one survey per visit" }),
}, { additionalProperties: false });
export const SurveyAnswer = Type.Object({
  survey: Type.Object({ regionCode: Type.String(), agencyId: Type.String(), day: IsoDay }),
});

export const IkmQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2017, maximum: 2100, description: "Default: the current year (WIB)" })),
  semester: Type.Optional(Type.Integer({ minimum: 1, maximum: 2, description: "1: January-June, 2: July-December; default the whole year" })),
}, { additionalProperties: false });

const IkmCore = {
  respondents: Type.Integer({ minimum: 0 }),
  ikm: Nullable(Type.Number(), { description: "25 x mean of the nine NRR, from exact sums, rounded to 2 decimals; null without respondents" }),
  mutu: Nullable(Type.String({ enum: [...MUTU_VALUES] }), { description: "A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99" }),
};
export const SampleSchema = Type.Object({
  population: Type.Integer({ minimum: 0, description: "Visits recorded by MPP Digital in the period (services read, queue numbers used, lobby visits)" }),
  required: Type.Integer({ minimum: 0, description: "Krejcie-Morgan sample for that population (PermenPANRB 14/2017)" }),
  enough: Type.Boolean(),
  message: BilingualSchema,
});
export const IkmAnswer = Type.Object({
  region: Type.String(),
  regionName: Type.String(),
  year: Type.Integer(),
  semester: Nullable(Type.Integer()),
  from: IsoDay,
  to: IsoDay,
  ...IkmCore,
  kinerja: Nullable(BilingualSchema),
  unsur: Type.Array(Type.Object({ key: Type.String(), name: Type.String(), nameEn: Type.String(), nrr: Nullable(Type.Number()) })),
  sample: SampleSchema,
  agencies: Type.Array(Type.Object({ agencyId: Type.String(), name: Type.String(), ...IkmCore, sample: SampleSchema })),
});
export type Ikm = Static<typeof IkmAnswer>;

// ---- officers ----

export const InboxQuery = Type.Object({
  region: Type.Optional(RegionCode),
  agency: Type.Optional(Type.String({ maxLength: 60, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$", description: "agency slug" })),
  status: Type.Optional(OneOf(INBOX_FILTERS, { description: "open (default): not closed; closed; all" })),
  kind: Type.Optional(OneOf(TICKET_KINDS)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
}, { additionalProperties: false });

export const InboxItemSchema = Type.Object({
  code: Type.String(),
  formattedCode: Type.String(),
  kind: OneOf(TICKET_KINDS),
  status: OneOf(TICKET_STATUSES),
  regionCode: Type.String(),
  agencyId: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  serviceId: Nullable(Type.String()),
  excerpt: Type.String({ description: "The first 160 characters of the text" }),
  receivedAt: Iso,
  updatedAt: Iso,
  laporId: Nullable(Type.String()),
  clock: TicketClockSchema,
});
export const InboxAnswer = Type.Object({ tickets: Type.Array(InboxItemSchema), total: Type.Integer({ minimum: 0 }) });

export const OfficerEventSchema = Type.Object({
  id: Type.Integer(),
  at: Iso,
  type: OneOf(["take", "answer", "forward", "close", "reopen", "lapor", "citizen"] as const),
  actor: Nullable(Type.String(), { description: "Officer's username; null for the citizen" }),
  text: Nullable(Type.String()),
  fromAgency: Nullable(Type.String()),
  toAgency: Nullable(Type.String()),
  visible: Type.Boolean({ description: "Shown to the citizen" }),
});

export const OfficerTicketAnswer = Type.Object({
  ticket: Type.Object({
    ...PublicTicketSchema.properties,
    contact: Nullable(Type.String()),
    contactKind: Nullable(Type.String({ enum: ["email", "phone"] })),
    contactPurgedAt: Nullable(Iso),
    channel: OneOf(TICKET_CHANNELS),
    forwardedAt: Nullable(Iso),
    actedAt: Nullable(Iso),
    deadlines: Type.Object({ forwardBy: IsoDay, actBy: IsoDay, actByEstimated: Type.Boolean() }),
    events: Type.Array(OfficerEventSchema),
  }),
  lapor: Type.Object({
    url: Type.String({ description: "https://www.lapor.go.id: the officer files the complaint there with the agency's own account" }),
    text: Type.String({ description: "The prepared text to paste into LAPOR!" }),
  }),
  can: Type.Object({ take: Type.Boolean(), answer: Type.Boolean(), forward: Type.Boolean(), close: Type.Boolean(), lapor: Type.Boolean() }),
});

export const AnswerBody = Type.Object({
  text: Type.String({ maxLength: 16_064, description: "The answer the citizen reads (up to 4,000 characters)" }),
}, { additionalProperties: false });
export const ForwardBody = Type.Object({
  agencyId: AgencyId,
  note: Type.Optional(Type.String({ maxLength: 4000, description: "For the receiving officers only" })),
}, { additionalProperties: false });
export const CloseBody = Type.Object({
  note: Type.Optional(Type.String({ maxLength: 4000, description: "Shown to the citizen with the closing" })),
}, { additionalProperties: false });
export const LaporBody = Type.Object({
  laporId: Type.String({ minLength: 1, maxLength: 40, description: "The tracking id LAPOR! gave (shown to the citizen)" }),
  close: Type.Optional(Type.Boolean({ description: "Close the ticket here (default true): it continues in LAPOR!" })),
}, { additionalProperties: false });
export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const SurveyCommentsQuery = Type.Object({
  region: Type.Optional(RegionCode),
  agency: Type.Optional(Type.String({ maxLength: 60, pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" })),
  year: Type.Optional(Type.Integer({ minimum: 2017, maximum: 2100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
}, { additionalProperties: false });
export const SurveyCommentsAnswer = Type.Object({
  comments: Type.Array(Type.Object({ day: IsoDay, agencyId: Type.String(), serviceId: Nullable(Type.String()), text: Type.String(), answers: Type.Array(Type.Integer()) })),
});
