import assert from "node:assert/strict";
import { checklistFileName, checklistLines, checklistText } from "../../src/domain/checklist";

const source = {
  title: "Paspor biasa", subtitle: "Kantor Imigrasi · Kota Bandung",
  sections: [{ id: "requirements", lines: [{ text: "KTP-el" }, { text: "Kartu Keluarga" }] }, { id: "steps", lines: [{ text: "Daftar" }, { text: "Bayar" }] },
    { id: "fee", lines: [{ text: "Rp 350.000" }] }],
  verification: "Belum diverifikasi",
};

describe("domain/checklist", () => {
  it("lists the requirements as boxes, the steps numbered, the fee, verification and the link back", () => {
    const lines = checklistLines(source, "id", "https://x/layanan/3273/a");
    assert.deepEqual(lines.filter((l) => l.startsWith("[ ]")), ["[ ] KTP-el", "[ ] Kartu Keluarga"]);
    assert.ok(lines.includes("2. Bayar"), "numbered steps");
    assert.ok(lines.includes("Biaya: Rp 350.000"), "fee");
    assert.ok(lines.includes("Belum diverifikasi"), "the verification line travels with it");
    assert.equal(lines[lines.length - 1], "Informasi lengkap: https://x/layanan/3273/a");
    assert.match(checklistText(source, "id", "u"), /\r\n$/, "CRLF line ends");
  });

  it("marks a section still in Indonesian in another language", () => {
    const marked = { ...source, sections: [{ ...source.sections[0]!, lang: "id" }] };
    assert.ok(checklistLines(marked, "en", "u").includes("Bring these documents (not translated yet: in Indonesian):"));
  });

  it("names the file safely", () => {
    assert.equal(checklistFileName("3273-imigrasi-paspor-biasa", "en"), "checklist-3273-imigrasi-paspor-biasa.txt");
    assert.equal(checklistFileName("../../etc", "id"), "daftar-periksa-etc.txt");
  });
});
