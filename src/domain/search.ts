// Search limits shared by the API (schemas.ts) and the app (the search box says when a query is too long).

/** Longest search query, in characters (UTF-16 code units, as JSON Schema's maxLength counts). */
export const MAX_SEARCH_QUERY_LENGTH = 100;

/** Options of a search, as the API's query string and the app's client name them. */
export interface SearchOptions {
  /** Only this kabupaten/kota's services (the region filter). */
  region?: string;
  /** The visitor's kabupaten/kota (the lobby's, the building they are in): its services come first. */
  near?: string;
  limit?: number;
  /** Hits to skip: the next page. */
  offset?: number;
}
