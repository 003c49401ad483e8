// The workspace's frame: skip link, title, language switch, who is signed in, navigation, one
// polite live region for results ("Draf tersimpan."), and the main area the views fill. Views are
// chosen by the URL's hash (#/layanan/ID ...), so Back works and a link can be shared between
// officers. Every view change moves focus to the view's heading, for keyboard and screen readers.
import type { Officer } from "../domain/admin/roles";
import { ApiError, type Api } from "./api";
import { h } from "./dom";
import type { AdminI18n } from "./i18n";
import type { StringKey } from "./strings";

export interface ViewContext {
  doc: Document;
  api: Api;
  i18n: AdminI18n;
  officer: Officer;
  main: HTMLElement;
  /** Announces a result in the live region (and shows it). */
  say(message: string, kind?: "ok" | "error"): void;
  go(hash: string): void;
  /** Shows an error from a call in the user's language where we know it, the server's words otherwise. */
  fail(err: unknown): void;
}

export type View = (ctx: ViewContext, params: string[]) => Promise<void>;

export interface Route { pattern: RegExp; view: View; nav: { label: StringKey; hash: string } | null }

export interface Shell {
  start(officer: Officer): void;
  stop(): void;
}

export function createShell(root: HTMLElement, deps: { api: Api; i18n: AdminI18n; routes: Route[]; win: Window; onSignOut(): void; onLang(): void }): Shell {
  const doc = root.ownerDocument;
  const { api, i18n } = deps;
  let officer: Officer | null = null;
  let renderId = 0;
  const live = h(doc, "p", { class: "adm-live", role: "status", "aria-live": "polite", "data-testid": "admin-status" });
  const main = h(doc, "main", { id: "adm-main", tabindex: -1 });

  const say = (message: string, kind: "ok" | "error" = "ok") => {
    live.textContent = "";
    live.className = `adm-live adm-live--${kind}`;
    // A fresh text node so screen readers announce a repeated message too.
    live.appendChild(doc.createTextNode(message));
  };
  const fail = (err: unknown) => {
    if (err instanceof ApiError) say(i18n.t("app.error", { message: err.message }), "error");
    else say(i18n.t("app.error", { message: (err as Error)?.message ?? String(err) }), "error");
  };

  function chrome(): void {
    const o = officer!;
    const nav = h(doc, "nav", { "aria-label": i18n.t("app.title") }, h(doc, "ul", {}, ...deps.routes.filter((r) => r.nav).map((r) =>
      h(doc, "li", {}, h(doc, "a", { href: r.nav!.hash }, i18n.t(r.nav!.label)))),
      // The queue's counter page is a page of its own (small, for a desk all day): docs/queue.md.
      h(doc, "li", {}, h(doc, "a", { href: "/admin/loket", "data-testid": "nav-counter" }, i18n.t("nav.counter")))));
    const langs = h(doc, "div", { class: "adm-langs", role: "group", "aria-label": i18n.t("app.lang") },
      ...(["id", "en"] as const).map((l) => h(doc, "button", { type: "button", "aria-pressed": String(i18n.lang === l), "data-lang": l, lang: l }, l === "id" ? "Bahasa Indonesia" : "English")));
    langs.addEventListener("click", (e) => {
      const l = (e.target as HTMLElement).closest("button")?.dataset.lang;
      if (l === "id" || l === "en") { i18n.set(l); deps.onLang(); }
    });
    const out = h(doc, "button", { type: "button", "data-testid": "sign-out" }, i18n.t("app.signOut"));
    out.addEventListener("click", () => deps.onSignOut());
    root.replaceChildren(
      h(doc, "a", { class: "adm-skip", href: "#adm-main" }, i18n.t("app.skip")),
      h(doc, "header", { class: "adm-header" },
        h(doc, "h1", {}, i18n.t("app.title")),
        langs,
        h(doc, "p", { class: "adm-who", "data-testid": "signed-in-as" }, i18n.t("app.signedInAs", { user: o.username, role: i18n.t(`role.${o.role}` as StringKey) }), " ", out),
        nav),
      live,
      main);
    // The skip link moves focus without touching the hash the router reads.
    root.querySelector(".adm-skip")!.addEventListener("click", (e) => { e.preventDefault(); main.focus(); });
  }

  async function render(): Promise<void> {
    if (!officer) return;
    const mine = ++renderId;
    const path = deps.win.location.hash.replace(/^#\/?/, "");
    const route = deps.routes.find((r) => r.pattern.test(path)) ?? deps.routes[0]!;
    const params = route.pattern.exec(path)?.slice(1).map((p) => decodeURIComponent(p ?? "")) ?? [];
    main.replaceChildren(h(doc, "p", { "aria-busy": "true" }, i18n.t("app.loading")));
    const ctx: ViewContext = { doc, api, i18n, officer, main, say, fail, go: (hash) => { deps.win.location.hash = hash; } };
    try {
      await route.view(ctx, params);
    } catch (err) {
      if (mine !== renderId) return;
      main.replaceChildren(h(doc, "p", { role: "alert" }, err instanceof Error ? i18n.t("app.error", { message: err.message }) : String(err)));
    }
    if (mine !== renderId) return;
    (main.querySelector("h2") as HTMLElement | null)?.setAttribute("tabindex", "-1");
    (main.querySelector("h2") as HTMLElement | null ?? main).focus();
  }

  const onHash = () => { void render(); };
  return {
    start(o) {
      officer = o;
      chrome();
      deps.win.addEventListener("hashchange", onHash);
      void render();
    },
    stop() {
      officer = null;
      deps.win.removeEventListener("hashchange", onHash);
    },
  };
}
