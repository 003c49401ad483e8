// Bootstrap: the page's only entry point. Everything else is started by startApp, which shows
// its own loading progress and errors; this catches only what would otherwise be a blank page.
// ?mode=board is the lobby TV's queue board: no 3D, its own small chunk (src/app/board).
import { startApp } from "./app";

function showFailure(e: unknown): void {
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
}

if (new URLSearchParams(window.location.search).get("mode") === "board") {
  import("./board/board-page").then((m) => m.startBoard(window), (e: unknown) => showFailure(e));
} else {
  try {
    startApp(window);
  } catch (e) {
    showFailure(e);
    throw e;
  }
}
