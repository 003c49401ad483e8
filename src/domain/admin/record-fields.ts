// The fields of the other records officers keep: an agency (with its counters) and a region's MPP
// (status, address, opening hours per weekday). Declared once (TypeBox); the hours follow the
// format of data/mpp/*.json (src/domain/catalog/mpp-schema.ts on the catalog branch): per weekday,
// null = no source says, [] = closed, else the open intervals in order ("08:00"-"15:00", WIB).
import { Type, type Static } from "@sinclair/typebox";
import { AGENCY_LEVELS, MPP_STATUSES, Nullable, OneOf } from "../types";
import { hasForbiddenText } from "./text";
import { diffPairs, type Change, type FieldError } from "./service-fields";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const Clock = Type.String({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$", description: "HH:MM, 24 h, WIB" });
export const IntervalSchema = Type.Object({ open: Clock, close: Clock }, { additionalProperties: false });
const DaySchema = Type.Union([Type.Array(IntervalSchema, { maxItems: 4 }), Type.Null()], { description: "null: not known; []: closed" });
export const WeekHoursSchema = Type.Object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, DaySchema])) as Record<Weekday, typeof DaySchema>,
  { additionalProperties: false },
);
export type WeekHours = Static<typeof WeekHoursSchema>;

export const CounterFieldSchema = Type.Object({
  id: Nullable(Type.String({ maxLength: 120 }), { description: "Existing counter id; null for a new counter" }),
  label: Type.String({ minLength: 1, maxLength: 20, description: "Shown above the counter, e.g. B2" }),
}, { additionalProperties: false });

const agencyFields = {
  name: Type.String({ minLength: 1, maxLength: 300 }),
  nameEn: Type.String({ maxLength: 300 }),
  shortName: Type.String({ minLength: 1, maxLength: 40 }),
  level: OneOf(AGENCY_LEVELS),
  note: Nullable(Type.String({ maxLength: 2000 }), { description: "How sure this agency's presence in the MPP is" }),
  counters: Type.Array(CounterFieldSchema, { maxItems: 12 }),
};
export const AgencyFieldsSchema = Type.Object(agencyFields, { additionalProperties: false });
export type AgencyFields = Static<typeof AgencyFieldsSchema>;
export const AgencyPatchSchema = Type.Partial(Type.Object(agencyFields, { additionalProperties: false }), { additionalProperties: false });

const regionFields = {
  mppStatus: OneOf(MPP_STATUSES),
  mppNote: Nullable(Type.String({ maxLength: 2000 })),
  mppSource: Nullable(Type.String({ maxLength: 2000 })),
  mppAddress: Nullable(Type.String({ maxLength: 300 })),
  hours: Nullable(WeekHoursSchema, { description: "Opening hours per weekday; null when no source gives them" }),
};
export const RegionFieldsSchema = Type.Object(regionFields, { additionalProperties: false });
export type RegionFields = Static<typeof RegionFieldsSchema>;
export const RegionPatchSchema = Type.Partial(Type.Object(regionFields, { additionalProperties: false }), { additionalProperties: false });

const orNull = (v: string | null): string | null => (v === null || v.trim() === "" ? null : v.trim());

export function normalizeAgency(a: AgencyFields): AgencyFields {
  return {
    name: a.name.trim(), nameEn: a.nameEn.trim(), shortName: a.shortName.trim(), level: a.level, note: orNull(a.note),
    counters: a.counters.map((c) => ({ id: c.id, label: c.label.trim() })),
  };
}

export function checkAgency(a: AgencyFields): FieldError[] {
  const errors: FieldError[] = [];
  const texts: Array<[string, string | null]> = [["name", a.name], ["nameEn", a.nameEn], ["shortName", a.shortName], ["note", a.note],
    ...a.counters.map((c, i): [string, string] => [`counters[${i}].label`, c.label])];
  for (const [field, v] of texts) if (v !== null && hasForbiddenText(v, false)) errors.push({ field, message: "Contains control characters or invisible formatting characters." });
  if (a.name === "") errors.push({ field: "name", message: "An agency needs a name." });
  if (a.shortName === "") errors.push({ field: "shortName", message: "An agency needs a short name for its counters." });
  const labels = a.counters.map((c) => c.label.toLowerCase());
  labels.forEach((l, i) => { if (labels.indexOf(l) !== i) errors.push({ field: `counters[${i}].label`, message: "Two counters have the same label." }); });
  const ids = a.counters.map((c) => c.id).filter((x): x is string => x !== null);
  ids.forEach((id, i) => { if (ids.indexOf(id) !== i) errors.push({ field: "counters", message: `Counter ${id} is listed twice.` }); });
  return errors;
}

export function diffAgency(before: AgencyFields | null, after: AgencyFields): Change[] {
  const flat = (a: AgencyFields | null): Array<[string, unknown]> => [
    ["name", a?.name ?? null], ["nameEn", a?.nameEn ?? null], ["shortName", a?.shortName ?? null], ["level", a?.level ?? null],
    ["note", a?.note ?? null], ["counters", a?.counters.map((c) => c.label) ?? null],
  ];
  return diffPairs(flat(before), flat(after));
}

export function normalizeRegion(r: RegionFields): RegionFields {
  return { mppStatus: r.mppStatus, mppNote: orNull(r.mppNote), mppSource: orNull(r.mppSource), mppAddress: orNull(r.mppAddress), hours: r.hours };
}

export function checkRegion(r: RegionFields): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, v] of [["mppNote", r.mppNote], ["mppSource", r.mppSource], ["mppAddress", r.mppAddress]] as const) {
    if (v !== null && hasForbiddenText(v, false)) errors.push({ field, message: "Contains control characters or invisible formatting characters." });
  }
  if (r.mppStatus === "yes" && r.mppSource === null) errors.push({ field: "mppSource", message: "An open MPP needs the source that says so." });
  if (r.hours) {
    for (const day of WEEKDAYS) {
      const list = r.hours[day];
      if (!list) continue;
      let last = "";
      list.forEach((iv, i) => {
        if (iv.close <= iv.open) errors.push({ field: `hours.${day}[${i}]`, message: "Closing time must be after opening time." });
        if (iv.open < last) errors.push({ field: `hours.${day}[${i}]`, message: "Intervals must be in order and not overlap." });
        last = iv.close;
      });
    }
    if (r.mppSource === null) errors.push({ field: "mppSource", message: "Opening hours need the source that gives them." });
  }
  return errors;
}

export function diffRegion(before: RegionFields | null, after: RegionFields): Change[] {
  const flat = (r: RegionFields | null): Array<[string, unknown]> => [
    ["mppStatus", r?.mppStatus ?? null], ["mppNote", r?.mppNote ?? null], ["mppSource", r?.mppSource ?? null],
    ["mppAddress", r?.mppAddress ?? null],
    ...WEEKDAYS.map((d): [string, unknown] => [`hours.${d}`, r?.hours ? r.hours[d] : null]),
  ];
  return diffPairs(flat(before), flat(after));
}

/** "08:00-12:00, 13:00-15:00" / "tutup" / "tidak diketahui" for one day. */
export function dayText(day: WeekHours[Weekday], lang: "id" | "en" = "id"): string {
  if (day === null) return lang === "id" ? "tidak diketahui" : "unknown";
  if (day.length === 0) return lang === "id" ? "tutup" : "closed";
  return day.map((iv) => `${iv.open}-${iv.close}`).join(", ");
}
