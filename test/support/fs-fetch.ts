// fetch() over the repository's files, for loading scenes/ and assets/ in Node tests.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

export function fsFetch(routes: Record<string, string>, overrides: Record<string, Uint8Array | number> = {}): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input instanceof Request ? input.url : input);
    const o = overrides[url];
    if (typeof o === "number") return new Response("nope", { status: o });
    if (o instanceof Uint8Array) return new Response(o as unknown as BodyInit, { status: 200 });
    for (const [prefix, dir] of Object.entries(routes)) {
      if (url.startsWith(prefix)) {
        try {
          return new Response(await readFile(resolve(dir, url.slice(prefix.length))), { status: 200 });
        } catch {
          return new Response("not found", { status: 404 });
        }
      }
    }
    return new Response("not found", { status: 404 });
  }) as typeof fetch;
}
