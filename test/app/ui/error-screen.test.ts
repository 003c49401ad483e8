import assert from "node:assert/strict";
import { createErrorScreen } from "../../../src/app/ui/error-screen";
import { countingI18n, domEnv } from "./dom-env";

describe("ui/error-screen", () => {
  it("shows no-WebGL with a link to the plain list", () => {
    const env = domEnv();
    const es = createErrorScreen(env.root, { i18n: env.i18n });
    es.show("no-webgl");
    const dialog = env.$('[data-testid="error-screen"]');
    assert.equal(dialog?.hidden, false, "visible");
    assert.equal(dialog?.getAttribute("role"), "alertdialog", "alertdialog role");
    assert.equal(env.$("#mpp-error-title")?.textContent, "Peramban ini tidak dapat menampilkan 3D", "title");
    assert.equal(env.$('[data-testid="plain-list-link"]')?.getAttribute("href"), "/layanan", "link to /layanan");
    assert.equal(env.doc.activeElement, env.$('[data-testid="plain-list-link"]'), "focus on the link");
    env.close();
  });

  it("offers retry when the API is down and calls back", () => {
    const env = domEnv();
    const es = createErrorScreen(env.root, { i18n: env.i18n });
    let retried = 0;
    es.show("api-down", { onRetry: () => retried++, detail: "timeout" });
    assert.match(env.$(".mpp-error__detail")?.textContent ?? "", /timeout/, "detail shown");
    env.i18n.setLang("en");
    const retry = env.$<HTMLButtonElement>('[data-testid="retry-button"]');
    assert.equal(retry?.tagName, "BUTTON", "retry is a button");
    assert.equal(retry?.textContent, "Retry", "re-rendered in English");
    retry?.click();
    assert.equal(retried, 1, "onRetry called");
    assert.equal(es.blockingKind, null, "screen hidden after retry");
    env.close();
  });

  it("shows model-missing and XR as dismissible toasts, not blocking", () => {
    const env = domEnv();
    const es = createErrorScreen(env.root, { i18n: env.i18n });
    es.show("model-missing", { region: "Kota Bandung" });
    es.show("model-missing", { region: "Kota Bandung" });
    es.show("xr-unavailable");
    assert.equal(es.blockingKind, null, "nothing blocking");
    assert.equal(env.$$(".mpp-toast").length, 2, "two toasts, the duplicate dropped");
    assert.equal(env.$('[data-testid="toast-model-missing"] p')?.textContent,
      "Model gedung Kota Bandung tidak dapat dimuat; ditampilkan bentuk sederhana", "model text with region");
    assert.equal(env.$('[data-testid="toasts"]')?.getAttribute("aria-live"), "polite", "toasts are announced");
    const dismiss = env.$<HTMLButtonElement>('[data-testid="toast-model-missing"] [data-testid="toast-dismiss"]');
    assert.equal(dismiss?.getAttribute("aria-label"), "Tutup pemberitahuan", "dismiss button labelled");
    dismiss?.click();
    assert.equal(env.$$(".mpp-toast").length, 1, "dismissed");
    assert.throws(() => es.show("nope" as "generic"), /unknown kind/, "bad kind refused");
    env.close();
  });

  it("removes nodes and listeners on dispose", () => {
    const env = domEnv();
    const c = countingI18n(env.i18n);
    const es = createErrorScreen(env.root, { i18n: c.i18n });
    es.show("generic");
    es.dispose();
    assert.equal(env.root.children.length, 0, "nodes removed");
    assert.equal(c.live(), 0, "language listener removed");
    env.close();
  });
});
