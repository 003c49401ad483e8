// Booking slots and their capacities.
//
// Slots: each open interval is cut into consecutive slots of `slotMinutes` from its opening time; a
// remainder too short for a whole slot at the end of an interval is not offered (08:00-11:45 with 30
// minutes gives 08:00..11:00-11:30, not 11:30-11:45). Slots never span a break.
//
// Capacity: an agency's daily quota is spread evenly over the day's slots, and the remainder goes one
// by one to the earliest slots (quota 20 over 7 slots: 3,3,3,3,3,3,2). Earliest first because
// morning slots leave time to come back the same day when a document is missing. A quota smaller
// than the number of slots leaves the later slots at 0 (shown, but not bookable).
import { formatWallTime, type IsoDate, type WallTime } from "../time/wib";
import { intervalsOn, type WeeklyHours } from "./hours";

export const DEFAULT_SLOT_MINUTES = 30;

export interface Slot {
  start: WallTime;
  end: WallTime;
  /** Minutes since midnight WIB. */
  startMinutes: number;
  endMinutes: number;
}

export function checkSlotMinutes(slotMinutes: number): number {
  if (!Number.isInteger(slotMinutes) || slotMinutes < 5 || slotMinutes > 240) {
    throw new RangeError(`slots: slot length ${slotMinutes} must be a whole number of minutes, 5..240`);
  }
  return slotMinutes;
}

/** The slots of open intervals given in minutes since midnight. */
export function slotsOfIntervals(intervals: ReadonlyArray<{ open: number; close: number }>, slotMinutes = DEFAULT_SLOT_MINUTES): Slot[] {
  checkSlotMinutes(slotMinutes);
  const slots: Slot[] = [];
  for (const iv of intervals) {
    for (let t = iv.open; t + slotMinutes <= iv.close; t += slotMinutes) {
      slots.push({ start: formatWallTime(t), end: formatWallTime(t + slotMinutes), startMinutes: t, endMinutes: t + slotMinutes });
    }
  }
  return slots;
}

/** The slots of a date under weekly opening hours (empty on a weekday without hours). */
export function slotsOn(hours: WeeklyHours, date: IsoDate, slotMinutes = DEFAULT_SLOT_MINUTES): Slot[] {
  return slotsOfIntervals(intervalsOn(hours, date), slotMinutes);
}

/** Per-slot capacities for a daily quota: even split, remainder to the earliest slots; sums to the quota. */
export function slotCapacities(dailyQuota: number, slotCount: number): number[] {
  if (!Number.isInteger(dailyQuota) || dailyQuota < 0) throw new RangeError(`slots: daily quota ${dailyQuota} must be a whole number >= 0`);
  if (!Number.isInteger(slotCount) || slotCount < 0) throw new RangeError(`slots: slot count ${slotCount} must be a whole number >= 0`);
  if (slotCount === 0) return [];
  const base = Math.floor(dailyQuota / slotCount);
  const extra = dailyQuota % slotCount;
  return Array.from({ length: slotCount }, (_, i) => base + (i < extra ? 1 : 0));
}
