// The format of data/mpp/<code>.json: what public sources say about one region's physical MPP
// building (address, opening hours per weekday, tenant agencies), each fact with its sources.
// Declared once here; mpp-load.ts checks what the shape cannot; data/mpp/README.md documents it.
import { Type, type Static } from "@sinclair/typebox";
import { SourceSchema } from "./schema";

export const MPP_FORMAT_VERSION = 1;

/** Monday first, as Indonesian week schedules are written. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const Slug = Type.String({ pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$", maxLength: 60 });
const SourceIds = Type.Array(Slug, { minItems: 1, maxItems: 6, uniqueItems: true });
const IsoDate = Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$" });
const Clock = Type.String({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$" });
const Note = Type.Union([Type.String({ minLength: 1, maxLength: 1000 }), Type.Null()]);

export const IntervalSchema = Type.Object({ open: Clock, close: Clock }, { additionalProperties: false });

/** One day: null = no source says; [] = closed (a source says so); else the open intervals in order. */
const DaySchema = Type.Union([Type.Array(IntervalSchema, { maxItems: 4 }), Type.Null()]);

export const HoursPeriodSchema = Type.Object({
  /** What the period is: "Reguler", "Ramadan 1446 H". */
  label: Type.String({ minLength: 1, maxLength: 80 }),
  /** First and last day the hours apply; null = open-ended (the regular hours have both null). */
  from: Type.Union([IsoDate, Type.Null()]),
  until: Type.Union([IsoDate, Type.Null()]),
  days: Type.Object(Object.fromEntries(WEEKDAYS.map((d) => [d, DaySchema])) as Record<Weekday, typeof DaySchema>,
    { additionalProperties: false }),
  note: Note,
  sources: SourceIds,
}, { additionalProperties: false });

export const TenantSchema = Type.Object({
  /** As the source names it: "Polresta Bogor Kota". */
  name: Type.String({ minLength: 1, maxLength: 200 }),
  /** Catalog agency slugs this tenant runs (a Polres runs both SIM and SKCK); [] when none matches. */
  agencies: Type.Array(Slug, { maxItems: 4, uniqueItems: true }),
}, { additionalProperties: false });

export const MppFileSchema = Type.Object({
  formatVersion: Type.Literal(MPP_FORMAT_VERSION),
  /** Kemendagri code; equals the file name. */
  region: Type.String({ pattern: "^\\d{4}$" }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  sources: Type.Array(SourceSchema, { minItems: 1, maxItems: 50 }),
  address: Type.Union([Type.Object({ text: Type.String({ minLength: 1, maxLength: 300 }), note: Note, sources: SourceIds },
    { additionalProperties: false }), Type.Null()]),
  hours: Type.Array(HoursPeriodSchema, { maxItems: 10 }),
  tenants: Type.Union([Type.Object({
    list: Type.Array(TenantSchema, { minItems: 1, maxItems: 80 }),
    /** True only when the source gives the whole list; "antara lain" lists are false. */
    complete: Type.Boolean(),
    note: Note,
    sources: SourceIds,
  }, { additionalProperties: false }), Type.Null()]),
}, { additionalProperties: false });

export type MppFile = Static<typeof MppFileSchema>;
export type HoursPeriod = Static<typeof HoursPeriodSchema>;
export type Interval = Static<typeof IntervalSchema>;
