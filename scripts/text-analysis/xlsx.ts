/**
 * Minimal reader of the first worksheet of an .xlsx file (a zip of XML parts), enough for
 * the exports in ../shared/data/gov-messages: shared strings (plain and rich text), inline
 * strings, numbers and booleans. Used by the text-analysis scripts only; no xlsx package.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!,
  );
}

/** The text of all `<t>` runs inside one `<si>` or `<is>` element. */
function runsText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/[0-9]+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export type Cell = string | number | boolean | null;

/** Rows of the first worksheet, each an array of cells indexed by column (A = 0). */
export function readXlsxRows(file: string): Cell[][] {
  const zip = unzipSync(readFileSync(file));
  const sharedXml = zip['xl/sharedStrings.xml'] ? strFromU8(zip['xl/sharedStrings.xml']) : '';
  const shared = Array.from(sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g), (m) => runsText(m[1]!));
  const sheetName = Object.keys(zip).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).sort()[0];
  if (!sheetName) throw new Error(`${file}: no worksheet`);
  const sheet = strFromU8(zip[sheetName]!);
  const rows: Cell[][] = [];
  for (const rm of sheet.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>|<row\b[^>]*\/>/g)) {
    const row: Cell[] = [];
    for (const cm of (rm[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1]!;
      const body = cm[2] ?? '';
      const ref = /\br="([A-Z]+[0-9]+)"/.exec(attrs)?.[1];
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: Cell = null;
      if (type === 's') value = v === undefined ? null : (shared[Number(v)] ?? null);
      else if (type === 'inlineStr') value = runsText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (type === 'str') value = v === undefined ? null : unescapeXml(v);
      else if (type === 'b') value = v === '1';
      else if (v !== undefined) value = Number(v);
      row[ref ? columnIndex(ref) : row.length] = value;
    }
    rows.push(Array.from(row, (c) => c ?? null));
  }
  return rows;
}

/** Rows as objects keyed by the header row. */
export function readXlsxRecords(file: string): Record<string, Cell>[] {
  const [header, ...rows] = readXlsxRows(file);
  if (!header) return [];
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h ?? `col${i}`), row[i] ?? null])));
}
