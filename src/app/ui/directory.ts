// Side panel listing the 27 regions (with their physical-MPP status) and a service search
// across regions: "paspor" lists the passport services region by region.
// Keyboard: "/" anywhere (outside a text field) opens the panel and focuses the search box;
// ArrowDown/ArrowUp move through the rows, Home/End jump, Escape closes and returns focus.
// "/" was chosen over "F": it is the common search shortcut (GitHub, YouTube) and, unlike F,
// is not a letter someone walking with WASD might press. Its shapes are in directory-types.ts, its
// arrow keys in directory-keys.ts.
import type { RegionSummary } from "../../domain/types";
import { MAX_SEARCH_QUERY_LENGTH } from "../../domain/search";
import { actionTarget, createListenerBag, el, isTypingTarget } from "./dom";
import { searchMore, searchResultGroups, searchStatusText } from "./search-results";
import { regionLegend, regionListNodes } from "./region-list";
import { moveRowFocus } from "./directory-keys";
import type { Directory, DirectoryDeps, Load, SearchState } from "./directory-types";

export type { Directory, DirectoryApi, DirectoryDeps } from "./directory-types";
export const DIRECTORY_ID = "mpp-directory";

export function createDirectory(root: HTMLElement, deps: DirectoryDeps): Directory {
  const doc = root.ownerDocument;
  const { api, i18n } = deps;
  const debounceMs = deps.debounceMs ?? 200;
  const closeOnSelect = deps.closeOnSelect ?? true;
  const bag = createListenerBag();
  const openListeners = new Set<(open: boolean) => void>();

  let regions: Load<RegionSummary[]> = { state: "loading" };
  let search: SearchState | null = null;
  let searchToken = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isOpen = false;
  let returnFocus: HTMLElement | null = null;
  let disposed = false;

  // Static skeleton: the input must survive re-renders so typing is never interrupted.
  const title = el(doc, "h2", { id: "mpp-directory-title", class: "mpp-directory__title", tabindex: -1 });
  const closeButton = el(doc, "button", { type: "button", class: "mpp-button mpp-button--icon", "data-action": "close", "data-testid": "directory-close" }, "×");
  const searchLabel = el(doc, "label", { for: "mpp-search-input", class: "mpp-label" });
  const input = el(doc, "input", {
    type: "search", id: "mpp-search-input", class: "mpp-input", autocomplete: "off", spellcheck: "false",
    maxlength: MAX_SEARCH_QUERY_LENGTH, "aria-controls": "mpp-search-results", "data-testid": "search-input",
  });
  const regionLabel = el(doc, "label", { for: "mpp-search-region", class: "mpp-label" });
  const regionSelect = el(doc, "select", { id: "mpp-search-region", class: "mpp-input", "data-testid": "search-region" });
  const form = el(doc, "form", { role: "search", class: "mpp-search" }, searchLabel, input, regionLabel, regionSelect);
  const status = el(doc, "p", { class: "mpp-directory__status", role: "status", "aria-live": "polite", "data-testid": "directory-status" });
  const results = el(doc, "div", { id: "mpp-search-results", class: "mpp-directory__results", "data-testid": "search-results" });
  const regionsBox = el(doc, "div", { class: "mpp-directory__regions" });
  const element = el(doc, "nav", {
    id: DIRECTORY_ID, class: "mpp-directory mpp-panel", "aria-labelledby": "mpp-directory-title",
    "data-testid": "directory-panel", hidden: true,
  },
  el(doc, "div", { class: "mpp-directory__head" }, title, closeButton), form, status, results, regionsBox);
  root.appendChild(element);

  function render() {
    title.textContent = i18n.t("directory.title");
    closeButton.setAttribute("aria-label", i18n.t("action.close"));
    closeButton.title = i18n.t("action.close");
    searchLabel.textContent = i18n.t("search.label");
    input.placeholder = i18n.t("search.placeholder");
    regionLabel.textContent = i18n.t("search.regionFilter");
    renderRegionFilter();
    renderResults();
    renderRegions();
  }

  /** The region filter: every region by name, with its number of hits for the current search. */
  function renderRegionFilter() {
    const chosen = regionSelect.value;
    const counts = search?.result.state === "ready" ? new Map(search.result.data.regions.map((r) => [r.code, r.count])) : null;
    const list = regions.state === "ready" ? [...regions.data].sort((a, b) => a.name.localeCompare(b.name, "id")) : [];
    regionSelect.replaceChildren(
      el(doc, "option", { value: "" }, i18n.t("search.allRegions")),
      ...list.map((r) => el(doc, "option", { value: r.code },
        counts ? i18n.t("search.regionOption", { region: r.name, n: counts.get(r.code) ?? 0 }) : r.name)));
    regionSelect.value = chosen;
  }

  function renderResults() {
    results.replaceChildren();
    renderRegionFilter();
    if (!search) { status.textContent = regions.state === "loading" ? i18n.t("directory.loading") : ""; results.hidden = true; return; }
    results.hidden = false;
    const r = search.result;
    if (r.state === "loading") { status.textContent = i18n.t("search.loading"); return; }
    // Retrying cannot help a query the API refuses for its length: say what to change instead.
    if (r.state === "too-long") { status.textContent = i18n.t("search.tooLong", { max: MAX_SEARCH_QUERY_LENGTH }); return; }
    if (r.state === "error") {
      status.textContent = i18n.t("search.error");
      results.appendChild(el(doc, "button", { type: "button", class: "mpp-button", "data-action": "retry-search", "data-testid": "search-retry" }, i18n.t("action.retry")));
      return;
    }
    status.textContent = searchStatusText(i18n, search.query, r.data);
    results.setAttribute("aria-label", i18n.t("search.resultsLabel"));
    results.append(...searchResultGroups(doc, i18n, r.data));
    const more = searchMore(doc, i18n, r.data, search.more);
    if (more) results.appendChild(more);
  }

  function renderRegions() {
    regionsBox.replaceChildren(el(doc, "h3", { id: "mpp-directory-regions" }, i18n.t("directory.regions")));
    regionsBox.hidden = search !== null;
    if (regions.state === "loading") {
      regionsBox.appendChild(el(doc, "p", { class: "mpp-muted" }, i18n.t("directory.loading")));
      return;
    }
    if (regions.state === "error") {
      regionsBox.append(
        el(doc, "p", { role: "alert" }, i18n.t("directory.error")),
        el(doc, "button", { type: "button", class: "mpp-button", "data-action": "retry-regions", "data-testid": "directory-retry" }, i18n.t("action.retry")));
      return;
    }
    regionsBox.append(regionListNodes(doc, i18n, regions.data), regionLegend(doc, i18n));
  }

  async function loadRegions() {
    regions = { state: "loading" };
    render();
    try {
      const data = await api.regions();
      if (!Array.isArray(data)) throw new TypeError("directory: regions() did not return a list");
      if (!disposed) regions = { state: "ready", data };
    } catch {
      if (!disposed) regions = { state: "error" };
    }
    if (!disposed) render();
  }

  function runSearch(query: string) {
    const mine = ++searchToken;
    const region = regionSelect.value || null;
    const near = deps.nearRegion?.() ?? null;
    const tooLong = query.length > MAX_SEARCH_QUERY_LENGTH;
    search = { query, region, near, result: tooLong ? { state: "too-long" } : { state: "loading" }, more: "idle" };
    renderResults();
    renderRegions();
    if (tooLong) return;
    api.search(query, { limit: deps.searchLimit ?? 50, ...(region ? { region } : {}), ...(near ? { near } : {}) }).then(
      (data) => { if (mine === searchToken && !disposed) { search = { query, region, near, result: { state: "ready", data }, more: "idle" }; renderResults(); } },
      (err: unknown) => {
        if (mine !== searchToken || disposed) return;
        const code = (err as { code?: unknown } | null)?.code;
        search = { query, region, near, result: code === "query_too_long" ? { state: "too-long" } : { state: "error" }, more: "idle" };
        renderResults();
      },
    );
  }

  /** The next page of the current search, appended; focus moves to its first row when the button had it. */
  function loadMore() {
    const s = search;
    if (!s || s.result.state !== "ready" || s.more === "loading") return;
    const shown = s.result.data;
    const mine = searchToken;
    const hadFocus = element.contains(doc.activeElement) && (doc.activeElement as HTMLElement).dataset.action === "more-results";
    s.more = "loading";
    renderResults();
    const opts = { limit: deps.searchLimit ?? 50, offset: shown.hits.length, ...(s.region ? { region: s.region } : {}), ...(s.near ? { near: s.near } : {}) };
    api.search(s.query, opts).then(
      (page) => {
        if (mine !== searchToken || disposed) return;
        const firstNew = page.hits[0]?.service.id;
        search = { ...s, result: { state: "ready", data: { ...page, offset: 0, hits: [...shown.hits, ...page.hits] } }, more: "idle" };
        renderResults();
        if (hadFocus && firstNew) results.querySelector<HTMLElement>(`[data-service-id="${firstNew}"]`)?.focus();
      },
      () => { if (mine === searchToken && !disposed) { s.more = "error"; renderResults(); } },
    );
  }

  function onInput() {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query === "") {
      searchToken++; // an answer still on its way must not bring the results back
      search = null;
      renderResults();
      renderRegions();
      return;
    }
    timer = setTimeout(() => runSearch(query), debounceMs);
  }

  function setOpen(open: boolean, focusSearch = false) {
    if (open === isOpen) { if (open && focusSearch) input.focus(); return; }
    isOpen = open;
    element.hidden = !open;
    if (open) {
      returnFocus = doc.activeElement as HTMLElement | null;
      (focusSearch ? input : title).focus();
    } else if (element.contains(doc.activeElement) && returnFocus?.isConnected) {
      returnFocus.focus();
    }
    for (const l of [...openListeners]) l(open);
  }

  function selected() { if (closeOnSelect) setOpen(false); }

  bag.on(input, "input", onInput);
  bag.on(regionSelect, "change", () => { clearTimeout(timer); const q = input.value.trim(); if (q) runSearch(q); });
  bag.on(form, "submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    const q = input.value.trim();
    if (q) runSearch(q);
  });
  bag.on(element, "click", (e) => {
    const t = actionTarget(e, element);
    switch (t?.dataset.action) {
      case "close": setOpen(false); break;
      case "region": {
        const code = t.dataset.regionCode;
        if (code) { deps.onSelectRegion?.(code); selected(); }
        break;
      }
      case "service": {
        const hit = search?.result.state === "ready" ? search.result.data.hits.find((h) => h.service.id === t.dataset.serviceId) : undefined;
        if (hit) { deps.onSelectService?.(hit.service); selected(); }
        break;
      }
      case "retry-regions": void loadRegions(); break;
      case "retry-search": if (search) runSearch(search.query); break;
      case "more-results": loadMore(); break;
    }
  });
  bag.on(element, "keydown", (e) => {
    const k = e as KeyboardEvent;
    if (k.key === "Escape") { k.preventDefault(); setOpen(false); return; }
    if ((k.target === input || k.target === regionSelect) && k.key !== "ArrowDown") return;
    if (k.target === regionSelect) return; // the select's own arrows choose a region
    moveRowFocus(element, input, k);
  });
  bag.on(doc, "keydown", (e) => {
    const k = e as KeyboardEvent;
    if (k.key !== "/" || k.ctrlKey || k.metaKey || k.altKey || isTypingTarget(k.target)) return;
    k.preventDefault();
    setOpen(true, true);
  });
  bag.add(i18n.onChange(render));
  bag.add(() => clearTimeout(timer));

  void loadRegions();

  return {
    element,
    get isOpen() { return isOpen; },
    open(options) { setOpen(true, options?.focusSearch ?? false); },
    close() { setOpen(false); },
    toggle() { setOpen(!isOpen); },
    onOpenChange(listener) { openListeners.add(listener); return () => { openListeners.delete(listener); }; },
    reload: loadRegions,
    reset() {
      input.value = "";
      regionSelect.value = "";
      onInput(); // cancels a pending search and drops the results
      element.scrollTop = 0;
    },
    searchInput: input,
    dispose() {
      disposed = true;
      searchToken++;
      bag.clear();
      openListeners.clear();
      element.remove();
    },
  };
}
