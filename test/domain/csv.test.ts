import assert from "node:assert/strict";
import { CsvError, parseCsv, parseCsvRecords } from "../../src/domain/csv";

describe("domain/csv", () => {
  it("parses plain, quoted, escaped and CRLF input", () => {
    const rows = parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\n"multi\nline",,end\n');
    assert.deepEqual(rows.map((r) => r.fields), [["a", "b", "c"], ["1", "x, y", 'say "hi"'], ["multi\nline", "", "end"]], "fields");
    assert.deepEqual(rows.map((r) => r.line), [1, 2, 3], "line numbers of row starts");
    assert.deepEqual(parseCsv("a,b").map((r) => r.fields), [["a", "b"]], "no trailing newline");
  });

  it("names line and column of bad input", () => {
    const cases: Array<[string, RegExp]> = [
      ['a,b\n1,"open\n', /line 2, column 3: unterminated quoted field/],
      ["a,b\n1,x\"y\n", /line 2, column 4: quote inside an unquoted field/],
      ['a,b\n"1"x,2\n', /line 2, column 4: text after a closing quote/],
      ["a,b\n\n1,2\n", /line 2, column 1: blank line/],
      ["a,b\r1,2\n", /line 1, column 4: bare carriage return/],
    ];
    for (const [text, pattern] of cases) {
      assert.throws(() => parseCsv(text, "t.csv"), (err: unknown) => err instanceof CsvError && pattern.test(err.message) && err.message.startsWith("csv: t.csv"), `${JSON.stringify(text)} -> ${pattern}`);
    }
  });

  it("checks the header and the field count of records", () => {
    const ok = parseCsvRecords("x,y\n1,2\n", ["x", "y"] as const);
    assert.deepEqual(ok, [{ line: 2, record: { x: "1", y: "2" } }], "records keyed by header");
    assert.throws(() => parseCsvRecords("x,z\n1,2\n", ["x", "y"] as const), /line 1, column 2: expected header "y"/, "wrong header");
    assert.throws(() => parseCsvRecords("x,y\n1\n", ["x", "y"] as const), /line 2, column 2: expected 2 fields, got 1/, "short row");
    assert.throws(() => parseCsvRecords("", ["x"] as const), /empty file/, "empty file");
  });
});
