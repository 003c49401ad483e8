// HTTPS for headsets: certificate material from the environment or self-signed (kept on disk),
// and the server answering over TLS with HSTS.
import assert from "node:assert/strict";
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { connect as tlsConnect, type SecureVersion } from "node:tls";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { build } from "../../src/server/app";
import { HSTS } from "../../src/server/http/security";
import { SELF_SIGNED_FILES, selfSignedCertificate, tlsFromEnv, TlsConfigError, type TlsMaterial } from "../../src/server/tls";

function get(port: number, path: string, ca: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    // Trusts exactly the generated certificate, and checks its name: no rejectUnauthorized: false.
    const req = request({ host: "127.0.0.1", servername: "localhost", port, path, ca, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("HTTPS for headsets", function () {
  this.timeout(60_000);
  let dir: string;
  let tls: TlsMaterial;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "mpp-tls-"));
    tls = await selfSignedCertificate(dir, { hosts: ["mpp-lobby"], ips: ["192.168.1.50"] });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("generates a self-signed certificate naming localhost, the host and its LAN addresses, key kept private", () => {
    assert.equal(tls.generated, true, "made on first use");
    const x = new X509Certificate(tls.cert);
    for (const name of ["DNS:localhost", "DNS:mpp-lobby", "IP Address:127.0.0.1", "IP Address:192.168.1.50"]) {
      assert.ok(x.subjectAltName?.includes(name), `subjectAltName has ${name} (${x.subjectAltName})`);
    }
    assert.ok(new Date(x.validTo).getTime() > Date.now() + 300 * 24 * 3600 * 1000, "valid for about a year");
    assert.equal(statSync(join(dir, SELF_SIGNED_FILES.key)).mode & 0o077, 0, "the key file is readable by its owner only");
  });

  it("reuses the stored certificate across restarts, so a headset's exception stays valid", async () => {
    const again = await selfSignedCertificate(dir, { hosts: ["mpp-lobby"], ips: ["192.168.1.50"] });
    assert.equal(again.generated, false, "not regenerated");
    assert.equal(again.fingerprint, tls.fingerprint, "same certificate");
  });

  it("makes a new certificate when the LAN address changed or expiry is near", async () => {
    const d = mkdtempSync(join(tmpdir(), "mpp-tls-"));
    try {
      const first = await selfSignedCertificate(d, { hosts: [], ips: ["10.0.0.5"] });
      const moved = await selfSignedCertificate(d, { hosts: [], ips: ["10.0.0.6"] });
      assert.equal(moved.generated, true, "a new address needs a new certificate");
      assert.notEqual(moved.fingerprint, first.fingerprint, "different certificate");
      const late = await selfSignedCertificate(d, { hosts: [], ips: ["10.0.0.6"], now: new Date(Date.now() + 360 * 24 * 3600 * 1000) });
      assert.equal(late.generated, true, "renewed in its last week");
      writeFileSync(join(d, SELF_SIGNED_FILES.cert), "garbage");
      const repaired = await selfSignedCertificate(d, { hosts: [], ips: [] });
      assert.equal(repaired.generated, true, "a damaged file is replaced");
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it("reads HTTPS_CERT and HTTPS_KEY, and refuses half or wrong configurations", async () => {
    const certPath = join(dir, SELF_SIGNED_FILES.cert);
    const keyPath = join(dir, SELF_SIGNED_FILES.key);
    const files = await tlsFromEnv({ HTTPS_CERT: certPath, HTTPS_KEY: keyPath }, { dir: "/nonexistent" });
    assert.equal(files?.source, "files", "own certificate");
    assert.equal(files?.cert, readFileSync(certPath, "utf8"), "the given certificate");
    assert.equal(await tlsFromEnv({}, { dir }), null, "no variables: plain HTTP");
    assert.equal(await tlsFromEnv({ HTTPS: "off" }, { dir }), null, "HTTPS=off: plain HTTP");
    await assert.rejects(tlsFromEnv({ HTTPS_CERT: certPath }, { dir }), TlsConfigError, "certificate without key");
    await assert.rejects(tlsFromEnv({ HTTPS_CERT: certPath, HTTPS_KEY: join(dir, "missing.pem") }, { dir }), /cannot read/, "missing key file");
    await assert.rejects(tlsFromEnv({ HTTPS: "yes please" }, { dir }), /self-signed/, "unknown HTTPS value");
    const other = mkdtempSync(join(tmpdir(), "mpp-tls-"));
    try {
      const stranger = await selfSignedCertificate(other, { hosts: [], ips: [] });
      writeFileSync(join(other, "k.pem"), stranger.key);
      await assert.rejects(tlsFromEnv({ HTTPS_CERT: certPath, HTTPS_KEY: join(other, "k.pem") }, { dir }), /does not belong/, "key of another certificate");
      const self = await tlsFromEnv({ HTTPS: "self-signed" }, { dir: other });
      assert.equal(self?.source, "self-signed", "HTTPS=self-signed");
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  describe("server over HTTPS", () => {
    let app: FastifyInstance;
    let port: number;
    before(async () => {
      app = await build({ dbPath: ":memory:", https: { key: tls.key, cert: tls.cert } });
      await app.listen({ port: 0, host: "127.0.0.1" });
      port = (app.server.address() as { port: number }).port;
    });
    after(async () => app?.close());

    it("serves the API over TLS with HSTS and the other security headers", async () => {
      const res = await get(port, "/api/v1/health", tls.cert);
      assert.equal(res.status, 200, "health over HTTPS");
      assert.equal(JSON.parse(res.body).status, "ok", "the API answers");
      assert.equal(res.headers["strict-transport-security"], HSTS, "HSTS over HTTPS");
      assert.equal(res.headers["x-content-type-options"], "nosniff", "nosniff");
      assert.match(String(res.headers["content-security-policy"]), /frame-ancestors 'none'/, "CSP");
    });

    it("sends HSTS on errors too", async () => {
      const res = await get(port, "/api/v1/regions/9999", tls.cert);
      assert.equal(res.status, 404, "unknown region");
      assert.equal(res.headers["strict-transport-security"], HSTS, "HSTS on the error");
    });

    /** The TLS handshake with these client settings: the negotiated version and suite, or the error. */
    function handshake(opts: { minVersion?: SecureVersion; maxVersion?: SecureVersion; ciphers?: string }): Promise<{ version: string | null; cipher: string } | Error> {
      return new Promise((resolve) => {
        const s = tlsConnect({ host: "127.0.0.1", port, servername: "localhost", ca: tls.cert, ...opts }, () => {
          const r = { version: s.getProtocol(), cipher: s.getCipher().name };
          s.end();
          resolve(r);
        });
        s.on("error", (e) => resolve(e));
      });
    }

    it("offers TLS 1.3 and, in TLS 1.2, only forward-secret AEAD suites", async () => {
      const modern = await handshake({});
      assert.ok(!(modern instanceof Error) && modern.version === "TLSv1.3", `TLS 1.3 by default (${JSON.stringify(modern)})`);
      const fs12 = await handshake({ maxVersion: "TLSv1.2", ciphers: "ECDHE-RSA-AES128-GCM-SHA256" });
      assert.ok(!(fs12 instanceof Error) && fs12.cipher === "ECDHE-RSA-AES128-GCM-SHA256", `ECDHE + GCM in TLS 1.2 (${String(fs12)})`);
      for (const ciphers of ["AES128-GCM-SHA256", "AES256-SHA256", "ECDHE-RSA-AES128-SHA", "AES128-SHA"]) {
        const r = await handshake({ maxVersion: "TLSv1.2", ciphers });
        assert.ok(r instanceof Error, `${ciphers} (no forward secrecy or CBC) is refused`);
      }
      const old = await handshake({ minVersion: "TLSv1", maxVersion: "TLSv1.1", ciphers: "DEFAULT:@SECLEVEL=0" });
      assert.ok(old instanceof Error, "TLS 1.1 is refused");
    });

    it("answers a request the parser refuses with HSTS and the error shape", async () => {
      const text = await new Promise<string>((resolve) => {
        const s = tlsConnect({ host: "127.0.0.1", port, servername: "localhost", ca: tls.cert }, () => s.write("FOO / HTTP/1.1\r\nHost: x\r\n\r\n"));
        let data = "";
        s.on("data", (c) => (data += c.toString("latin1")));
        s.on("close", () => resolve(data));
        s.on("error", () => resolve(data));
      });
      assert.match(text, /^HTTP\/1\.1 400 /, "400");
      assert.match(text, /\r\nstrict-transport-security: max-age=15552000\r\n/, "HSTS");
      assert.match(text, /"code":"bad_request"/, "error shape");
    });

    it("is refused by a client that does not trust the certificate", async () => {
      const plain = new Promise((resolve, reject) => {
        const req = request({ host: "127.0.0.1", servername: "localhost", port, path: "/api/v1/health" }, resolve);
        req.on("error", reject);
        req.end();
      });
      await assert.rejects(plain, /self[- ]signed|certificate/i, "an untrusted self-signed certificate fails verification");
    });
  });

  it("sends no HSTS over plain HTTP", async () => {
    const app = await build({ dbPath: ":memory:" });
    try {
      const res = await app.inject("/api/v1/health");
      assert.equal(res.headers["strict-transport-security"], undefined, "no HSTS without TLS");
    } finally {
      await app.close();
    }
  });
});
