import assert from "node:assert/strict";
import { createLoadingScreen } from "../../../src/app/ui/loading-screen";
import { countingI18n, domEnv } from "./dom-env";

describe("ui/loading-screen", () => {
  it("shows a labelled progress bar and updates it", () => {
    const env = domEnv();
    const ls = createLoadingScreen(env.root, { i18n: env.i18n });
    const bar = env.$('[role="progressbar"]');
    assert.ok(bar, "progressbar present");
    assert.equal(env.$(".mpp-loading__title")?.textContent, "Memuat MPP Digital…", "title");
    assert.ok(bar.getAttribute("aria-labelledby"), "bar is labelled");
    ls.setProgress(0.456);
    assert.equal(bar.getAttribute("aria-valuenow"), "46", "percent rounded");
    assert.equal(env.$(".mpp-loading__label")?.textContent, "46% dimuat", "default label");
    ls.setProgress(2, "Memuat gedung…");
    assert.equal(bar.getAttribute("aria-valuenow"), "100", "clamped to 100");
    assert.equal(env.$(".mpp-loading__label")?.textContent, "Memuat gedung…", "custom label");
    assert.throws(() => ls.setProgress(Number.NaN), /0\.\.1/, "NaN refused");
    ls.hide();
    assert.equal(ls.element.hidden, true, "hidden");
    env.close();
  });

  it("re-renders on language change and cleans up on dispose", () => {
    const env = domEnv();
    const c = countingI18n(env.i18n);
    const ls = createLoadingScreen(env.root, { i18n: c.i18n });
    env.i18n.setLang("en");
    assert.equal(env.$(".mpp-loading__title")?.textContent, "Loading MPP Digital…", "English title");
    ls.dispose();
    assert.equal(env.$('[data-testid="loading-screen"]'), null, "node removed");
    assert.equal(c.live(), 0, "language listener removed");
    env.close();
  });
});
