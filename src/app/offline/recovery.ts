// While the page shows data from the offline copy, it asks the API again now and then (and at
// once when the browser says it is back online): the first live answer clears "Informasi per …"
// without anyone having to touch the screen. Nothing runs while the data is live.

export interface RecoveryDeps {
  api: { dataAge(): Date | null; onDataAge(listener: (d: Date | null) => void): () => void; health(): Promise<unknown> };
  win: Pick<Window, "addEventListener" | "removeEventListener">;
  /** Between two attempts while offline, ms (default 30 s). */
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export function watchRecovery(deps: RecoveryDeps): () => void {
  const intervalMs = deps.intervalMs ?? 30_000;
  if (!(intervalMs > 0)) throw new RangeError(`recovery: intervalMs must be positive, got ${intervalMs}`);
  const every = deps.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const stop = deps.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  let handle: unknown = null;
  // health is never stored by the page: its answer comes from the network when there is one.
  const attempt = () => { if (deps.api.dataAge() !== null) deps.api.health().catch(() => {}); };
  const follow = (age: Date | null) => {
    if (age !== null && handle === null) handle = every(attempt, intervalMs);
    if (age === null && handle !== null) { stop(handle); handle = null; }
  };
  const offAge = deps.api.onDataAge(follow);
  follow(deps.api.dataAge());
  deps.win.addEventListener("online", attempt);
  return () => {
    offAge();
    deps.win.removeEventListener("online", attempt);
    if (handle !== null) stop(handle);
    handle = null;
  };
}
