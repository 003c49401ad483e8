// The meshopt decoder the app loads before its first compressed model: meshoptimizer's own
// decoder script, copied from the pinned npm package with its licence. Babylon loads it with a
// <script> tag and then uses the global MeshoptDecoder it defines, so the classic-script build
// (meshopt_decoder.cjs, which also sets that global) is the one shipped.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const NAME = "decoder";
/** Where the files go, relative to the repository; the app asks for assets/ + this path. */
export const DECODER_DIR = "assets/decoders";

/** Path (relative to the repository) -> bytes. */
export function meshoptDecoderFiles(packageDir: string): Map<string, Uint8Array> {
  const read = (name: string): Uint8Array => {
    try {
      return new Uint8Array(readFileSync(join(packageDir, name)));
    } catch (e) {
      throw new Error(`${NAME}: ${name} is missing in ${packageDir} (npm ci installs meshoptimizer): ${(e as Error).message}`);
    }
  };
  const script = read("meshopt_decoder.cjs");
  if (!new TextDecoder().decode(script).includes("MeshoptDecoder = MeshoptDecoder")) {
    throw new Error(`${NAME}: meshopt_decoder.cjs no longer sets the global MeshoptDecoder that Babylon uses`);
  }
  return new Map([
    [`${DECODER_DIR}/LICENSE.md`, read("LICENSE.md")],
    [`${DECODER_DIR}/meshopt_decoder.js`, script],
  ]);
}
