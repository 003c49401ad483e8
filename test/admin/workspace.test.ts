// The workspace's pieces in happy-dom: both languages have every word, sign-in answers wrong
// passwords and lockouts in an alert, officers' text is rendered as text, hours parse, and a
// 401 from any call sends the officer back to the sign-in.
import assert from "node:assert/strict";
import { Window } from "happy-dom";
import { DICTIONARIES } from "../../src/admin/strings";
import { createApi, type Fetch } from "../../src/admin/api";
import { createAdminI18n } from "../../src/admin/i18n";
import { renderSignIn } from "../../src/admin/views/signin";
import { parseDay } from "../../src/admin/views/places";
import { recordsView } from "../../src/admin/views/records";
import type { ViewContext } from "../../src/admin/shell";

function page() {
  const win = new Window({ url: "https://mpp.example/admin" });
  const doc = win.document as unknown as Document;
  const root = doc.createElement("div");
  doc.body.appendChild(root);
  return { win, doc, root };
}

function fakeFetch(answers: Record<string, { status: number; body: unknown; headers?: Record<string, string> }>): Fetch & { calls: string[] } {
  const calls: string[] = [];
  const f = (async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? "GET"} ${url}`);
    const key = Object.keys(answers).find((k) => url.startsWith(k))!;
    const a = answers[key]!;
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { "content-type": "application/json", ...a.headers } });
  }) as Fetch & { calls: string[] };
  f.calls = calls;
  return f;
}

const tick = () => new Promise((r) => setTimeout(r, 10));

describe("officers' workspace (DOM)", () => {
  it("has every word in Indonesian and English", () => {
    const id = Object.keys(DICTIONARIES.id).sort();
    assert.deepEqual(Object.keys(DICTIONARIES.en).sort(), id, "same keys");
    for (const k of id) assert.ok((DICTIONARIES.en as Record<string, string>)[k]!.trim(), `${k} in English`);
  });

  it("signs in with labelled fields; says a wrong password and a lockout in an alert, and clears the password", async () => {
    const { doc, root, win } = page();
    const i18n = createAdminI18n(null, doc);
    const fetch401 = fakeFetch({ "/api/v1/auth/login": { status: 401, body: { error: { code: "invalid_credentials", message: "Wrong" } } } });
    let signedIn = false;
    renderSignIn(root, { api: createApi(fetch401), i18n, onSignedIn: () => { signedIn = true; }, onLang: () => undefined });
    const user = root.querySelector<HTMLInputElement>("input[name=username]")!;
    const pass = root.querySelector<HTMLInputElement>("input[name=password]")!;
    assert.equal(root.querySelector(`label[for="${user.id}"]`)?.textContent, "Nama pengguna", "labelled");
    assert.equal(pass.type, "password");
    assert.equal(pass.getAttribute("autocomplete"), "current-password", "password managers work");
    user.value = "ed";
    pass.value = "salah";
    root.querySelector("form")!.dispatchEvent(new win.Event("submit", { cancelable: true }) as unknown as Event);
    await tick(); await tick();
    assert.equal(root.querySelector("[role=alert]")!.textContent, "Nama pengguna atau kata sandi salah.");
    assert.equal(pass.value, "", "the password is cleared");
    assert.equal(signedIn, false);

    const { doc: d2, root: r2, win: w2 } = page();
    const locked = fakeFetch({ "/api/v1/auth/login": { status: 429, body: { error: { code: "login_locked", message: "x" } }, headers: { "retry-after": "600" } } });
    renderSignIn(r2, { api: createApi(locked), i18n: createAdminI18n(null, d2), onSignedIn: () => undefined, onLang: () => undefined });
    r2.querySelector("form")!.dispatchEvent(new w2.Event("submit", { cancelable: true }) as unknown as Event);
    await tick(); await tick();
    assert.match(r2.querySelector("[role=alert]")!.textContent!, /10 menit/, "the lockout's wait, from Retry-After");
  });

  it("renders officers' text as text in the records table", async () => {
    const { doc, root } = page();
    const evil = "<img src=x onerror=alert(1)>Paspor";
    const f = fakeFetch({ "/api/v1/admin/services": { status: 200, body: { total: 1, services: [{ id: "3273-imigrasi-paspor-biasa", regionCode: "3273", agencySlug: "imigrasi", name: evil, feeAmount: 350000, verified: false, lastVerified: null, review: "never", draftStatus: "in_review", updatedAt: "2026-01-01T00:00:00Z" }] } } });
    const ctx: ViewContext = {
      doc, api: createApi(f), i18n: createAdminI18n(null, doc), officer: { username: "ed", role: "editor", region: "3273", agency: "imigrasi" },
      main: root, say: () => undefined, go: () => undefined, fail: (e) => { throw e; },
    };
    await recordsView(ctx, []);
    assert.equal(root.querySelectorAll("img").length, 0, "no element made from the name");
    assert.equal(root.querySelector("tbody th a")!.textContent, evil, "shown as typed");
    assert.match(root.querySelector("tbody td.adm-status")!.textContent!, /Belum diverifikasi · Menunggu tinjauan/, "status in words");
    assert.equal(root.querySelector("table caption")!.textContent, "1 dari 1 layanan", "a caption for screen readers");
  });

  it("tells the shell when the session ended (401 on any call but the sign-in)", async () => {
    const f = fakeFetch({ "/api/v1/admin": { status: 401, body: { error: { code: "unauthenticated", message: "Sign in" } } }, "/api/v1/auth/login": { status: 401, body: { error: { code: "invalid_credentials", message: "x" } } } });
    const api = createApi(f);
    let ended = 0;
    api.onUnauthenticated = () => { ended++; };
    await assert.rejects(api.get("/admin/services"), (e: Error & { status?: number }) => e.status === 401);
    await assert.rejects(api.send("POST", "/auth/login", {}));
    assert.equal(ended, 1, "only the expired session, not a wrong password");
  });

  it("reads opening hours as the officer writes them", () => {
    assert.deepEqual(parseDay("08:00-12:00, 13.00-15.30"), [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:30" }]);
    assert.deepEqual(parseDay("tutup"), []);
    assert.equal(parseDay(""), null, "empty: not known");
    assert.equal(parseDay("pagi saja"), undefined, "unreadable");
  });
});
