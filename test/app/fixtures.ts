// Small, hand-written records for the app tests (not the seed data: tests must not move when it does).
import type { RegionDetail, RegionSummary, SearchResult, Service, ServiceSummary } from "../../src/domain/types";

export const bandungSummary: RegionSummary = {
  code: "3273", name: "Kota Bandung", type: "kota", seat: "Bandung", lat: -6.91, lon: 107.61,
  physicalMpp: { status: "yes", note: null, source: "example" }, agencyCount: 2, serviceCount: 3,
};

export const bogorSummary: RegionSummary = {
  code: "3201", name: "Kabupaten Bogor", type: "kabupaten", seat: "Cibinong", lat: -6.48, lon: 106.85,
  physicalMpp: { status: "unknown", note: null, source: null }, agencyCount: 1, serviceCount: 1,
};

export const bandung: RegionDetail = {
  ...bandungSummary,
  agencies: [
    {
      id: "3273-imigrasi", slug: "imigrasi", name: "Kantor Imigrasi Kelas I TPI Bandung", nameEn: "Bandung Immigration Office",
      shortName: "Imigrasi", level: "nasional", counters: [{ id: "3273-imigrasi-1", label: "B2" }], serviceCount: 2,
    },
    {
      id: "3273-disdukcapil", slug: "disdukcapil", name: "Dinas Kependudukan dan Pencatatan Sipil", nameEn: "",
      shortName: "Disdukcapil", level: "daerah", counters: [], serviceCount: 1,
    },
  ],
};

export const pasporSummary: ServiceSummary = {
  id: "3273-imigrasi-paspor-biasa", regionCode: "3273", agencyId: "3273-imigrasi", agencySlug: "imigrasi",
  agencyName: "Kantor Imigrasi Kelas I TPI Bandung", slug: "paspor-biasa", name: "Paspor biasa 48 halaman",
  nameEn: "Ordinary passport, 48 pages", fee: { amount: 350000, note: "PNBP, PP 28/2019" }, verified: true,
};

export const ePasporSummary: ServiceSummary = {
  ...pasporSummary, id: "3273-imigrasi-e-paspor", slug: "e-paspor", name: "E-paspor 48 halaman",
  nameEn: "E-passport, 48 pages", fee: { amount: 650000, note: null }, verified: false,
};

export const ktpSummary: ServiceSummary = {
  id: "3273-disdukcapil-ktp-el", regionCode: "3273", agencyId: "3273-disdukcapil", agencySlug: "disdukcapil",
  agencyName: "Dinas Kependudukan dan Pencatatan Sipil", slug: "ktp-el", name: "KTP-el", nameEn: "Electronic ID card",
  fee: { amount: 0, note: null }, verified: true,
};

export const paspor: Service = {
  ...pasporSummary,
  regionName: "Kota Bandung",
  description: "Permohonan paspor biasa.",
  requirements: ["KTP-el", "Kartu Keluarga", "Akta kelahiran, buku nikah, atau ijazah"],
  steps: ["Ambil nomor antrean", "Serahkan berkas", "Foto dan wawancara", "Ambil paspor"],
  duration: "4 hari kerja",
  hours: "Senin–Jumat 08.00–15.00",
  legalBasis: ["PP 28/2019"],
  product: "Paspor biasa 48 halaman",
  complaintChannels: [
    { kind: "lapor", label: "SP4N-LAPOR!", value: "https://www.lapor.go.id" },
    { kind: "counter", label: "Loket pengaduan", value: null },
  ],
  onlineUrl: "https://www.imigrasi.go.id/",
  source: "bisnis.com 2023-03-07",
  lastVerified: "2023-03-07",
};

/** An unverified record with every optional field missing. */
export const bare: Service = {
  ...ePasporSummary,
  regionName: "Kota Bandung",
  description: "",
  requirements: [], steps: [], duration: null, hours: null, legalBasis: [], product: null,
  complaintChannels: [], onlineUrl: null, source: null, lastVerified: null,
  fee: { amount: null, note: null },
};

export function searchResult(query: string): SearchResult {
  return {
    query, region: null, near: null, total: 2, offset: 0,
    regions: [{ code: "3201", name: "Kabupaten Bogor", count: 1 }, { code: "3273", name: "Kota Bandung", count: 1 }],
    hits: [
      { service: pasporSummary, regionName: "Kota Bandung", score: 2 },
      { service: { ...pasporSummary, id: "3201-imigrasi-paspor-biasa", regionCode: "3201", agencyId: "3201-imigrasi" }, regionName: "Kabupaten Bogor", score: 1 },
    ],
  };
}

/** A promise with its resolve/reject exposed, to control the order of responses in tests. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise<void>((r) => setTimeout(r, 0));
