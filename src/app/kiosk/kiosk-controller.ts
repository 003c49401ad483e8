// The state of one open kiosk: a stack of screens (for Back), the data each needs, and the
// KioskView to render. Data comes through an injected api (api/client.ts in the app, a fake in
// tests). Every load carries a token; a response for a screen the user has already left is
// dropped, so a slow answer never overwrites what is on screen now.
import type { RegionDetail, Service, ServiceSummary } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import {
  agenciesView, errorView, loadingView, screenKey, servicesView, serviceView,
  type KioskScreen, type KioskView, type ViewContext,
} from "./view-model";

/** The part of api/client.ts the kiosk needs. */
export interface KioskApi {
  region(code: string): Promise<RegionDetail>;
  services(code: string, opts?: { agency?: string; q?: string }): Promise<ServiceSummary[]>;
  service(id: string): Promise<Service>;
}

export type KioskI18n = Pick<I18n, "lang" | "t" | "formatDate" | "formatDateTime" | "formatRupiah" | "onChange">;

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
  /** Shows "Informasi per …" on every screen while the data may be old; null clears it. */
  setDataAge(date: Date | string | null): void;
  dispose(): void;
}

type ScreenData =
  | { kind: "agencies"; region: RegionDetail }
  | { kind: "services"; region: RegionDetail; services: ServiceSummary[] }
  | { kind: "service"; service: Service };

function agencySlugOf(region: RegionDetail, agencyId: string): string {
  const agency = region.agencies.find((a) => a.id === agencyId);
  if (!agency) throw new Error(`kiosk-controller: agency ${agencyId} is not in region ${region.code}`);
  return agency.slug;
}

function isServerUnreachable(err: unknown): boolean {
  const kind = (err as { kind?: unknown } | null)?.kind;
  return kind === "network" || kind === "timeout";
}

function validScreen(screen: KioskScreen): KioskScreen {
  const ok = screen && (
    (screen.kind === "agencies" && typeof screen.regionCode === "string" && screen.regionCode !== "") ||
    (screen.kind === "services" && typeof screen.regionCode === "string" && typeof screen.agencyId === "string" && screen.agencyId !== "") ||
    (screen.kind === "service" && typeof screen.serviceId === "string" && screen.serviceId !== ""));
  if (!ok) throw new TypeError(`kiosk-controller: not a kiosk screen: ${JSON.stringify(screen)}`);
  return screen;
}

export function createKioskController(options: KioskControllerOptions): KioskController {
  const { api, i18n } = options;
  if (!api || !i18n) throw new TypeError("createKioskController: api and i18n are required");
  const stack: KioskScreen[] = [validScreen(options.start)];
  // Data per screen, so Back and a language switch re-render without asking the server again.
  const cache = new Map<string, ScreenData>();
  const errors = new Map<string, unknown>();
  const viewListeners = new Set<(v: KioskView) => void>();
  const closeListeners = new Set<() => void>();
  let token = 0;
  let disposed = false;
  let dataAsOf: Date | string | null = null;

  const current = () => stack[stack.length - 1] as KioskScreen;
  const ctx = (): ViewContext => ({ i18n, canGoBack: stack.length > 1, dataAsOf });

  function build(screen: KioskScreen): KioskView {
    const key = screenKey(screen);
    const data = cache.get(key);
    if (data) {
      try {
        if (screen.kind === "agencies" && data.kind === "agencies") return agenciesView(screen, data.region, ctx());
        if (screen.kind === "services" && data.kind === "services") return servicesView(screen, data, ctx());
        if (screen.kind === "service" && data.kind === "service") return serviceView(screen, data.service, ctx());
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

  async function fetchData(screen: KioskScreen): Promise<ScreenData> {
    switch (screen.kind) {
      case "agencies":
        return { kind: "agencies", region: await api.region(screen.regionCode) };
      case "services": {
        const region = await api.region(screen.regionCode);
        const services = await api.services(screen.regionCode, { agency: agencySlugOf(region, screen.agencyId) });
        return { kind: "services", region, services };
      }
      case "service":
        return { kind: "service", service: await api.service(screen.serviceId) };
    }
  }

  function load(screen: KioskScreen) {
    const key = screenKey(screen);
    if (cache.has(key)) { emit(); return; }
    errors.delete(key);
    const mine = ++token;
    emit(); // the loading view first
    fetchData(screen).then(
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
    stack.push(validScreen(screen));
    load(screen);
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
      if (screen.kind === "agencies") {
        open({ kind: "services", regionCode: screen.regionCode, agencyId: itemId });
      } else if (screen.kind === "services") {
        open({ kind: "service", serviceId: itemId });
      } else {
        return false;
      }
      return true;
    },
    open,
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
