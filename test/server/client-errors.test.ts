// Requests the HTTP parser refuses before the app sees them are answered in the project's error
// shape with the security headers (issue 19 item 7), over a real socket (inject() has no parser).
import assert from "node:assert/strict";
import { connect } from "node:net";
import type { FastifyInstance } from "fastify";
import { build } from "../../src/server/app";
import { clientErrorCode, rawErrorResponse } from "../../src/server/http/client-errors";

interface RawAnswer { status: number; headers: Record<string, string>; body: string }

function parse(text: string): RawAnswer {
  const [head = "", body = ""] = text.split("\r\n\r\n");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(":");
    headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
  }
  return { status: Number(statusLine.split(" ")[1]), headers, body };
}

function send(port: number, bytes: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: "127.0.0.1" }, () => s.write(bytes));
    let data = "";
    s.on("data", (c) => (data += c.toString("latin1")));
    s.on("close", () => resolve(parse(data)));
    s.on("error", (e) => (data ? resolve(parse(data)) : reject(e)));
    s.setTimeout(5000, () => s.destroy());
  });
}

describe("errors from the HTTP parser", () => {
  let app: FastifyInstance;
  let port: number;
  before(async () => {
    app = await build({ dbPath: ":memory:" });
    await app.listen({ port: 0, host: "127.0.0.1" });
    port = (app.server.address() as { port: number }).port;
  });
  after(async () => { await app.close(); });

  for (const [what, bytes, status, code] of [
    ["an unknown method", "FOO / HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad_request"],
    ["a broken request line", "GET\r\n\r\n", 400, "bad_request"],
    ["a header without a colon", "GET / HTTP/1.1\r\nHost x\r\n\r\n", 400, "bad_request"],
    ["headers over 16 KiB", `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431, "headers_too_large"],
  ] as const) {
    it(`answers ${what} with ${status}, the JSON error shape and the security headers`, async () => {
      const res = await send(port, bytes);
      assert.equal(res.status, status, "status");
      assert.deepEqual(JSON.parse(res.body), { error: { code, message: JSON.parse(res.body).error.message } }, "error shape");
      assert.equal(typeof JSON.parse(res.body).error.message, "string", "a message");
      assert.match(res.headers["content-type"] ?? "", /^application\/json/, "JSON");
      assert.match(res.headers["content-security-policy"] ?? "", /^default-src 'self'/, "CSP");
      assert.equal(res.headers["x-content-type-options"], "nosniff", "nosniff");
      assert.equal(res.headers["x-frame-options"], "DENY", "frame options");
      assert.equal(res.headers["cross-origin-resource-policy"], "same-origin", "CORP");
      assert.equal(res.headers["cache-control"], "no-store", "not cached");
      assert.equal(res.headers.connection, "close", "the connection is closed after it");
      assert.equal(Number(res.headers["content-length"]), Buffer.byteLength(res.body), "length matches the body");
    });
  }

  it("maps parser and timeout errors to codes and carries HSTS when serving HTTPS", () => {
    assert.equal(clientErrorCode({ code: "HPE_HEADER_OVERFLOW" }), "headers_too_large", "431");
    assert.equal(clientErrorCode({ code: "ERR_HTTP_REQUEST_TIMEOUT" }), "request_timeout", "408");
    assert.equal(clientErrorCode({ code: "HPE_INVALID_METHOD" }), "bad_request", "400");
    assert.match(rawErrorResponse("bad_request", { https: true }), /\r\nstrict-transport-security: max-age=15552000\r\n/, "HSTS over HTTPS");
    assert.doesNotMatch(rawErrorResponse("bad_request", { https: false }), /strict-transport-security/i, "no HSTS over HTTP");
    assert.match(rawErrorResponse("request_timeout"), /^HTTP\/1\.1 408 Request Timeout\r\n/, "status line");
  });
});
