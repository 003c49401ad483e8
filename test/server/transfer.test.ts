// Import and export through the API, on both engines: a dry run answers the per-record diff and
// writes nothing; a commit creates drafts (never publishes) with one audit row each; any bad row
// makes the commit 422 with the per-row list and writes nothing; an export imports back unchanged;
// exported texts are neutralised against formula injection in CSV and XLSX.
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, auditCount, officerFixture, ORIGIN, type OfficerFixture } from "../support/officers";
import { readXlsx } from "../../src/server/transfer/xlsx";
import { XLSX_TYPE } from "../../src/server/transfer/routes";
import { COLUMNS } from "../../src/server/transfer/template";

const SERVICE = "3273-imigrasi-paspor-biasa";
const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
const csv = (rows: string[][]) => rows.map((r) => r.map(q).join(",")).join("\r\n");

forEachEngine("officers: import and export", (engine) => {
  let f: OfficerFixture;
  let cookie: string;
  before(async function () {
    this.timeout(60_000);
    f = await officerFixture(engine, { accounts: [ACCOUNTS.ra!, ACCOUNTS.ed!] });
    cookie = await f.login(ACCOUNTS.ra!);
  });
  after(async () => { await f.close(); });

  const send = (body: Buffer | string, query: string, type = "text/csv", c = cookie) =>
    f.app.inject({ method: "POST", url: `/api/v1/admin/import?${query}`, payload: body, headers: { origin: ORIGIN, cookie: c, "content-type": type } });
  const draftCount = async () => Number((await f.db.kysely.selectFrom("drafts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const published = async (id: string) => (await f.app.inject(`/api/v1/services/${id}`)).json().service as { fee: { amount: number | null }; name: string };

  it("dry run: the per-record diff against what is published, nothing written", async () => {
    const file = csv([
      ["ID Layanan", "Kode Wilayah", "Instansi", "Slug Layanan", "Nama Layanan", "Biaya/Tarif (Rp)", "Sumber", "Persyaratan"],
      [SERVICE, "3273", "imigrasi", "paspor-biasa", "Paspor biasa 48 halaman", "Rp 650.000", "PP 45/2024", "KTP-el\nKartu Keluarga"],
      ["", "3273", "imigrasi", "paspor-uji-impor", "Paspor uji impor", "", "", "KTP-el"],
    ]);
    const before = { drafts: await draftCount(), audit: await auditCount(f.db) };
    const res = await send(file, "format=csv");
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { committed: boolean; rows: number; errors: unknown[]; records: Array<{ row: number; id: string; action: string; changes: Array<{ field: string; before: unknown; after: unknown }> }> };
    assert.deepEqual(body.errors, [], "no errors");
    assert.equal(body.committed, false, "a dry run");
    assert.deepEqual(body.records.map((r) => [r.row, r.id, r.action]), [[2, SERVICE, "edit"], [3, "3273-imigrasi-paspor-uji-impor", "new"]], "one edit, one new");
    const fee = body.records[0]!.changes.find((c) => c.field === "fee.amount");
    assert.equal(fee?.after, 650000, "the fee diff (Rp 650.000 read as 650000)");
    assert.deepEqual(body.records[0]!.changes.find((c) => c.field === "requirements")?.after, ["KTP-el", "Kartu Keluarga"], "lists from lines");
    assert.deepEqual({ drafts: await draftCount(), audit: await auditCount(f.db) }, before, "nothing written");
  });

  it("commit: drafts for the changed rows, one audit row each, nothing published", async () => {
    const file = csv([
      ["ID Layanan", "Kode Wilayah", "Instansi", "Slug Layanan", "Nama Layanan", "Biaya/Tarif (Rp)", "Sumber", "Catatan Perubahan"],
      [SERVICE, "", "", "", "Paspor biasa 48 halaman", "650000", "PP 45/2024", "tarif PP 45/2024"],
      ["", "3273", "imigrasi", "paspor-uji-impor", "Paspor uji impor", "", "", ""],
    ]);
    const feeBefore = (await published(SERVICE)).fee.amount;
    const audit = await auditCount(f.db);
    const res = await send(file, "format=csv&commit=true&note=impor%20uji");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().committed, true, "committed");
    assert.equal(res.json().drafts, 2, "two drafts");
    assert.equal(await auditCount(f.db), audit + 2, "exactly one audit row per draft");
    const drafts = await f.db.kysely.selectFrom("drafts").select(["entity_id", "status", "change_note", "is_new"]).where("status", "=", "draft").orderBy("entity_id").execute();
    assert.deepEqual(drafts.map((d) => [d.entity_id, d.status, d.change_note, Number(d.is_new)]), [
      ["3273-imigrasi-paspor-biasa", "draft", "tarif PP 45/2024", 0], ["3273-imigrasi-paspor-uji-impor", "draft", "impor uji", 1],
    ], "drafts with the row's note, or the import's");
    assert.equal((await published(SERVICE)).fee.amount, feeBefore, "the published fee is unchanged");
    assert.equal((await f.app.inject("/api/v1/services/3273-imigrasi-paspor-uji-impor")).statusCode, 404, "the new service is not public");
    // A second import of the same records is refused per row: they have open drafts.
    const again = await send(file, "format=csv");
    assert.deepEqual(again.json().errors.map((e: { row: number }) => e.row), [2, 3], "rows with open drafts are errors");
    await f.db.kysely.updateTable("drafts").set({ status: "rejected" }).where("status", "=", "draft").execute();
  });

  it("a bad file writes nothing: 422 with the per-row error list", async () => {
    const file = csv([
      ["ID Layanan", "Kode Wilayah", "Instansi", "Slug Layanan", "Nama Layanan", "Biaya/Tarif (Rp)", "Sumber", "Diperiksa Terhadap Sumber", "Tanggal Sumber"],
      [SERVICE, "", "", "", "Paspor biasa", "tiga ratus", "", "", ""],
      ["3273-tidak-ada-sama-sekali", "", "", "", "X", "", "", "", ""],
      ["", "3273", "imigrasi", "Bukan Slug", "Y", "", "", "", ""],
      ["", "3273", "imigrasi", "baru-satu", "=HYPERLINK(\"http://evil\")", "", "", "", ""],
      ["", "3273", "imigrasi", "baru-dua", "Baik", "50000", "", "ya", "2099-01-01"],
      ["", "3273", "imigrasi", "baru-tiga", "Nama\u202eterbalik", "", "", "", ""],
      ["", "3273", "imigrasi", "baru-empat", "Baik sekali", "", "", "", ""],
    ]);
    const before = { drafts: await draftCount(), audit: await auditCount(f.db) };
    const res = await send(file, "format=csv&commit=true");
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    const body = res.json() as { error: { code: string }; errors: Array<{ row: number; column: string | null; message: string }> };
    assert.equal(body.error.code, "import_invalid", "the JSON error");
    const rowsWithErrors = [...new Set(body.errors.map((e) => e.row))];
    assert.deepEqual(rowsWithErrors, [2, 3, 4, 5, 6, 7], "every bad row named, the good row not");
    assert.ok(body.errors.some((e) => e.row === 2 && e.column === "Biaya/Tarif (Rp)"), "the bad fee's column");
    assert.ok(body.errors.some((e) => e.row === 5 && /formula/.test(e.message)), "the formula");
    assert.ok(body.errors.some((e) => e.row === 6 && /future|Sumber/.test(e.message)), "a check without a source, dated in the future");
    assert.ok(body.errors.some((e) => e.row === 7 && /invisible/.test(e.message)), "a bidi override");
    assert.deepEqual({ drafts: await draftCount(), audit: await auditCount(f.db) }, before, "nothing written, not even the good row");
  });

  it("refuses wrong columns, a file of 100,000 rows and invalid UTF-8 with errors, writing nothing", async () => {
    const before = await draftCount();
    const wrong = await send(csv([["ID", "Nama Layanan", "Harga"], ["x", "y", "1"]]), "format=csv&commit=true");
    assert.equal(wrong.statusCode, 422, "wrong columns: 422");
    assert.ok(wrong.json().errors.some((e: { message: string }) => /Unknown column "Harga"/.test(e.message)), "names the unknown column");
    assert.ok(wrong.json().errors.some((e: { message: string }) => /"ID Layanan" is missing/.test(e.message)), "and the missing one");
    const lines = ["ID Layanan,Kode Wilayah,Instansi,Slug Layanan,Nama Layanan", ...Array.from({ length: 100_000 }, (_, i) => `,3273,imigrasi,s${i},L${i}`)];
    const huge = await send(lines.join("\n"), "format=csv&commit=true");
    assert.equal(huge.statusCode, 422, "100,000 rows: 422");
    assert.match(huge.json().errors[0].message, /more than 5,000/, "says the limit");
    const bad = await send(Buffer.concat([Buffer.from("ID Layanan,Kode Wilayah,Instansi,Slug Layanan,Nama Layanan\n,3273,imigrasi,x,caf"), Buffer.from([0xe9])]), "format=csv");
    assert.equal(bad.statusCode, 200, "a dry run answers 200 with the errors");
    assert.equal(bad.json().errors[0].row, 2, "invalid UTF-8 on row 2");
    const bomb = await send(Buffer.from("PK\u0003\u0004 not really a zip"), "format=xlsx&commit=true", XLSX_TYPE);
    assert.equal(bomb.statusCode, 422, "a broken XLSX: 422");
    assert.equal(await draftCount(), before, "nothing written");
  });

  it("an export imports back unchanged, as CSV and as XLSX", async () => {
    const exp = await f.app.inject({ url: "/api/v1/admin/export?format=csv&agency=imigrasi", headers: { cookie } });
    assert.equal(exp.statusCode, 200, exp.body.slice(0, 200));
    assert.match(String(exp.headers["content-type"]), /^text\/csv/, "CSV");
    assert.match(String(exp.headers["content-disposition"]), /attachment; filename="standar-pelayanan-3273-imigrasi\.csv"/, "a download");
    const back = await send(exp.rawPayload, "format=csv");
    assert.deepEqual(back.json().errors, [], "no errors");
    assert.ok(back.json().records.length > 3, "every exported record");
    assert.ok(back.json().records.every((r: { action: string }) => r.action === "unchanged"), "all unchanged");
    const x = await f.app.inject({ url: "/api/v1/admin/export?format=xlsx&agency=imigrasi", headers: { cookie } });
    assert.equal(x.headers["content-type"], XLSX_TYPE, "XLSX");
    const xb = await send(x.rawPayload, "format=xlsx", XLSX_TYPE);
    assert.deepEqual(xb.json().errors, [], "XLSX: no errors");
    assert.ok(xb.json().records.every((r: { action: string }) => r.action === "unchanged"), "XLSX: unchanged");
  });

  it("exports neutralise formula injection in CSV and XLSX; the template has the columns and instructions", async () => {
    await f.db.kysely.updateTable("services").set({ name: "=HYPERLINK(\"http://evil.example\",\"klik\")", fee_note: "@SUM(1+1)" }).where("id", "=", SERVICE).execute();
    const c = (await f.app.inject({ url: "/api/v1/admin/export?format=csv&agency=imigrasi", headers: { cookie } })).body;
    assert.ok(c.includes(`"'=HYPERLINK(""http://evil.example"",""klik"")"`), "CSV: = gets an apostrophe");
    assert.ok(c.includes(`"'@SUM(1+1)"`), "CSV: @ too");
    const x = await readXlsx((await f.app.inject({ url: "/api/v1/admin/export?format=xlsx&agency=imigrasi", headers: { cookie } })).rawPayload);
    const row = x.rows.find((r) => r.cells[0] === SERVICE)!;
    assert.equal(row.cells[4], "'=HYPERLINK(\"http://evil.example\",\"klik\")", "XLSX: a text cell with the apostrophe, not a formula");
    const t = await f.app.inject({ url: "/api/v1/admin/export?format=xlsx&template=true", headers: { cookie } });
    const tpl = await readXlsx(t.rawPayload);
    assert.deepEqual(tpl.header, COLUMNS.map((col) => col.header), "the template's header is every column");
    assert.equal(tpl.rows.length, 0, "and no rows");
  });
});
