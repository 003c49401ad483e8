// Sign-in: a labelled form; a wrong answer or a lockout is said in an alert next to it, focus stays
// in the form. The password field is cleared after every attempt.
import type { Officer } from "../../domain/admin/roles";
import { ApiError, type Api } from "../api";
import { field, h } from "../dom";
import type { AdminI18n } from "../i18n";

export function renderSignIn(root: HTMLElement, deps: { api: Api; i18n: AdminI18n; notice?: string; onSignedIn(user: Officer): void; onLang(): void }): void {
  const doc = root.ownerDocument;
  const { i18n } = deps;
  const user = field(doc, { label: i18n.t("signin.username"), name: "username", value: "", required: true, autocomplete: "username", maxLength: 100 });
  const pass = field(doc, { label: i18n.t("signin.password"), name: "password", value: "", type: "password", required: true, autocomplete: "current-password", maxLength: 1024 });
  const alert = h(doc, "p", { role: "alert", class: "adm-alert", "data-testid": "signin-error" }, deps.notice ?? "");
  const submit = h(doc, "button", { type: "submit" }, i18n.t("signin.submit"));
  const form = h(doc, "form", { class: "adm-signin", "aria-labelledby": "adm-signin-h", novalidate: true }, user.wrap, pass.wrap, submit, alert);
  const langs = h(doc, "p", { class: "adm-langs" },
    ...(["id", "en"] as const).map((l) => h(doc, "button", { type: "button", "aria-pressed": String(i18n.lang === l), "data-lang": l, lang: l }, l === "id" ? "Bahasa Indonesia" : "English")));
  langs.addEventListener("click", (e) => {
    const l = (e.target as HTMLElement).closest("button")?.dataset.lang;
    if (l === "id" || l === "en") { i18n.set(l); deps.onLang(); }
  });
  root.replaceChildren(h(doc, "main", { id: "adm-main", class: "adm-signin-page" },
    h(doc, "h1", { id: "adm-signin-h" }, `${i18n.t("app.title")}: ${i18n.t("signin.heading")}`),
    langs,
    h(doc, "p", {}, i18n.t("signin.intro")),
    form));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void (async () => {
      submit.disabled = true;
      alert.textContent = "";
      try {
        const { user: u } = await deps.api.send<{ user: Officer }>("POST", "/auth/login", { username: user.input.value, password: pass.input.value });
        deps.onSignedIn(u);
      } catch (err) {
        pass.input.value = "";
        if (err instanceof ApiError && err.status === 429) alert.textContent = i18n.t("signin.locked", { minutes: Math.max(1, Math.ceil((err.retryAfter ?? 60) / 60)) });
        else if (err instanceof ApiError && err.status === 401) alert.textContent = i18n.t("signin.wrong");
        else alert.textContent = i18n.t("app.error", { message: (err as Error).message });
        pass.input.focus();
      } finally {
        submit.disabled = false;
      }
    })();
  });
  user.input.focus();
}
