import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { compareDates, type IsoDate } from '../calendar/iso-date';
import { PERIODS, type ClockEvent } from './clock-events';

export type DeadlineState = 'on_track' | 'due_soon' | 'overdue' | 'paused' | 'stopped';

/** One step of how a due date came to be, in both console languages. */
export interface ExplanationStep {
  kind: ClockEvent['type'] | 'paused_so_far' | 'provisional';
  date: IsoDate;
  workingDays?: number;
  dueDate?: IsoDate;
  en: string;
  zh: string;
}

export interface Deadline {
  /** The reply due date in force (YYYY-MM-DD). */
  dueDate: IsoDate;
  /** Working days from today (or the conclusion) to the due date; negative when overdue. */
  workingDaysLeft: number;
  state: DeadlineState;
  provisional: boolean;
  missingYears: number[];
  explanation: ExplanationStep[];
  /** Art. 30: a correction notice must go out by this date (7 working days after receipt). */
  correctionNoticeDue: IsoDate;
  /** While a correction is awaited: the applicant's last day to send it. */
  applicantCorrectionDue: IsoDate | null;
  /** While a fee is awaited: the last day to pay before the request closes. */
  feeDue: IsoDate | null;
  extensionUsed: boolean;
  /** For a concluded request: whether it concluded on or before the due date. */
  concludedOnTime: boolean | null;
}

interface OpenPause {
  kind: 'consultation' | 'fee';
  since: IsoDate;
  limit: number | null;
}

/**
 * Folds a request's clock events into its deadline, as of `asOf` (today, in China).
 * Rules (Decree 711): due = the 20th working day after receipt (Art. 33); a correction
 * restarts the 20 days from the corrected application's receipt (Art. 30); a consultation
 * pauses the clock for the working days after the letter up to the opinion, at most 15
 * (Art. 32–34); an approved extension adds 20 working days once (Art. 33); a fee notice
 * pauses the clock until payment (国办函〔2020〕109号); a supervisor may set a longer period
 * (Art. 35).
 */
export function computeDeadline(calendar: WorkingDayCalendar, events: readonly ClockEvent[], asOf: IsoDate): Deadline {
  const received = events.find((e) => e.type === 'received');
  if (!received) throw new Error('a request has no deadline before it is received');

  const missing = new Set<number>();
  const add = (from: IsoDate, n: number) => {
    const r = calendar.addWorkingDays(from, n);
    r.missingYears.forEach((y) => missing.add(y));
    return r.date;
  };
  const count = (from: IsoDate, to: IsoDate) => {
    const r = calendar.countWorkingDays(from, to);
    r.missingYears.forEach((y) => missing.add(y));
    return r.days;
  };

  const explanation: ExplanationStep[] = [];
  let due = received.date;
  let awaitingCorrection: { since: IsoDate; until: IsoDate } | null = null;
  let pause: OpenPause | null = null;
  let concluded: { date: IsoDate; outcome: string } | null = null;
  let extensionUsed = false;

  const closePause = (p: OpenPause, end: IsoDate): number => {
    const capEnd = p.limit === null ? end : minDate(end, add(p.since, p.limit));
    return count(p.since, capEnd);
  };

  for (const e of events) {
    switch (e.type) {
      case 'received':
        due = add(e.date, PERIODS.reply);
        explanation.push(step(e, { workingDays: PERIODS.reply, dueDate: due },
          `Received ${e.date}; reply within ${PERIODS.reply} working days (Art. 33): due ${due}.`,
          `${e.date} 收到申请；应于 ${PERIODS.reply} 个工作日内答复（第三十三条），答复期限 ${due}。`));
        break;
      case 'correction_requested': {
        const until = add(e.date, e.correctWithinDays);
        awaitingCorrection = { since: e.date, until };
        explanation.push(step(e, { workingDays: e.correctWithinDays },
          `Correction notice sent ${e.date} (Art. 30); the applicant has until ${until}. The reply period restarts when the corrected application arrives.`,
          `${e.date} 发出补正告知（第三十条），申请人应于 ${until} 前补正；答复期限自收到补正后的申请之日起重新计算。`));
        break;
      }
      case 'correction_received':
        awaitingCorrection = null;
        due = add(e.date, PERIODS.reply);
        explanation.push(step(e, { workingDays: PERIODS.reply, dueDate: due },
          `Corrected application received ${e.date}; ${PERIODS.reply} working days afresh (Art. 30): due ${due}.`,
          `${e.date} 收到补正后的申请，重新计算 ${PERIODS.reply} 个工作日（第三十条），答复期限 ${due}。`));
        break;
      case 'consultation_started':
        pause = { kind: 'consultation', since: e.date, limit: PERIODS.consultationLimit };
        explanation.push(step(e, {},
          `Consultation of ${e.party === 'agency' ? 'another agency' : 'a third party'}${e.partyName ? ` (${e.partyName})` : ''} sent ${e.date}; the clock pauses until the opinion arrives, at most ${PERIODS.consultationLimit} working days (Art. 32–34).`,
          `${e.date} 发出征求意见（${e.party === 'agency' ? '其他机关' : '第三方'}${e.partyName ? `：${e.partyName}` : ''}），征求意见时间不计入答复期限，最长 ${PERIODS.consultationLimit} 个工作日（第三十二条至第三十四条）。`));
        break;
      case 'consultation_ended':
      case 'fee_paid': {
        if (!pause) break;
        const days = closePause(pause, e.date);
        due = add(due, days);
        const what = pause.kind === 'fee' ? ['fee notice', '收费通知至缴费'] : ['consultation', '征求意见'];
        explanation.push(step(e, { workingDays: days, dueDate: due },
          `${e.type === 'fee_paid' ? 'Fee paid' : 'Opinion received'} ${e.date}: paused ${pause.since} to ${e.date} for the ${what[0]}, ${days} working days not counted: due ${due}.`,
          `${e.date} ${e.type === 'fee_paid' ? '缴纳费用' : '收到意见'}：${pause.since} 至 ${e.date} ${what[1]}期间 ${days} 个工作日不计入，答复期限顺延至 ${due}。`));
        pause = null;
        break;
      }
      case 'extension_approved':
        extensionUsed = true;
        due = add(due, PERIODS.extension);
        explanation.push(step(e, { workingDays: PERIODS.extension, dueDate: due },
          `Extended by ${PERIODS.extension} working days on ${e.date}, approved by ${e.approvedBy} (Art. 33): due ${due}.`,
          `${e.date} 经 ${e.approvedBy} 批准延期 ${PERIODS.extension} 个工作日（第三十三条），答复期限延至 ${due}。`));
        break;
      case 'period_set':
        due = e.dueDate;
        explanation.push(step(e, { dueDate: due },
          `Reasonable reply period set on ${e.date} by ${e.setBy} (Art. 35: ${e.reason}): due ${due}.`,
          `${e.date} ${e.setBy} 依第三十五条确定合理答复期限（${e.reason}），答复期限 ${due}。`));
        break;
      case 'fee_notified':
        pause = { kind: 'fee', since: e.date, limit: null };
        explanation.push(step(e, {},
          `Fee notice sent ${e.date}; the clock stops until payment (国办函〔2020〕109号).`,
          `${e.date} 发出收费通知，至申请人缴费之日期间不计入答复期限（国办函〔2020〕109号）。`));
        break;
      case 'concluded':
        concluded = { date: e.date, outcome: e.outcome };
        break;
    }
  }

  let state: DeadlineState;
  let reference = asOf;
  if (concluded) {
    state = 'stopped';
    reference = concluded.date;
  } else if (pause) {
    // While paused, the due date moves with every working day of the pause (up to its limit).
    const soFar = closePause(pause, asOf);
    if (soFar > 0) {
      due = add(due, soFar);
      explanation.push({
        kind: 'paused_so_far',
        date: asOf,
        workingDays: soFar,
        dueDate: due,
        en: `Still paused on ${asOf}: ${soFar} working days so far; due ${due} if it ended today.`,
        zh: `截至 ${asOf} 仍在暂停计时：已暂停 ${soFar} 个工作日，如今日结束则答复期限为 ${due}。`,
      });
    }
    state = 'paused';
  } else if (awaitingCorrection) {
    state = 'paused';
  } else {
    state = 'on_track';
  }

  const left = compareDates(reference, due) <= 0 ? count(reference, due) : -count(due, reference);
  if (state === 'on_track') state = left < 0 ? 'overdue' : left <= PERIODS.dueSoon ? 'due_soon' : 'on_track';

  const missingYears = [...missing].sort();
  if (missingYears.length) {
    explanation.push({
      kind: 'provisional',
      date: asOf,
      en: `Provisional: no holiday calendar loaded for ${missingYears.join(', ')}; those days were counted Monday–Friday.`,
      zh: `暂定：${missingYears.join('、')} 年节假日安排尚未载入，按周一至周五计算。`,
    });
  }

  return {
    dueDate: due,
    workingDaysLeft: left,
    state,
    provisional: missingYears.length > 0,
    missingYears,
    explanation,
    correctionNoticeDue: add(received.date, PERIODS.correctionNotice),
    applicantCorrectionDue: awaitingCorrection?.until ?? null,
    feeDue: pause?.kind === 'fee' ? add(pause.since, PERIODS.feePayment) : null,
    extensionUsed,
    concludedOnTime: concluded ? compareDates(concluded.date, due) <= 0 : null,
  };
}

function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

function step(e: ClockEvent, extra: { workingDays?: number; dueDate?: IsoDate }, en: string, zh: string): ExplanationStep {
  return { kind: e.type, date: e.date, ...extra, en, zh };
}
