// The view context the screen tests share: a real I18n in the chosen language.
import { createI18n } from "../../../../src/app/i18n/i18n";
import type { ViewContext } from "../../../../src/app/kiosk/screens/screen";

export const ctx = (lang: "id" | "en" = "id", extra: Partial<ViewContext> = {}): ViewContext => {
  const i18n = createI18n({ url: new URL(`https://x/?lang=${lang}`) });
  return { i18n, canGoBack: false, ...extra };
};
