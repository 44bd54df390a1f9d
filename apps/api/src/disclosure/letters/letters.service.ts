import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  chinaDateOf,
  computeDeadline,
  PERIODS,
  type ClockEvent,
  type IsoDate,
  type ReplyReasonCode,
  type WorkingDayCalendar,
} from '@govdesk/domain';
import type { CurrentUserInfo } from '../../auth/current-user.decorator';
import { CalendarService } from '../../calendar/calendar.service';
import { AppError } from '../../common/errors/app.error';
import { Clock } from '../../common/time/clock';
import { DisclosureRequestEntity } from '../disclosure-request.entity';
import { RequestEventEntity } from '../request-event.entity';
import {
  acknowledgementLetter,
  consultationLetter,
  correctionNoticeLetter,
  extensionNoticeLetter,
  replyLetter,
  type LetterRequest,
} from './letter-builders';
import { renderLetter, type Letter } from './letter-frame';
import type { LetterKind } from './letter-wording';
import { inScope } from '../../common/scope/unit-scope';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface LetterFile {
  content: Buffer;
  /** ASCII only, e.g. `YSQ-2026-00001-reply.docx`. */
  fileName: string;
  /** The Chinese name, e.g. `YSQ-2026-00001-政府信息公开申请答复书.docx`. */
  fileNameZh: string;
}

/** `attachment` with the ASCII name, and the Chinese name for clients that read RFC 5987/6266. */
export function contentDisposition(file: LetterFile): string {
  const encoded = encodeURIComponent(file.fileNameZh).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${file.fileName}"; filename*=UTF-8''${encoded}`;
}

/** The timeline events the letters read their details from. */
const LETTER_EVENTS = ['request_correction', 'start_consultation', 'request_extension', 'approve_extension', 'approve_reply', 'send_reply'];

interface LetterContext {
  request: DisclosureRequestEntity;
  events: RequestEventEntity[];
  calendar: WorkingDayCalendar;
  today: IsoDate;
}

/** The formal letters of a disclosure request, as .docx files built from its record and timeline. */
@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async letter(id: string, kind: LetterKind, actor: CurrentUserInfo): Promise<LetterFile> {
    const request = await this.dataSource.getRepository(DisclosureRequestEntity).findOne({ where: { id }, relations: { unit: true } });
    // The same rule as every request route: outside the actor's units, the request does not exist.
    if (!inScope(request, actor)) throw new AppError('REQUEST_NOT_FOUND');
    const events = await this.dataSource
      .getRepository(RequestEventEntity)
      .find({ where: { requestId: id, action: In(LETTER_EVENTS) }, order: { id: 'ASC' } });
    const ctx: LetterContext = { request, events, calendar: await this.calendars.calendar(), today: this.clock.today() };

    const letter = BUILDERS[kind](ctx, letterRequest(request));
    const letterhead = request.unit?.letterhead.trim() || request.unit?.name || '';
    const content = await renderLetter(letter, { letterhead, receiptNo: request.receiptNo });
    return {
      content,
      fileName: `${request.receiptNo}-${kind.replace(/_/g, '-')}.docx`,
      fileNameZh: `${request.receiptNo}-${letter.title}${letter.draft ? '（草稿）' : ''}.docx`,
    };
  }
}

type Builder = (ctx: LetterContext, r: LetterRequest) => Letter;

const BUILDERS: Record<LetterKind, Builder> = {
  acknowledgement: ({ request, calendar }, r) => {
    // The receipt states the period as it stood on receipt (Art. 33), whatever happened since.
    const received = request.clockEvents.filter((e) => e.type === 'received');
    const d = computeDeadline(calendar, received, request.receivedOn);
    return acknowledgementLetter(r, { dueDate: d.dueDate, provisional: d.provisional, correctionNoticeDue: d.correctionNoticeDue });
  },

  correction_notice: ({ events, calendar }, r) => {
    const event = latest(events, 'request_correction', 'No correction has been requested: there is no correction notice.', '该申请未告知补正，没有补正申请告知书。');
    const details = event.details as { items?: unknown; correctWithinDays?: unknown };
    const items = Array.isArray(details.items) ? details.items.filter((x): x is string => typeof x === 'string') : [];
    const days = typeof details.correctWithinDays === 'number' ? details.correctWithinDays : PERIODS.defaultCorrectionWindow;
    return correctionNoticeLetter(r, { date: event.eventDate, items, correctWithinDays: days, correctBy: calendar.addWorkingDays(event.eventDate, days).date });
  },

  extension_notice: ({ request, events, calendar, today }, r) => {
    const asked = latest(events, 'request_extension', 'No extension has been requested: there is no extension notice.', '该申请未申请延期，没有延期答复告知书。');
    const reason = (asked.details as { reason?: unknown }).reason;
    const approval = request.extension === 'approved' ? events.filter((e) => e.action === 'approve_extension').at(-1) : undefined;
    return extensionNoticeLetter(r, {
      date: approval?.eventDate ?? asked.eventDate,
      reason: typeof reason === 'string' ? reason : '',
      newDueDate: extendedDueDate(request.clockEvents, calendar, today),
      approved: approval !== undefined,
    });
  },

  consultation_letter: ({ events, calendar }, r) => {
    const event = latest(events, 'start_consultation', 'No consultation has been started: there is no consultation letter.', '该申请未征求意见，没有征求意见书。');
    const details = event.details as { party?: unknown; partyName?: unknown };
    return consultationLetter(r, {
      date: event.eventDate,
      party: details.party === 'agency' ? 'agency' : 'third_party',
      partyName: typeof details.partyName === 'string' ? details.partyName : null,
      replyBy: calendar.addWorkingDays(event.eventDate, PERIODS.consultationLimit).date,
    });
  },

  reply: ({ request, events, today }, r) => {
    if (!request.replyType) {
      throw new AppError('REQUEST_ACTION_NOT_ALLOWED', 'No reply has been drafted yet: there is no reply letter.', undefined, '该申请尚未拟写答复，没有答复书。');
    }
    const approved = request.replyApprovedAt !== null;
    const sent = request.outcome === request.replyType && request.concludedOn ? request.concludedOn : null;
    const approvedOn = approved ? (events.filter((e) => e.action === 'approve_reply').at(-1)?.eventDate ?? chinaDateOf(request.replyApprovedAt!)) : null;
    return replyLetter(r, {
      date: sent ?? approvedOn ?? today,
      replyType: request.replyType,
      reasonCode: request.reasonCode as ReplyReasonCode | null,
      legalBasis: request.legalBasis ?? '',
      body: request.replyBody,
      approved,
    });
  },
};

function letterRequest(request: DisclosureRequestEntity): LetterRequest {
  return {
    receiptNo: request.receiptNo,
    receivedOn: request.receivedOn,
    applicantName: request.applicantName,
    description: request.description,
    formMedium: request.formMedium,
    formDelivery: request.formDelivery,
  };
}

/** The latest event of the action, or 409: the letter does not exist yet. */
function latest(events: RequestEventEntity[], action: string, en: string, zh: string): RequestEventEntity {
  const event = events.filter((e) => e.action === action).at(-1);
  if (!event) throw new AppError('REQUEST_ACTION_NOT_ALLOWED', en, undefined, zh);
  return event;
}

/**
 * The due date the extension notice announces: as it stood when the extension was approved, or,
 * while it awaits approval, what it would be if approved today.
 */
function extendedDueDate(clockEvents: ClockEvent[], calendar: WorkingDayCalendar, today: IsoDate): IsoDate {
  const at = clockEvents.findLastIndex((e) => e.type === 'extension_approved');
  if (at >= 0) return computeDeadline(calendar, clockEvents.slice(0, at + 1), clockEvents[at]!.date).dueDate;
  return computeDeadline(calendar, [...clockEvents, { type: 'extension_approved', date: today, approvedBy: '' }], today).dueDate;
}
