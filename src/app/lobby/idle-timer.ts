// The lobby's idle state machine, with an injected clock so tests run in fake time.
//
//   attract --start()--> active --idleMs without activity--> warning --warningMs--> (reset) attract
//                          ^                                     |
//                          +-------------- activity() -----------+
//
// Activity only records a time: the one pending timer checks it when it fires, so a stream of
// pointer moves costs no timer churn.

export type LobbyState = "attract" | "active" | "warning";

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface IdleTimerOptions {
  /** Time without activity before the warning, ms (> 0). */
  idleMs: number;
  /** Length of the warning's countdown, ms (> 0). */
  warningMs: number;
  clock?: Clock;
}

export interface IdleTimer {
  readonly state: LobbyState;
  /** Whole seconds left in the warning (0 outside it). */
  secondsLeft(): number;
  /** A visitor touched the attract screen: the session starts. */
  start(): void;
  /** Any touch, key or wheel: the visitor is still here. Ignored in the attract state. */
  activity(): void;
  /** Ends a session now (state attract, reset listeners called). */
  resetNow(): void;
  onState(listener: (state: LobbyState) => void): () => void;
  /** Each second of the warning: the seconds left. */
  onCountdown(listener: (secondsLeft: number) => void): () => void;
  /** The warning ran out: clear the previous visitor's traces. */
  onReset(listener: () => void): () => void;
  dispose(): void;
}

/** Countdown for an idle time: a sixth of it, between 5 s (time to notice and reach the button) and 15 s. */
export function warningMsFor(idleMs: number): number {
  return Math.min(15_000, Math.max(5_000, Math.round(idleMs / 6)));
}

export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const { idleMs, warningMs } = options;
  if (!(Number.isFinite(idleMs) && idleMs > 0)) throw new RangeError(`idle-timer: idleMs must be a positive number, got ${idleMs}`);
  if (!(Number.isFinite(warningMs) && warningMs > 0)) throw new RangeError(`idle-timer: warningMs must be a positive number, got ${warningMs}`);
  const clock = options.clock ?? systemClock;
  const stateListeners = new Set<(s: LobbyState) => void>();
  const countdownListeners = new Set<(n: number) => void>();
  const resetListeners = new Set<() => void>();
  let state: LobbyState = "attract";
  let lastActivity = clock.now();
  let warningEnds = 0;
  let pending: unknown = null;
  let disposed = false;

  const schedule = (fn: () => void, ms: number) => {
    if (pending !== null) clock.clearTimeout(pending);
    pending = clock.setTimeout(() => { pending = null; fn(); }, Math.max(0, ms));
  };
  const cancel = () => {
    if (pending !== null) clock.clearTimeout(pending);
    pending = null;
  };
  const setState = (next: LobbyState) => {
    if (next === state) return;
    state = next;
    for (const l of [...stateListeners]) l(state);
  };
  const secondsLeft = () => (state === "warning" ? Math.max(0, Math.ceil((warningEnds - clock.now()) / 1000)) : 0);

  function watchIdle() {
    const left = lastActivity + idleMs - clock.now();
    if (left > 0) { schedule(watchIdle, left); return; }
    warningEnds = clock.now() + warningMs;
    setState("warning");
    countdown();
  }

  function countdown() {
    if (state !== "warning") return;
    const left = warningEnds - clock.now();
    if (left <= 0) { resetNow(); return; }
    for (const l of [...countdownListeners]) l(secondsLeft());
    // Next whole second (or the end), so the displayed number changes on time.
    schedule(countdown, left % 1000 || 1000);
  }

  function resetNow() {
    if (disposed) return;
    cancel();
    setState("attract");
    for (const l of [...resetListeners]) l();
  }

  return {
    get state() { return state; },
    secondsLeft,
    start() {
      if (disposed || state !== "attract") return;
      lastActivity = clock.now();
      setState("active");
      schedule(watchIdle, idleMs);
    },
    activity() {
      if (disposed || state === "attract") return;
      lastActivity = clock.now();
      if (state === "warning") {
        setState("active");
        schedule(watchIdle, idleMs);
      }
    },
    resetNow,
    onState(l) { stateListeners.add(l); return () => { stateListeners.delete(l); }; },
    onCountdown(l) { countdownListeners.add(l); return () => { countdownListeners.delete(l); }; },
    onReset(l) { resetListeners.add(l); return () => { resetListeners.delete(l); }; },
    dispose() {
      disposed = true;
      cancel();
      stateListeners.clear();
      countdownListeners.clear();
      resetListeners.clear();
    },
  };
}
