// The officers' counter page at /admin/loket (its own small bundle, webpack entry "loket"): sign in,
// choose a counter (remembered on this computer), then the console. Province admins choose a region
// first (?region=CODE). ?counter=ID opens a counter directly. Language: ?lang=en, else Indonesian.
import uiCss from "../ui/styles.css";
import css from "./counter.css";
import { injectStyles } from "../ui/styles";
import { isRegionCode } from "../../domain/ids";
import type { Lang } from "../../domain/queue/shapes";
import { el } from "../ui/dom";
import { QueueApiError } from "../queue/queue-api";
import { qt, type QueueStringKey } from "../queue/strings";
import { createCounterApi, type OfficerUser } from "./counter-api";
import { createCounterConsole, type CounterConsole } from "./counter-console";

const STORAGE_KEY = "mpp.counter";

function storage(win: Window): Storage | null {
  try { return win.localStorage; } catch { return null; }
}

export function startCounterPage(win: Window): void {
  const doc = win.document;
  const url = new URL(win.location.href);
  const lang: Lang = url.searchParams.get("lang") === "en" ? "en" : "id";
  doc.documentElement.lang = lang;
  injectStyles(doc, `${uiCss}\n${css}`);
  const t = (key: QueueStringKey, p?: Record<string, string | number>) => qt(lang, key, p);
  doc.title = t("counter.title");
  const api = createCounterApi({ lang: () => lang });
  const main = el(doc, "main", { class: "qc-page" });
  doc.body.append(main);
  let consoleView: CounterConsole | null = null;

  const show = (...nodes: Node[]) => {
    consoleView?.dispose();
    consoleView = null;
    main.textContent = "";
    main.append(...nodes);
  };
  const errorLine = (err: unknown) => el(doc, "p", { class: "qc-status", role: "alert", "data-kind": "error", "data-testid": "counter-error" },
    err instanceof QueueApiError && err.kind === "http" ? t("counter.error", { message: err.message }) : t("counter.offline"));

  function signIn(problem?: unknown): void {
    const user = el(doc, "input", { class: "mpp-input", name: "username", autocomplete: "username", required: true, "data-testid": "counter-username" });
    const pass = el(doc, "input", { class: "mpp-input", name: "password", type: "password", autocomplete: "current-password", required: true, "data-testid": "counter-password" });
    const form = el(doc, "form", { class: "qc-login mpp-panel" },
      el(doc, "h1", {}, t("counter.signIn")),
      el(doc, "label", { class: "mpp-label" }, t("counter.username"), user),
      el(doc, "label", { class: "mpp-label" }, t("counter.password"), pass),
      el(doc, "button", { type: "submit", class: "mpp-button mpp-button--primary", "data-testid": "counter-submit" }, t("counter.submit")),
      problem ? errorLine(problem) : null);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      api.login(user.value.trim(), pass.value).then((u) => { pass.value = ""; void choose(u); }, (err) => signIn(err));
    });
    show(form);
    user.focus();
  }

  async function choose(u: OfficerUser): Promise<void> {
    const wanted = url.searchParams.get("counter") ?? storage(win)?.getItem(STORAGE_KEY) ?? null;
    const region = u.region ?? (isRegionCode(url.searchParams.get("region")) ? url.searchParams.get("region")! : null);
    if (!region) {
      show(el(doc, "p", { class: "qc-status" }, `${t("counter.choose")}: /admin/loket?region=3273`));
      return;
    }
    let list;
    try {
      list = await api.counters(region);
    } catch (err) {
      if (err instanceof QueueApiError && err.status === 401) return signIn();
      return show(errorLine(err));
    }
    if (wanted && list.some((c) => c.id === wanted)) return open(wanted);
    const logout = el(doc, "button", { type: "button", class: "mpp-button" }, t("counter.signOut"));
    logout.addEventListener("click", () => void api.logout().finally(() => signIn()));
    const rows = list.map((c) => {
      const b = el(doc, "button", { type: "button", class: "qc-pick mpp-button", "data-testid": "counter-pick", "data-counter": c.id },
        el(doc, "strong", {}, `${c.label} · ${c.agencyShortName}`), el(doc, "span", { class: "mpp-muted" }, t("counter.waitingCount", { n: c.waiting })));
      b.addEventListener("click", () => open(c.id));
      return el(doc, "li", {}, b);
    });
    show(el(doc, "div", { class: "qc-top" }, el(doc, "h1", { class: "qc-title" }, t("counter.choose")), el(doc, "span", { class: "mpp-muted" }, u.username), logout),
      el(doc, "ul", { class: "qc-picks mpp-list" }, ...rows));
  }

  function open(counterId: string): void {
    storage(win)?.setItem(STORAGE_KEY, counterId);
    const c = createCounterConsole(doc, {
      api, counterId, lang: () => lang,
      onChangeCounter: () => { storage(win)?.removeItem(STORAGE_KEY); void api.me().then(choose, () => signIn()); },
      onSignedOut: () => signIn(),
    });
    show(c.element);
    consoleView = c;
    void c.refresh();
  }

  api.me().then(choose, (err: unknown) => (err instanceof QueueApiError && err.status === 401 ? signIn() : show(errorLine(err))));
}

startCounterPage(window);
