// The officers' workspace at /admin: its own page and webpack entry (no Babylon, nothing of the 3D
// app's first load). Asks who is signed in; shows the sign-in or the workspace; a 401 from any
// call (session ended: idle 30 min, 12 h, signed out elsewhere) returns to the sign-in.
import type { Officer } from "../domain/admin/roles";
import { createApi } from "./api";
import { createAdminI18n } from "./i18n";
import { ROUTES } from "./routes";
import { createShell } from "./shell";
import styles from "./styles.css";
import { renderSignIn } from "./views/signin";

export function startAdmin(win: Window & typeof globalThis, root: HTMLElement): void {
  const doc = root.ownerDocument;
  let storage: Storage | null = null;
  try { storage = win.localStorage; } catch { /* private mode: the language is not remembered */ }
  const i18n = createAdminI18n(storage, doc);
  const api = createApi((input, init) => win.fetch(input, init));
  let shell: ReturnType<typeof createShell> | null = null;
  let officer: Officer | null = null;

  const signIn = (notice?: string) => {
    shell?.stop();
    shell = null;
    officer = null;
    doc.title = i18n.t("app.title");
    renderSignIn(root, { api, i18n, notice, onSignedIn: (u) => enter(u), onLang: () => signIn() });
  };
  const enter = (u: Officer) => {
    officer = u;
    shell?.stop();
    shell = createShell(root, {
      api, i18n, routes: ROUTES, win,
      onSignOut: () => { void api.send("POST", "/auth/logout", {}).finally(() => signIn()); },
      onLang: () => enter(u),
    });
    doc.title = i18n.t("app.title");
    shell.start(u);
  };
  api.onUnauthenticated = () => { if (officer) signIn(i18n.t("app.sessionEnded")); };

  api.get<{ user: Officer }>("/auth/me").then(({ user }) => enter(user), () => signIn());
}

const style = document.createElement("style");
style.textContent = styles;
document.head.appendChild(style);
startAdmin(window, document.getElementById("admin")!);
