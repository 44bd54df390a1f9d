/**
 * RSS 2.0 (and RSS 1.0/RDF) and Atom feeds as mention inputs. Pure: the caller fetches the
 * bytes (see {@link decodeFeed} for their encoding) and ingests what this returns.
 *
 * - externalId: RSS `guid`, else `link`; Atom `id`, else the entry's link; else a hash of the
 *   title and text, so that a feed polled again yields the same ids.
 * - content: `content:encoded` (or Atom `content`), else `description` (Atom `summary`), HTML
 *   stripped to text and entities decoded; the title when there is no text; no text and no
 *   title → the item is skipped.
 * - publishedAt: `pubDate` / `dc:date` (RSS), `published` / `updated` (Atom), as ISO 8601 in
 *   China time; a date without a zone is China time; an item without a (readable) date gets
 *   `now`, the fetch time.
 */
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_MENTION_CONTENT, mentionInputSchema, type MentionInput } from '@govdesk/contracts';
import type { MentionChannel } from '@govdesk/domain';
import { instantIso, textToChinaIso } from '../import/spreadsheet';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // dc:creator → creator, content:encoded → encoded, atom:link → link
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: false,
  processEntities: { enabled: true, maxEntityCount: 50, maxTotalExpansions: 1000, maxExpandedLength: 100_000 },
  isArray: (name) => ['item', 'entry', 'link', 'author', 'creator', 'category', 'contributor'].includes(name),
});

export interface ParseFeedOptions {
  /** The date of items that carry none (the fetch time). Default: the current time. */
  now?: Date;
}

/**
 * The items of an RSS or Atom document as mention inputs of `channel`, each valid against
 * `mentionInputSchema`, in document order. Throws an Error saying why on a document that is
 * not XML or not a feed.
 */
export function parseFeed(xml: string, channel: MentionChannel, options: ParseFeedOptions = {}): MentionInput[] {
  const now = options.now ?? new Date();
  const fallbackTime = instantIso(now.getTime());
  if (!fallbackTime) throw new Error('parseFeed: `now` is not a valid date');
  const text = xml.replace(/^\uFEFF/, '').trim();
  if (!text.startsWith('<')) throw new Error('not an RSS or Atom feed: the document is not XML / 不是 RSS 或 Atom 订阅源');
  if (/^(?:<\?xml[^>]*\?>\s*)?(?:<!doctype\s+html|<html[\s>])/i.test(text)) {
    throw new Error('not an RSS or Atom feed: the document is an HTML page / 返回的是网页，不是 RSS 或 Atom 订阅源');
  }
  // Truncated or broken documents are refused; a bare `&` (common in feeds' links) is let through.
  const check = XMLValidator.validate(text);
  if (check !== true && !(check.err.code === 'InvalidChar' && check.err.msg.includes("'&'"))) {
    throw new Error(`not an RSS or Atom feed: the XML is not well-formed (${check.err.msg} line ${check.err.line}) / 订阅源格式错误`);
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(text) as XmlNode;
  } catch (error) {
    throw new Error(`not an RSS or Atom feed: the XML is not well-formed (${error instanceof Error ? error.message : String(error)}) / 订阅源格式错误`);
  }

  type Item = { base: FeedItem | null; date: string | null };
  // an empty <rss/> or <feed/> is a feed without items
  const root = (name: string): XmlNode | null => (name in doc ? (asNode(doc[name]) ?? {}) : null);
  const rss = root('rss');
  const atom = root('feed');
  const rdf = root('RDF');
  let items: Item[];
  if (rss) {
    items = nodes((asNode(rss['channel']) ?? {})['item']).map(rssItem);
  } else if (rdf) {
    items = nodes(rdf['item']).map(rssItem);
  } else if (atom) {
    const feedAuthor = personName(atom['author']);
    items = nodes(atom['entry']).map((entry) => atomEntry(entry, feedAuthor));
  } else {
    const other = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#') && !k.startsWith('!'));
    throw new Error(`not an RSS or Atom feed: the document's root element is <${other ?? '?'}> / 不是 RSS 或 Atom 订阅源`);
  }

  const out: MentionInput[] = [];
  for (const { base, date } of items) {
    if (!base) continue;
    const parsed = mentionInputSchema.safeParse({ channel, ...base, publishedAt: date ?? fallbackTime });
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** An item's mention fields but its channel and time. */
type FeedItem = Omit<MentionInput, 'channel' | 'publishedAt'>;

// ── RSS ──────────────────────────────────────────────────────────────────────────────────

function rssItem(item: XmlNode): { base: FeedItem | null; date: string | null } {
  const link = firstUrl(nodes(item['link']).map((l) => textOf(l) || attr(l, 'href')));
  const guid = textOf(item['guid']);
  const guidIsLink = attr(item['guid'], 'isPermaLink') !== 'false' && isWebUrl(guid);
  const author = personName(item['creator']) || rssAuthor(textOf(item['author']));
  const date = feedDate(textOf(item['pubDate']) || textOf(item['date']) || textOf(item['published']) || textOf(item['updated']));
  return {
    base: mention({
      id: guid || link,
      title: textOf(item['title']),
      html: textOf(item['encoded']) || textOf(item['description']),
      author,
      url: link || (guidIsLink ? guid : ''),
    }),
    date,
  };
}

/** RSS `author` is an e-mail address, often `luo@example.cn (罗记者)`: the name in brackets, else the address's name. */
function rssAuthor(text: string): string {
  const named = /\(([^)]+)\)\s*$/.exec(text)?.[1]?.trim();
  if (named) return named;
  return text.replace(/^mailto:/i, '').trim();
}

// ── Atom ─────────────────────────────────────────────────────────────────────────────────

function atomEntry(entry: XmlNode, feedAuthor: string): { base: FeedItem | null; date: string | null } {
  const links = nodes(entry['link']);
  const alternate = links.find((l) => (attr(l, 'rel') || 'alternate') === 'alternate') ?? links[0];
  const url = alternate ? attr(alternate, 'href') || textOf(alternate) : '';
  return {
    base: mention({
      id: textOf(entry['id']) || url,
      title: textOf(entry['title']),
      html: textOf(entry['content']) || textOf(entry['summary']),
      author: personName(entry['author']) || feedAuthor,
      url,
    }),
    date: feedDate(textOf(entry['published']) || textOf(entry['updated']) || textOf(entry['issued']) || textOf(entry['date'])),
  };
}

/** Atom `<author><name>`, or the text of `dc:creator`; several are joined with 、. */
function personName(value: unknown): string {
  return nodes(value)
    .map((p) => (typeof p === 'string' ? p : textOf(p['name']) || textOf(p)))
    .map((s) => s.trim())
    .filter(Boolean)
    .join('、');
}

// ── A mention from an item ───────────────────────────────────────────────────────────────

const MAX_TITLE = 500;
const MAX_ID = 200;

function mention(item: { id: string; title: string; html: string; author: string; url: string }): FeedItem | null {
  const title = cut(htmlToText(item.title).replace(/\s+/g, ' '), MAX_TITLE);
  let content = htmlToText(item.html);
  if (!content) content = title;
  if (!content) return null;
  content = cut(content, MAX_MENTION_CONTENT);
  const out: FeedItem = { content };
  const id = item.id.trim();
  out.externalId = id && id.length <= MAX_ID ? id : `sha256:${sha256(id || `${title}\n${content}`)}`;
  if (title && title !== content) out.title = title;
  const author = cut(htmlToText(item.author).replace(/\s+/g, ' '), 200);
  if (author) out.author = author;
  const url = item.url.trim();
  if (isWebUrl(url)) out.url = url;
  return out;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isWebUrl(text: string): boolean {
  return text.length <= 2000 && /^https?:\/\//i.test(text) && URL.canParse(text);
}

function firstUrl(candidates: string[]): string {
  return candidates.map((c) => c.trim()).find(isWebUrl) ?? candidates.find(Boolean)?.trim() ?? '';
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** A feed date as ISO in China time, or null: RFC 822 (RSS), ISO 8601 (Atom), or Chinese date text. */
export function feedDate(text: string): string | null {
  return textToChinaIso(text);
}

// ── XML helpers ──────────────────────────────────────────────────────────────────────────

function asNode(value: unknown): XmlNode | null {
  if (Array.isArray(value)) return asNode(value[0]);
  return value !== null && typeof value === 'object' ? (value as XmlNode) : null;
}

function nodes(value: unknown): XmlNode[] {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (v !== null && typeof v === 'object' ? (v as XmlNode) : { '#text': String(v) }));
}

function attr(value: unknown, name: string): string {
  const node = asNode(value);
  const v = node?.[`@_${name}`];
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * The text of an element: its own text, or (for Atom `type="xhtml"` and stray markup) the text
 * of its children, in document order as far as the parser keeps it.
 */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('\n');
  if (typeof value === 'object') {
    const node = value as XmlNode;
    const parts: string[] = [];
    for (const [key, child] of Object.entries(node)) {
      if (key.startsWith('@_')) continue;
      const t = textOf(child);
      if (t) parts.push(t);
    }
    return parts.join('\n');
  }
  return '';
}

// ── HTML to text ─────────────────────────────────────────────────────────────────────────

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»', hellip: '…', mdash: '—', ndash: '–',
  middot: '·', bull: '•', times: '×', divide: '÷', deg: '°', plusmn: '±', copy: '©', reg: '®', trade: '™',
  yen: '¥', rmb: '¥', sect: '§', para: '¶', permil: '‰', prime: '′', Prime: '″', larr: '←', rarr: '→', uarr: '↑', darr: '↓',
  zwj: '', zwnj: '', shy: '',
};

/** Decodes HTML character references: named (common ones), decimal and hexadecimal. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    const named = NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()];
    return named ?? whole;
  });
}

const BLOCK_TAGS = /^(p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|section|article|header|footer|pre|hr|dt|dd|figure|figcaption)$/i;

/** HTML (or plain text) as plain text: scripts, styles and comments dropped, blocks on their own lines, entities decoded. */
export function htmlToText(html: string): string {
  if (!html) return '';
  const withoutCode = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  const text = withoutCode.replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g, (_, tag: string) => (BLOCK_TAGS.test(tag) ? '\n' : ''));
  return decodeEntities(text)
    .replace(/[\u00a0\u3000]/g, ' ')
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

// ── Bytes to text ────────────────────────────────────────────────────────────────────────

/**
 * A fetched feed's bytes as text: the charset of the Content-Type header, else of the XML
 * declaration (`encoding="GBK"`, common on Chinese sites), else UTF-8 (or UTF-16 by its BOM).
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? 'utf-8';
  const label = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/i.test(charset) ? 'gb18030' : charset;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
