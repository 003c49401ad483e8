// The /layanan/tiket and IKM pages in Basa Sunda lemes (the polite register of public service): a
// DRAFT translation by the project team until a Sundanese-speaking reviewer confirms it, like the
// app's i18n/strings-su.ts. While `review.status` is "draft" the pages say so (a notice under the
// title). Every key of the Indonesian table has its Sundanese (test/server/feedback-pages-su.test.ts).
import type { FeedbackPageText } from "./feedback-pages";

export const SU_FEEDBACK_PAGES_REVIEW = { status: "draft" as "draft" | "reviewed", reviewer: null as string | null, date: null as string | null };

export const suFeedbackPages: FeedbackPageText = {
  lookup: "Lacak patarosan atanapi pangaduan", code: "Kode palacakan", show: "Témbongkeun", badCode: "Kode teu dikenal. Mangga parios deui kode Anjeun (8 hurup sareng angka, contona KFDX-4MRA).",
  status: "Status", about: "Perkawis", received: "Katampi", yourText: "Eusi", history: "Tindak lanjut", none: "Teu acan aya tindak lanjut.",
  forwardBy: "Diteraskeun ka unit nu ngurus paling telat", actBy: "Ditindaklanjutan paling telat", late: (n: number) => `telat ${n} dinten damel`,
  done: "Parantos ditindaklanjutan.", answer: "Waleran", from: "ti", citizen: "Tambihan ti Anjeun", take: "Mimiti diprosés", forward: "Diteraskeun ka",
  close: "Ditutup", reopen: "Dibuka deui", lapor: "Dilajengkeun ngalangkungan SP4N-LAPOR!, nomer palacakan", laporLink: "Tuturkeun di lapor.go.id",
  stored: "Nu disimpen: eusi patarosan atanapi pangaduan, instansi sareng layanan nu dituju, waktosna, sareng kontak upami Anjeun masihan. Kontak henteu kantos ditémbongkeun dina kaca ieu sareng dipupus saparantos tikét réngsé. Kami henteu nyuhunkeun NIK.",
  app: "Buka di MPP Digital", mpp: "MPP", wib: "WIB",
  ikm: "Indéks Kapuasan Masarakat", year: "Taun", semester: "Seméster", respondents: "réspondén", mutu: "Mutu", unsur: "Unsur layanan", nrr: "NRR",
  agencies: "Per instansi", agency: "Instansi", noData: "Teu acan aya réspondén dina période ieu.", noIkm: "teu acan aya",
  method: "IKM = 25 × rata-rata niléy rata-rata (NRR) 9 unsur PermenPANRB 14/2017, diitung tina jumlah waleran nu pas sareng dibuleudkeun ngan di tungtung. Mutu: A 88,31-100; B 76,61-88,30; C 65,00-76,60; D 25,00-64,99. Populasi: kunjungan nu kacatet di MPP Digital (layanan nu dibaca, nomer antrian nu dianggo, kunjungan di layar lobi); sampel minimal numutkeun tabel Krejcie-Morgan.",
  other: "Période sanés", whole: "sataun", back: "Wangsul ka",
  draft: "Tarjamahan basa Sunda ieu masih draf, teu acan dipariksa ku pamariksa.",
};
