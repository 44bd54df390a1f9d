import { z } from 'zod';
import { HOTSPOT_LEVELS, MENTION_CHANNELS, type HotspotLevel, type MentionChannel } from '@govdesk/domain';

/** Ingest: at most this many mentions per call (more → 413). */
export const MAX_MENTIONS_PER_CALL = 1000;
/** A mention's content may be this long; the analyser reads its first 10,000 characters. */
export const MAX_MENTION_CONTENT = 200_000;

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Only web addresses: a `javascript:` or `data:` link is refused, never stored. */
const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'url: an http(s) address');

export const mentionInputSchema = z.object({
  channel: z.enum(MENTION_CHANNELS),
  /** The source's own id; (channel, externalId) is unique: a repeat is a duplicate. */
  externalId: z.string().trim().min(1).max(200).optional(),
  title: z.string().max(500).optional(),
  content: z.string().min(1, 'content is required').max(MAX_MENTION_CONTENT, `content: at most ${MAX_MENTION_CONTENT} characters`),
  author: z.string().trim().max(200).optional(),
  url: webUrl.optional(),
  publishedAt: z.iso.datetime({ offset: true, message: 'publishedAt: an ISO date-time, e.g. 2026-11-26T09:30:00+08:00' }),
  reach: z
    .object({ likes: count, dislikes: count, reposts: count, comments: count, views: count })
    .partial()
    .optional(),
  place: z.string().trim().max(200).optional(),
});
export type MentionInput = z.infer<typeof mentionInputSchema>;

/** The envelope is checked first; each item is then checked alone, so one bad item does not refuse the others. */
export const ingestRequestSchema = z.object({ mentions: z.array(z.unknown()).min(1, 'mentions: at least one') });

export interface IngestItemResult {
  externalId: string | null;
  mentionId: string | null;
  hotspotId: string | null;
  duplicate: boolean;
  /** Why this item was refused (the others are stored). */
  error: string | null;
}

export interface IngestResultDto {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: IngestItemResult[];
}

export interface Reach {
  likes: number;
  dislikes: number;
  reposts: number;
  comments: number;
  views: number;
}

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface MentionDto {
  id: string;
  channel: MentionChannel;
  externalId: string | null;
  title: string | null;
  content: string;
  author: string | null;
  url: string | null;
  publishedAt: string;
  reach: Reach;
  place: string | null;
  sentiment: { label: SentimentLabel; score: number };
  category: string | null;
  keywords: { word: string; weight: number }[];
  places: string[];
  flags: string[];
  hotspotId: string | null;
  /** Times the same content arrived again under another id. */
  duplicateCount: number;
}

export const HOTSPOT_STATUSES = ['open', 'closed', 'merged'] as const;
export type HotspotStatus = (typeof HOTSPOT_STATUSES)[number];

export interface HotspotSummaryDto {
  id: string;
  title: string;
  level: HotspotLevel | null;
  /** Which rule set the level, or "set by <user>" for a manual level. */
  levelReason: string | null;
  levelManual: boolean;
  heat: number;
  /** The current rate against the usual rate (1 = as usual). */
  growth: number;
  mentionCount: number;
  duplicateCount: number;
  authorCount: number;
  negativeShare: number;
  reach: number;
  category: string | null;
  keywords: { word: string; weight: number }[];
  places: string[];
  flags: string[];
  channels: Partial<Record<MentionChannel, number>>;
  firstSeenAt: string;
  lastSeenAt: string;
  status: HotspotStatus;
  unitId: string | null;
  unitName: string | null;
}

export interface HotspotTimelinePoint {
  /** Start of the bucket (an hour or a day, see `bucket`). */
  at: string;
  count: number;
  negative: number;
  neutral: number;
  positive: number;
  meanScore: number;
}

export interface HotspotDetailDto extends HotspotSummaryDto {
  bucket: 'hour' | 'day';
  timeline: HotspotTimelinePoint[];
  /** Newest first, at most 200 (see `GET /api/hotspots/:id/mentions` for more). */
  mentions: MentionDto[];
  requests: { id: string; receiptNo: string; subject: string; status: string }[];
  mergedInto: string | null;
  /** Hotspots merged into this one, newest first: by clustering (`automatic`) or by a monitor. */
  mergedFrom: { id: string; title: string; mergedAt: string; automatic: boolean }[];
}

export const hotspotListQuerySchema = z.object({
  sort: z.enum(['heat', 'size', 'recent']).default('heat'),
  status: z.enum(HOTSPOT_STATUSES).optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  minMentions: z.coerce.number().int().min(1).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type HotspotListQuery = z.infer<typeof hotspotListQuerySchema>;

/** `GET /api/hotspots` answers an array of these; the header `X-Total-Count` has the number matching the filter. */
export type HotspotListDto = HotspotSummaryDto[];

export const hotspotMergeSchema = z.object({ hotspotIds: z.array(z.uuid()).min(1).max(100) });
/** Undo a merge: the hotspot merged into this one, whose mentions go back to it. */
export const hotspotUnmergeSchema = z.object({ hotspotId: z.uuid() });
export const hotspotSplitSchema = z.object({ mentionIds: z.array(z.string().regex(/^\d+$/)).min(1).max(1000) });
export const hotspotLevelSchema = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]),
  reason: z.string().trim().min(2, 'reason is required').max(300),
});
export const hotspotAssignSchema = z.object({ unitId: z.uuid().nullable() });
export const hotspotLinkSchema = z.object({ requestId: z.uuid() });
export const hotspotStatusSchema = z.object({ status: z.enum(['open', 'closed']) });

export { HOTSPOT_LEVELS };

// ── Sources and API keys ────────────────────────────────────────────────────────────────

export const SOURCE_KINDS = ['api', 'rss'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const sourceSchema = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(100),
    kind: z.enum(SOURCE_KINDS),
    channel: z.enum(MENTION_CHANNELS),
    feedUrl: webUrl.optional(),
    pollMinutes: z.number().int().min(1).max(1440).default(10),
    enabled: z.boolean().default(true),
  })
  .refine((s) => s.kind !== 'rss' || !!s.feedUrl, { path: ['feedUrl'], message: 'an RSS/Atom source needs its feed address' });
export type SourceRequest = z.infer<typeof sourceSchema>;

export interface SourceDto {
  id: string;
  name: string;
  kind: SourceKind;
  channel: MentionChannel;
  feedUrl: string | null;
  pollMinutes: number;
  enabled: boolean;
  /** The first characters of the API key, to recognise it; the key itself is shown once. */
  keyPrefix: string | null;
  lastPolledAt: string | null;
  lastError: string | null;
  mentionCount: number;
  createdAt: string;
}

/** The answer of creating a source or rotating its key: the only time the key is shown. */
export interface SourceWithKeyDto {
  source: SourceDto;
  apiKey: string | null;
}

// ── Admin-edited analysis settings ──────────────────────────────────────────────────────

export const dictionarySchema = z.object({
  entries: z
    .array(
      z.object({
        word: z.string().trim().min(1).max(30),
        tag: z.enum(['county', 'town', 'street', 'village', 'community', 'place', 'project', 'unit', 'term']).default('place'),
      }),
    )
    .max(20000),
});
export const sensitiveWordsSchema = z.object({
  groups: z
    .array(
      z.object({
        category: z.string().trim().regex(/^[a-z][a-z0-9-]*$/, 'category: lower-case letters, digits and -').max(40),
        name: z.string().trim().min(1).max(40),
        words: z.array(z.string().trim().min(1).max(30)).min(1).max(2000),
      }),
    )
    .max(100),
});
export const taxonomySchema = z.object({
  categories: z
    .array(
      z.object({
        code: z.string().trim().regex(/^[a-z][a-z0-9-]*$/, 'code: lower-case letters, digits and -').max(40),
        name: z.string().trim().min(1).max(40),
        keywords: z.array(z.string().trim().min(1).max(30)).min(1).max(2000),
      }),
    )
    .min(1)
    .max(200),
});
const levelConditionSchema = z
  .object({
    minMentions: z.number().int().min(0),
    minAuthors: z.number().int().min(0),
    minNegativeShare: z.number().min(0).max(1),
    minReach: z.number().min(0),
    minGrowth: z.number().min(0),
    minRecentMentions: z.number().int().min(0),
    minRecentAuthors: z.number().int().min(0),
    minRecentNegative: z.number().int().min(0),
    anyFlags: z.array(z.string()),
    categories: z.array(z.string()),
    channels: z.array(z.enum(MENTION_CHANNELS)),
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'a rule needs at least one condition');
export const levelRulesSchema = z.object({
  recentWindowMinutes: z.number().int().min(1).max(1440),
  rules: z
    .array(
      z.object({
        level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        name: z.string().trim().min(1).max(100),
        when: levelConditionSchema,
      }),
    )
    .max(100),
  channelWeights: z.record(z.enum(MENTION_CHANNELS), z.number().min(0).max(100)),
});

/** GET/PUT /api/opinion/settings/:kind — what admins edit. */
export const OPINION_SETTING_KINDS = ['dictionary', 'sensitive-words', 'taxonomy', 'level-rules'] as const;
export type OpinionSettingKind = (typeof OPINION_SETTING_KINDS)[number];
export type DictionarySetting = z.infer<typeof dictionarySchema>;
export type SensitiveWordsSetting = z.infer<typeof sensitiveWordsSchema>;
export type TaxonomySetting = z.infer<typeof taxonomySchema>;
export type LevelRulesSetting = z.infer<typeof levelRulesSchema>;

// ── Spreadsheet import ──────────────────────────────────────────────────────────────────

/** Mention fields a spreadsheet column can fill. */
export const IMPORT_FIELDS = ['externalId', 'title', 'content', 'author', 'publishedAt', 'url', 'place'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importMappingSchema = z.object({
  channel: z.enum(MENTION_CHANNELS),
  /** Field → column header. `content` and `publishedAt` are required. */
  mapping: z
    .record(z.enum(IMPORT_FIELDS), z.string().min(1))
    .refine((m) => !!m.content && !!m.publishedAt, 'map at least the content and published-time columns'),
});
export type ImportMapping = z.infer<typeof importMappingSchema>;

export interface ImportPreviewDto {
  fileName: string;
  sheet: string | null;
  columns: string[];
  rowCount: number;
  /** The first rows as text, by column header. */
  sample: Record<string, string>[];
  /** A mapping guessed from the headers (留言编号 → externalId, 留言详情 → content …). */
  suggested: Partial<Record<ImportField, string>>;
}

export interface ImportResultDto extends Omit<IngestResultDto, 'results'> {
  rowCount: number;
  /** Rows refused, with the spreadsheet row number (first 100). */
  errors: { row: number; error: string }[];
  hotspots: number;
}
