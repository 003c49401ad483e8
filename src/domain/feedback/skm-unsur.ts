// The 9 unsur of the SKM with the wording of PermenPANRB 14/2017 (definitions from its ruang
// lingkup, questions and the 1-4 answers from its contoh kuesioner); the English is ours. Order: the
// questionnaire's, which is the order the API takes the nine answers in.
import type { Bilingual } from "./tickets";

export interface Unsur {
  key: string;
  name: Bilingual;
  definition: Bilingual;
  question: Bilingual;
  /** Answers 1..4, worst first. */
  scale: readonly [Bilingual, Bilingual, Bilingual, Bilingual];
}

const sesuai = [
  { id: "Tidak sesuai", en: "Not appropriate" }, { id: "Kurang sesuai", en: "Somewhat inappropriate" },
  { id: "Sesuai", en: "Appropriate" }, { id: "Sangat sesuai", en: "Very appropriate" },
] as const;

export const SKM_UNSUR: readonly Unsur[] = [
  {
    key: "persyaratan",
    name: { id: "Persyaratan", en: "Requirements" },
    definition: {
      id: "Persyaratan adalah syarat yang harus dipenuhi dalam pengurusan suatu jenis pelayanan, baik persyaratan teknis maupun administratif.",
      en: "The conditions to be met to obtain a type of service, both technical and administrative.",
    },
    question: {
      id: "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
      en: "How well do the service's requirements fit the type of service?",
    },
    scale: sesuai,
  },
  {
    key: "prosedur",
    name: { id: "Sistem, Mekanisme, dan Prosedur", en: "Systems, mechanisms and procedures" },
    definition: {
      id: "Prosedur adalah tata cara pelayanan yang dibakukan bagi pemberi dan penerima pelayanan, termasuk pengaduan.",
      en: "The standard way the service is given and received, complaints included.",
    },
    question: {
      id: "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
      en: "How easy is the service procedure at this unit?",
    },
    scale: [
      { id: "Tidak mudah", en: "Not easy" }, { id: "Kurang mudah", en: "Not very easy" },
      { id: "Mudah", en: "Easy" }, { id: "Sangat mudah", en: "Very easy" },
    ],
  },
  {
    key: "waktu",
    name: { id: "Waktu Penyelesaian", en: "Completion time" },
    definition: {
      id: "Waktu penyelesaian adalah jangka waktu yang diperlukan untuk menyelesaikan seluruh proses pelayanan dari setiap jenis pelayanan.",
      en: "The time needed to complete the whole service process of each type of service.",
    },
    question: {
      id: "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
      en: "How fast was the service given?",
    },
    scale: [
      { id: "Tidak cepat", en: "Not fast" }, { id: "Kurang cepat", en: "Not very fast" },
      { id: "Cepat", en: "Fast" }, { id: "Sangat cepat", en: "Very fast" },
    ],
  },
  {
    key: "biaya",
    name: { id: "Biaya/Tarif", en: "Cost/fee" },
    definition: {
      id: "Biaya/Tarif adalah ongkos yang dikenakan kepada penerima layanan dalam mengurus dan/atau memperoleh pelayanan dari penyelenggara yang besarnya ditetapkan berdasarkan kesepakatan antara penyelenggara dan masyarakat.",
      en: "The charge paid by the service recipient to apply for and/or obtain the service, set by agreement between the provider and the public.",
    },
    question: {
      id: "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
      en: "How reasonable was the cost/fee of the service?",
    },
    scale: [
      { id: "Sangat mahal", en: "Very expensive" }, { id: "Cukup mahal", en: "Fairly expensive" },
      { id: "Murah", en: "Cheap" }, { id: "Gratis", en: "Free" },
    ],
  },
  {
    key: "produk",
    name: { id: "Produk Spesifikasi Jenis Pelayanan", en: "Product of the type of service" },
    definition: {
      id: "Produk spesifikasi jenis pelayanan adalah hasil pelayanan yang diberikan dan diterima sesuai dengan ketentuan yang telah ditetapkan. Produk pelayanan ini merupakan hasil dari setiap spesifikasi jenis pelayanan.",
      en: "The result of the service, given and received as the rules set out; the product of each type of service.",
    },
    question: {
      id: "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
      en: "How well did the result match what the service standard promises?",
    },
    scale: sesuai,
  },
  {
    key: "kompetensi",
    name: { id: "Kompetensi Pelaksana", en: "Competence of the staff" },
    definition: {
      id: "Kompetensi pelaksana adalah kemampuan yang harus dimiliki oleh pelaksana meliputi pengetahuan, keahlian, keterampilan, dan pengalaman.",
      en: "The abilities the staff must have: knowledge, expertise, skills and experience.",
    },
    question: {
      id: "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
      en: "How competent were the staff who served you?",
    },
    scale: [
      { id: "Tidak kompeten", en: "Not competent" }, { id: "Kurang kompeten", en: "Not very competent" },
      { id: "Kompeten", en: "Competent" }, { id: "Sangat kompeten", en: "Very competent" },
    ],
  },
  {
    key: "perilaku",
    name: { id: "Perilaku Pelaksana", en: "Conduct of the staff" },
    definition: {
      id: "Perilaku pelaksana adalah sikap petugas dalam memberikan pelayanan.",
      en: "The attitude of the staff while serving.",
    },
    question: {
      id: "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
      en: "How polite and friendly were the staff?",
    },
    scale: [
      { id: "Tidak sopan dan ramah", en: "Not polite and friendly" }, { id: "Kurang sopan dan ramah", en: "Not very polite and friendly" },
      { id: "Sopan dan ramah", en: "Polite and friendly" }, { id: "Sangat sopan dan ramah", en: "Very polite and friendly" },
    ],
  },
  {
    key: "sarana",
    name: { id: "Sarana dan Prasarana", en: "Facilities and infrastructure" },
    definition: {
      id: "Sarana adalah segala sesuatu yang dapat dipakai sebagai alat dalam mencapai maksud dan tujuan. Prasarana adalah segala sesuatu yang merupakan penunjang utama terselenggaranya suatu proses (usaha, pembangunan, proyek). Sarana digunakan untuk benda yang bergerak (komputer, mesin) dan prasarana untuk benda yang tidak bergerak (gedung).",
      en: "Facilities are whatever serves as a tool to reach the aim (movable things: computers, machines); infrastructure is what mainly supports the process (immovable things: buildings).",
    },
    question: {
      id: "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
      en: "How good are the facilities and infrastructure?",
    },
    scale: [
      { id: "Buruk", en: "Poor" }, { id: "Cukup", en: "Fair" },
      { id: "Baik", en: "Good" }, { id: "Sangat baik", en: "Very good" },
    ],
  },
  {
    key: "pengaduan",
    name: { id: "Penanganan Pengaduan, Saran dan Masukan", en: "Handling of complaints, suggestions and feedback" },
    definition: {
      id: "Penanganan pengaduan, saran dan masukan adalah tata cara pelaksanaan penanganan pengaduan dan tindak lanjut.",
      en: "How complaints are handled and followed up.",
    },
    question: {
      id: "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
      en: "How are service users' complaints handled?",
    },
    scale: [
      { id: "Tidak ada", en: "There is none" }, { id: "Ada tetapi tidak berfungsi", en: "Exists but does not work" },
      { id: "Berfungsi kurang maksimal", en: "Works, but not fully" }, { id: "Dikelola dengan baik", en: "Well managed" },
    ],
  },
];
