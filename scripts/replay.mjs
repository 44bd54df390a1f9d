#!/usr/bin/env node
/**
 * Replays recorded mentions into a running GovDesk, in time order, as the ingest API would
 * receive them from a source:
 *
 *   npm run replay -- FILE [--speed N] [--channel C] [--url URL] [--batch 200]
 *                          [--map field=column …] [--rebase] [--dry-run]
 *
 * FILE: an .xlsx or .csv export (read by apps/api/src/opinion/import/spreadsheet.ts: headers
 * mapped by suggestMapping, rows by rowsToMentions; unreadable rows are reported and left out),
 * a .jsonl/.ndjson file of MentionInput (one per line), or a .json array of them.
 *
 * --speed N     N× faster than real time: each gap between two mentions' publishedAt is
 *               divided by N (and at most 5 s); 0 or absent: as fast as possible.
 * --channel C   the channel of a spreadsheet's rows (default message_board); for JSON lines,
 *               the channel of items that have none.
 * --url URL     GovDesk's address (default $GOVDESK_URL, else http://localhost:$PORT or :3000).
 * --batch N     mentions per request, 1–1000 (default 200).
 * --map f=col   use this column for a field (externalId, title, content, author, publishedAt,
 *               url, place) instead of the guessed one; repeatable.
 * --rebase      move publishedAt to the replay's own clock: with --speed N, a mention is dated
 *               when it is sent; without, all are shifted so that the newest is now.
 * --dry-run     read and map the file, print what would be sent, send nothing.
 *
 * Authentication: $GOVDESK_API_KEY (sent as X-Api-Key), else a login (POST /api/auth/login)
 * as $GOVDESK_USER (default admin) with $GOVDESK_PASSWORD (default: the contents of
 * .govdesk/demo-password, or $GOVDESK_DATA_DIR/demo-password).
 *
 * Plain Node (ESM); `npm run replay` runs it with @swc-node/register so that it can load the
 * TypeScript spreadsheet reader; run directly, it registers SWC itself when it needs to.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BATCH = 1000; // MAX_MENTIONS_PER_CALL in libs/contracts/src/opinion.ts
const MAX_GAP_MS = 5000;
const FIELDS = ['externalId', 'title', 'content', 'author', 'publishedAt', 'url', 'place'];
const CHANNELS = [
  'hotline_12345',
  'minsheng_line',
  'supervision_hotline',
  'tv_inquiry',
  'petition',
  'message_board',
  'news',
  'weibo',
  'wechat',
  'short_video',
  'forum',
];

class UsageError extends Error {}

// ── Options ──────────────────────────────────────────────────────────────────────────────

export function parseOptions(argv, env = process.env) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      speed: { type: 'string' },
      channel: { type: 'string' },
      url: { type: 'string' },
      batch: { type: 'string' },
      map: { type: 'string', multiple: true },
      rebase: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true };
  if (positionals.length !== 1) throw new UsageError('give one FILE (.xlsx, .csv, .jsonl or .json)');
  const speed = values.speed === undefined ? 0 : Number(values.speed);
  if (!Number.isFinite(speed) || speed < 0) throw new UsageError(`--speed: a number ≥ 0, not "${values.speed}"`);
  const batch = values.batch === undefined ? 200 : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > MAX_BATCH) throw new UsageError(`--batch: a whole number from 1 to ${MAX_BATCH}, not "${values.batch}"`);
  if (values.channel !== undefined && !CHANNELS.includes(values.channel)) {
    throw new UsageError(`--channel: one of ${CHANNELS.join(', ')}; not "${values.channel}"`);
  }
  const mapping = {};
  for (const pair of values.map ?? []) {
    const m = /^([A-Za-z]+)=(.+)$/.exec(pair);
    if (!m || !FIELDS.includes(m[1])) throw new UsageError(`--map: field=column with a field among ${FIELDS.join(', ')}; not "${pair}"`);
    mapping[m[1]] = m[2];
  }
  const url = (values.url ?? env.GOVDESK_URL ?? `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(url)) throw new UsageError(`--url: an http(s) address, not "${url}"`);
  // npm runs scripts in the repository root; a relative FILE is where the command was typed
  const file = resolve(env.INIT_CWD ?? process.cwd(), positionals[0]);
  return { file, speed, batch, channel: values.channel, url, mapping, rebase: values.rebase, dryRun: values['dry-run'] };
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────

/** The TypeScript spreadsheet reader, through SWC (registered here unless node -r did it). */
function spreadsheetModule() {
  const require = createRequire(import.meta.url);
  if (!require.extensions['.ts']) {
    process.env.SWC_NODE_PROJECT ??= join(REPO_ROOT, 'apps/api/tsconfig.json');
    require('@swc-node/register');
  }
  return require(join(REPO_ROOT, 'apps/api/src/opinion/import/spreadsheet.ts'));
}

/**
 * The file's mentions, sorted by publishedAt (stable), and the rows left out with why.
 * @returns {Promise<{ mentions: object[]; skipped: { row: number | null; error: string }[]; source: string }>}
 */
export async function readMentions(file, { channel, mapping = {} } = {}) {
  const ext = extname(file).toLowerCase();
  const bytes = readFileSync(file);
  let mentions;
  const skipped = [];
  let source;
  if (ext === '.jsonl' || ext === '.ndjson') {
    mentions = [];
    const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const item = JSON.parse(line);
        if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new Error('not an object');
        mentions.push(channel && !item.channel ? { ...item, channel } : item);
      } catch (error) {
        skipped.push({ row: i + 1, error: `line ${i + 1}: not a JSON object (${error.message})` });
      }
    });
    source = `${lines.length} lines`;
  } else if (ext === '.json') {
    const data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    const list = Array.isArray(data) ? data : data?.mentions;
    if (!Array.isArray(list)) throw new Error(`${file}: a JSON array of mentions, or {"mentions": [...]}`);
    mentions = list.map((item) => (channel && item && !item.channel ? { ...item, channel } : item));
    source = `${list.length} items`;
  } else if (ext === '.xlsx' || ext === '.csv') {
    const { readTable, suggestMapping, rowsToMentions } = spreadsheetModule();
    const table = await readTable(bytes, file);
    const guessed = suggestMapping(table.columns);
    const chosen = { ...guessed, ...mapping };
    for (const [field, column] of Object.entries(chosen)) {
      if (!table.columns.includes(column)) throw new Error(`--map ${field}=${column}: no such column; the columns are ${table.columns.join(', ')}`);
    }
    if (!chosen.content || !chosen.publishedAt) {
      throw new Error(`cannot tell which columns hold the content and the time; the columns are ${table.columns.join(', ')}; use --map content=… --map publishedAt=…`);
    }
    const results = rowsToMentions(table.rows, chosen, channel ?? 'message_board');
    mentions = results.filter((r) => r.input).map((r) => r.input);
    for (const r of results) if (r.error) skipped.push({ row: r.row, error: r.error });
    source = `${table.rows.length} rows of ${table.sheet ? `sheet "${table.sheet}"` : 'CSV'}; columns ${Object.entries(chosen)
      .map(([f, c]) => `${f}←${c}`)
      .join(', ')}`;
  } else {
    throw new Error(`${file}: .xlsx, .csv, .jsonl, .ndjson or .json`);
  }
  const timed = mentions.map((m, i) => [Date.parse(m?.publishedAt), i, m]);
  timed.sort((a, b) => (Number.isNaN(a[0]) ? Infinity : a[0]) - (Number.isNaN(b[0]) ? Infinity : b[0]) || a[1] - b[1]);
  return { mentions: timed.map(([, , m]) => m), skipped, source };
}

/** ISO 8601 in China time (+08:00), as the county's records are. */
export function chinaIso(ms) {
  const d = new Date(Math.floor(ms / 1000) * 1000 + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

/** The wait before each mention (ms): the gap since the previous one / speed, at most 5 s. */
export function schedule(mentions, speed) {
  return mentions.map((m, i) => {
    if (!speed || i === 0) return 0;
    const gap = Date.parse(m.publishedAt) - Date.parse(mentions[i - 1].publishedAt);
    return Number.isFinite(gap) && gap > 0 ? Math.min(MAX_GAP_MS, gap / speed) : 0;
  });
}

// ── Talking to GovDesk ───────────────────────────────────────────────────────────────────

function demoPassword(env) {
  const file = join(env.GOVDESK_DATA_DIR ? resolve(env.GOVDESK_DATA_DIR) : join(REPO_ROOT, '.govdesk'), 'demo-password');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

async function authenticate(url, env) {
  if (env.GOVDESK_API_KEY) return { headers: { 'X-Api-Key': env.GOVDESK_API_KEY }, renew: null, who: 'API key' };
  const username = env.GOVDESK_USER || 'admin';
  const password = env.GOVDESK_PASSWORD || demoPassword(env);
  if (!password) throw new Error('no credentials: set GOVDESK_API_KEY (a source key), or GOVDESK_PASSWORD (and GOVDESK_USER), or start GovDesk once so that .govdesk/demo-password exists');
  const login = async () => {
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (!res.ok) throw new Error(`login as ${username} at ${url}: HTTP ${res.status} ${await res.text().catch(() => '')}`.trim());
    const body = await res.json();
    if (!body?.accessToken) throw new Error(`login as ${username}: no accessToken in the answer`);
    return { Authorization: `Bearer ${body.accessToken}` };
  };
  const auth = { headers: await login(), renew: null, who: username };
  auth.renew = async () => {
    auth.headers = await login();
  };
  return auth;
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** POSTs one batch; retries network errors, 429 and 5xx, and renews an expired login once. */
async function postBatch(url, auth, mentions) {
  let renewed = false;
  for (let attempt = 1; ; attempt++) {
    let res;
    try {
      res = await fetch(`${url}/api/opinion/mentions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth.headers },
        body: JSON.stringify({ mentions }),
      });
    } catch (error) {
      if (attempt >= 4) throw new Error(`POST ${url}/api/opinion/mentions: ${error.cause?.message ?? error.message}`);
      await sleep(500 * 2 ** attempt);
      continue;
    }
    if (res.ok) return res.json();
    const text = await res.text().catch(() => '');
    if (res.status === 401 && auth.renew && !renewed) {
      renewed = true;
      await auth.renew();
      continue;
    }
    if ((res.status === 429 || res.status >= 500) && attempt < 4) {
      const retryAfter = Number(res.headers.get('retry-after'));
      await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 500 * 2 ** attempt);
      continue;
    }
    const hint = res.status === 404 ? ' (is the ingest endpoint there? check --url)' : res.status === 403 ? ' (the user or key may not ingest)' : '';
    throw new Error(`POST ${url}/api/opinion/mentions: HTTP ${res.status}${hint} ${text.slice(0, 500)}`.trim());
  }
}

// ── The replay ───────────────────────────────────────────────────────────────────────────

export async function replay(options, { env = process.env, log = console.log } = {}) {
  const { mentions, skipped, source } = await readMentions(options.file, options);
  log(`read ${options.file}: ${source}`);
  log(`${mentions.length} mentions to send${skipped.length ? `, ${skipped.length} rows left out` : ''}`);
  for (const s of skipped.slice(0, 10)) log(`  ${s.error}`);
  if (skipped.length > 10) log(`  … and ${skipped.length - 10} more`);
  if (mentions.length === 0) return { sent: 0, accepted: 0, duplicates: 0, rejected: 0, skipped: skipped.length };
  const first = mentions[0].publishedAt;
  const last = mentions[mentions.length - 1].publishedAt;
  log(`from ${first} to ${last}; ${options.speed ? `${options.speed}× real time (gaps of at most ${MAX_GAP_MS / 1000} s)` : 'as fast as possible'}; batches of ${options.batch}`);

  if (options.dryRun) {
    const channels = {};
    for (const m of mentions) channels[m.channel] = (channels[m.channel] ?? 0) + 1;
    log(`channels: ${JSON.stringify(channels)}`);
    log(`first: ${JSON.stringify(mentions[0]).slice(0, 400)}`);
    log('dry run: nothing sent');
    return { sent: 0, accepted: 0, duplicates: 0, rejected: 0, skipped: skipped.length };
  }

  const auth = await authenticate(options.url, env);
  log(`sending to ${options.url}/api/opinion/mentions as ${auth.who}`);
  const waits = schedule(mentions, options.speed);
  const started = Date.now();
  const shift = options.rebase && !options.speed ? started - Date.parse(last) : 0;
  const totals = { sent: 0, accepted: 0, duplicates: 0, rejected: 0, skipped: skipped.length };
  const errors = [];
  let pending = [];
  let owed = 0;
  const tty = process.stdout.isTTY;
  let lastPrint = 0;

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const result = await postBatch(options.url, auth, batch);
    totals.sent += batch.length;
    totals.accepted += result.accepted ?? 0;
    totals.duplicates += result.duplicates ?? 0;
    totals.rejected += result.rejected ?? 0;
    for (const r of result.results ?? []) if (r.error && errors.length < 10) errors.push(`${r.externalId ?? '(no id)'}: ${r.error}`);
    const seconds = (Date.now() - started) / 1000;
    const line = `sent ${totals.sent}/${mentions.length} · accepted ${totals.accepted} · duplicates ${totals.duplicates} · rejected ${totals.rejected} · ${(totals.sent / Math.max(seconds, 0.001)).toFixed(0)}/s · up to ${batch[batch.length - 1].publishedAt}`;
    if (tty) process.stdout.write(`\r${line}\x1b[K`);
    else if (Date.now() - lastPrint >= 2000 || totals.sent === mentions.length) {
      lastPrint = Date.now();
      log(line);
    }
  };

  for (let i = 0; i < mentions.length; i++) {
    owed += waits[i];
    if (owed >= 20) {
      // send what is due before waiting, so that the server sees mentions when they happened
      await flush();
      await sleep(owed);
      owed = 0;
    }
    let m = mentions[i];
    if (options.rebase) {
      const t = Date.parse(m.publishedAt);
      const rebased = options.speed ? Date.now() : t + shift;
      if (Number.isFinite(t)) m = { ...m, publishedAt: chinaIso(rebased) };
    }
    pending.push(m);
    if (pending.length >= options.batch) await flush();
  }
  await flush();
  if (tty) process.stdout.write('\n');

  const seconds = (Date.now() - started) / 1000;
  log(
    `done in ${seconds.toFixed(1)} s: ${totals.sent} sent, ${totals.accepted} accepted, ${totals.duplicates} duplicates, ${totals.rejected} rejected` +
      `${totals.skipped ? `, ${totals.skipped} rows left out of the file` : ''}; ${(totals.sent / Math.max(seconds, 0.001)).toFixed(1)} mentions/s`,
  );
  for (const e of errors) log(`  rejected ${e}`);
  return totals;
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`replay: ${error.message}\nusage: npm run replay -- FILE [--speed N] [--channel C] [--url URL] [--batch 200] [--map field=column] [--rebase] [--dry-run]`);
    process.exit(2);
  }
  if (options.help) {
    const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
    console.log(source.slice(source.indexOf('/**') + 3, source.indexOf(' */')).replace(/^ \* ?/gm, '').trim());
    return;
  }
  try {
    await replay(options);
  } catch (error) {
    console.error(`\nreplay: ${error.message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
