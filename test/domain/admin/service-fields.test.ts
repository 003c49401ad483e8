// The editable record's rules, shared by the draft API and the import: normalising, the honesty
// and text checks, the limits, and field-by-field diffs.
import assert from "node:assert/strict";
import { checkClaim, checkService, diffService, normalizeService, changesFacts, type EditableService } from "../../../src/domain/admin/service-fields";
import { emptyStandard } from "../../../src/domain/admin/standard";
import { formatChannels, parseChannels } from "../../../src/domain/admin/channels";

const base = (): EditableService => ({
  name: "Paspor biasa", nameEn: "", description: "", keywords: "", requirements: ["KTP-el"], steps: ["Datang"], fee: { amount: null, note: null },
  duration: null, hours: null, legalBasis: [], product: null, complaintChannels: [], onlineUrl: null, source: null, standard: emptyStandard(),
});

describe("service fields", () => {
  it("normalises: trims, empty optional texts become null, bullets and empty lines go", () => {
    const s = normalizeService({ ...base(), name: "  Paspor ", duration: "  ", requirements: ["- KTP-el", "", "• Kartu Keluarga", "  "], standard: { ...emptyStandard(), staffing: " 2 orang " } });
    assert.equal(s.name, "Paspor");
    assert.equal(s.duration, null);
    assert.deepEqual(s.requirements, ["KTP-el", "Kartu Keluarga"]);
    assert.equal(s.standard.staffing, "2 orang");
  });

  it("refuses a fee without a source, invisible characters, non-https links and over-long texts", () => {
    const fields = (s: EditableService) => checkService(normalizeService(s)).map((e) => e.field);
    assert.deepEqual(fields(base()), [], "a plain record passes");
    assert.deepEqual(fields({ ...base(), fee: { amount: 0, note: null } }), ["fee.amount"], "even 0 (free) needs a source");
    assert.deepEqual(fields({ ...base(), fee: { amount: 0, note: null }, source: "UU 24/2013 pasal 79A" }), [], "with one it passes");
    assert.deepEqual(fields({ ...base(), name: "Paspor\u200b" }), ["name"], "zero-width space");
    assert.deepEqual(fields({ ...base(), requirements: ["KTP\u202eel"] }), ["requirements[0]"], "bidi override");
    assert.deepEqual(fields({ ...base(), description: "dua\nbaris" }), [], "a line break where a field spans lines");
    assert.deepEqual(fields({ ...base(), product: "dua\nbaris" }), ["product"], "not in a one-line field");
    assert.deepEqual(fields({ ...base(), onlineUrl: "http://imigrasi.go.id" }), ["onlineUrl"], "http");
    assert.deepEqual(fields({ ...base(), onlineUrl: "javascript:alert(1)" }), ["onlineUrl"], "javascript:");
    assert.deepEqual(fields({ ...base(), name: "x".repeat(301) }), ["name"], "301 characters");
    assert.deepEqual(fields({ ...base(), requirements: Array.from({ length: 41 }, (_, i) => `s${i}`) }), ["requirements"], "41 items");
  });

  it("checks a verification claim: a named source, a real date, not in the future", () => {
    assert.deepEqual(checkClaim({ source: "PP 45/2024", sourceDate: "2024-10-18" }, "2026-01-01"), []);
    assert.deepEqual(checkClaim({ source: "PP 45/2024", sourceDate: "2024-02-30" }, "2026-01-01").map((e) => e.field), ["verification.sourceDate"]);
    assert.deepEqual(checkClaim({ source: "PP 45/2024", sourceDate: "2026-01-02" }, "2026-01-01").map((e) => e.field), ["verification.sourceDate"]);
  });

  it("diffs per field (fee and standard per member), and knows which changes are facts", () => {
    const a = base();
    const b = { ...base(), fee: { amount: 50000, note: null }, source: "PP", standard: { ...emptyStandard(), facilities: "Ruang tunggu" } };
    const d = diffService(a, b);
    assert.deepEqual(d.map((c) => c.field), ["fee.amount", "source", "standard.facilities"]);
    assert.equal(changesFacts(d), true, "a fee is a fact");
    assert.equal(changesFacts(diffService(a, { ...a, nameEn: "Passport" })), false, "a translation is not");
  });

  it("reads and writes complaint channels as lines", () => {
    const text = "lapor | SP4N-LAPOR! | https://www.lapor.go.id\ncounter | Loket pengaduan";
    const { channels, error } = parseChannels(text);
    assert.equal(error, null);
    assert.deepEqual(channels, [{ kind: "lapor", label: "SP4N-LAPOR!", value: "https://www.lapor.go.id" }, { kind: "counter", label: "Loket pengaduan", value: null }]);
    assert.equal(formatChannels(channels), text, "round trip");
    assert.match(parseChannels("fax | Faks | 022").error!, /kind must be one of/);
  });
});
