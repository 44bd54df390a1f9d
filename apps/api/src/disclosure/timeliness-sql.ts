import { REPLY_TYPES, type TimelinessFilter } from '@govdesk/domain';

const replyTypes = REPLY_TYPES.map((t) => `'${t}'`).join(', ');

/**
 * The part of a request's timeliness record (libs/domain/src/reports/timeliness.ts) that does
 * not move with today, as columns PostgreSQL computes from the stored ones (generated columns of
 * disclosure_requests, kept with every write): whether it was replied to, and on time; whether
 * its clock was corrected or paused for a consultation; and its month of receipt. The dashboard
 * counts with them and the request list filters with them (timelinessFilterSql), so a number and
 * its drill-down are the same requests; only an open request's deadline state is computed live.
 *
 * Why these are the record: `replied` is `concludedOn !== null` and an outcome that is a reply
 * type; `onTime` is the concluded event's date (= `concluded_on`, set in the same transition) on
 * or before the due date in force, and a concluded request's due date is final — the engine folds
 * no clock event after the conclusion and reads no `asOf` for it — and stored (`due_date`,
 * recomputed in every transition and, after a calendar change, for concluded requests too:
 * DisclosureService.recomputeDeadlines); `correction` and `consultation` are whether a clock
 * event of that type exists. apps/api/test/timeliness-figures.spec.ts compares the dashboard
 * with the records computed one by one.
 */
export const TIMELINESS_COLUMNS = {
  replied: `coalesce(concluded_on IS NOT NULL AND outcome IN (${replyTypes}), false)`,
  replied_on_time: `coalesce(concluded_on IS NOT NULL AND outcome IN (${replyTypes}) AND concluded_on <= due_date, false)`,
  corrected: `clock_events @> '[{"type": "correction_requested"}]'`,
  consulted: `clock_events @> '[{"type": "consultation_started"}]'`,
  /** YYYYMM of the date of receipt: the dashboard's months. */
  received_month: `(extract(year FROM received_on) * 100 + extract(month FROM received_on))::int`,
} as const;

/**
 * The record's fields in SQL over the request table aliased `r` (column names, no parameters).
 * `extended` is the `extension` column itself.
 */
export function timelinessSql(r: string) {
  return {
    concluded: `${r}.concluded_on IS NOT NULL`,
    open: `${r}.concluded_on IS NULL`,
    replied: `${r}.replied`,
    repliedOnTime: `${r}.replied_on_time`,
    extended: `(${r}.extension = 'approved')`,
    corrected: `${r}.corrected`,
    consulted: `${r}.consulted`,
  };
}

/**
 * The conditions of `filter` in SQL (all must hold), except which deadline state an open
 * request is in: with `deadlineState`, they select open requests and the caller keeps those
 * whose live record is in one of the states.
 */
export function timelinessFilterSql(r: string, filter: TimelinessFilter): string[] {
  const t = timelinessSql(r);
  const where: string[] = [];
  if (filter.timeliness === 'replied') where.push(t.replied);
  if (filter.timeliness === 'on_time') where.push(t.repliedOnTime);
  if (filter.timeliness === 'late') where.push(`${t.replied} AND NOT ${t.repliedOnTime}`);
  if (filter.deadlineState?.length) where.push(t.open);
  if (filter.extended !== undefined) where.push(filter.extended ? t.extended : `NOT ${t.extended}`);
  if (filter.corrected !== undefined) where.push(filter.corrected ? t.corrected : `NOT ${t.corrected}`);
  if (filter.consulted !== undefined) where.push(filter.consulted ? t.consulted : `NOT ${t.consulted}`);
  return where;
}
