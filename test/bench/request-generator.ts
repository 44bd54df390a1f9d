/**
 * Bulk disclosure requests for benchmarks: `generateRequests(databaseUrl, { count, seed, years })`
 * fills the real schema (created by the API's migrations) inside PostgreSQL, with
 * INSERT … SELECT over generate_series and deterministic pseudo-random numbers
 * (hashint8extended of the row number and a per-attribute seed): 100,000 requests in seconds,
 * 1,000,000 in a few minutes, and the same requests for the same seed and day.
 *
 * Each request follows a script through the lifecycle — review, correction (awaited or
 * received), acceptance, consultation, fee notice, extension, draft, approval, reply (about one
 * in ten late), archive; or withdrawn, or deemed abandoned (no correction / fee unpaid); a few
 * stall — with its dates on the working days of the loaded holiday calendars (years without one
 * count Monday–Friday, as the API does). Whatever in the script lies after `today` has not
 * happened yet, so recent requests are open in every state and old ones are concluded. Stored:
 * the request with its clock events, due date as of today (what computeDeadline gives),
 * reply, outcome and conclusion date; its timeline (request_events); reviews and litigation
 * against some refusals (request_reviews); receipt numbers YSQ-YYYY-NNNNN per year of receipt
 * continuing receipt_counters, which is moved on so the API numbers new requests after them.
 * Handlers: the unit's existing handlers plus `handlersPerUnit` bench handlers per unit (they
 * share the supervisor's password). All in one transaction; for large counts the secondary indexes
 * are dropped for the load and rebuilt after it, and (as superuser) the per-row foreign-key
 * triggers are skipped — the rows reference existing units and users by construction. Ends
 * with ANALYZE. `checkDeadlines` recomputes a sample with the domain's deadline engine.
 *
 * Ids are derived from the seed and row number: call it once per database (or with another seed).
 */
import { Client } from 'pg';
import {
  addDays,
  chinaDateOf,
  compareDates,
  computeDeadline,
  defaultLegalBasis,
  REASON_CODES,
  toEpochDay,
  WorkingDayCalendar,
  yearOf,
  type ApplicantType,
  type ClockEvent,
  type IsoDate,
  type ReplyReasonCode,
  type ReplyType,
  type RequestChannel,
  type RequestStatus,
  type YearCalendar,
} from '@govdesk/domain';

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Calendar years of receipts, the current one included (receipts from 1 January of the first up to today). */
  years?: number;
  /** China's date today (the API's Clock); defaults to now. */
  today?: IsoDate;
  /** Bench handlers added per unit, besides the unit's existing handlers. */
  handlersPerUnit?: number;
  /** Write the timeline (request_events); on by default. */
  timeline?: boolean;
  log?: (line: string) => void;
}

export interface GenerateResult {
  count: number;
  today: IsoDate;
  firstDay: IsoDate;
  /** Requests received per calendar year. */
  receivedByYear: Record<number, number>;
  byStatus: Partial<Record<RequestStatus, number>>;
  events: number;
  reviews: number;
  handlers: number;
  ms: number;
  phases: Record<string, number>;
}

// ---- distributions ------------------------------------------------------------------------

type Path = 'reply' | 'stall' | 'withdraw' | 'abandon_nc' | 'abandon_fee';
const PATHS: [Path, number][] = [
  ['reply', 87],
  ['stall', 2],
  ['withdraw', 5],
  ['abandon_nc', 4.5],
  ['abandon_fee', 1.5],
];
/** Relative volume per unit code (others: 3): land, housing and the office get the most. */
const UNIT_WEIGHTS: Record<string, number> = {
  'natural-resources': 12,
  'housing-construction': 9,
  'gov-office': 6,
  'human-resources': 5,
  'ecology-environment': 5,
  'education-sports': 5,
  'civil-affairs': 4,
  'market-regulation': 4,
  water: 4,
  'yushan-street': 3,
  'jinshui-street': 3,
};
const CHANNELS: [RequestChannel, number][] = [
  ['online', 40],
  ['in_person', 22],
  ['registered_mail', 12],
  ['ordinary_mail', 8],
  ['email', 10],
  ['fax', 2],
  ['oral', 6],
];
const APPLICANTS: [ApplicantType, number][] = [
  ['natural_person', 78],
  ['commercial_enterprise', 9],
  ['legal_service_org', 5],
  ['other_org', 4],
  ['social_welfare_org', 2],
  ['research_institution', 2],
];
const REPLIES: [ReplyType, number][] = [
  ['disclosed', 38],
  ['already_public', 12],
  ['partially_disclosed', 12],
  ['not_disclosed', 10],
  ['cannot_provide', 14],
  ['not_this_agency', 7],
  ['not_processed', 6],
  ['special_regime', 1],
];
const ORGS: Record<Exclude<ApplicantType, 'natural_person'>, string[]> = {
  commercial_enterprise: ['平阴县玫瑰花卉有限公司', '济南某置业有限公司', '平阴县东阿阿胶物流有限公司', '山东某建材有限公司', '平阴县某农业开发有限公司'],
  legal_service_org: ['山东某律师事务所', '济南某律师事务所', '平阴县法律援助中心'],
  other_org: ['孔村镇某村股份经济合作社', '平阴县某行业协会', '玫瑰镇某村民委员会'],
  social_welfare_org: ['平阴县慈善总会', '平阴县志愿者协会'],
  research_institution: ['山东某农业科技研究院', '济南某环境科学研究所'],
};
const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '朱', '胡', '郭', '何'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀兰', '霞', '平'];
const TOWNS = ['榆山街道', '锦水街道', '东阿镇', '玫瑰镇', '洪范池镇', '孔村镇', '孝直镇', '安城镇'];
const VILLAGES = ['李沟', '王楼', '前寨', '西峪', '张山', '胡庄', '后屯', '北石硖'];
const TOPICS = [
  '申请公开{town}{village}村集体土地征收的批复文件和征地补偿安置方案',
  '申请公开{town}棚户区改造项目的安置房分配方案',
  '申请公开{year}年{town}城乡低保对象名单及审批依据',
  '申请公开{town}某化工企业{year}年的排污许可证及监测数据',
  '申请公开{year}年城区义务教育学校招生划片范围及确定依据',
  '申请公开{town}{village}村饮水安全工程的验收报告',
  '申请公开{year}年老旧小区改造计划及资金安排',
  '申请公开{year}年事业单位公开招聘的面试成绩',
  '申请公开对{town}{village}村养殖场异味投诉的调查处理结果',
  '申请公开{town}至县城农村公路改建工程的招标结果',
  '申请公开{year}年县重点项目名单及投资计划',
  '申请公开{year}年“双随机、一公开”抽查结果',
  '申请公开我家宅基地所在地块的土地利用总体规划图',
  '申请公开{town}敬老院改造工程的招标文件',
  '申请公开{year}年农田水利设施维修资金的分配明细',
  '申请公开某企业拖欠农民工工资案件的处理决定',
];

// ---- SQL text helpers -----------------------------------------------------------------------

const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const textArray = (xs: readonly string[]): string => `(ARRAY[${xs.map(q).join(',')}]::text[])`;
const intArray = (xs: readonly number[]): string => `('{${xs.join(',')}}'::int[])`;
const dateArray = (xs: readonly string[]): string => `('{${xs.join(',')}}'::date[])`;
const uuidArray = (xs: readonly string[]): string => `('{${xs.join(',')}}'::uuid[])`;

/** A 1000-entry lookup table of 1-based indices into `weights`: a weighted pick is one subscript. */
function lut(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const out: number[] = [];
  let acc = 0;
  weights.forEach((w, i) => {
    acc += w;
    while (out.length < Math.round((acc / total) * 1000)) out.push(i + 1);
  });
  while (out.length < 1000) out.push(weights.length);
  return out;
}

/**
 * The working days from `base` to `end` as 1-based ordinals: `wd[k]` the k-th working day, and
 * `ord[d - base + 1]` the number of working days on or before d. Then addWorkingDays(d, n) is
 * wd[ord(d) + n] and countWorkingDays(a, b) is ord(b) - ord(a), as in WorkingDayCalendar.
 */
function workingDays(calendar: WorkingDayCalendar, base: IsoDate, end: IsoDate): { wd: IsoDate[]; ord: number[] } {
  const wd: IsoDate[] = [];
  const ord: number[] = [];
  for (let d = base; compareDates(d, end) <= 0; d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d).working) wd.push(d);
    ord.push(wd.length);
  }
  return { wd, ord };
}

export async function loadCalendar(client: Client): Promise<WorkingDayCalendar> {
  const rows = (await client.query<{ year: number; holidays: string[]; workdays: string[] }>(`SELECT year, holidays, workdays FROM calendar_years`)).rows;
  return new WorkingDayCalendar(rows.map((r): YearCalendar => ({ year: r.year, holidays: r.holidays, workdays: r.workdays })));
}

interface Unit {
  id: string;
  code: string;
  name: string;
}
interface Handler {
  id: string;
  name: string;
}

async function ensureHandlers(client: Client, units: Unit[], perUnit: number, seed: number): Promise<Map<string, Handler[]>> {
  const hash = (await client.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE 'supervisor' = ANY(roles) ORDER BY username LIMIT 1`)).rows[0]?.password_hash;
  if (perUnit > 0 && hash) {
    const rows = units.flatMap((u, ui) =>
      Array.from({ length: perUnit }, (_, k) => ({
        username: `bench.${u.code}.${k + 1}`.slice(0, 32),
        display_name: `${SURNAMES[(ui * 7 + k * 3 + seed) % SURNAMES.length]}${GIVEN[(ui * 5 + k * 11 + seed) % GIVEN.length]}（${u.name}）`,
        unit_id: u.id,
      })),
    );
    await client.query(
      `INSERT INTO users (username, display_name, password_hash, roles, unit_id)
       SELECT username, display_name, $2, ARRAY['handler'], unit_id FROM jsonb_to_recordset($1::jsonb) AS x(username varchar, display_name varchar, unit_id uuid)
       ON CONFLICT (username) DO NOTHING`,
      [JSON.stringify(rows), hash],
    );
  }
  const handlers = (
    await client.query<{ id: string; display_name: string; unit_id: string }>(
      `SELECT id, display_name, unit_id FROM users WHERE 'handler' = ANY(roles) AND NOT disabled AND unit_id IS NOT NULL ORDER BY username`,
    )
  ).rows;
  const byUnit = new Map<string, Handler[]>();
  for (const h of handlers) byUnit.set(h.unit_id, [...(byUnit.get(h.unit_id) ?? []), { id: h.id, name: h.display_name }]);
  return byUnit;
}

// ---- the generator ----------------------------------------------------------------------------

export async function generateRequests(databaseUrl: string, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await run();
    phases[name] = Math.round(performance.now() - t);
    options.log?.(`  ${name}: ${phases[name]} ms`);
    return result;
  };
  const count = options.count;
  const seed = options.seed ?? 20_261_126;
  const today = options.today ?? chinaDateOf(new Date());
  const firstYear = yearOf(today) - (options.years ?? 2) + 1;
  const firstDay = `${firstYear}-01-01`;
  const base = addDays(firstDay, -14);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const exec = async (sql: string) => {
    try {
      return await client.query(sql);
    } catch (error) {
      const at = Number((error as { position?: string }).position);
      if (at > 0) (error as Error).message += ` — at: ${sql.slice(Math.max(0, at - 300), at + 100)}`;
      throw error;
    }
  };
  try {
    await client.query(`SET temp_buffers = '512MB'`);
    const calendar = await loadCalendar(client);
    const units = (await client.query<Unit>(`SELECT id, code, name FROM units WHERE active ORDER BY code`)).rows;
    if (!units.length) throw new Error('no units: start the server with the demo organisation (GOVDESK_DEMO on)');
    const supervisor = (await client.query<{ id: string; display_name: string }>(`SELECT id, display_name FROM users WHERE 'supervisor' = ANY(roles) ORDER BY username LIMIT 1`)).rows[0];
    if (!supervisor) throw new Error('no supervisor user');
    const handlers = await ensureHandlers(client, units, options.handlersPerUnit ?? 3, seed);

    const { wd, ord } = workingDays(calendar, base, addDays(today, 400));
    const nT = ord[toEpochDay(today) - toEpochDay(base)]!;
    const nFirst = ord[toEpochDay(firstDay) - toEpochDay(base) - 1]! + 1;
    const days = toEpochDay(today) - toEpochDay(firstDay) + 1;
    const loadedYears = calendar.loadedYears();

    // Flat handler arrays: unit k's handlers are hId[hOff[k] + 1 .. hOff[k] + hCnt[k]].
    const hId: string[] = [];
    const hName: string[] = [];
    const hOff: number[] = [];
    const hCnt: number[] = [];
    for (const u of units) {
      const list = handlers.get(u.id) ?? [];
      hOff.push(hId.length);
      hCnt.push(list.length);
      for (const h of list) {
        hId.push(h.id);
        hName.push(h.name);
      }
    }
    const replyTypes = REPLIES.map(([t]) => t);
    const basis: Record<string, string> = {};
    for (const t of replyTypes) basis[t] = defaultLegalBasis(t);
    for (const codes of Object.values(REASON_CODES)) for (const c of codes) basis[c] = defaultLegalBasis('not_disclosed', c as ReplyReasonCode);

    // Deterministic pseudo-random numbers in [0, 1) and integers in [lo, hi], one stream per k (row number `alias.i`).
    const R = (k: number, alias = 'g') => `((hashint8extended(${alias}.i, ${seed * 128 + k}) & 2147483647)::float8 / 2147483648.0)`;
    const RI = (k: number, lo: number, hi: number, alias = 'g') => `(${lo} + floor(${R(k, alias)} * ${hi - lo + 1})::int)`;
    const WD = dateArray(wd);
    const ORD = intArray(ord);
    const T = nT;
    const at = (d: string) => `${WD}[${d}]`;
    const pick = (k: number, xs: readonly string[], alias = 'g') => `(${textArray(xs)})[1 + floor(${R(k, alias)} * ${xs.length})::int]`;
    const weighted = <V extends string>(k: number, xs: readonly [V, number][]) =>
      `(${textArray(xs.map(([x]) => x))})[(${intArray(lut(xs.map(([, w]) => w)))})[1 + floor(${R(k)} * 1000)::int]]`;

    await client.query('BEGIN');
    const superuser = (await client.query<{ s: boolean }>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`)).rows[0]?.s;
    // The rows reference existing units and users by construction: skip the per-row FK triggers.
    if (superuser) await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(`SET LOCAL synchronous_commit = off`);
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    // Secondary indexes (not those behind a primary key or unique constraint) are dropped for the
    // load and built again after it, in the same transaction: much faster than row by row.
    const indexes = (
      await client.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename IN ('disclosure_requests', 'request_events')
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      )
    ).rows;
    if (count >= 50_000) for (const ix of indexes) await client.query(`DROP INDEX ${ident(ix.name)}`);

    // The script of each request as working-day ordinals (NULL: never happens). Steps follow
    // one another: rv < cq < cr < ac < cs < ce < fn < fp < exr <= ex < dr <= ap <= sd < arc.
    await phase('plan: script dates', () =>
      exec(`
      CREATE TEMP TABLE bench_gen ON COMMIT DROP AS
      SELECT g.i, a.*, b.*, c.*, d.*, e.*, f.*, s.*
        FROM generate_series(1, ${count}) AS g(i)
        CROSS JOIN LATERAL (SELECT
            ${weighted(1, PATHS)} AS path,
            (${intArray(lut(units.map((u) => UNIT_WEIGHTS[u.code] ?? 3)))})[1 + floor(${R(2)} * 1000)::int] AS u,
            ${R(3)} < 0.06 AS weekend,
            ${weighted(5, APPLICANTS)} AS applicant_type,
            CASE WHEN ${R(3)} < 0.06 THEN CASE WHEN g.i % 5 = 0 THEN 'email' ELSE 'online' END ELSE ${weighted(6, CHANNELS)} END AS channel,
            ${weighted(7, REPLIES)} AS reply_type,
            ${R(8)} < 0.10 AS late,
            ${R(9)} < 0.75 AS archived
        ) a
        CROSS JOIN LATERAL (SELECT
            CASE WHEN a.weekend THEN date '${firstDay}' + floor(${R(4)} * ${days})::int ELSE ${at(`${nFirst} + floor(${R(4)} * ${nT - nFirst + 1})::int`)} END AS r0,
            a.path = 'abandon_nc' OR (a.path IN ('reply', 'stall', 'withdraw') AND ${R(10)} < 0.10) AS corr,
            a.path IN ('reply', 'stall') AND ${R(11)} < 0.12 AS consult,
            a.path = 'abandon_fee' OR (a.path = 'reply' AND ${R(12)} < 0.02) AS fee,
            a.path IN ('reply', 'stall') AND ${R(13)} < 0.09 AS ext,
            CASE a.reply_type
              WHEN 'not_disclosed' THEN ${pick(14, REASON_CODES.not_disclosed)}
              WHEN 'cannot_provide' THEN ${pick(14, REASON_CODES.cannot_provide)}
              WHEN 'not_processed' THEN ${pick(14, REASON_CODES.not_processed)}
            END AS reason_code
        ) b
        CROSS JOIN LATERAL (SELECT ${ORD}[b.r0 - date '${base}' + 1] AS n0) n
        CROSS JOIN LATERAL (SELECT n.n0 + CASE WHEN ${at('n.n0')} = b.r0 THEN 0 ELSE 1 END + ${RI(15, 0, 2)} AS rv) r
        CROSS JOIN LATERAL (SELECT n.n0, r.rv, CASE WHEN b.corr THEN r.rv + ${RI(16, 1, 4)} END AS cq) c
        CROSS JOIN LATERAL (SELECT
            CASE WHEN b.corr AND a.path <> 'abandon_nc' THEN c.cq + ${RI(17, 2, 10)} END AS cr,
            CASE WHEN a.path = 'abandon_nc' THEN c.cq + 15 + ${RI(18, 1, 8)} END AS abn
        ) d
        CROSS JOIN LATERAL (SELECT
            CASE WHEN a.path = 'withdraw' THEN coalesce(d.cr, c.rv) + ${RI(19, 1, 8)} END AS wdd,
            CASE WHEN a.path IN ('reply', 'stall', 'abandon_fee') THEN coalesce(d.cr, c.rv) + ${RI(20, 0, 2)} END AS ac
        ) e
        CROSS JOIN LATERAL (SELECT
            CASE WHEN b.consult THEN e.ac + ${RI(21, 1, 5)} END AS cs,
            CASE WHEN b.consult THEN e.ac + ${RI(21, 1, 5)} + ${RI(22, 3, 20)} END AS ce
        ) f
        CROSS JOIN LATERAL (SELECT
            CASE WHEN b.fee THEN coalesce(f.ce, e.ac) + ${RI(23, 1, 4)} END AS fn,
            CASE WHEN b.fee AND a.path = 'reply' THEN coalesce(f.ce, e.ac) + ${RI(23, 1, 4)} + ${RI(24, 2, 12)} END AS fp,
            CASE WHEN a.path = 'abandon_fee' THEN coalesce(f.ce, e.ac) + ${RI(23, 1, 4)} + 20 + ${RI(25, 1, 5)} END AS abf
        ) s`),
    );
    // Extension, reply (on time unless late), archive; where each request stands today; its
    // handler, time of receipt, applicant and text; and its receipt number (in order of receipt).
    const has = (col: string) => `(p.${col} <= ${T})`;
    await phase('plan: replies, state, numbers', () =>
      exec(`
      CREATE TEMP TABLE bench_plan ON COMMIT DROP AS
      SELECT p.*, row_number() OVER (PARTITION BY p.yr ORDER BY p.received_at, p.i) + coalesce(rc.last, 0) AS no
        FROM (
          SELECT p.*,
                 CASE
                   WHEN ${has('arc')} THEN 'archived'
                   WHEN ${has('sd')} THEN 'replied'
                   WHEN ${has('wdd')} THEN 'withdrawn'
                   WHEN ${has('abn')} OR ${has('abf')} THEN 'abandoned'
                   WHEN ${has('dr')} THEN 'reply_drafted'
                   WHEN ${has('cs')} AND NOT coalesce(${has('ce')}, false) THEN 'consulting'
                   WHEN ${has('ac')} THEN 'handling'
                   WHEN ${has('cq')} AND NOT coalesce(${has('cr')}, false) THEN 'awaiting_correction'
                   WHEN ${has('rv')} THEN 'reviewing'
                   ELSE 'registered'
                 END AS status,
                 -- computeDeadline(events so far, today): paused time counts up to today while a pause is open.
                 coalesce(CASE WHEN ${has('cr')} THEN p.cr END, p.n0) + 20
                   + CASE WHEN ${has('cs')} THEN CASE WHEN ${has('ce')} THEN least(p.ce - p.cs, 15) WHEN p.c_ord IS NOT NULL THEN 0 ELSE least(${T} - p.cs, 15) END ELSE 0 END
                   + CASE WHEN ${has('fn')} THEN CASE WHEN ${has('fp')} THEN p.fp - p.fn WHEN p.c_ord IS NOT NULL THEN 0 ELSE ${T} - p.fn END ELSE 0 END
                   + CASE WHEN ${has('ex')} THEN 20 ELSE 0 END AS due_now,
                 coalesce(${has('fn')} AND NOT coalesce(${has('fp')}, false) AND p.c_ord IS NULL, false) AS fee_pending,
                 CASE WHEN ${has('ex')} THEN 'approved' WHEN ${has('exr')} AND p.c_ord IS NULL THEN 'requested' ELSE 'none' END AS extension,
                 ${STEPS.map(([, c]) => `coalesce(${has(c)}::int, 0)`).join(' + ')} AS transitions,
                 greatest(${STEPS.map(([, c]) => `CASE WHEN ${has(c)} THEN p.${c} END`).join(', ')}) AS last_now,
                 extract(year FROM p.r0)::int AS yr,
                 md5('govdesk-bench:${seed}:' || p.i)::uuid AS id,
                 CASE WHEN (${intArray(hCnt)})[p.u] > 0 AND (${has('ac')} OR ${R(32, 'p')} < 0.5)
                      THEN (${intArray(hOff)})[p.u] + 1 + floor(power(${R(33, 'p')}, 1.4) * (${intArray(hCnt)})[p.u])::int END AS h,
                 least((p.r0 + CASE WHEN p.channel IN ('online', 'email') THEN ${R(34, 'p')} * interval '24 hours'
                                    ELSE interval '8 hours 30 minutes' + ${R(34, 'p')} * interval '9 hours' END) AT TIME ZONE INTERVAL '+08:00', now()) AS received_at,
                 CASE WHEN p.applicant_type = 'natural_person'
                      THEN ${textArray(SURNAMES)}[1 + p.i % ${SURNAMES.length}] || ${textArray(GIVEN)}[1 + (p.i / ${SURNAMES.length}) % ${GIVEN.length}]
                      ELSE CASE p.applicant_type
                        ${Object.entries(ORGS).map(([t, names]) => `WHEN '${t}' THEN ${textArray(names)}[1 + (p.i / 7) % ${names.length}]`).join(' ')}
                      END END AS applicant_name,
                 ${pick(35, ['paper', 'electronic', 'electronic', 'electronic', 'inspection'], 'p')} AS form_medium,
                 ${pick(36, ['mail', 'pickup', 'email', 'online', 'online'], 'p')} AS form_delivery,
                 replace(replace(replace(${pick(37, TOPICS, 'p')}, '{town}', ${pick(38, TOWNS, 'p')}),
                         '{village}', ${pick(39, VILLAGES, 'p')}), '{year}', (extract(year FROM p.r0)::int - (p.i % 3))::text) AS description
            FROM (
              SELECT x.*, y.*, z.*, w.*
                FROM bench_gen g
                CROSS JOIN LATERAL (SELECT g.*,
                    CASE WHEN g.ext THEN coalesce(g.fp, g.ce, g.ac) + ${RI(26, 3, 10)} END AS ex,
                    coalesce(g.cr, g.n0) + 20 + coalesce(least(g.ce - g.cs, 15), 0) + coalesce(g.fp - g.fn, 0) + CASE WHEN g.ext THEN 20 ELSE 0 END AS due_final
                ) x
                CROSS JOIN LATERAL (SELECT
                    CASE WHEN x.ex IS NOT NULL THEN greatest(coalesce(x.fp, x.ce, x.ac) + 1, x.ex - ${RI(27, 0, 2)}) END AS exr,
                    coalesce(x.ex, x.fp, x.ce, x.ac) AS last,
                    CASE WHEN x.path = 'reply' THEN
                      CASE WHEN x.late THEN greatest(coalesce(x.ex, x.fp, x.ce, x.ac) + 1, x.due_final + ${RI(28, 1, 15)})
                           ELSE greatest(coalesce(x.ex, x.fp, x.ce, x.ac) + 1, least(x.due_final, coalesce(x.ex, x.fp, x.ce, x.ac) + ${RI(28, 2, 15)})) END
                    END AS sd
                ) y
                CROSS JOIN LATERAL (SELECT
                    CASE WHEN y.sd IS NOT NULL THEN greatest(y.last, y.sd - ${RI(29, 0, 2)}) END AS dr,
                    CASE WHEN x.archived THEN y.sd + ${RI(30, 1, 10)} END AS arc,
                    CASE WHEN least(y.sd, x.wdd, x.abn, x.abf) <= ${T} THEN least(y.sd, x.wdd, x.abn, x.abf) END AS c_ord
                ) z
                CROSS JOIN LATERAL (SELECT z.dr + floor(${R(31)} * (y.sd - z.dr + 1))::int AS ap) w
            ) p
        ) p
        LEFT JOIN receipt_counters rc ON rc.year = p.yr
       ORDER BY p.received_at, p.i`),
    );

    const basisJson = `${q(JSON.stringify(basis))}::jsonb`;
    const requestsSql = `
      INSERT INTO disclosure_requests (id, receipt_no, query_code_hash, status, channel, received_at, received_on, unit_id, handler_id,
             applicant_type, applicant_name, applicant, title, description, form_medium, form_delivery, clock_events, due_date, provisional,
             fee_pending, extension, reply_type, reason_code, legal_basis, reply_body, reply_approved_by, reply_approved_at, delivery_method,
             concluded_on, outcome, version, created_at, updated_at)
      SELECT p.id, 'YSQ-' || p.yr || '-' || CASE WHEN p.no < 100000 THEN lpad(p.no::text, 5, '0') ELSE p.no::text END,
             md5(p.i || ':q:${seed}') || md5(p.i || ':c:${seed}'),
             p.status, p.channel, p.received_at, p.r0, ${uuidArray(units.map((u) => u.id))}[p.u], ${uuidArray(hId)}[p.h],
             p.applicant_type, p.applicant_name, ${applicantSql((k) => R(k, 'p'))},
             CASE WHEN p.i % 5 < 2 THEN left(p.description, 40) END, p.description, p.form_medium, p.form_delivery,
             ${clockEventsSql(WD, T, supervisor.display_name)},
             ${at('p.due_now')}, extract(year FROM ${at('p.due_now')})::int <> ALL (${intArray(loadedYears)}) OR p.yr <> ALL (${intArray(loadedYears)}),
             p.fee_pending, p.extension,
             CASE WHEN ${has('dr')} THEN p.reply_type END, CASE WHEN ${has('dr')} THEN p.reason_code END,
             CASE WHEN ${has('dr')} THEN ${basisJson} ->> coalesce(p.reason_code, p.reply_type) END,
             CASE WHEN ${has('dr')} THEN '经审查，您申请的“' || substr(p.description, 5) || '”……' END,
             CASE WHEN ${has('ap')} THEN ${q(supervisor.display_name)} END,
             CASE WHEN ${has('ap')} THEN (${at('p.ap')} + time '15:00') AT TIME ZONE INTERVAL '+08:00' END,
             CASE WHEN ${has('sd')} THEN p.form_delivery END,
             ${at('p.c_ord')},
             CASE WHEN p.c_ord IS NULL THEN NULL WHEN p.c_ord = p.sd THEN p.reply_type WHEN p.c_ord = p.wdd THEN 'withdrawn'
                  WHEN p.c_ord = p.abn THEN 'abandoned:no_correction' ELSE 'abandoned:fee_unpaid' END,
             1 + p.transitions, p.received_at,
             CASE WHEN p.last_now IS NULL THEN p.received_at ELSE greatest(p.received_at, least(now(), (${at('p.last_now')} + time '16:00') AT TIME ZONE INTERVAL '+08:00')) END
        FROM bench_plan p`;
    const inserted = await phase('insert disclosure_requests', () => exec(requestsSql));
    if (inserted.rowCount !== count) throw new Error(`inserted ${inserted.rowCount} requests, not ${count}`);

    await phase('receipt_counters', () =>
      exec(`
      INSERT INTO receipt_counters (year, last)
      SELECT extract(year FROM received_on)::int, max(substr(receipt_no, 10)::int) FROM disclosure_requests WHERE receipt_no LIKE 'YSQ-____-%' GROUP BY 1
      ON CONFLICT (year) DO UPDATE SET last = greatest(receipt_counters.last, EXCLUDED.last)`),
    );

    let events = 0;
    if (options.timeline ?? true) {
      const r = await phase('insert request_events', () => exec(eventsSql({ WD, today, supervisor, hId, hName, basisJson })));
      events = r.rowCount ?? 0;
    }
    const reviews = await phase('insert request_reviews', () =>
      exec(`
      INSERT INTO request_reviews (request_id, kind, filed_on, decided_on, outcome, note, created_by)
      SELECT id, kind, filed_on, CASE WHEN decided_on <= date '${today}' THEN decided_on END,
             CASE WHEN decided_on <= date '${today}' THEN outcome END, NULL, 'bench'
        FROM (
          SELECT b.id,
                 CASE WHEN ${R(40, 'b')} < 0.85 THEN 'reconsideration' WHEN ${R(40, 'b')} < 0.95 THEN 'litigation_direct' ELSE 'litigation_after_reconsideration' END AS kind,
                 ${WD}[b.sd] + ${RI(41, 5, 50, 'b')} AS filed_on,
                 ${WD}[b.sd] + ${RI(41, 5, 50, 'b')} + ${RI(42, 30, 70, 'b')} AS decided_on,
                 CASE WHEN ${R(43, 'b')} < 0.7 THEN 'upheld' WHEN ${R(43, 'b')} < 0.85 THEN 'corrected' ELSE 'other' END AS outcome
            FROM bench_plan b
           WHERE b.sd <= ${T} AND b.reply_type IN ('partially_disclosed', 'not_disclosed', 'cannot_provide', 'not_processed') AND ${R(44, 'b')} < 0.06
        ) v
       WHERE filed_on <= date '${today}'`),
    );
    if (count >= 50_000) await phase(`rebuild ${indexes.length} indexes`, async () => { for (const ix of indexes) await client.query(ix.def); });
    const byYear = (await client.query<{ y: number; n: number }>(`SELECT yr AS y, count(*)::int AS n FROM bench_plan GROUP BY 1 ORDER BY 1`)).rows;
    await phase('commit', () => client.query('COMMIT'));
    await phase('analyze', () => client.query('ANALYZE disclosure_requests, request_events, request_reviews, users, receipt_counters'));

    const byStatus = (await client.query<{ status: RequestStatus; n: number }>(`SELECT status, count(*)::int AS n FROM disclosure_requests GROUP BY 1 ORDER BY 1`)).rows;
    return {
      count,
      today,
      firstDay,
      receivedByYear: Object.fromEntries(byYear.map((r) => [r.y, r.n])),
      byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
      events,
      reviews: reviews.rowCount ?? 0,
      handlers: hId.length,
      ms: Math.round(performance.now() - started),
      phases,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The steps of the script after registration: [action, ordinal column, from status, to status, by a supervisor]. */
const STEPS: [string, string, RequestStatus, RequestStatus, boolean][] = [
  ['start_review', 'rv', 'registered', 'reviewing', false],
  ['request_correction', 'cq', 'reviewing', 'awaiting_correction', false],
  ['receive_correction', 'cr', 'awaiting_correction', 'reviewing', false],
  ['abandon', 'abn', 'awaiting_correction', 'abandoned', false],
  ['withdraw', 'wdd', 'reviewing', 'withdrawn', false],
  ['accept', 'ac', 'reviewing', 'handling', false],
  ['start_consultation', 'cs', 'handling', 'consulting', false],
  ['end_consultation', 'ce', 'consulting', 'handling', false],
  ['notify_fee', 'fn', 'handling', 'handling', false],
  ['receive_fee', 'fp', 'handling', 'handling', false],
  ['abandon', 'abf', 'handling', 'abandoned', false],
  ['request_extension', 'exr', 'handling', 'handling', false],
  ['approve_extension', 'ex', 'handling', 'handling', true],
  ['draft_reply', 'dr', 'handling', 'reply_drafted', false],
  ['approve_reply', 'ap', 'reply_drafted', 'reply_drafted', true],
  ['send_reply', 'sd', 'reply_drafted', 'replied', false],
  ['archive', 'arc', 'replied', 'archived', false],
];

/** The clock events that have happened, in order, as the state machine stores them. */
function clockEventsSql(WD: string, T: number, supervisorName: string): string {
  const ev = (col: string, obj: string) => `CASE WHEN p.${col} <= ${T} THEN jsonb_build_object(${obj}) END`;
  const d = (col: string) => `'date', ${WD}[p.${col}]`;
  return `to_jsonb(array_remove(ARRAY[
      jsonb_build_object('type', 'received', 'date', p.r0),
      ${ev('cq', `'type', 'correction_requested', ${d('cq')}, 'correctWithinDays', 15`)},
      ${ev('cr', `'type', 'correction_received', ${d('cr')}`)},
      ${ev('cs', `'type', 'consultation_started', ${d('cs')}, 'party', CASE WHEN p.i % 5 < 3 THEN 'third_party' ELSE 'agency' END`)},
      ${ev('ce', `'type', 'consultation_ended', ${d('ce')}`)},
      ${ev('fn', `'type', 'fee_notified', ${d('fn')}`)},
      ${ev('fp', `'type', 'fee_paid', ${d('fp')}`)},
      ${ev('ex', `'type', 'extension_approved', ${d('ex')}, 'approvedBy', ${q(supervisorName)}`)},
      CASE WHEN p.c_ord IS NOT NULL THEN jsonb_build_object('type', 'concluded', 'date', ${WD}[p.c_ord],
           'outcome', CASE WHEN p.c_ord = p.sd THEN 'replied' WHEN p.c_ord = p.wdd THEN 'withdrawn' ELSE 'abandoned' END) END
    ]::jsonb[], NULL))`;
}

function applicantSql(R: (k: number) => string): string {
  const digits = (k: number, n: number) => `lpad((floor(${R(k)} * ${10 ** n})::bigint)::text, ${n}, '0')`;
  return `CASE WHEN p.applicant_type = 'natural_person' THEN jsonb_build_object(
        'type', p.applicant_type, 'name', p.applicant_name, 'idType', 'resident_id',
        'idNumber', '370124' || to_char(date '1950-01-01' + floor(${R(45)} * 18000)::int, 'YYYYMMDD') || ${digits(46, 3)} || (${textArray(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'])})[1 + p.i % 11],
        'phone', '1' || (${textArray(['38', '39', '58', '86', '33'])})[1 + p.i % 5] || ${digits(47, 8)},
        'address', '平阴县' || (${textArray(TOWNS)})[1 + p.i % ${TOWNS.length}] || (${textArray(VILLAGES)})[1 + (p.i / 8) % ${VILLAGES.length}] || '村' || (1 + p.i % 120) || '号')
      ELSE jsonb_build_object(
        'type', p.applicant_type, 'name', p.applicant_name, 'idType', 'unified_social_credit_code',
        'idNumber', '91370124MA' || ${digits(48, 8)},
        'contactPerson', (${textArray(SURNAMES)})[1 + p.i % ${SURNAMES.length}] || (${textArray(GIVEN)})[1 + (p.i / 3) % ${GIVEN.length}],
        'phone', '0531-8' || ${digits(49, 7)}) END`;
}

/** The timeline: one row per step that has happened, in order, by the request's handler (or the supervisor). */
function eventsSql(a: { WD: string; today: IsoDate; supervisor: { id: string; display_name: string }; hId: string[]; hName: string[]; basisJson: string }): string {
  const handlerName = `${textArray(a.hName)}[b.h]`;
  const details = (action: string, col: string): string => {
    switch (action) {
      case 'request_correction':
        return `jsonb_build_object('items', jsonb_build_array('请明确所需信息的名称、文号或其他特征描述'), 'correctWithinDays', 15)`;
      case 'accept':
        return `CASE WHEN b.h IS NOT NULL THEN jsonb_build_object('handlerId', ${uuidArray(a.hId)}[b.h], 'handlerName', ${handlerName}) ELSE '{}'::jsonb END`;
      case 'draft_reply':
        return `jsonb_build_object('replyType', b.reply_type, 'reasonCode', b.reason_code, 'legalBasis', ${a.basisJson} ->> coalesce(b.reason_code, b.reply_type))`;
      case 'approve_reply':
        return `jsonb_build_object('replyType', b.reply_type)`;
      case 'send_reply':
        return `jsonb_build_object('replyType', b.reply_type, 'deliveryMethod', b.form_delivery)`;
      case 'abandon':
        return `jsonb_build_object('reasonCode', '${col === 'abf' ? 'fee_unpaid' : 'no_correction'}')`;
      case 'withdraw':
        return `jsonb_build_object('reason', '申请人来电撤回申请')`;
      case 'request_extension':
        return `jsonb_build_object('reason', '所涉信息跨多个年度，需调阅档案核实')`;
      default:
        return `'{}'::jsonb`;
    }
  };
  // Filter first (the steps that happened), then build each surviving row's details.
  const rows = [`('register', b.r0, NULL::varchar, 'registered'::varchar, false, 0)`, ...STEPS.map(([action, col, from, to, sup], k) => `('${action}', ${a.WD}[b.${col}], '${from}', '${to}', ${sup}, ${k + 1})`)];
  const detailCases = [`WHEN 0 THEN jsonb_build_object('channel', b.channel)`, ...STEPS.map(([action, col], k) => `WHEN ${k + 1} THEN ${details(action, col)}`)];
  return `
    INSERT INTO request_events (request_id, at, event_date, action, actor_id, actor_name, from_status, to_status, details)
    SELECT b.id, least((v.d + time '09:00' + (b.i % 480) * interval '1 minute' + v.k * interval '1 second') AT TIME ZONE INTERVAL '+08:00', now()),
           v.d, v.action,
           CASE WHEN v.sup OR b.h IS NULL THEN ${q(a.supervisor.id)}::uuid ELSE ${uuidArray(a.hId)}[b.h] END,
           CASE WHEN v.sup OR b.h IS NULL THEN ${q(a.supervisor.display_name)} ELSE ${handlerName} END,
           v.from_status, v.to_status,
           CASE v.k ${detailCases.join('\n             ')} END
      FROM bench_plan b
      CROSS JOIN LATERAL (SELECT * FROM (VALUES ${rows.join(',\n        ')}) AS v(action, d, from_status, to_status, sup, k) WHERE v.d IS NOT NULL AND v.d <= date '${a.today}') v`;
}

/**
 * Recomputes a sample of the generated requests with the domain's deadline engine: the stored
 * due date and the status must agree with the clock events. Returns the disagreements.
 */
export async function checkDeadlines(databaseUrl: string, today: IsoDate, sample = 2000): Promise<{ checked: number; problems: string[] }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const calendar = await loadCalendar(client);
    const rows = (
      await client.query<{ receipt_no: string; status: RequestStatus; due_date: string; clock_events: ClockEvent[]; fee_pending: boolean; concluded_on: string | null; reply_type: string | null; outcome: string | null }>(
        `SELECT receipt_no, status, due_date::text, clock_events, fee_pending, concluded_on::text, reply_type, outcome FROM disclosure_requests ORDER BY md5(id::text) LIMIT $1`,
        [sample],
      )
    ).rows;
    const problems: string[] = [];
    for (const r of rows) {
      const d = computeDeadline(calendar, r.clock_events, today);
      const concluded = r.clock_events.find((e) => e.type === 'concluded');
      if (d.dueDate !== r.due_date) problems.push(`${r.receipt_no}: due ${r.due_date}, computed ${d.dueDate}`);
      if (!!concluded !== (r.concluded_on !== null) || (concluded && concluded.date !== r.concluded_on)) problems.push(`${r.receipt_no}: concluded_on ${r.concluded_on} vs events`);
      const paused = r.status === 'awaiting_correction' || r.status === 'consulting' || r.fee_pending;
      if ((d.state === 'paused') !== paused) problems.push(`${r.receipt_no}: status ${r.status} (fee pending ${r.fee_pending}) but deadline state ${d.state}`);
      const drafted = r.status === 'reply_drafted' || r.status === 'replied' || r.status === 'archived';
      if (drafted !== (r.reply_type !== null)) problems.push(`${r.receipt_no}: status ${r.status} with reply type ${r.reply_type}`);
      if ((r.status === 'replied' || r.status === 'archived') !== (r.outcome !== null && r.outcome === r.reply_type)) problems.push(`${r.receipt_no}: status ${r.status}, outcome ${r.outcome}`);
      const dates = r.clock_events.map((e) => e.date);
      if (dates.some((x, i) => i > 0 && x < dates[i - 1]!) || dates.some((x) => x > today)) problems.push(`${r.receipt_no}: clock events out of order or in the future`);
    }
    // The timeline: in date order, and ending in the request's status.
    const timeline = (
      await client.query<{ receipt_no: string; status: string; last: string | null; backwards: number }>(
        `SELECT r.receipt_no, r.status, e.last, e.backwards::int
           FROM (SELECT id, receipt_no, status FROM disclosure_requests ORDER BY md5(id::text) LIMIT $1) r
           LEFT JOIN LATERAL (SELECT (array_agg(to_status ORDER BY id DESC))[1] AS last,
                                     count(*) FILTER (WHERE event_date < prev) AS backwards
                                FROM (SELECT id, to_status, event_date, lag(event_date) OVER (ORDER BY id) AS prev FROM request_events WHERE request_id = r.id) x) e ON true`,
        [sample],
      )
    ).rows;
    for (const t of timeline) {
      if (t.last !== null && (t.last !== t.status || t.backwards > 0)) problems.push(`${t.receipt_no}: status ${t.status}, timeline ends ${t.last}, ${t.backwards} events out of order`);
    }
    return { checked: rows.length, problems };
  } finally {
    await client.end();
  }
}
