// Bootstrap: the page's only entry point. Everything else is started by startApp, which shows
// its own loading progress and errors; this catches only what would otherwise be a blank page.
import { startApp } from "./app";

try {
  startApp(window);
} catch (e) {
  const ui = document.getElementById("ui");
  if (ui) {
    ui.textContent = "";
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.textContent = `MPP Digital tidak dapat dimulai / could not start: ${(e as Error).message}`;
    const a = document.createElement("a");
    a.href = "/layanan";
    a.textContent = "Daftar layanan tanpa 3D / services without 3D";
    ui.append(p, a);
  }
  throw e;
}
