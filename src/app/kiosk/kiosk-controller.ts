// The state of one open kiosk: a stack of screens (for Back), the data each needs, and the
// KioskView to render. Data comes through an injected api (api/client.ts in the app, a fake in
// tests). Every load carries a token; a response for a screen the user has already left is
// dropped, so a slow answer never overwrites what is on screen now.
import type { I18n } from "../i18n/i18n";
import { parseScreen, screenDef, screenKey, type KioskView, type KioskScreen } from "./screens/registry";
import { errorView, loadingView, type KioskActionId, type KioskApi, type ViewContext } from "./screens/screen";

export type { KioskApi };

export type KioskI18n = Pick<I18n, "lang" | "t" | "formatDateTime" | "onChange">;

export interface KioskControllerOptions {
  api: KioskApi;
  i18n: KioskI18n;
  start: KioskScreen;
}

export interface KioskController {
  readonly view: KioskView;
  /** The screen stack, first screen first (read-only copy). */
  readonly stack: readonly KioskScreen[];
  onView(listener: (view: KioskView) => void): () => void;
  onClose(listener: () => void): () => void;
  /** Opens the row `itemId` of the current ready view; returns false when no such row. */
  select(itemId: string): boolean;
  /** Pushes a screen, e.g. from a search result or a deep link. */
  open(screen: KioskScreen): void;
  back(): boolean;
  close(): void;
  retry(): void;
  /** Runs a screen action ("queue", "ask", "rate"): opens what the screen's act() answers; false when nothing. */
  act(actionId: KioskActionId): boolean;
  /** Types one key of the panel's keyboard into the current screen's field ("⌫" deletes, "↵" a new line). */
  type(key: string): boolean;
  /** Replaces the current screen's field draft (the DOM mirror's text field). */
  setInput(text: string): boolean;
  /** Shows "Informasi per …" on every screen while the data may be old; null clears it. */
  setDataAge(date: Date | string | null): void;
  dispose(): void;
}

function isServerUnreachable(err: unknown): boolean {
  const kind = (err as { kind?: unknown } | null)?.kind;
  return kind === "network" || kind === "timeout";
}

export function createKioskController(options: KioskControllerOptions): KioskController {
  const { api, i18n } = options;
  if (!api || !i18n) throw new TypeError("createKioskController: api and i18n are required");
  const stack: KioskScreen[] = [parseScreen(options.start)];
  // Data per screen, so Back and a language switch re-render without asking the server again.
  const cache = new Map<string, unknown>();
  const errors = new Map<string, unknown>();
  const viewListeners = new Set<(v: KioskView) => void>();
  const closeListeners = new Set<() => void>();
  let token = 0;
  let disposed = false;
  let dataAsOf: Date | string | null = null;
  // The text field's draft per screen: Back and a language switch keep what was typed.
  const drafts = new Map<string, string>();

  const current = () => stack[stack.length - 1] as KioskScreen;
  const draftOf = (screen: KioskScreen) => drafts.get(screenKey(screen)) ?? screenDef(screen).initialInput?.(screen) ?? "";
  const ctx = (): ViewContext => ({ i18n, canGoBack: stack.length > 1, dataAsOf, input: draftOf(current()) });

  /** Sets the draft when the field takes it (within its length in code points); re-renders. */
  function setDraft(text: string): boolean {
    const field = view.status === "ready" ? view.input : undefined;
    if (disposed || !field || [...text].length > field.maxLength) return false;
    drafts.set(screenKey(current()), text);
    emit();
    return true;
  }

  function build(screen: KioskScreen): KioskView {
    const key = screenKey(screen);
    if (cache.has(key)) {
      try {
        return screenDef(screen).view(screen, cache.get(key), ctx());
      } catch (err) {
        return errorView(screen, ctx(), err instanceof Error ? err.message : String(err));
      }
    }
    if (errors.has(key)) {
      return errorView(screen, ctx(), isServerUnreachable(errors.get(key)) ? i18n.t("error.apiDown.title") : undefined);
    }
    return loadingView(screen, ctx());
  }

  let view = build(current());

  function emit() {
    if (disposed) return;
    view = build(current());
    for (const l of [...viewListeners]) l(view);
  }

  function load(screen: KioskScreen) {
    const key = screenKey(screen);
    if (cache.has(key)) { emit(); return; }
    errors.delete(key);
    const mine = ++token;
    emit(); // the loading view first
    screenDef(screen).load(screen, api).then(
      (data) => {
        cache.set(key, data);
        if (mine === token && !disposed) emit();
      },
      (err: unknown) => {
        if (mine !== token || disposed) return;
        errors.set(key, err);
        emit();
      },
    );
  }

  function open(screen: KioskScreen) {
    if (disposed) return;
    const valid = parseScreen(screen);
    stack.push(valid);
    load(valid);
  }

  // Start loading on the next tick, so a caller can subscribe with onView() first.
  queueMicrotask(() => { if (!disposed) load(current()); });
  const offLang = i18n.onChange(() => emit());

  return {
    get view() { return view; },
    get stack() { return [...stack]; },
    onView(listener) {
      viewListeners.add(listener);
      return () => { viewListeners.delete(listener); };
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => { closeListeners.delete(listener); };
    },
    select(itemId) {
      if (disposed || view.status !== "ready" || !view.items.some((i) => i.id === itemId)) return false;
      const screen = current();
      const next = screenDef(screen).select?.(screen, itemId, draftOf(screen)) ?? null;
      if (!next) return false;
      open(next);
      return true;
    },
    open,
    act(actionId) {
      if (disposed || view.status !== "ready" || !view.actions.some((a) => a.id === actionId)) return false;
      const screen = current();
      const next = screenDef(screen).act?.(screen, actionId, cache.get(screenKey(screen))) ?? null;
      if (!next) return false;
      open(next);
      return true;
    },
    type(key) {
      const draft = draftOf(current());
      if (key === "⌫") return setDraft([...draft].slice(0, -1).join(""));
      if (key === "↵") return view.input?.multiline === true && setDraft(`${draft}\n`);
      if ([...key].length !== 1) return false;
      return setDraft(draft + key);
    },
    setInput(text) {
      return setDraft(text);
    },
    back() {
      if (disposed || stack.length <= 1) return false;
      stack.pop();
      token++; // whatever was loading for the screen we left is no longer wanted
      load(current());
      return true;
    },
    close() {
      if (disposed) return;
      token++;
      for (const l of [...closeListeners]) l();
    },
    retry() {
      if (disposed) return;
      const screen = current();
      if (cache.has(screenKey(screen))) return;
      load(screen);
    },
    setDataAge(date) {
      dataAsOf = date;
      emit();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      token++;
      offLang();
      viewListeners.clear();
      closeListeners.clear();
    },
  };
}
