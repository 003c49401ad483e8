// Side panel listing the 27 regions (with their physical-MPP status) and a service search
// across regions: "paspor" lists the passport services region by region.
// Keyboard: "/" anywhere (outside a text field) opens the panel and focuses the search box;
// ArrowDown/ArrowUp move through the rows, Home/End jump, Escape closes and returns focus.
// "/" was chosen over "F": it is the common search shortcut (GitHub, YouTube) and, unlike F,
// is not a letter someone walking with WASD might press.
import type { PhysicalMppStatus, RegionSummary, SearchResult, ServiceSummary } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import type { StringKey } from "../i18n/strings";
import { localName } from "../../domain/service-sheet";
import { actionTarget, createListenerBag, el, isTypingTarget } from "./dom";

/** The part of api/client.ts the directory needs. */
export interface DirectoryApi {
  regions(): Promise<RegionSummary[]>;
  search(q: string, opts?: { region?: string; limit?: number }): Promise<SearchResult>;
}

export interface DirectoryDeps {
  api: DirectoryApi;
  i18n: Pick<I18n, "lang" | "t" | "onChange" | "formatRupiah">;
  onSelectRegion?: (code: string) => void;
  onSelectService?: (service: ServiceSummary) => void;
  /** Debounce of the search box in ms (default 200). */
  debounceMs?: number;
  /** Most hits asked of the API (default 50). */
  searchLimit?: number;
  /** Close the panel after a choice (default true: on small screens it covers the scene). */
  closeOnSelect?: boolean;
}

export interface Directory {
  readonly element: HTMLElement;
  readonly isOpen: boolean;
  open(options?: { focusSearch?: boolean }): void;
  close(): void;
  toggle(): void;
  onOpenChange(listener: (open: boolean) => void): () => void;
  /** Loads the region list again (after an error). */
  reload(): Promise<void>;
  /** Clears the search text and its results (a lobby kiosk between two visitors). */
  reset(): void;
  /** The search box, for an on-screen keyboard. */
  readonly searchInput: HTMLInputElement;
  dispose(): void;
}

export const DIRECTORY_ID = "mpp-directory";

const BADGE: Record<PhysicalMppStatus, StringKey> = {
  yes: "legend.physical", no: "legend.digitalOnly", planned: "legend.planned", unknown: "legend.unknown",
};
const STATUS: Record<PhysicalMppStatus, StringKey> = {
  yes: "mppStatus.yes", no: "mppStatus.no", planned: "mppStatus.planned", unknown: "mppStatus.unknown",
};

type Load<T> = { state: "loading" } | { state: "error" } | { state: "ready"; data: T };

export function createDirectory(root: HTMLElement, deps: DirectoryDeps): Directory {
  const doc = root.ownerDocument;
  const { api, i18n } = deps;
  const debounceMs = deps.debounceMs ?? 200;
  const closeOnSelect = deps.closeOnSelect ?? true;
  const bag = createListenerBag();
  const openListeners = new Set<(open: boolean) => void>();

  let regions: Load<RegionSummary[]> = { state: "loading" };
  let search: { query: string; result: Load<SearchResult> } | null = null;
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
    "aria-controls": "mpp-search-results", "data-testid": "search-input",
  });
  const form = el(doc, "form", { role: "search", class: "mpp-search" }, searchLabel, input);
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
    renderResults();
    renderRegions();
  }

  function renderResults() {
    results.replaceChildren();
    if (!search) { status.textContent = regions.state === "loading" ? i18n.t("directory.loading") : ""; results.hidden = true; return; }
    results.hidden = false;
    const r = search.result;
    if (r.state === "loading") { status.textContent = i18n.t("search.loading"); return; }
    if (r.state === "error") {
      status.textContent = i18n.t("search.error");
      results.appendChild(el(doc, "button", { type: "button", class: "mpp-button", "data-action": "retry-search", "data-testid": "search-retry" }, i18n.t("action.retry")));
      return;
    }
    const hits = r.data.hits;
    status.textContent = hits.length === 0
      ? i18n.t("search.noResults", { query: search.query })
      : hits.length === 1 ? i18n.t("search.resultsOne") : i18n.t("search.results", { n: hits.length });
    // Group by region, regions in order of their best hit (the API ranks hits).
    const groups = new Map<string, { name: string; hits: typeof hits }>();
    for (const h of hits) {
      const g = groups.get(h.service.regionCode) ?? { name: h.regionName, hits: [] };
      g.hits.push(h);
      groups.set(h.service.regionCode, g);
    }
    results.setAttribute("aria-label", i18n.t("search.resultsLabel"));
    for (const [code, g] of groups) {
      const headingId = `mpp-search-group-${code}`;
      results.appendChild(el(doc, "section", { class: "mpp-directory__group", "aria-labelledby": headingId },
        el(doc, "h3", { id: headingId }, g.name),
        el(doc, "ul", { class: "mpp-list" }, ...g.hits.map((h) => el(doc, "li", {},
          el(doc, "button", {
            type: "button", class: "mpp-row", "data-action": "service", "data-service-id": h.service.id,
            "data-testid": "search-result", "data-nav": true,
          },
          el(doc, "span", { class: "mpp-row__label" }, localName(h.service, i18n.lang)),
          el(doc, "span", { class: "mpp-row__detail" }, `${h.service.agencyName} · ${i18n.formatRupiah(h.service.fee.amount)}`)))))));
    }
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
    regionsBox.append(
      el(doc, "ul", { class: "mpp-list", "aria-labelledby": "mpp-directory-regions" }, ...regions.data.map((r) => el(doc, "li", {},
        el(doc, "button", {
          type: "button", class: "mpp-row", "data-action": "region", "data-region-code": r.code,
          "data-testid": "region-row", "data-nav": true,
        },
        el(doc, "span", { class: "mpp-row__label" }, r.name),
        el(doc, "span", { class: "mpp-row__detail" },
          `${i18n.t(r.type === "kota" ? "regionType.kota" : "regionType.kabupaten")} · ${i18n.t("directory.counts", { agencies: r.agencyCount, services: r.serviceCount })}`),
        el(doc, "span", { class: `mpp-badge mpp-badge--${r.physicalMpp.status}`, title: i18n.t(STATUS[r.physicalMpp.status]) },
          i18n.t(BADGE[r.physicalMpp.status])))))),
      renderLegend());
  }

  function renderLegend() {
    const statuses: PhysicalMppStatus[] = ["yes", "no", "planned", "unknown"];
    return el(doc, "div", { class: "mpp-legend" },
      el(doc, "h3", {}, i18n.t("legend.title")),
      el(doc, "ul", { class: "mpp-legend__list" }, ...statuses.map((s) => el(doc, "li", {},
        el(doc, "span", { class: `mpp-badge mpp-badge--${s}` }, i18n.t(BADGE[s])), " ", i18n.t(STATUS[s])))));
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
    search = { query, result: { state: "loading" } };
    renderResults();
    renderRegions();
    api.search(query, { limit: deps.searchLimit ?? 50 }).then(
      (data) => { if (mine === searchToken && !disposed) { search = { query, result: { state: "ready", data } }; renderResults(); } },
      () => { if (mine === searchToken && !disposed) { search = { query, result: { state: "error" } }; renderResults(); } },
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

  function moveFocus(e: KeyboardEvent) {
    const rows = [...element.querySelectorAll<HTMLElement>("[data-nav]")].filter((r) => !isHiddenByAncestor(r));
    if (rows.length === 0) return;
    const at = rows.indexOf(doc.activeElement as HTMLElement);
    let next: number | null = null;
    if (e.key === "ArrowDown") next = at < 0 ? 0 : Math.min(rows.length - 1, at + 1);
    else if (e.key === "ArrowUp") next = at <= 0 ? null : at - 1;
    else if (e.key === "Home" && at >= 0) next = 0;
    else if (e.key === "End" && at >= 0) next = rows.length - 1;
    else return;
    e.preventDefault();
    if (next === null) input.focus(); else rows[next]!.focus();
  }

  function isHiddenByAncestor(node: HTMLElement): boolean {
    for (let n: HTMLElement | null = node; n && n !== element; n = n.parentElement) if (n.hidden) return true;
    return false;
  }

  bag.on(input, "input", onInput);
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
    }
  });
  bag.on(element, "keydown", (e) => {
    const k = e as KeyboardEvent;
    if (k.key === "Escape") { k.preventDefault(); setOpen(false); return; }
    if (k.target === input && k.key !== "ArrowDown") return;
    moveFocus(k);
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
