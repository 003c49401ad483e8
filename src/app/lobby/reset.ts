// What a lobby kiosk does between two visitors, as named steps run in a fixed order. A step that
// throws is reported and the others still run: a kiosk must never keep showing the previous
// visitor's search or service because one part failed.
// The order matters: the language switch rewrites the URL (routing/location-sync.ts keeps ?lang
// in it), so the URL is replaced after it; the update check comes last because it may reload the page.
// The API caches are kept on purpose (the in-memory one holds nothing visible, and the service
// worker's copy is what keeps the kiosk working offline).

export interface ResetStep {
  name: string;
  run(): void | Promise<void>;
}

export interface LobbyResetDeps {
  directory: { reset(): void; close(): void };
  experience: { closeKiosk(): void; leaveBuilding(): void };
  i18n: { setLang(lang: "id"): void };
  /** The owner of the URL (routing/location-sync.ts). */
  location: { rest(path: string): void };
  /** The kiosk's resting URL (kiosk-options.ts baseUrl). */
  baseUrl: string;
  /** Back to the attract loop. */
  attract: { start(): void };
  /** Extra clean-up of the page (warning dialog, keyboard, toasts), run before the rest. */
  before?: ResetStep[];
  /** A waiting service worker version takes over now, between visitors; true when it did. */
  applyUpdate?: () => Promise<boolean>;
  /** Reloads at the base URL after an update (location.replace). */
  reload?: (url: string) => void;
}

export interface ResetReport {
  ran: string[];
  failed: Array<{ step: string; error: unknown }>;
}

export function lobbyResetSteps(deps: LobbyResetDeps): ResetStep[] {
  if (typeof deps?.baseUrl !== "string" || !deps.baseUrl.startsWith("/")) {
    throw new TypeError(`lobby reset: baseUrl must be a path starting with "/", got ${JSON.stringify(deps?.baseUrl)}`);
  }
  return [
    ...(deps.before ?? []),
    { name: "search", run: () => { deps.directory.reset(); deps.directory.close(); } },
    { name: "kiosk", run: () => { deps.experience.closeKiosk(); deps.experience.leaveBuilding(); } },
    { name: "language", run: () => deps.i18n.setLang("id") },
    { name: "history", run: () => deps.location.rest(deps.baseUrl) },
    { name: "attract", run: () => deps.attract.start() },
    {
      name: "update",
      run: async () => {
        if (deps.applyUpdate && (await deps.applyUpdate())) deps.reload?.(deps.baseUrl);
      },
    },
  ];
}

export async function runReset(steps: readonly ResetStep[], onError?: (step: string, error: unknown) => void): Promise<ResetReport> {
  const report: ResetReport = { ran: [], failed: [] };
  for (const step of steps) {
    try {
      await step.run();
      report.ran.push(step.name);
    } catch (error) {
      report.failed.push({ step: step.name, error });
      onError?.(step.name, error);
    }
  }
  return report;
}
