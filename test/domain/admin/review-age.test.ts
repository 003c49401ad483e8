// How old a verification is: WIB days, 12 months back with short months clamped, "perlu ditinjau"
// in the workspace and "lebih dari setahun lalu" for citizens (kiosk view-model and /layanan).
import assert from "node:assert/strict";
import { monthsBefore, olderThanAYear, reviewState, todayWib, verifiedAgeNote } from "../../../src/domain/admin/review-age";
import { verificationText } from "../../../src/domain/service-sheet";

describe("review age", () => {
  it("takes today in WIB (UTC+7), not the server's zone", () => {
    assert.equal(todayWib(Date.parse("2026-03-01T16:59:59Z")), "2026-03-01", "23:59 WIB");
    assert.equal(todayWib(Date.parse("2026-03-01T17:00:00Z")), "2026-03-02", "00:00 WIB next day");
  });

  it("goes back whole months, clamping the day to short months", () => {
    assert.equal(monthsBefore("2026-03-15", 12), "2025-03-15");
    assert.equal(monthsBefore("2024-02-29", 12), "2023-02-28", "leap day");
    assert.equal(monthsBefore("2026-03-31", 1), "2026-02-28", "31 March minus a month");
    assert.equal(monthsBefore("2026-01-10", 13), "2024-12-10", "across two years");
    assert.throws(() => monthsBefore("15/03/2026", 1), /YYYY-MM-DD/);
  });

  it("is due for review when last verified before the same day a year ago", () => {
    const today = "2026-03-15";
    assert.equal(reviewState({ verified: true, lastVerified: "2025-03-15" }, today), "current", "exactly a year: still current");
    assert.equal(reviewState({ verified: true, lastVerified: "2025-03-14" }, today), "due", "a year and a day: perlu ditinjau");
    assert.equal(reviewState({ verified: false, lastVerified: "2026-01-01" }, today), "never", "not verified");
    assert.equal(reviewState({ verified: true, lastVerified: null }, today), "never", "no date");
    assert.equal(olderThanAYear(null, today), false, "no date is not 'old'");
  });

  it("tells citizens a date over a year old, in both languages, on the kiosk and /layanan", () => {
    const now = Date.parse("2026-03-15T03:00:00Z");
    assert.equal(verifiedAgeNote("2025-03-01", "id", now), " (lebih dari setahun lalu)");
    assert.equal(verifiedAgeNote("2025-03-01", "en", now), " (more than a year ago)");
    assert.equal(verifiedAgeNote("2026-01-01", "id", now), "", "recent: nothing added");
    const old = verificationText({ verified: true, lastVerified: "2020-01-05", source: "PP 28/2019" }, "id");
    assert.match(old.text, /2020 \(lebih dari setahun lalu\)$/, `the kiosk says it (${old.text})`);
    const fresh = verificationText({ verified: true, lastVerified: todayWib(), source: "PP 45/2024" }, "id");
    assert.doesNotMatch(fresh.text, /setahun/, "not for a fresh date");
  });
});
