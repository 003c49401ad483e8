import assert from "node:assert/strict";
import fc from "fast-check";
import { bookingIcs, escapeText, foldLine, type BookingEvent } from "../../../src/domain/queue/ics";

const event: BookingEvent = {
  code: "KFDX4MRA",
  number: "B-014",
  date: "2026-03-03",
  start: "08:30",
  end: "09:00",
  summary: "Antrean Imigrasi, MPP Kota Bandung",
  location: "MPP Kota Bandung; Jl. Wastukencana No. 2, Bandung",
  description: "Bawa: KTP-el, Kartu Keluarga\\asli",
  now: new Date("2026-03-01T02:03:04.567Z"),
  uidDomain: "mpp.example.id",
};

/** Unfolds an iCalendar text into its content lines (RFC 5545 3.1). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n").filter((l) => l.length > 0);
/** A property of the VEVENT (the VTIMEZONE has a DTSTART of its own). */
const prop = (ics: string, name: string) => {
  const lines = unfold(ics);
  return lines.slice(lines.indexOf("BEGIN:VEVENT")).find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));
};

describe("domain/queue/ics", () => {
  it("writes a VCALENDAR with the booking in Asia/Jakarta time, a VTIMEZONE, UID and DTSTAMP", () => {
    const ics = bookingIcs(event);
    assert.ok(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "starts with the calendar header");
    assert.ok(ics.endsWith("END:VCALENDAR\r\n"), "ends with CRLF");
    assert.equal(ics.replace(/\r\n/g, "").includes("\n"), false, "no bare LF");
    assert.equal(prop(ics, "DTSTART"), "DTSTART;TZID=Asia/Jakarta:20260303T083000", "local start with TZID");
    assert.equal(prop(ics, "DTEND"), "DTEND;TZID=Asia/Jakarta:20260303T090000", "local end with TZID");
    assert.equal(prop(ics, "UID"), "UID:booking-KFDX4MRA@mpp.example.id", "UID from the code");
    assert.equal(prop(ics, "DTSTAMP"), "DTSTAMP:20260301T020304Z", "DTSTAMP in UTC without milliseconds");
    assert.ok(unfold(ics).includes("TZOFFSETTO:+0700") && unfold(ics).includes("TZID:Asia/Jakarta"), "a VTIMEZONE for WIB");
    assert.equal(prop(ics, "TRIGGER"), "TRIGGER:-PT60M", "a reminder an hour before");
    assert.equal(prop(bookingIcs({ ...event, alarmMinutes: null }), "TRIGGER"), undefined, "no reminder when asked");
  });

  it("escapes commas, semicolons, backslashes and newlines", () => {
    const ics = bookingIcs(event);
    assert.equal(prop(ics, "SUMMARY"), "SUMMARY:Antrean Imigrasi\\, MPP Kota Bandung", "comma escaped");
    assert.equal(prop(ics, "LOCATION"), "LOCATION:MPP Kota Bandung\\; Jl. Wastukencana No. 2\\, Bandung", "semicolon and comma escaped");
    assert.equal(prop(ics, "DESCRIPTION"), "DESCRIPTION:Kode booking / Booking code: KFDX4MRA\\nNomor antrean / Queue number: B-014\\n\\nBawa: KTP-el\\, Kartu Keluarga\\\\asli", "newlines and a backslash escaped");
    assert.equal(escapeText("a\r\nb\rc\u0007d"), "a\\nb\\nc" + "d", "CRLF and CR become \\n, control characters go");
  });

  it("folds long lines at 75 octets without splitting a UTF-8 character", () => {
    const long = bookingIcs({ ...event, summary: "Antrean Dinas Kependudukan dan Pencatatan Sipil — pelayanan KTP-el, KIA, akta kelahiran 👶 dan kartu keluarga" });
    for (const line of long.split("\r\n")) assert.ok(Buffer.byteLength(line, "utf8") <= 75, `line of ${Buffer.byteLength(line)} octets`);
    assert.equal(prop(long, "SUMMARY"), "SUMMARY:Antrean Dinas Kependudukan dan Pencatatan Sipil — pelayanan KTP-el\\, KIA\\, akta kelahiran 👶 dan kartu keluarga", "unfolds to the original");
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
      const folded = foldLine(`X:${s}`);
      for (const line of folded.split("\r\n")) {
        assert.ok(Buffer.byteLength(line, "utf8") <= 75, "every physical line fits in 75 octets");
        assert.equal(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line), false, "no character split in two");
      }
      assert.equal(folded.replace(/\r\n /g, ""), `X:${s}`, "unfolding gives the line back");
    }));
  });

  it("carries no personal data: a name or phone passed along is not written", () => {
    const withPerson = { ...event, name: "Siti Rahayu", phone: "081234567890" } as BookingEvent;
    const ics = bookingIcs(withPerson);
    assert.equal(ics.includes("Siti") || ics.includes("0812"), false, "neither name nor phone appears");
  });

  it("refuses bad input instead of writing a broken file", () => {
    assert.throws(() => bookingIcs({ ...event, code: "nope" }), /not a booking code/, "bad code");
    assert.throws(() => bookingIcs({ ...event, date: "2026-02-30" }), /bad date/, "bad date");
    assert.throws(() => bookingIcs({ ...event, end: "08:00" }), /bad slot/, "end before start");
    assert.throws(() => bookingIcs({ ...event, alarmMinutes: -5 }), /alarm/, "negative alarm");
  });
});
