// Queue numbers as the lobby screen shows and reads them: the letter of the agency's counter group
// ("B" for counters B1, B2), a dash, and the day's sequence zero-padded to three digits ("B-014").
// Sequences start at 1 each day per agency; past 999 the number simply grows ("B-1000").

const LETTER = /^[A-Z]$/;
const LABEL = /^\s*([A-Za-z])/;
const NUMBER = /^([A-Z])-(\d{3,})$/;

/** The counter group's letter of a counter label: "B2" -> "B", "c 1" -> "C". */
export function queueLetter(counterLabel: string): string {
  const m = LABEL.exec(counterLabel);
  if (!m) throw new RangeError(`queue number: counter label ${JSON.stringify(counterLabel)} does not start with a letter`);
  return m[1]!.toUpperCase();
}

/** "B", 14 -> "B-014". */
export function formatQueueNumber(letter: string, sequence: number): string {
  if (!LETTER.test(letter)) throw new RangeError(`queue number: letter ${JSON.stringify(letter)} must be one of A-Z`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`queue number: sequence ${sequence} must be a whole number >= 1`);
  return `${letter}-${String(sequence).padStart(3, "0")}`;
}

/** "B-014" -> { letter: "B", sequence: 14 }; also accepts "b014", "B 14"; null for anything else. */
export function parseQueueNumber(input: string): { letter: string; sequence: number } | null {
  const compact = input.trim().toUpperCase().replace(/[\s-]+/g, "");
  const m = /^([A-Z])(\d{1,6})$/.exec(compact);
  if (!m) return null;
  const sequence = Number(m[2]);
  return sequence >= 1 ? { letter: m[1]!, sequence } : null;
}

export function isQueueNumber(value: string): boolean {
  const m = NUMBER.exec(value);
  return m !== null && (m[2]!.length === 3 || !m[2]!.startsWith("0")) && Number(m[2]) >= 1;
}

const ONES = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];

/** Indonesian words for 0..999 999, as a caller would read a number aloud ("empat belas"). */
export function indonesianNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`queue number: ${n} outside 0..999999`);
  if (n === 0) return "nol";
  const parts: string[] = [];
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  if (thousands === 1) parts.push("seribu");
  else if (thousands > 1) parts.push(`${below1000(thousands)} ribu`);
  if (rest > 0) parts.push(below1000(rest));
  return parts.join(" ");
}

function below1000(n: number): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const r = n % 100;
  if (h === 1) parts.push("seratus");
  else if (h > 1) parts.push(`${ONES[h]} ratus`);
  if (r === 10) parts.push("sepuluh");
  else if (r === 11) parts.push("sebelas");
  else if (r > 11 && r < 20) parts.push(`${ONES[r - 10]} belas`);
  else if (r >= 20) parts.push(`${ONES[Math.floor(r / 10)]} puluh${r % 10 ? ` ${ONES[r % 10]}` : ""}`);
  else if (r > 0) parts.push(ONES[r]!);
  return parts.join(" ");
}

/** What the lobby board says when a number is called: "Nomor antrean B empat belas, silakan ke loket B2." */
export function spokenCall(number: string, counterLabel: string): { id: string; en: string } {
  const p = parseQueueNumber(number);
  if (!p) throw new RangeError(`queue number: ${JSON.stringify(number)} is not a queue number`);
  return {
    id: `Nomor antrean ${p.letter} ${indonesianNumberWords(p.sequence)}, silakan ke loket ${counterLabel}.`,
    en: `Queue number ${p.letter} ${p.sequence}, please go to counter ${counterLabel}.`,
  };
}
