// The working-day calendar the ticket clocks count on: weekends, libur nasional and cuti bersama from
// data/calendar (SKB 3 Menteri). Read once per process; a bad file stops the start with the file and
// field named (HolidayFileError). Regions have no closed days of their own yet: one calendar serves all.
import { fileURLToPath } from "node:url";
import { createCalendar, type Calendar } from "../../domain/calendar/calendar";
import { loadHolidayFiles } from "../../domain/calendar/load";

export const CALENDAR_DIR = fileURLToPath(new URL("../../../data/calendar", import.meta.url));

const calendars = new Map<string, Calendar>();

export function workingCalendar(dir: string = CALENDAR_DIR): Calendar {
  let c = calendars.get(dir);
  if (!c) calendars.set(dir, (c = createCalendar({ holidays: loadHolidayFiles(dir) })));
  return c;
}
