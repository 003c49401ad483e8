// The SKM export for officers on both engines: one row per anonymous respondent in the officer's
// scope and period, the nine answers in order, comments as text (formula-like ones neutralised).
import assert from "node:assert/strict";
import Papa from "papaparse";
import { call } from "../support/officers";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, feedbackFixture, send, visitToken, type FeedbackFixture } from "../support/feedback";

forEachEngine("feedback: SKM export", (engine) => {
  let f: FeedbackFixture;
  before(async function () {
    this.timeout(60_000);
    f = await feedbackFixture(engine, { accounts: [ACCOUNTS.ed!, ACCOUNTS.ra!] });
    const rate = async (serviceId: string, agencyId: string, answers: number[], comment?: string) => {
      const res = await send(f.app, "POST", "/api/v1/surveys", { agencyId, answers, visitToken: await visitToken(f.app, serviceId), ...(comment ? { comment } : {}) });
      assert.equal(res.statusCode, 201, res.body);
    };
    await rate("3273-imigrasi-paspor-biasa", "3273-imigrasi", [4, 3, 3, 4, 3, 3, 4, 3, 2], "=HYPERLINK(\"https://evil.example\",\"klik\")");
    await rate("3273-imigrasi-e-paspor", "3273-imigrasi", [3, 3, 3, 3, 3, 3, 3, 3, 3], "Cepat, \"ramah\"\nterima kasih");
    await rate("3273-disdukcapil-ktp-el-baru", "3273-disdukcapil", [2, 2, 2, 2, 2, 2, 2, 2, 2]);
  });
  after(async () => { await f.close(); });

  const exportAs = async (who: keyof typeof ACCOUNTS, query = "year=2026") => {
    const res = await call(f.app, await f.login(ACCOUNTS[who]!), "GET", `/api/v1/admin/surveys/export?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res;
  };

  it("gives an editor their agency's answers, one row each, comments as text with formulas neutralised", async () => {
    const res = await exportAs("ed");
    assert.match(String(res.headers["content-type"]), /^text\/csv/);
    assert.match(String(res.headers["content-disposition"]), /filename="skm-3273-imigrasi-2026\.csv"/);
    assert.ok(res.body.startsWith("\ufeff"), "a BOM so spreadsheets read UTF-8");
    const rows = Papa.parse<string[]>(res.body.slice(1).trim(), { newline: "\r\n" }).data;
    assert.deepEqual(rows[0], ["day", "region", "agency", "service", "visit", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9", "comment"]);
    assert.equal(rows.length, 3, "two respondents of Imigrasi, not Disdukcapil's");
    assert.deepEqual(rows[1]!.slice(5, 14), ["4", "3", "3", "4", "3", "3", "4", "3", "2"], "the nine answers in questionnaire order");
    assert.equal(rows[1]![14], "'=HYPERLINK(\"https://evil.example\",\"klik\")", "a formula-like comment starts with an apostrophe");
    assert.equal(rows[2]![14], "Cepat, \"ramah\"\nterima kasih", "quotes, commas and line breaks survive as text");
  });

  it("gives a region admin the whole region; another year is empty; no session is 401", async () => {
    assert.equal(Papa.parse((await exportAs("ra")).body.slice(1).trim()).data.length, 4, "three respondents in 3273");
    assert.equal(Papa.parse((await exportAs("ra", "year=2025")).body.slice(1).trim()).data.length, 1, "2025: the header only");
    assert.equal((await call(f.app, null, "GET", "/api/v1/admin/surveys/export?year=2026")).statusCode, 401);
    assert.equal((await call(f.app, await f.login(ACCOUNTS.ed!), "GET", "/api/v1/admin/surveys/export?year=2026&region=3204")).statusCode, 403, "outside the editor's region");
  });

  it("keeps hostile comments inert in the export: every formula start, markup, bidi overrides and quotes", async () => {
    const saved = f.clock.t;
    f.clock.t = Date.parse("2027-02-01T02:00:00Z"); // a year of its own: only these rows
    try {
      const hostile = [
        "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)", "=1+1", "<script>alert(1)</script>", "abc\u202Eexe.txt", "\"a\",\"b\"\r\nc",
      ];
      for (const comment of hostile) {
        const res = await send(f.app, "POST", "/api/v1/surveys", { agencyId: "3273-imigrasi", answers: [3, 3, 3, 3, 3, 3, 3, 3, 3], comment, visitToken: await visitToken(f.app) });
        assert.equal(res.statusCode, 201, res.body);
      }
      const rows = Papa.parse<string[]>((await exportAs("ra", "year=2027")).body.slice(1).trim(), { newline: "\r\n" }).data.slice(1);
      const comments = rows.map((r) => r[14]);
      assert.equal(rows.length, hostile.length, "one row per respondent, no row split by a line break or quote in a comment");
      assert.deepEqual(comments.slice(0, 4), ["'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(1,1)", "'=1+1"], "every formula start (+ - @ =) gets the apostrophe");
      assert.equal(comments[4], "<script>alert(1)</script>", "markup stays the text that was typed (a CSV is never HTML)");
      assert.equal(comments[5], "abcexe.txt", "the right-to-left override was removed when stored");
      assert.equal(comments[6], "\"a\",\"b\"\nc", "quotes and commas survive as text");
      assert.ok(rows.every((r) => r.length === 15), "no comment adds a column");
    } finally {
      f.clock.t = saved;
    }
  });
});
