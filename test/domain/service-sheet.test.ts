import assert from "node:assert/strict";
import {
  SHEET_LABELS, localName, safeWebUrl, serviceRow, serviceSheet, verificationText,
} from "../../src/domain/service-sheet";
import { bare, paspor, pasporSummary, ePasporSummary } from "../app/fixtures";

const texts = (sheet: ReturnType<typeof serviceSheet>, id: string) => sheet.sections.find((s) => s.id === id)?.lines.map((l) => l.text);

describe("domain/service-sheet", () => {
  it("describes a service in the agreed section order, in Indonesian", () => {
    const sheet = serviceSheet(paspor, "id");
    assert.deepEqual(sheet.sections.map((s) => s.id), [
      "fee", "requirements", "steps", "duration", "hours", "product", "legalBasis", "complaints", "online", "source",
    ], "section order");
    assert.deepEqual(sheet.sections.map((s) => s.heading).slice(0, 3), ["Biaya", "Persyaratan", "Prosedur"], "headings from the one dictionary");
    assert.equal(sheet.title, "Paspor biasa 48 halaman", "Indonesian name");
    assert.equal(sheet.subtitle, "Kantor Imigrasi Kelas I TPI Bandung · Kota Bandung", "agency and region");
    assert.equal(sheet.description, "Permohonan paspor biasa.", "the description");
    assert.deepEqual(texts(sheet, "fee"), ["Rp 350.000", "PNBP, PP 28/2019"], "fee and its note");
    assert.equal(sheet.sections.find((s) => s.id === "steps")?.ordered, true, "steps are an ordered list");
    assert.deepEqual(sheet.verification, { verified: true, text: "Terakhir diverifikasi 7 Maret 2023 (lebih dari setahun lalu)" }, "dated verification, with its age");
  });

  it("uses English labels, names and dates with lang en", () => {
    const sheet = serviceSheet(paspor, "en");
    assert.equal(sheet.title, "Ordinary passport, 48 pages", "English name");
    assert.equal(sheet.sections[2]?.heading, "Procedure", "English heading");
    assert.equal(sheet.verification.text, "Last verified 7 March 2023 (more than a year ago)", "English date, with its age");
    assert.deepEqual(texts(sheet, "complaints"), ["SP4N-LAPOR!: https://www.lapor.go.id", "Loket pengaduan: ask at the counter"], "complaint channels");
  });

  it("falls back to the Indonesian name when no English one exists", () => {
    assert.equal(localName({ name: "KTP-el", nameEn: "" }, "en"), "KTP-el", "empty nameEn");
    assert.equal(localName({ name: "KTP-el", nameEn: null }, "en"), "KTP-el", "null nameEn");
    assert.equal(localName({ name: "KTP-el", nameEn: "ID card" }, "id"), "KTP-el", "Indonesian wins in id");
    assert.equal(serviceSheet({ ...paspor, nameEn: "" }, "en").title, "Paspor biasa 48 halaman", "the sheet uses the fallback");
  });

  it("links only https values, and shows every other value as text", () => {
    assert.equal(safeWebUrl("https://a.go.id/x"), "https://a.go.id/x", "https kept");
    assert.equal(safeWebUrl("http://a.go.id/x"), null, "plain http is not linked");
    assert.equal(safeWebUrl("javascript:alert(1)"), null, "javascript: refused");
    assert.equal(safeWebUrl("not a url"), null, "garbage refused");
    assert.equal(safeWebUrl(null), null, "null");
    const sheet = serviceSheet({ ...paspor, onlineUrl: "javascript:alert(1)" }, "id");
    assert.equal(sheet.online, null, "no online link for javascript:");
    assert.deepEqual(sheet.sections.find((s) => s.id === "online")?.lines, [{ text: "javascript:alert(1)" }], "shown as text, not a link");
    const ok = serviceSheet(paspor, "id");
    assert.deepEqual(ok.online, { label: "Layanan daring", href: "https://www.imigrasi.go.id/" }, "an https online service is a link");
    assert.deepEqual(ok.sections.find((s) => s.id === "complaints")?.lines[0], { text: "SP4N-LAPOR!: https://www.lapor.go.id", href: "https://www.lapor.go.id/" }, "an https complaint channel is a link");
  });

  it("says 'unknown' for every missing field and never shows an unknown fee as free", () => {
    const sheet = serviceSheet(bare, "id");
    for (const s of sheet.sections) assert.ok(s.lines.some((l) => l.text === "Tidak diketahui"), `${s.id} says Tidak diketahui`);
    assert.deepEqual(texts(sheet, "fee"), ["Tidak diketahui"], "null fee is unknown, not Gratis");
    assert.equal(sheet.sections.find((s) => s.id === "steps")?.ordered, false, "an unknown procedure is not numbered");
    assert.equal(sheet.description, null, "an empty description is left out");
    assert.deepEqual(texts(serviceSheet({ ...bare, fee: { amount: 0, note: null } }, "en"), "fee"), ["Free"], "zero is Free");
  });

  it("tells an unverified record with a source from one without", () => {
    assert.deepEqual(verificationText({ verified: false, lastVerified: null, source: "x" }, "id"),
      { verified: false, text: "Belum diverifikasi: periksa di loket sebelum datang" }, "with a source");
    assert.deepEqual(verificationText({ verified: false, lastVerified: null, source: null }, "en"),
      { verified: false, text: "Not verified — no official source yet" }, "without a source");
    assert.equal(verificationText({ verified: true, lastVerified: null, source: "x" }, "id").verified, false, "verified without a date is not shown as verified");
  });

  it("gives list rows their fee and a not-verified mark", () => {
    assert.deepEqual(serviceRow(pasporSummary, "id"), { name: "Paspor biasa 48 halaman", fee: "Rp 350.000", notVerified: null }, "verified row");
    assert.deepEqual(serviceRow(ePasporSummary, "en"), { name: "E-passport, 48 pages", fee: "Rp 650.000", notVerified: "Not verified" }, "unverified row");
  });

  it("has the same labels in both languages", () => {
    assert.deepEqual(Object.keys(SHEET_LABELS.en).sort(), Object.keys(SHEET_LABELS.id).sort(), "same keys");
    for (const [k, v] of Object.entries(SHEET_LABELS.en)) assert.ok(v.length > 0, `${k} has an English text`);
  });
});
