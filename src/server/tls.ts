// HTTPS for headsets on a local network: WebXR needs a secure context, and a headset reaches the
// server by its LAN address, where plain http is not one. Either the operator's own certificate
// (HTTPS_CERT + HTTPS_KEY, PEM paths) or, with HTTPS=self-signed, a self-signed certificate kept
// in data/tls/ so the headset's one-time "proceed anyway" survives restarts. It is regenerated
// only when it is about to expire or no longer names one of this machine's LAN addresses.
import { createPrivateKey, X509Certificate } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, networkInterfaces } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";

export interface TlsMaterial {
  key: string;
  cert: string;
  source: "files" | "self-signed";
  /** SHA-256 fingerprint, for the operator to compare with what the headset shows. */
  fingerprint: string;
  /** Self-signed only: made on this start (false: reused from disk). */
  generated: boolean;
}

export class TlsConfigError extends Error {
  override name = "TlsConfigError";
}

/** IPv4 addresses of this machine on its networks (what a headset types in), loopback excluded. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) out.push(a.address);
  }
  return out;
}

export const SELF_SIGNED_FILES = { key: "self-signed-key.pem", cert: "self-signed-cert.pem" } as const;
const VALID_DAYS = 365;
/** Renew a week before expiry, so a kiosk is never found with an expired certificate on a Monday. */
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

function namesInCertificate(cert: X509Certificate): Set<string> {
  // e.g. "DNS:localhost, IP Address:127.0.0.1"
  return new Set((cert.subjectAltName ?? "").split(",").map((s) => s.trim().replace(/^(DNS|IP Address):/, "")));
}

/** The stored certificate if it still fits (valid, matches its key, names every host); else null. */
function reusable(dir: string, names: string[], now: Date): { key: string; cert: string } | null {
  const keyPath = join(dir, SELF_SIGNED_FILES.key);
  const certPath = join(dir, SELF_SIGNED_FILES.cert);
  if (!existsSync(keyPath) || !existsSync(certPath)) return null;
  try {
    const key = readFileSync(keyPath, "utf8");
    const cert = readFileSync(certPath, "utf8");
    const x509 = new X509Certificate(cert);
    if (new Date(x509.validTo).getTime() - now.getTime() < RENEW_BEFORE_MS) return null;
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null;
    const has = namesInCertificate(x509);
    return names.every((n) => has.has(n)) ? { key, cert } : null;
  } catch {
    return null; // unreadable or damaged: make a new one
  }
}

export async function selfSignedCertificate(
  dir: string,
  options: { hosts?: string[]; ips?: string[]; now?: Date } = {},
): Promise<TlsMaterial> {
  const now = options.now ?? new Date();
  const hosts = [...new Set(["localhost", ...(options.hosts ?? [hostname()])])];
  const ips = [...new Set(["127.0.0.1", ...(options.ips ?? lanAddresses())])];
  const existing = reusable(dir, [...hosts, ...ips], now);
  let generated = false;
  let pem = existing;
  if (!pem) {
    const notAfter = new Date(now.getTime() + VALID_DAYS * 24 * 3600 * 1000);
    const made = await generate([{ name: "commonName", value: "MPP Digital XR (self-signed)" }], {
      keySize: 2048,
      algorithm: "sha256",
      notBeforeDate: new Date(now.getTime() - 60_000),
      notAfterDate: notAfter,
      extensions: [
        { name: "basicConstraints", cA: false },
        { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
        { name: "extKeyUsage", serverAuth: true },
        {
          name: "subjectAltName",
          altNames: [...hosts.map((value) => ({ type: 2 as const, value })), ...ips.map((ip) => ({ type: 7 as const, ip }))],
        },
      ],
    });
    pem = { key: made.private, cert: made.cert };
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, SELF_SIGNED_FILES.key), pem.key, { mode: 0o600 });
    chmodSync(join(dir, SELF_SIGNED_FILES.key), 0o600);
    writeFileSync(join(dir, SELF_SIGNED_FILES.cert), pem.cert);
    generated = true;
  }
  return { ...pem, source: "self-signed", fingerprint: new X509Certificate(pem.cert).fingerprint256, generated };
}

function readPem(path: string, what: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new TlsConfigError(`${what}: cannot read ${path}: ${(e as Error).message}`);
  }
}

/**
 * HTTPS settings from the environment: HTTPS_CERT + HTTPS_KEY (PEM files), or HTTPS=self-signed.
 * Null means plain HTTP. Half a configuration is an error, not a silent fallback to HTTP.
 */
export async function tlsFromEnv(env: Record<string, string | undefined>, options: { dir: string }): Promise<TlsMaterial | null> {
  const certPath = env.HTTPS_CERT?.trim() || undefined;
  const keyPath = env.HTTPS_KEY?.trim() || undefined;
  const mode = env.HTTPS?.trim().toLowerCase() || undefined;
  if (certPath || keyPath) {
    if (!certPath || !keyPath) throw new TlsConfigError("HTTPS_CERT and HTTPS_KEY must be set together (PEM file paths)");
    const cert = readPem(certPath, "HTTPS_CERT");
    const key = readPem(keyPath, "HTTPS_KEY");
    let x509: X509Certificate;
    try {
      x509 = new X509Certificate(cert);
      if (!x509.checkPrivateKey(createPrivateKey(key))) throw new Error("the key does not belong to the certificate");
    } catch (e) {
      throw new TlsConfigError(`HTTPS_CERT/HTTPS_KEY: ${(e as Error).message}`);
    }
    return { key, cert, source: "files", fingerprint: x509.fingerprint256, generated: false };
  }
  if (mode === undefined || mode === "off" || mode === "0" || mode === "false") return null;
  if (mode === "self-signed") return selfSignedCertificate(options.dir);
  throw new TlsConfigError(`HTTPS must be "self-signed" (or unset); for your own certificate set HTTPS_CERT and HTTPS_KEY. Got ${JSON.stringify(env.HTTPS)}`);
}

/**
 * Server-side TLS settings: TLS 1.2 with forward-secret AEAD suites only (ECDHE; no RSA key
 * exchange, no CBC), and TLS 1.3 (whose suites are all forward-secret). Quest browsers and every
 * current desktop browser speak TLS 1.3 anyway.
 */
export const TLS_SERVER_OPTIONS = {
  minVersion: "TLSv1.2",
  ciphers: [
    "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
  ].join(":"),
  honorCipherOrder: true,
} as const;
