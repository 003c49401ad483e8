// Read access to the MPP data: prepared statements (prepared once), region summaries and
// details precomputed and cached until the data changes, and the ranked search.
//
// Search: FTS5 (unicode61, diacritics removed) finds the candidates with every query word as a
// prefix; the ranking is then computed in code from folded word lists, because bm25 alone cannot
// say "a name match beats a description match, an exact word beats a prefix". Synonyms
// ("passport", "driving licence", "vehicle tax") live in each service's keywords column, so they
// are indexed too and an officer can extend them with SQL.
import { ByteCache, estimateBytes } from "./http/byte-cache";
import type { Database, Statement } from "better-sqlite3";
import { foldText, tokenize } from "../domain/normalize";
import type {
  Agency, AgencyLevel, ComplaintChannel, Health, PhysicalMppStatus, RegionDetail, RegionSummary, RegionType,
  SearchHit, SearchResult, Service, ServiceSummary,
} from "../domain/types";

interface RegionRow {
  code: string; type: RegionType; name: string; seat: string; lat: number; lon: number;
  mpp_status: PhysicalMppStatus; mpp_note: string | null; mpp_source: string | null;
  agency_count: number; service_count: number;
}
interface AgencyRow {
  id: string; region_code: string; slug: string; name: string; name_en: string; short_name: string;
  level: AgencyLevel; note: string | null; service_count: number;
}
interface CounterRow { id: string; agency_id: string; label: string }
interface SummaryRow {
  pk: number; id: string; region_code: string; agency_id: string; agency_slug: string; agency_name: string;
  slug: string; name: string; name_en: string; fee_amount: number | null; fee_note: string | null; verified: number;
}
interface ServiceRow extends SummaryRow {
  region_name: string; description: string; requirements: string; steps: string; duration: string | null;
  hours: string | null; legal_basis: string; product: string | null; complaint_channels: string;
  online_url: string | null; source: string | null; last_verified: string | null;
}
interface SearchRow extends SummaryRow {
  region_name: string; keywords: string; description: string; agency_text: string;
}

/** Words of a field, folded, with and without the whole-field phrase. */
interface Folded { words: string[]; text: string }
interface SearchDoc {
  key: string;
  name: Folded; nameEn: Folded; keywords: Folded; slug: Folded; agency: Folded; description: Folded;
}

/** Points per field for an exact word and for a prefix: names first, description last. */
const WEIGHTS: ReadonlyArray<[keyof Omit<SearchDoc, "key">, number, number]> = [
  ["name", 100, 60],
  ["nameEn", 80, 48],
  ["keywords", 60, 36],
  ["slug", 50, 30],
  ["agency", 40, 24],
  ["description", 10, 6],
];

const MAX_QUERY_WORDS = 12;
/** Bytes of ranked search lists kept (issue 19: bounded by bytes, a broad query's list is 1,000 times a narrow one's). */
const SEARCH_CACHE_BYTES = 16 * 1024 * 1024;

function fold(text: string): Folded {
  return { words: tokenize(text), text: foldText(text) };
}

function toSummary(r: SummaryRow): ServiceSummary {
  return {
    id: r.id, regionCode: r.region_code, agencyId: r.agency_id, agencySlug: r.agency_slug, agencyName: r.agency_name,
    slug: r.slug, name: r.name, nameEn: r.name_en, fee: { amount: r.fee_amount, note: r.fee_note }, verified: r.verified === 1,
  };
}

function parseJsonList<T>(text: string, field: string, id: string): T[] {
  const v: unknown = JSON.parse(text);
  if (!Array.isArray(v)) throw new Error(`repository: services.${field} of ${id} is not a JSON array`);
  return v as T[];
}

const SUMMARY_COLUMNS = `s.pk, s.id, s.region_code, s.agency_id, a.slug AS agency_slug, a.name AS agency_name,
  s.slug, s.name, s.name_en, s.fee_amount, s.fee_note, s.verified`;

export class Repository {
  private readonly st: Record<
    "regions" | "agencies" | "counters" | "summaries" | "service" | "search" | "counts" | "updated" | "dataVersion",
    Statement
  >;
  private version = "";
  private regionList: RegionSummary[] = [];
  private regionDetails = new Map<string, RegionDetail>();
  private summariesByRegion = new Map<string, ServiceSummary[]>();
  private docs = new Map<number, SearchDoc>();
  /** Ranked hits per (region, query), cleared when the data changes; short queries match most rows. */
  private searchCache = new ByteCache<string, SearchHit[]>({ maxBytes: SEARCH_CACHE_BYTES, sizeOf: estimateBytes });

  constructor(private readonly db: Database, private readonly appVersion: string) {
    this.st = {
      regions: db.prepare(`SELECT r.*,
          (SELECT count(*) FROM agencies a WHERE a.region_code = r.code) AS agency_count,
          (SELECT count(*) FROM services s WHERE s.region_code = r.code) AS service_count
        FROM regions r ORDER BY r.code`),
      agencies: db.prepare(`SELECT a.*, (SELECT count(*) FROM services s WHERE s.agency_id = a.id) AS service_count
        FROM agencies a ORDER BY a.region_code, a.sort, a.id`),
      counters: db.prepare(`SELECT id, agency_id, label FROM counters ORDER BY agency_id, sort, id`),
      summaries: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM services s JOIN agencies a ON a.id = s.agency_id
        ORDER BY s.region_code, s.sort, s.id`),
      service: db.prepare(`SELECT ${SUMMARY_COLUMNS}, r.name AS region_name, s.description, s.requirements, s.steps,
          s.duration, s.hours, s.legal_basis, s.product, s.complaint_channels, s.online_url, s.source, s.last_verified
        FROM services s JOIN agencies a ON a.id = s.agency_id JOIN regions r ON r.code = s.region_code
        WHERE s.id = ?`),
      search: db.prepare(`SELECT ${SUMMARY_COLUMNS}, r.name AS region_name, s.keywords, s.description,
          a.name || ' ' || a.short_name || ' ' || a.name_en AS agency_text
        FROM services_fts f JOIN services s ON s.pk = f.rowid JOIN agencies a ON a.id = s.agency_id
          JOIN regions r ON r.code = s.region_code
        WHERE services_fts MATCH @match AND (@region IS NULL OR s.region_code = @region)`),
      counts: db.prepare(`SELECT (SELECT count(*) FROM regions) AS regions, (SELECT count(*) FROM services) AS services`),
      updated: db.prepare(`SELECT max(t) AS t FROM (SELECT max(updated_at) AS t FROM regions
        UNION ALL SELECT max(updated_at) FROM agencies UNION ALL SELECT max(updated_at) FROM services)`),
      dataVersion: db.prepare(`SELECT total_changes() AS own`),
    };
  }

  /**
   * Rebuilds the caches when the data changed: data_version moves on writes by other
   * connections (an officer's sqlite3 session), total_changes on writes through this one.
   */
  private fresh(): void {
    const dv = this.db.pragma("data_version", { simple: true }) as number;
    const own = (this.st.dataVersion.get() as { own: number }).own;
    const version = `${dv}:${own}`;
    if (version === this.version) return;
    this.version = version;
    this.rebuild();
  }

  private rebuild(): void {
    const regions = this.st.regions.all() as RegionRow[];
    const agencies = this.st.agencies.all() as AgencyRow[];
    const counters = this.st.counters.all() as CounterRow[];
    const summaries = (this.st.summaries.all() as SummaryRow[]).map(toSummary);
    const countersByAgency = new Map<string, CounterRow[]>();
    for (const c of counters) {
      const list = countersByAgency.get(c.agency_id) ?? [];
      list.push(c);
      countersByAgency.set(c.agency_id, list);
    }
    const agenciesByRegion = new Map<string, Agency[]>();
    for (const a of agencies) {
      const list = agenciesByRegion.get(a.region_code) ?? [];
      list.push({
        id: a.id, slug: a.slug, name: a.name, nameEn: a.name_en, shortName: a.short_name, level: a.level,
        counters: (countersByAgency.get(a.id) ?? []).map((c) => ({ id: c.id, label: c.label })),
        serviceCount: a.service_count, note: a.note,
      });
      agenciesByRegion.set(a.region_code, list);
    }
    this.summariesByRegion = new Map();
    for (const s of summaries) {
      const list = this.summariesByRegion.get(s.regionCode) ?? [];
      list.push(s);
      this.summariesByRegion.set(s.regionCode, list);
    }
    this.regionList = regions.map((r) => ({
      code: r.code, name: r.name, type: r.type, seat: r.seat, lat: r.lat, lon: r.lon,
      physicalMpp: { status: r.mpp_status, note: r.mpp_note, source: r.mpp_source },
      agencyCount: r.agency_count, serviceCount: r.service_count,
    }));
    this.regionDetails = new Map(this.regionList.map((r) => [r.code, { ...r, agencies: agenciesByRegion.get(r.code) ?? [] }]));
    this.docs = new Map();
    this.searchCache.clear();
  }

  regions(): RegionSummary[] {
    this.fresh();
    return this.regionList;
  }

  region(code: string): RegionDetail | null {
    this.fresh();
    return this.regionDetails.get(code) ?? null;
  }

  /** The services of a region in counter order; null when the region does not exist. */
  services(code: string, filter: { agency?: string | undefined; q?: string | undefined } = {}): ServiceSummary[] | null {
    this.fresh();
    if (!this.regionDetails.has(code)) return null;
    let list = this.summariesByRegion.get(code) ?? [];
    if (filter.agency !== undefined) list = list.filter((s) => s.agencySlug === filter.agency);
    if (filter.q !== undefined && filter.q.trim() !== "") {
      const ids = new Set(this.search(filter.q, code, Number.MAX_SAFE_INTEGER).hits.map((h) => h.service.id));
      list = list.filter((s) => ids.has(s.id));
    }
    return list;
  }

  service(id: string): Service | null {
    const r = this.st.service.get(id) as ServiceRow | undefined;
    if (!r) return null;
    return {
      ...toSummary(r),
      regionName: r.region_name,
      description: r.description,
      requirements: parseJsonList<string>(r.requirements, "requirements", r.id),
      steps: parseJsonList<string>(r.steps, "steps", r.id),
      duration: r.duration,
      hours: r.hours,
      legalBasis: parseJsonList<string>(r.legal_basis, "legal_basis", r.id),
      product: r.product,
      complaintChannels: parseJsonList<ComplaintChannel>(r.complaint_channels, "complaint_channels", r.id),
      onlineUrl: r.online_url,
      source: r.source,
      lastVerified: r.last_verified,
    };
  }

  /** Ranked search across regions (or within one); the query must have at least one word. */
  search(query: string, region: string | null, limit: number): SearchResult {
    this.fresh();
    const words = [...new Set(tokenize(query))].slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return { query, region, total: 0, hits: [] };
    const phrase = foldText(query);
    const key = `${region ?? "*"}|${words.join(" ")}|${phrase}`;
    let ranked = this.searchCache.get(key);
    if (!ranked) {
      ranked = this.rank(words, phrase, region);
      this.searchCache.set(key, ranked);
    }
    return { query, region, total: ranked.length, hits: ranked.slice(0, limit) };
  }

  private rank(words: string[], phrase: string, region: string | null): SearchHit[] {
    // Words are letters and digits only (tokenize), so quoting them cannot inject FTS syntax;
    // the whole expression is still passed as a bound parameter.
    const match = words.map((w) => `"${w}"*`).join(" AND ");
    const rows = this.st.search.all({ match, region }) as SearchRow[];
    const hits: Array<SearchHit & { order: string }> = rows.map((r) => ({
      service: toSummary(r),
      regionName: r.region_name,
      score: this.score(r, words, phrase),
      order: `${r.region_code}:${String(r.pk).padStart(8, "0")}`,
    }));
    hits.sort((a, b) => b.score - a.score || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    return hits.map(({ service, regionName, score }) => ({ service, regionName, score }));
  }

  private doc(r: SearchRow): SearchDoc {
    const key = `${r.name}\u0000${r.name_en}\u0000${r.keywords}\u0000${r.agency_text}\u0000${r.description}`;
    const cached = this.docs.get(r.pk);
    if (cached && cached.key === key) return cached;
    const doc: SearchDoc = {
      key,
      name: fold(r.name), nameEn: fold(r.name_en), keywords: fold(r.keywords), slug: fold(r.slug),
      agency: fold(r.agency_text), description: fold(r.description),
    };
    this.docs.set(r.pk, doc);
    return doc;
  }

  private score(r: SearchRow, words: string[], phrase: string): number {
    const doc = this.doc(r);
    let total = 0;
    for (const w of words) {
      let best = 0;
      for (const [field, exact, prefix] of WEIGHTS) {
        const fieldWords = doc[field].words;
        if (fieldWords.includes(w)) best = Math.max(best, exact);
        else if (fieldWords.some((fw) => fw.startsWith(w))) best = Math.max(best, prefix);
      }
      total += best;
    }
    // The whole query as a phrase in the name (e.g. "paspor biasa") beats scattered words.
    if (words.length > 1 && doc.name.text.includes(phrase)) total += 50;
    return total;
  }

  health(): Health {
    const counts = this.st.counts.get() as { regions: number; services: number };
    const updated = (this.st.updated.get() as { t: string | null }).t;
    return {
      status: "ok",
      version: this.appVersion,
      regions: counts.regions,
      services: counts.services,
      dataUpdatedAt: updated ?? new Date(0).toISOString(),
    };
  }
}
