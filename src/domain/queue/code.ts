// Codes a citizen reads off a screen or a receipt and types back: booking codes (queue) and tracking
// codes (consultation and complaints). 8 characters from a 22-character alphabet without look-alikes,
// drawn from the platform's CSPRNG (crypto.getRandomValues) by rejection sampling, so every character
// is exactly uniform: 22^8 ~ 5.5e10 codes (35.7 bits). Guessing one live code among 100,000 takes
// ~550,000 tries on average; the routes' rate limits make that impractical.
//
// Left out: 0 O Q (round), 1 I L (stroke), 2 Z, 5 S, 8 B, G (looks like 6), V (like U and Y).
// No check character: it would cost 4.5 bits of the 8 characters, and a mistyped code gets the same
// answer as an unknown one ("not found, check the code") without telling a guesser anything.

export const CODE_ALPHABET = "34679ACDEFHJKMNPRTUWXY";
export const CODE_LENGTH = 8;
const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
// The largest multiple of the alphabet size that fits in a byte: bytes at or above it are drawn again.
const LIMIT = 256 - (256 % CODE_ALPHABET.length);

export type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => unknown;
const cryptoFill: RandomFill = (bytes) => globalThis.crypto.getRandomValues(bytes);

/** A new random code, e.g. "K7DX4MRA". `fill` is for tests; production uses the CSPRNG. */
export function generateCode(fill: RandomFill = cryptoFill): string {
  let out = "";
  const buf = new Uint8Array(new ArrayBuffer(CODE_LENGTH * 2));
  let guard = 0;
  while (out.length < CODE_LENGTH) {
    if (++guard > 1000) throw new Error("code: the random source keeps returning rejected bytes");
    fill(buf);
    for (const b of buf) {
      if (b >= LIMIT) continue;
      out += CODE_ALPHABET[b % CODE_ALPHABET.length];
      if (out.length === CODE_LENGTH) break;
    }
  }
  return out;
}

export function isCode(value: unknown): value is string {
  return typeof value === "string" && CODE.test(value);
}

/**
 * A code as the citizen typed it -> the stored form, or null: case, spaces, dashes and dots are
 * ignored ("k7dx-4mra", "K7DX 4MRA"), anything else (a look-alike, a wrong length) is refused.
 */
export function normalizeCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 40) return null;
  const compact = input.normalize("NFKC").toUpperCase().replace(/[\s\-._]+/g, "");
  return CODE.test(compact) ? compact : null;
}

/** The code as printed for reading aloud and typing: "K7DX-4MRA". */
export function formatCode(code: string): string {
  if (!isCode(code)) throw new RangeError(`code: ${JSON.stringify(code)} is not a code`);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
