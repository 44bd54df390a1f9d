import type { ApiErrorBody, RegisteredRequestDto, RequestDetailDto, UnitDto, UrgeDto } from '@govdesk/contracts';
import type { Client as PgClient } from 'pg';
import { callRetrying, chinaToday, pause } from './http';

export interface Tokens {
  handler: string;
  supervisor: string;
}

interface Step {
  action: string;
  body?: Record<string, unknown>;
  as: keyof Tokens;
  /** Clock events the step adds to the request's deadline (clock_events). */
  clock: number;
}

/** A request's whole life, each step a transition that changes it (so its version grows by one). */
export const PLAN: readonly Step[] = [
  { action: 'start_review', as: 'handler', clock: 0 },
  { action: 'request_correction', body: { items: ['请补充申请人身份证明'], correctWithinDays: 10 }, as: 'handler', clock: 1 },
  { action: 'receive_correction', as: 'handler', clock: 1 },
  { action: 'accept', as: 'handler', clock: 0 },
  { action: 'start_consultation', body: { party: 'third_party', partyName: '县城建集团' }, as: 'handler', clock: 1 },
  { action: 'end_consultation', body: { opinion: '同意公开' }, as: 'handler', clock: 1 },
  { action: 'request_extension', body: { reason: '涉及第三方，需进一步核实' }, as: 'handler', clock: 0 },
  { action: 'approve_extension', as: 'supervisor', clock: 1 },
  { action: 'draft_reply', body: { replyType: 'disclosed' }, as: 'handler', clock: 0 },
  { action: 'approve_reply', as: 'supervisor', clock: 0 },
  { action: 'send_reply', as: 'handler', clock: 1 },
  { action: 'archive', as: 'handler', clock: 0 },
];
/** The step after which the supervisor urges the handler (the request has a handler by then). */
export const URGE_AFTER = 'accept';

/** What clients saw while driving requests. */
export interface DriveStats {
  transitions: number;
  /** Transitions whose answer was lost but that had been applied (a retry met a version conflict and re-read). */
  appliedUnseen: number;
  /** Failed attempts (connection errors, 5xx, timeouts) that were retried. */
  unclear: number;
  urges: number;
  /** Urge calls that needed a retry: each may have stored an urge whose answer was lost. */
  urgesRetried: number;
  /** Urges committed whose answer the server could not keep (their retry was told so: 409). */
  urgeAnswersLost: number;
}

export const newStats = (): DriveStats => ({ transitions: 0, appliedUnseen: 0, unclear: 0, urges: 0, urgesRetried: 0, urgeAnswersLost: 0 });

export async function educationUnit(base: string, token: string): Promise<string> {
  const units = await callRetrying<UnitDto[]>(base, token, 'GET', '/api/units');
  return units.body.find((u) => u.name === '县教体局')!.id;
}

export async function registerRequests(base: string, token: string, unitId: string, n: number, tag: string): Promise<RegisteredRequestDto[]> {
  const out: RegisteredRequestDto[] = [];
  for (let i = 0; i < n; i++) {
    const res = await callRetrying<RegisteredRequestDto>(base, token, 'POST', '/api/requests', {
      channel: 'in_person',
      receivedAt: chinaToday(),
      unitId,
      applicant: { type: 'natural_person', name: `故障测试申请人${i}`, idType: 'other_id', idNumber: `${tag}-${i}` },
      description: `申请公开 2026 年第 ${i} 批校舍维修项目的招标文件（${tag}）`,
      form: { medium: 'paper', delivery: 'pickup' },
    });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${JSON.stringify(res.body)}`);
    out.push(res.body);
  }
  return out;
}

const TIMELINE_ONLY = ['register', 'reveal', 'urge'];

/**
 * Takes one request through `steps` from `version`, as a careful client does: a call that fails
 * without an answer is retried; a version conflict after such a failure means the lost attempt
 * was applied — re-read and go on. Any other answer fails the test.
 */
export async function drive(
  base: string | (() => string),
  tokens: Tokens,
  id: string,
  version: number,
  steps: readonly Step[],
  stats: DriveStats,
  options: { check?: () => void; urge?: boolean } = {},
): Promise<number> {
  for (const step of steps) {
    const res = await callRetrying<RequestDetailDto | ApiErrorBody>(base, tokens[step.as], 'POST', `/api/requests/${id}/transitions`, { action: step.action, ...step.body, version }, { check: options.check });
    stats.unclear += res.unclear;
    if (res.status === 200) {
      version = (res.body as RequestDetailDto).version;
    } else if (res.status === 409 && (res.body as ApiErrorBody).code === 'REQUEST_VERSION_CONFLICT' && res.unclear > 0) {
      const detail = await callRetrying<RequestDetailDto>(base, tokens[step.as], 'GET', `/api/requests/${id}`, undefined, { check: options.check });
      const last = detail.body.timeline.filter((e) => !TIMELINE_ONLY.includes(e.action)).at(-1);
      if (detail.body.version !== version + 1 || last?.action !== step.action) {
        throw new Error(`${id}: after a lost answer to ${step.action} at version ${version} the request is at version ${detail.body.version}, last ${last?.action}`);
      }
      stats.appliedUnseen++;
      version = detail.body.version;
    } else {
      throw new Error(`${id}: ${step.action} at version ${version} answered ${res.status} ${JSON.stringify(res.body)}`);
    }
    stats.transitions++;
    if (options.urge && step.action === URGE_AFTER) {
      // One key for every attempt: a retry after a lost answer gets that answer, not a second urge.
      const urge = () =>
        callRetrying<UrgeDto | ApiErrorBody>(base, tokens.supervisor, 'POST', `/api/requests/${id}/urges`, { message: '请加快办理' }, {
          check: options.check,
          headers: { 'Idempotency-Key': `urge-${id}` },
        });
      let urged = await urge();
      // The first attempt may still be running on the server (its client gave up waiting): wait for it.
      while (urged.status === 409 && (urged.body as ApiErrorBody).code === 'IDEMPOTENCY_KEY_IN_USE') {
        await pause(200);
        urged = await urge();
      }
      // Committed, but the process ended before keeping the answer: the urge is stored, the answer is not.
      const answerLost = urged.status === 409 && (urged.body as ApiErrorBody).code === 'IDEMPOTENCY_NO_ANSWER';
      if (urged.status !== 201 && !answerLost) throw new Error(`${id}: urge answered ${urged.status} ${JSON.stringify(urged.body)}`);
      if (answerLost) stats.urgeAnswersLost++;
      stats.urges++;
      stats.unclear += urged.unclear;
      if (urged.unclear) stats.urgesRetried++;
    }
  }
  return version;
}

export interface RequestState {
  id: string;
  /** Transitions applied (read from the database). */
  applied: number;
  urges: number;
}

/**
 * The invariants of every request, read from the database and, for the deadline, from the
 * API's own computation (`detail`): its timeline is a prefix of the plan with no step twice, the
 * statuses chain, its status is where the timeline ends, its version is 1 + transitions, one
 * audit entry per transition (in the same order, ending with the stored status, version and
 * due date), the clock events the applied steps add, the stored due date as the API computes
 * it; each urge with its timeline entry, audit entry and notification. Returns what it found.
 */
export async function checkRequests(
  sql: PgClient,
  ids: string[],
  detail: (id: string) => Promise<RequestDetailDto>,
): Promise<RequestState[]> {
  const problems: string[] = [];
  const states: RequestState[] = [];
  for (const id of ids) {
    const [request] = (
      await sql.query<{ status: string; version: number; due_date: string; clock: number }>(
        `SELECT status, version, due_date::text AS due_date, jsonb_array_length(clock_events) AS clock FROM disclosure_requests WHERE id = $1`,
        [id],
      )
    ).rows;
    const events = (
      await sql.query<{ action: string; from_status: string | null; to_status: string }>(
        `SELECT action, from_status, to_status FROM request_events WHERE request_id = $1 AND action NOT IN ('reveal', 'urge') ORDER BY id`,
        [id],
      )
    ).rows;
    const audit = (
      await sql.query<{ action: string; status: string; version: number; due: string }>(
        `SELECT action, after->>'status' AS status, (after->>'version')::int AS version, after->>'dueDate' AS due
           FROM audit_log WHERE entity_id = $1 AND action <> 'request.urge' ORDER BY id`,
        [id],
      )
    ).rows;
    const urges = (
      await sql.query<{ urges: string; events: string; audited: string; notified: string }>(
        `SELECT (SELECT count(*) FROM request_urges WHERE request_id = $1::uuid) AS urges,
                (SELECT count(*) FROM request_events WHERE request_id = $1::uuid AND action = 'urge') AS events,
                (SELECT count(*) FROM audit_log WHERE entity_id = $1::uuid::text AND action = 'request.urge') AS audited,
                (SELECT count(*) FROM notifications WHERE urge_id IN (SELECT id FROM request_urges WHERE request_id = $1::uuid)) AS notified`,
        [id],
      )
    ).rows[0]!;
    if (!request) {
      problems.push(`${id}: missing`);
      continue;
    }
    const applied = events.length - 1;
    const expected = ['register', ...PLAN.slice(0, applied).map((s) => s.action)];
    const say = (what: string) => problems.push(`${id} (${applied} applied): ${what}`);
    if (JSON.stringify(events.map((e) => e.action)) !== JSON.stringify(expected)) say(`timeline ${events.map((e) => e.action).join(',')} is not a prefix of the plan`);
    events.forEach((e, i) => {
      if (i > 0 && e.from_status !== events[i - 1]!.to_status) say(`event ${i} starts from ${e.from_status}, the one before ended at ${events[i - 1]!.to_status}`);
    });
    if (events.at(-1)?.to_status !== request.status) say(`status ${request.status}, timeline ends at ${events.at(-1)?.to_status}`);
    if (request.version !== 1 + applied) say(`version ${request.version}`);
    if (JSON.stringify(audit.map((a) => a.action)) !== JSON.stringify(expected.map((a) => `request.${a}`))) say(`audit ${audit.map((a) => a.action).join(',')}`);
    const lastAudit = audit.at(-1);
    if (lastAudit && (lastAudit.status !== request.status || lastAudit.version !== request.version || lastAudit.due !== request.due_date)) {
      say(`last audit entry says ${lastAudit.status} v${lastAudit.version} due ${lastAudit.due}, the request is ${request.status} v${request.version} due ${request.due_date}`);
    }
    const clock = 1 + PLAN.slice(0, applied).reduce((s, p) => s + p.clock, 0);
    if (request.clock !== clock) say(`${request.clock} clock events, expected ${clock}`);
    const computed = (await detail(id)).dueDate;
    if (computed !== request.due_date) say(`stored due date ${request.due_date}, the API computes ${computed}`);
    if (!(urges.urges === urges.events && urges.urges === urges.audited && urges.urges === urges.notified)) say(`urges ${JSON.stringify(urges)}`);
    states.push({ id, applied, urges: Number(urges.urges) });
  }
  expect(problems).toEqual([]);
  return states;
}
