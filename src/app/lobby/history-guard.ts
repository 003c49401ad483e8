// At a lobby kiosk the browser history must never lead back into a previous visitor's service:
// every change replaces the current entry instead of adding one, so there is nothing to go back to.
import type { HistorySync } from "../routing/deep-link";

export function replaceOnly(history: HistorySync): HistorySync {
  if (!history || typeof history.replace !== "function") throw new TypeError("replaceOnly: a HistorySync is required");
  return {
    replace: (state) => history.replace(state),
    push: (state) => history.replace(state),
    rest: (path) => history.rest(path),
    back: () => false, // nothing to go back to: the caller replaces instead
    onNavigate: (listener) => history.onNavigate(listener),
    dispose: () => history.dispose(),
  };
}
