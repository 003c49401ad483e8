// The directory's shapes: what it needs (the API's part, the page's callbacks), what it offers, and
// the state of a search. The panel itself is directory.ts.
import type { RegionSummary, SearchResult, ServiceSummary } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import type { SearchOptions } from "../../domain/search";

/** The part of api/client.ts the directory needs. */
export interface DirectoryApi {
  regions(): Promise<RegionSummary[]>;
  search(q: string, opts?: SearchOptions): Promise<SearchResult>;
}

export interface DirectoryDeps {
  api: DirectoryApi;
  i18n: Pick<I18n, "lang" | "t" | "onChange" | "formatRupiah">;
  onSelectRegion?: (code: string) => void;
  onSelectService?: (service: ServiceSummary) => void;
  /** Debounce of the search box in ms (default 200). */
  debounceMs?: number;
  /** Hits asked of the API per page (default 50); "show more" asks for the next page. */
  searchLimit?: number;
  /** The visitor's region (the building they are in, the lobby's own): its services are listed first. */
  nearRegion?: () => string | null;
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

export type Load<T> = { state: "loading" } | { state: "error" } | { state: "ready"; data: T };
/** A search: the query, the region filter, and its answer (hits of every page loaded so far). */
export interface SearchState {
  query: string;
  region: string | null;
  near: string | null;
  result: Load<SearchResult> | { state: "too-long" };
  more: "idle" | "loading" | "error";
}
