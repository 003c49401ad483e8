// Reads data/calendar/holidays-YYYY.json from disk (server side only) and checks each file.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { HolidayFileError, parseHolidayFile, type HolidayFile } from "./holidays";

export const DEFAULT_CALENDAR_DIR = "data/calendar";
const FILE_NAME = /^holidays-(\d{4})\.json$/;

/** One checked holiday file; the year in the name must match the year inside. */
export function loadHolidayFile(path: string): HolidayFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new HolidayFileError(path, "", `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new HolidayFileError(path, "", `is not valid JSON (${(e as Error).message})`);
  }
  const data = parseHolidayFile(json, path);
  const m = FILE_NAME.exec(path.split(/[\\/]/).pop() ?? "");
  if (m && Number(m[1]) !== data.year) throw new HolidayFileError(path, "/year", `the file name says ${m[1]}, the file says ${data.year}`);
  return data;
}

/** Every holidays-YYYY.json in a directory, sorted by year. */
export function loadHolidayFiles(dir: string = DEFAULT_CALENDAR_DIR): HolidayFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new HolidayFileError(dir, "", `directory cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return names.filter((n) => FILE_NAME.test(n)).sort().map((n) => loadHolidayFile(join(dir, n)));
}
