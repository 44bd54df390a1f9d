/**
 * Reading hotline and message-board exports (.xlsx and .csv) into mention inputs: the table,
 * a column mapping guessed from its headers, and one validated `MentionInput` (or the reason
 * it is refused) per row. Pure: no Nest, no database.
 *
 * Times: a spreadsheet's times carry no zone; they are read as China time (+08:00), the
 * county's clock, and written as ISO 8601 with `+08:00`.
 */
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { MAX_MENTION_CONTENT, mentionInputSchema, type ImportField, type MentionInput } from '@govdesk/contracts';
import type { MentionChannel } from '@govdesk/domain';

export type CellValue = string | number | Date | null;

export interface TableRow {
  /** The row's number in the spreadsheet, 1-based (the header row is usually 1). */
  row: number;
  /** Every column header → the cell, `null` when empty. */
  cells: Record<string, CellValue>;
}

export interface Table {
  /** The worksheet's name; `null` for a CSV file. */
  sheet: string | null;
  columns: string[];
  rows: TableRow[];
}

export interface RowMention {
  row: number;
  input?: MentionInput;
  /** Why the row was refused, English / Chinese, starting with `row N:`. */
  error?: string;
}

export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.csv'] as const;

// ── Reading the table ────────────────────────────────────────────────────────────────────

/**
 * The first non-empty worksheet of an .xlsx file, or a CSV file (UTF-8 with or without BOM,
 * UTF-16 with BOM, else GB18030/GBK), as rows keyed by the header row. Throws an Error with a
 * message fit to show the user when the file cannot be read.
 */
export async function readTable(content: Buffer, fileName: string): Promise<Table> {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xlsx') return readXlsx(content, fileName);
  if (ext === '.csv') return readCsv(content, fileName);
  if (ext === '.xls' || ext === '.et' || ext === '.wps') {
    throw new Error(`${fileName}: the old Excel format (${ext}) cannot be read; save it as .xlsx or .csv / 不支持旧版 Excel 格式，请另存为 .xlsx 或 .csv`);
  }
  throw new Error(`${fileName}: only .xlsx and .csv files can be imported / 只能导入 .xlsx 或 .csv 文件`);
}

async function readXlsx(content: Buffer, fileName: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typing names its own `Buffer` (an ArrayBuffer): give it exactly these bytes.
    await workbook.xlsx.load(Uint8Array.from(content).buffer);
  } catch (error) {
    throw new Error(`${fileName}: not a readable .xlsx file (${errorMessage(error)}) / 无法读取该 .xlsx 文件`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new Error(`${fileName}: every worksheet is empty / 工作表为空`);

  const grid: { row: number; values: CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      values[col - 1] = normaliseCell(cell.value);
    });
    grid.push({ row: rowNumber, values: Array.from(values, (v) => v ?? null) });
  });
  return tableOf(grid, sheet.name, fileName);
}

/** exceljs's cell value (rich text, formula results, hyperlinks, errors …) as string | number | Date | null. */
export function normaliseCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText'])) {
      return normaliseCell((v['richText'] as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join(''));
    }
    if ('error' in v) return null;
    if ('formula' in v || 'sharedFormula' in v) return normaliseCell(v['result']);
    if ('hyperlink' in v) return normaliseCell(v['text'] ?? v['hyperlink']);
    if ('text' in v) return normaliseCell(v['text']);
  }
  return null;
}

/**
 * The header row and the rows under it. The header is the first non-empty row, unless that row
 * is a title over the table (one text, often merged across the columns: “2023年12345热线工单
 * 汇总”) with a fuller row under it.
 */
function tableOf(grid: { row: number; values: CellValue[] }[], sheet: string | null, fileName: string): Table {
  let nonEmpty = grid.filter((r) => r.values.some((v) => v !== null));
  const filled = (r: { values: CellValue[] } | undefined): CellValue[] => (r ? r.values.filter((v) => v !== null) : []);
  if (nonEmpty.length > 1 && new Set(filled(nonEmpty[0]).map(cellToText)).size === 1 && filled(nonEmpty[1]).length >= 2) nonEmpty = nonEmpty.slice(1);
  const header = nonEmpty[0];
  if (!header) throw new Error(`${fileName}: the file has no rows / 文件没有数据`);
  const width = Math.max(...nonEmpty.map((r) => r.values.length));
  const columns: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < width; i++) {
    const raw = header.values[i];
    let name = raw === null || raw === undefined ? '' : cellToText(raw).trim().replace(/\s+/g, ' ');
    if (!name) name = `列${columnLetter(i)}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    columns.push(n === 1 ? name : `${name} (${n})`);
  }
  const rows = nonEmpty.slice(1).map(({ row, values }) => ({
    row,
    cells: Object.fromEntries(columns.map((c, i) => [c, values[i] ?? null])),
  }));
  return { sheet, columns, rows };
}

function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────

function readCsv(content: Buffer, fileName: string): Table {
  const text = decodeText(content);
  if (text.includes('\u0000')) throw new Error(`${fileName}: not a text file / 不是文本格式的 CSV 文件`);
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  // comma; else tab (Excel's "Unicode text") or semicolon when the header row has those
  const delimiter = firstLine.includes(',') ? ',' : firstLine.includes('\t') ? '\t' : firstLine.includes(';') ? ';' : ',';
  const records = parseCsv(text, delimiter, fileName);
  const grid = records.map((fields, i) => ({ row: i + 1, values: fields.map((f) => (f.trim() === '' ? null : f)) }));
  return tableOf(grid, null, fileName);
}

/** UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * RFC 4180 records: fields in double quotes may hold the delimiter, line breaks and `""` for a
 * quote; lines end with CRLF, LF or CR. A quote inside an unquoted field is kept as text.
 */
export function parseCsv(text: string, delimiter = ',', fileName = 'CSV'): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const n = text.length;
  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      // a quoted field
      const startLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new Error(`${fileName}: a quoted field opened on line ${startLine} is never closed / CSV 第 ${startLine} 行的引号没有闭合`);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      // text after the closing quote up to the delimiter is kept (lenient, as spreadsheet programs are)
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
      continue;
    }
    if (ch === delimiter) {
      record.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

// ── Guessing the mapping ─────────────────────────────────────────────────────────────────

interface FieldRule {
  /** Whole headers (normalised: lower case, without spaces and punctuation). */
  exact: string[];
  /** Parts of a Chinese header, best first. */
  contains: string[];
  /** English words of a header ("Message ID" → message, id). */
  words: string[];
}

const FIELD_RULES: Record<ImportField, FieldRule> = {
  externalId: {
    exact: ['留言编号', '编号', '工单号', '工单编号', 'id', '信件编号', '来信编号', '诉求编号', '受理编号', '事项编号', 'externalid', 'guid'],
    contains: ['工单号', '工单编号', '留言编号', '编号', '单号', '流水号'],
    words: ['id', 'guid', 'ticket', 'number', 'no'],
  },
  title: {
    exact: ['留言主题', '主题', '标题', 'title', '留言标题', '诉求主题', '事项标题', '工单标题', '信件标题', 'subject', 'headline'],
    contains: ['主题', '标题', '事由'],
    words: ['title', 'subject', 'headline'],
  },
  content: {
    exact: ['留言详情', '内容', '诉求内容', 'content', '留言内容', '详情', '正文', '来电内容', '来信内容', '事项内容', '问题描述', '诉求描述', '反映内容', 'text', 'body', 'description', 'message'],
    contains: ['详情', '诉求内容', '留言内容', '来电内容', '内容', '正文', '描述', '诉求'],
    words: ['content', 'text', 'body', 'description', 'message', 'details'],
  },
  author: {
    exact: ['留言用户', '用户', '来电人', 'author', '留言人', '用户名', '昵称', '发布者', '发布人', '作者', '来信人', '反映人', '诉求人', '投诉人', '网友', 'user', 'username', 'nickname'],
    contains: ['留言用户', '来电人', '来信人', '留言人', '用户', '作者', '发布者', '发布人', '昵称', '反映人', '诉求人', '投诉人', '网友'],
    words: ['author', 'user', 'username', 'nickname', 'poster', 'creator'],
  },
  publishedAt: {
    exact: ['留言时间', '时间', '来电时间', '发布时间', 'date', 'time', '日期', '来信时间', '受理时间', '登记时间', '提交时间', '发帖时间', '创建时间', 'datetime', 'publishedat', 'pubdate', 'createdat', 'timestamp'],
    contains: ['留言时间', '来电时间', '来信时间', '发布时间', '发帖时间', '提交时间', '受理时间', '登记时间', '创建时间', '时间', '日期'],
    words: ['date', 'time', 'published', 'created', 'timestamp', 'datetime', 'posted'],
  },
  url: {
    exact: ['链接', 'url', '网址', '原文链接', '链接地址', 'link', 'href'],
    contains: ['链接', '网址'],
    words: ['url', 'link', 'href'],
  },
  place: {
    exact: ['地点', '区域', '所属镇街', '镇街', '所属区域', '所在地', '地区', '位置', '事发地点', '事发地址', '乡镇', '所属乡镇', 'place', 'location', 'region', 'area', 'district', 'town'],
    contains: ['地点', '区域', '镇街', '乡镇', '所在地', '地区', '位置', '地址'],
    words: ['place', 'location', 'region', 'area', 'district', 'town'],
  },
};

/**
 * Columns about the government's answer or the case's progress (答复时间, 回复内容, 办结时间 …):
 * never the citizen's own text, author or time.
 */
const NOT_THE_CITIZEN = /答复|回复|回访|办结|办理|处理|反馈|结案|截止|期限|完成|更新|修改|转办|交办|承办|reply|response|answer|handl|resolv|close|deadline|updat|modif/i;
/** Phone numbers and identity numbers are personal data, never an author. */
const PERSONAL_NUMBERS = /电话|手机|号码|身份证|phone|mobile|tel/i;

function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_\-.:：()（）[\]【】/\\、,，#*]+/g, '');
}

function headerWords(header: string): string[] {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

function allowed(field: ImportField, header: string): boolean {
  if (field === 'externalId' || field === 'url' || field === 'place') return true;
  if (NOT_THE_CITIZEN.test(header)) return false;
  if (field === 'author' && PERSONAL_NUMBERS.test(header)) return false;
  return true;
}

/**
 * Guesses which column fills which mention field from Chinese and English headers (留言编号 →
 * externalId, 留言详情 → content, 留言时间 → publishedAt …). Each column is used at most once;
 * whole-header matches win over partial ones; reply columns (答复时间, 答复意见) are never taken.
 */
export function suggestMapping(columns: string[]): Partial<Record<ImportField, string>> {
  const result: Partial<Record<ImportField, string>> = {};
  const used = new Set<string>();
  const fields = Object.keys(FIELD_RULES) as ImportField[];
  const tryPass = (matches: (field: ImportField, column: string) => number | null): void => {
    for (const field of fields) {
      if (result[field]) continue;
      let best: { column: string; rank: number } | null = null;
      for (const column of columns) {
        if (used.has(column) || !allowed(field, column)) continue;
        const rank = matches(field, column);
        if (rank !== null && (!best || rank < best.rank)) best = { column, rank };
      }
      if (best) {
        result[field] = best.column;
        used.add(best.column);
      }
    }
  };
  // 1. the whole header is a known name
  tryPass((field, column) => {
    const i = FIELD_RULES[field].exact.indexOf(normaliseHeader(column));
    return i < 0 ? null : i;
  });
  // 2. a known Chinese part, or a known English word
  tryPass((field, column) => {
    const h = normaliseHeader(column);
    const i = FIELD_RULES[field].contains.findIndex((part) => h.includes(part));
    if (i >= 0) return i;
    const words = headerWords(column);
    const j = FIELD_RULES[field].words.findIndex((w) => words.includes(w));
    return j < 0 ? null : 100 + j;
  });
  return result;
}

// ── Rows to mentions ─────────────────────────────────────────────────────────────────────

const FIELD_NAMES: Record<ImportField | 'channel' | 'reach', { en: string; zh: string }> = {
  externalId: { en: 'id', zh: '编号' },
  title: { en: 'title', zh: '标题' },
  content: { en: 'content', zh: '内容' },
  author: { en: 'author', zh: '作者' },
  publishedAt: { en: 'published time', zh: '发布时间' },
  url: { en: 'url', zh: '链接' },
  place: { en: 'place', zh: '地点' },
  channel: { en: 'channel', zh: '渠道' },
  reach: { en: 'reach', zh: '传播数据' },
};

const MAX_TITLE = 500;
const MAX_SHORT = 200;

/**
 * One mention input per row, validated with `mentionInputSchema`, or the reason the row is
 * refused ("row 12: content is empty / 内容为空"). Text is trimmed (blank lines and the
 * indentation of web exports removed); a title, author or place too long is cut; times are
 * read as China time. `mapping` must name the content and published-time columns.
 */
export function rowsToMentions(
  rows: readonly { row: number; cells: Record<string, unknown> }[],
  mapping: Partial<Record<ImportField, string>>,
  channel: MentionChannel,
): RowMention[] {
  const cell = (row: { cells: Record<string, unknown> }, field: ImportField): CellValue => {
    const column = mapping[field];
    return column === undefined ? null : normaliseCell(row.cells[column]);
  };
  return rows.map((row) => {
    const fail = (en: string, zh: string): RowMention => ({ row: row.row, error: `row ${row.row}: ${en} / ${zh}` });

    if (!mapping.content) return fail('no content column is mapped', '未指定内容列');
    const content = cleanText(cellToText(cell(row, 'content')));
    if (!content) return fail('content is empty', '内容为空');
    if (content.length > MAX_MENTION_CONTENT) return fail(`content is longer than ${MAX_MENTION_CONTENT} characters`, `内容超过 ${MAX_MENTION_CONTENT} 字`);

    if (!mapping.publishedAt) return fail('no published-time column is mapped', '未指定发布时间列');
    const rawTime = cell(row, 'publishedAt');
    if (rawTime === null) return fail('published time is empty', '发布时间为空');
    const publishedAt = toChinaIso(rawTime);
    if (!publishedAt) return fail(`published time "${cellToText(rawTime)}" is not a date`, `发布时间“${cellToText(rawTime)}”不是有效的日期时间`);

    const input: Record<string, unknown> = { channel, content, publishedAt };
    const idCell = cell(row, 'externalId');
    if (idCell !== null) {
      const externalId = idText(idCell);
      if (externalId.length > MAX_SHORT) return fail(`id is longer than ${MAX_SHORT} characters`, `编号超过 ${MAX_SHORT} 个字符`);
      if (externalId) input['externalId'] = externalId;
    }
    const title = cleanText(cellToText(cell(row, 'title'))).replace(/\s+/g, ' ');
    if (title) input['title'] = cut(title, MAX_TITLE);
    const author = cellToText(cell(row, 'author')).trim().replace(/\s+/g, ' ');
    if (author) input['author'] = cut(author, MAX_SHORT);
    const place = cellToText(cell(row, 'place')).trim().replace(/\s+/g, ' ');
    if (place) input['place'] = cut(place, MAX_SHORT);
    const url = cellToText(cell(row, 'url')).trim();
    if (url) input['url'] = url;

    const parsed = mentionInputSchema.safeParse(input);
    if (parsed.success) return { row: row.row, input: parsed.data };
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '') as keyof typeof FIELD_NAMES;
    const name = FIELD_NAMES[key] ?? { en: key || 'row', zh: key || '数据' };
    if (key === 'url') return fail(`url "${cut(url, 80)}" is not an http(s) address`, `链接“${cut(url, 80)}”不是有效的网址`);
    return fail(`${name.en}: ${issue.message}`, `${name.zh}无效`);
  });
}

/** A cell as display text: a Date as `YYYY-MM-DD HH:mm:ss` (its wall-clock fields), a number without `.0`. */
export function cellToText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return wallClockText(value);
  if (typeof value === 'number') return String(value);
  return value;
}

function idText(value: CellValue): string {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  return cellToText(value).trim();
}

/** Trims, drops the indentation and blank lines web exports carry, keeps paragraph breaks. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u3000]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ── Times ────────────────────────────────────────────────────────────────────────────────

/** China Standard Time: UTC+8 all year, no daylight saving. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
/** Excel's day 0 (serial numbers count days from 1899-12-30), in ms since the Unix epoch. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MIN_YEAR = 1970;
const MAX_YEAR = 2100;

/**
 * A spreadsheet time as ISO 8601 in China time (`2019-01-01T10:00:00+08:00`), or null when it
 * is not a plausible date (years 1970–2100):
 * - a Date from exceljs: its UTC fields are the wall-clock time typed in the sheet;
 * - a number: an Excel serial (43466.41666 = 2019-01-01 10:00), or Unix seconds (10 digits) or
 *   milliseconds (13 digits), or yyyymmdd;
 * - text: `2019/1/1 10:00:00`, `2019-01-01 10:00`, `2019年1月1日 10时00分`, `2019.1.1`, with
 *   上午/下午 or AM/PM, a date alone (midnight), ISO 8601 (an explicit zone is honoured), or an
 *   RFC 2822 date (`Tue, 01 Jan 2019 10:00:00 +0800`; without a zone, China time).
 */
export function toChinaIso(value: CellValue): string | null {
  if (value === null) return null;
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : wallClockIso(ms);
  }
  if (typeof value === 'number') return numberToChinaIso(value);
  return textToChinaIso(value);
}

function numberToChinaIso(n: number): string | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  if (Number.isInteger(n) && n >= 1e12 && n < 1e13) return instantIso(n);
  if (Number.isInteger(n) && n >= 1e9 && n < 1e10) return instantIso(n * 1000);
  if (Number.isInteger(n) && n >= 19700101 && n <= 21001231) {
    const s = String(n);
    return wallClock(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8), 0, 0, 0);
  }
  if (n < 1e5) return wallClockIso(Math.round(EXCEL_EPOCH_MS + n * 86400_000));
  return null;
}

const MERIDIEM = String.raw`(上午|下午|晚上|中午|凌晨|早上|AM|PM|am|pm|a\.m\.|p\.m\.)?`;
const LOCAL_DATE_TIME = new RegExp(
  String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?` +
    String.raw`(?:(?:\s*T\s*|\s+|(?<=[日号])|(?=[上下晚中凌早]))${MERIDIEM}\s*(\d{1,2})\s*[:：时點点]\s*(\d{1,2})?\s*(?:[:：分]\s*(\d{1,2}(?:\.\d+)?)?\s*秒?)?\s*${MERIDIEM})?` +
    String.raw`\s*(Z|[+-]\d{2}:?\d{2}|GMT[+-]\d{1,2}(?::?\d{2})?|UTC[+-]\d{1,2}(?::?\d{2})?)?$`,
  'i',
);

/** Text as ISO 8601 in China time; see {@link toChinaIso}. */
export function textToChinaIso(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return null;
  if (/^\d+(\.\d+)?$/.test(t)) return numberToChinaIso(Number(t));
  const m = LOCAL_DATE_TIME.exec(t);
  if (m) {
    const [, y, mo, d, pre, h, mi, s, post, zone] = m;
    let hour = h === undefined ? 0 : Number(h);
    const meridiem = (pre ?? post ?? '').toLowerCase();
    if (/下午|晚上|pm|p\.m\./.test(meridiem) && hour < 12) hour += 12;
    else if (/中午/.test(meridiem) && hour < 11) hour += 12;
    else if (/上午|凌晨|早上|am|a\.m\./.test(meridiem) && hour === 12) hour = 0;
    const seconds = s === undefined ? 0 : Number(s);
    if (!zone) return wallClock(+y!, +mo!, +d!, hour, mi === undefined ? 0 : +mi, seconds);
    const local = wallClockMs(+y!, +mo!, +d!, hour, mi === undefined ? 0 : +mi, seconds);
    const offset = zoneOffsetMs(zone);
    return local === null || offset === null ? null : instantIso(local - offset);
  }
  return rfc2822ToChinaIso(t);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * RFC 822 zone names. `CST` is China Standard Time here, not US Central: Chinese servers write
 * it (Java's `Date.toString()` in Asia/Shanghai), and this is a Chinese county's console.
 */
const ZONE_NAMES: Record<string, string> = {
  gmt: '+00:00', ut: '+00:00', utc: '+00:00', z: '+00:00', cst: '+08:00', bjt: '+08:00',
  est: '-05:00', edt: '-04:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
};
const RFC_2822 = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([+-]\d{4}|[a-z]{1,4}))?$/i;
/** Java's `Date.toString()`: `Tue Jan 01 10:00:00 CST 2019`. */
const JAVA_DATE = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+([a-z]{1,4}|[+-]\d{4})\s+(\d{4})$/i;

/** RFC 822/2822 dates of RSS (`Tue, 01 Jan 2019 10:00:00 +0800`); without a zone, China time. */
export function rfc2822ToChinaIso(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  let y: number, mo: number, d: number, h = 0, mi = 0, s = 0;
  let zone: string | undefined;
  const m = RFC_2822.exec(t);
  const j = m ? null : JAVA_DATE.exec(t);
  if (m) {
    d = Number(m[1]);
    mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    y = Number(m[3]);
    if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900;
    if (m[4] !== undefined) [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    zone = m[7];
  } else if (j) {
    mo = MONTHS.indexOf(j[1]!.toLowerCase()) + 1;
    d = Number(j[2]);
    [h, mi, s] = [Number(j[3]), Number(j[4]), Number(j[5])];
    zone = j[6];
    y = Number(j[7]);
  } else {
    return null;
  }
  if (mo < 1) return null;
  if (zone === undefined) return wallClock(y, mo, d, h, mi, s);
  const named = ZONE_NAMES[zone.toLowerCase()];
  const offset = zoneOffsetMs(named ?? zone);
  if (offset === null) return null;
  const local = wallClockMs(y, mo, d, h, mi, s);
  return local === null ? null : instantIso(local - offset);
}

function zoneOffsetMs(zone: string): number | null {
  if (/^z$/i.test(zone)) return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return (m[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** Wall-clock fields as ms "since the epoch" (UTC fields = the local time), or null when not a real date. */
function wallClockMs(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  if (h > 24 || mi > 59 || s >= 61) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi, Math.floor(s), Math.round((s % 1) * 1000));
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null; // 2月30日
  return ms;
}

function wallClock(y: number, mo: number, d: number, h: number, mi: number, s: number): string | null {
  const ms = wallClockMs(y, mo, d, h, mi, s);
  return ms === null ? null : wallClockIso(ms);
}

/** ms whose UTC fields are China wall-clock time → `YYYY-MM-DDTHH:mm:ss+08:00` (seconds rounded). */
function wallClockIso(ms: number): string | null {
  const date = new Date(Math.round(ms / 1000) * 1000);
  const y = date.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  return `${wallClockText(date).replace(' ', 'T')}+08:00`;
}

/** An instant (ms since the epoch) → ISO in China time. */
export function instantIso(ms: number): string | null {
  return wallClockIso(ms + CHINA_OFFSET_MS);
}

function wallClockText(date: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(date.getUTCFullYear(), 4)}-${p(date.getUTCMonth() + 1)}-${p(date.getUTCDate())} ${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())}`;
}
