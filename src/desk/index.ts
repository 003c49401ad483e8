// The officers' desk for questions and complaints (/admin/tiket): sign in, then the ticket section
// (ticket-desk.ts, mountable into the officers' workspace as one of its sections).
import css from "./desk.css";
import { el } from "../app/ui/dom";
import { todayWib } from "../domain/time/wib";
import { createDeskApi, type Officer } from "./desk-api";
import { deskText, fill, type DeskLang } from "./desk-strings";
import { mountTicketDesk } from "./ticket-desk";

const doc = document;
const root = doc.getElementById("desk")!;
const lang: DeskLang = new URL(location.href).searchParams.get("lang") === "en" ? "en" : "id";
const tx = deskText(lang);
const api = createDeskApi();
doc.documentElement.lang = lang;
const style = doc.createElement("style");
style.textContent = css;
doc.head.appendChild(style);

function signedIn(officer: Officer): void {
  const out = el(doc, "button", { type: "button", class: "desk-button", "data-testid": "desk-signout" }, tx.signOut);
  out.addEventListener("click", () => void api.logout().finally(() => location.reload()));
  root.replaceChildren(el(doc, "header", { class: "desk-head" },
    el(doc, "h1", {}, tx.title),
    el(doc, "p", { "data-testid": "desk-officer" }, fill(tx.signedInAs, { user: officer.username, role: officer.role }), " ", out)));
  const section = el(doc, "div", {});
  root.append(section);
  const desk = mountTicketDesk(section, { api, officer, lang, year: Number(todayWib().slice(0, 4)) });
  const code = new URL(location.href).searchParams.get("code");
  if (code) void desk.open(code);
}

function login(message = ""): void {
  const user = el(doc, "input", { id: "desk-user", autocomplete: "username", required: true, "data-testid": "desk-username" });
  const pass = el(doc, "input", { id: "desk-pass", type: "password", autocomplete: "current-password", required: true, "data-testid": "desk-password" });
  const note = el(doc, "p", { role: "alert", "data-testid": "desk-login-error" }, message);
  const form = el(doc, "form", { class: "desk-login" },
    el(doc, "label", { for: "desk-user" }, tx.username), user,
    el(doc, "label", { for: "desk-pass" }, tx.password), pass,
    el(doc, "button", { type: "submit", class: "desk-button desk-button--primary", "data-testid": "desk-login" }, tx.signIn), note);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    api.login(user.value, pass.value).then(signedIn, (err: Error) => { note.textContent = fill(tx.error, { message: err.message }); });
  });
  root.replaceChildren(el(doc, "h1", {}, tx.title), form);
  user.focus();
}

api.me().then((o) => (o ? signedIn(o) : login()), (err: Error) => login(fill(tx.error, { message: err.message })));
