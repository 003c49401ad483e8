// Requests the HTTP parser refuses before the app sees them (a malformed request line such as
// `FOO / HTTP/1.1`, headers over 16 KiB, a request that timed out) are answered here, on the raw
// socket, with the same error shape and the same security headers (HSTS too, over HTTPS) as every
// other answer. fastify's default wrote its own body and no security header.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { errorBody, ERRORS, type ErrorCode } from "../errors";
import { securityHeaders } from "./security";

/** Which of our errors a parser or timeout error is. */
export function clientErrorCode(err: { code?: string }): ErrorCode {
  switch (err.code) {
    case "HPE_HEADER_OVERFLOW": return "headers_too_large";
    case "ERR_HTTP_REQUEST_TIMEOUT": return "request_timeout";
    default: return "bad_request";
  }
}

/** The whole raw response: status line, headers, JSON body; the connection is closed after it. */
export function rawErrorResponse(code: ErrorCode, options: { https?: boolean; message?: string } = {}): string {
  const status = ERRORS[code].status;
  const body = JSON.stringify(errorBody(code, options.message));
  const headers: Record<string, string> = {
    ...securityHeaders({ https: options.https }),
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(body)),
    "cache-control": "no-store",
    connection: "close",
  };
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\n${lines.join("\r\n")}\r\n\r\n${body}`;
}

export interface ClientErrorCounts { clientErrors: number }

/** fastify's clientErrorHandler: answers once if nothing was written yet, then closes the socket. */
export function clientErrorHandler(options: { https?: boolean; counts?: ClientErrorCounts } = {}) {
  const answers = new Map<ErrorCode, string>();
  return (err: Error & { code?: string }, socket: Socket): void => {
    // A reset socket has nobody to answer to.
    if (err.code === "ECONNRESET" || socket.destroyed) return;
    if (options.counts) options.counts.clientErrors++;
    if (!socket.writable || socket.bytesWritten > 0) {
      socket.destroy();
      return;
    }
    const code = clientErrorCode(err);
    let answer = answers.get(code);
    if (!answer) {
      answer = rawErrorResponse(code, { https: options.https });
      answers.set(code, answer);
    }
    socket.end(answer);
    // A client that does not read the answer does not keep the socket.
    socket.setTimeout(5000, () => socket.destroy());
  };
}
