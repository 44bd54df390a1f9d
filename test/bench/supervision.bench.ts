/**
 * npm run bench:supervision [-- --requests 100000 --runs 7 --seed 20261126 --years 2]
 *
 * The supervision page's queries over HTTP with `--requests` disclosure requests in the database
 * (test/bench/request-generator.ts, generated inside PostgreSQL): the timeliness dashboard for
 * each grouping (this year to today, as the console opens it) and its drill-downs (a number
 * opened in the request queue: a unit's overdue and late requests, the county's late ones), the
 * annual report (county-wide this year and last year, one unit), its drill-downs (parts three
 * and four) and its .xlsx export. As references in the same run: GET /api/health (a bare
 * round trip) and a plain SELECT count(*) of the requests table. Sequential calls after one
 * warm-up each; median, p90 and min over the runs, against the 200 ms target. Every answer is
 * checked against the database (the report's new requests = the requests received that year,
 * etc.): the bench exits non-zero when one is wrong.
 */
import { Client } from 'pg';
import { chinaDateOf, PART4_COLUMNS, PART4_ROW_LABEL, residentIdCheckCharacter, yearOf, type TimelinessStats } from '@govdesk/domain';
import { timelinessCount, timelinessDrillQuery, type AnnualReportDrillDownDto, type AnnualReportDto, type RegisteredRequestDto, type RequestPageDto, type TimelinessGroupBy, type TimelinessMetric, type TimelinessReportDto } from '@govdesk/contracts';
import { checkDeadlines, generateRequests } from './request-generator';
import { arg, login, median, percentile, startBenchServer } from './support';

const N = arg('requests', 100_000);
const RUNS = arg('runs', 7);
const SEED = arg('seed', 20_261_126);
const YEARS = arg('years', 2);
const TARGET_MS = 200;

interface Case {
  name: string;
  run(): Promise<unknown>;
  check?(body: unknown): string | null;
}

const failures: string[] = [];
const expect = (ok: boolean, what: string): string | null => (ok ? null : what);

async function main(): Promise<void> {
  console.log(`bench:supervision — ${N} requests over ${YEARS} years, ${RUNS} runs; node ${process.version}`);
  const server = await startBenchServer();
  const db = new Client({ connectionString: server.databaseUrl });
  try {
    const token = await login(server.url, 'supervisor');
    const today = chinaDateOf(new Date());
    const year = yearOf(today);
    const lastYear = year - 1;

    console.log(`generating ${N} requests…`);
    const gen = await generateRequests(server.databaseUrl, { count: N, seed: SEED, years: YEARS, today, log: (l) => console.log(l) });
    console.log(
      `generated ${gen.count} requests in ${(gen.ms / 1000).toFixed(1)} s (${Math.round(gen.count / (gen.ms / 1000))}/s): ${gen.events} timeline events, ${gen.reviews} reviews, ${gen.handlers} handlers`,
    );
    console.log(`  received per year: ${JSON.stringify(gen.receivedByYear)}`);
    console.log(`  by status: ${JSON.stringify(gen.byStatus)}`);
    const deadlines = await checkDeadlines(server.databaseUrl, today, 3000);
    console.log(`  deadline engine vs stored due dates and statuses: ${deadlines.checked} checked, ${deadlines.problems.length} disagreements`);
    for (const p of deadlines.problems.slice(0, 10)) console.log(`    ${p}`);
    if (deadlines.problems.length) failures.push(`${deadlines.problems.length} generated requests disagree with computeDeadline`);

    await db.connect();
    const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await db.query(sql, params)).rows[0] as T;
    const from = `${year}-01-01`;
    const inRange = (await one<{ n: number }>(`SELECT count(*)::int AS n FROM disclosure_requests WHERE received_on BETWEEN $1 AND $2`, [from, today])).n;
    const unitCount = (await one<{ n: number }>(`SELECT count(DISTINCT unit_id)::int AS n FROM disclosure_requests WHERE received_on BETWEEN $1 AND $2`, [from, today])).n;
    const unit = await one<{ id: string; name: string; n: number }>(
      `SELECT u.id, u.name, count(*)::int AS n FROM disclosure_requests r JOIN units u ON u.id = r.unit_id
        WHERE r.received_on BETWEEN $1 AND $2 GROUP BY u.id, u.name ORDER BY 3 DESC LIMIT 1`,
      [`${lastYear}-01-01`, `${lastYear}-12-31`],
    );
    // Expected figures of the report's cells, recomputed from the rows (received that year; replied in it; not disclosed to natural persons).
    const ndNatural = (
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM disclosure_requests WHERE concluded_on BETWEEN $1 AND $2 AND received_on <= $2 AND outcome = 'not_disclosed' AND applicant_type = 'natural_person'`,
        [`${lastYear}-01-01`, `${lastYear}-12-31`],
      )
    ).n;
    const get = async (path: string, kind: 'json' | 'buffer' = 'json'): Promise<unknown> => {
      const res = await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      if (kind === 'buffer') return { type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
      return res.json();
    };
    // Answers kept for the drill-down cases, which open the requests behind their numbers.
    const seen: { byUnit?: TimelinessReportDto; lastYear?: AnnualReportDto } = {};
    const timeliness = (groupBy: TimelinessGroupBy, groups: (n: number) => boolean): Case => ({
      name: `timeliness groupBy=${groupBy}`,
      run: () => get(`/api/supervision/timeliness?${new URLSearchParams({ from, to: today, groupBy }).toString()}`),
      check: (b) => {
        const r = b as TimelinessReportDto;
        if (groupBy === 'unit') seen.byUnit = r;
        return (
          expect(r.totals.requests === inRange, `totals.requests ${r.totals.requests} ≠ ${inRange} received ${from}…${today}`) ??
          expect(r.totals.replied > 0 && r.totals.repliedOnTime > 0 && r.totals.repliedOnTime < r.totals.replied, `replied ${r.totals.replied}, on time ${r.totals.repliedOnTime}`) ??
          expect(r.totals.open.overdue > 0 && r.totals.open.paused > 0 && r.totals.open.on_track > 0, `open ${JSON.stringify(r.totals.open)}`) ??
          expect(groups(r.groups.length), `${r.groups.length} groups`) ??
          expect(r.months.length === Number(today.slice(5, 7)), `${r.months.length} months`)
        );
      },
    });
    const annual = (y: number, unitId?: string, expected?: number): Case => ({
      name: `annual report ${y}${unitId ? ' (one unit)' : ' (county)'}`,
      run: () => get(`/api/reports/annual?year=${y}${unitId ? `&unitId=${unitId}` : ''}`),
      check: (b) => {
        const r = b as AnnualReportDto;
        if (y === lastYear && !unitId) seen.lastYear = r;
        const received = r.part3.rows[0]!.values[6]!;
        const results = r.part3.rows.find((row) => row.label === '（七）总计')!.values[6]!;
        const want = expected ?? gen.receivedByYear[y] ?? 0;
        return (
          expect(received === want, `new requests ${received} ≠ ${want} received in ${y}`) ??
          expect(results > 0 && r.part3.balance.ok, `results ${results}, balance ${r.part3.balance.ok}`) ??
          expect(y === lastYear || r.part3.rows[1]!.values[6]! > 0, `carried over from ${y - 1}: ${r.part3.rows[1]!.values[6]}`) ??
          expect(unitId !== undefined || r.part4.rows[0]!.values.some((v) => v > 0), 'part four all zero')
        );
      },
    });
    /**
     * A number of the dashboard (by unit, this year) opened in the request queue, as the console
     * links it (timelinessDrillQuery, then the queue's page): for the unit with most overdue
     * requests, or for the totals.
     */
    const drill = (metric: TimelinessMetric, where: 'unit' | 'totals'): Case => {
      const target = () => {
        const report = seen.byUnit!;
        const group = [...report.groups].sort((a, b) => b.open.overdue - a.open.overdue)[0]!;
        return where === 'unit' ? { report, cell: { key: group.key }, stats: group as TimelinessStats } : { report, cell: {}, stats: report.totals };
      };
      return {
        name: `timeliness drill-down: ${metric} (${where === 'unit' ? 'one unit' : 'county'})`,
        run: () => {
          const { report, cell } = target();
          return get(`/api/requests?${new URLSearchParams({ ...timelinessDrillQuery(report, cell, metric), sort: 'due', order: 'asc', limit: '50' }).toString()}`);
        },
        check: (b) => {
          const want = Math.min(50, timelinessCount(target().stats, metric));
          return expect((b as RequestPageDto).items.length === want && want > 0, `${(b as RequestPageDto).items.length} items, want ${want}`);
        },
      };
    };
    const cases: Case[] = [
      { name: 'GET /api/health (reference)', run: () => get('/api/health') },
      timeliness('unit', (n) => n === unitCount),
      timeliness('handler', (n) => n > unitCount),
      timeliness('channel', (n) => n === 7),
      timeliness('applicantType', (n) => n === 6),
      drill('overdue', 'unit'),
      drill('late', 'unit'),
      drill('late', 'totals'),
      annual(year),
      annual(lastYear),
      annual(lastYear, unit.id, unit.n),
      {
        name: `annual drill-down ${lastYear} 不予公开 × 自然人`,
        run: () => get(`/api/reports/annual/requests?${new URLSearchParams({ year: String(lastYear), row: '（三）不予公开', column: '自然人' }).toString()}`),
        check: (b) => expect((b as AnnualReportDrillDownDto[]).length === ndNatural && ndNatural > 0, `${(b as unknown[]).length} items, want ${ndNatural}`),
      },
      {
        name: `annual drill-down ${lastYear} part four (reconsiderations)`,
        run: () => get(`/api/reports/annual/requests?${new URLSearchParams({ year: String(lastYear), row: PART4_ROW_LABEL, column: PART4_COLUMNS[4]! }).toString()}`),
        check: (b) => {
          const want = seen.lastYear?.part4.rows[0]?.values[4] ?? -1;
          return expect((b as AnnualReportDrillDownDto[]).length === want && want > 0, `${(b as unknown[]).length} items, want ${want}`);
        },
      },
      {
        name: `annual report ${lastYear} .xlsx export`,
        run: () => get(`/api/reports/annual/export?year=${lastYear}&format=xlsx`, 'buffer'),
        check: (b) => {
          const x = b as { type: string | null; bytes: Buffer };
          return expect(!!x.type?.includes('spreadsheetml') && x.bytes.length > 5000 && x.bytes.subarray(0, 2).toString() === 'PK', `${x.type}, ${x.bytes.length} bytes`);
        },
      },
      { name: 'SELECT count(*) FROM disclosure_requests (pg, reference)', run: () => db.query('SELECT count(*) FROM disclosure_requests') },
    ];

    console.log(`\ntimed: sequential, 1 warm-up + ${RUNS} runs each; today ${today}; unit ${unit.name}; ${inRange} requests received ${from}…${today}`);
    const results: { name: string; times: number[] }[] = [];
    for (const c of cases) {
      const body = await c.run();
      const problem = c.check?.(body) ?? null;
      if (problem) failures.push(`${c.name}: ${problem}`);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await c.run();
        times.push(performance.now() - t);
      }
      results.push({ name: c.name, times });
      console.log(`  ${c.name}: ${times.map((t) => t.toFixed(0)).join(' ')} ms${problem ? `  ✗ ${problem}` : ''}`);
    }

    // After the generated ones, the API numbers a new request on from them.
    const first17 = '37012419900101123';
    const registered = await fetch(`${server.url}/api/requests`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        channel: 'online',
        receivedAt: today,
        unitId: unit.id,
        applicant: { type: 'natural_person', name: '基准测试', idType: 'resident_id', idNumber: first17 + residentIdCheckCharacter(first17) },
        description: '基准测试之后登记的一件申请',
        form: { medium: 'electronic', delivery: 'online' },
      }),
    });
    const receiptNo = registered.ok ? ((await registered.json()) as RegisteredRequestDto).receiptNo : `HTTP ${registered.status} ${await registered.text()}`;
    const nextNo = `YSQ-${year}-${String((gen.receivedByYear[year] ?? 0) + 1).padStart(5, '0')}`;
    console.log(`  a request registered now gets ${receiptNo} (expected ${nextNo})`);
    if (receiptNo !== nextNo) failures.push(`new request numbered ${receiptNo}, not ${nextNo}`);

    const health = median(results[0]!.times);
    const w = Math.max(...results.map((r) => r.name.length));
    console.log(`\n${'query'.padEnd(w)}  median      p90      min   × health  ≤ ${TARGET_MS} ms`);
    for (const r of results) {
      const m = median(r.times);
      console.log(
        `${r.name.padEnd(w)}  ${m.toFixed(1).padStart(6)}  ${percentile(r.times, 90).toFixed(1).padStart(7)}  ${Math.min(...r.times).toFixed(1).padStart(7)}  ${(m / health).toFixed(1).padStart(9)}  ${m <= TARGET_MS ? 'yes' : 'NO'}`,
      );
    }
    if (failures.length) {
      console.error(`\n${failures.length} check(s) failed:`);
      for (const f of failures) console.error(`  ✗ ${f}`);
      process.exitCode = 1;
    } else {
      console.log('\nall answers checked against the database: ok');
    }
  } finally {
    await db.end().catch(() => undefined);
    await server.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
