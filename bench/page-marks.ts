// What the bench and the budget test read from a page, injected before the app's own code runs
// (Playwright addInitScript), so the app needs no bench-only code:
// - window.__bench.firstFrame: the time of the scene's first rendered frame: the app's
//   "mpp:first-frame" performance mark (drawn while the buildings load), else the hook's first frame;
// - window.__bench.ready: performance.now() when the test hook's `ready` resolved;
// - window.__bench.scripts: every .js resource the page had fetched by then (Resource Timing).
// The app installs window.__mpp once (src/app/test-hook.ts); a setter on window sees it arrive.

export interface ScriptEntry {
  path: string;
  /** Bytes on the wire with the server's own compression (br or gzip), headers excluded. */
  encoded: number;
  decoded: number;
}

export interface PageMarks {
  firstFrame?: number;
  ready?: number;
  scripts?: ScriptEntry[];
  hookError?: string;
}

export const MARKS_INIT_SCRIPT = `(() => {
  const marks = (window.__bench = window.__bench || {});
  const scripts = () => performance.getEntriesByType("resource")
    .map((e) => ({ url: new URL(e.name), e }))
    .filter(({ url }) => url.origin === location.origin && url.pathname.endsWith(".js"))
    .map(({ url, e }) => ({ path: url.pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize }));
  let hook;
  Object.defineProperty(window, "__mpp", {
    configurable: true,
    enumerable: true,
    get() { return hook; },
    set(v) {
      hook = v;
      if (!v) return;
      try {
        v.frames(1).then(() => {
          if (marks.firstFrame !== undefined) return;
          // The app marks its first frame, drawn while the buildings still load (src/app/page/loading-frames.ts).
          const first = performance.getEntriesByName("mpp:first-frame")[0];
          marks.firstFrame = first ? first.startTime : performance.now();
        });
      } catch (e) { marks.hookError = String(e); }
      Promise.resolve(v.ready).then(() => { marks.ready = performance.now(); marks.scripts = scripts(); });
    },
  });
})();`;

/** Reads window.__bench once ready was seen (the caller waits for it). */
export function readMarksInPage(): PageMarks {
  return (window as unknown as { __bench?: PageMarks }).__bench ?? {};
}
