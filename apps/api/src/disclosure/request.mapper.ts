import {
  availableActions,
  computeDeadline,
  feePending,
  maskAddress,
  maskIdNumber,
  maskPhone,
  type Actor,
  type IsoDate,
  type WorkingDayCalendar,
} from '@govdesk/domain';
import type { ApplicantDto, RequestDto, TimelineEntryDto } from '@govdesk/contracts';
import type { ApplicantRecord, DisclosureRequestEntity } from './disclosure-request.entity';
import type { RequestEventEntity } from './request-event.entity';

export function applicantDto(a: ApplicantRecord, reveal: boolean): ApplicantDto {
  return {
    type: a.type,
    name: a.name,
    idType: a.idType,
    idNumber: reveal ? a.idNumber : maskIdNumber(a.idNumber),
    phone: a.phone ? (reveal ? a.phone : maskPhone(a.phone)) : null,
    address: a.address ? (reveal ? a.address : maskAddress(a.address)) : null,
    email: a.email ?? null,
    postcode: a.postcode ?? null,
    contactPerson: a.contactPerson ?? null,
    masked: !reveal,
  };
}

export function transitionContext(r: DisclosureRequestEntity) {
  return { status: r.status, extension: r.extension, replyApproved: r.replyApprovedAt !== null, replyType: r.replyType, feePending: feePending(r.clockEvents) };
}

/** The API's view of a request: applicant masked, deadline computed as of `today`. */
export function requestDto(r: DisclosureRequestEntity, calendar: WorkingDayCalendar, today: IsoDate, actor: Actor): RequestDto {
  const deadline = computeDeadline(calendar, r.clockEvents, today);
  return {
    id: r.id,
    receiptNo: r.receiptNo,
    status: r.status,
    channel: r.channel,
    receivedAt: r.receivedAt.toISOString(),
    receivedOn: r.receivedOn,
    dueDate: deadline.dueDate,
    unitId: r.unitId,
    unitName: r.unit?.name ?? '',
    handlerId: r.handlerId,
    handlerName: r.handler?.displayName ?? null,
    title: r.title,
    description: r.description,
    form: { medium: r.formMedium, delivery: r.formDelivery },
    applicant: applicantDto(r.applicant, false),
    extension: r.extension,
    reply: r.replyType
      ? {
          replyType: r.replyType,
          reasonCode: r.reasonCode,
          legalBasis: r.legalBasis ?? '',
          body: r.replyBody,
          approvedBy: r.replyApprovedBy,
          approvedAt: r.replyApprovedAt?.toISOString() ?? null,
          sentOn: r.outcome !== null && r.outcome === r.replyType ? r.concludedOn : null,
          deliveryMethod: r.deliveryMethod,
        }
      : null,
    deadline,
    availableActions: availableActions(transitionContext(r), actor.roles),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function timelineDto(e: RequestEventEntity): TimelineEntryDto {
  return {
    id: e.id,
    at: e.at.toISOString(),
    eventDate: e.eventDate,
    action: e.action as TimelineEntryDto['action'],
    actorName: e.actorName,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    details: e.details as Record<string, unknown>,
  };
}

/** A summary for the audit log: what changed, with personal data masked. */
export function auditView(r: DisclosureRequestEntity) {
  return {
    receiptNo: r.receiptNo,
    status: r.status,
    unitId: r.unitId,
    handlerId: r.handlerId,
    dueDate: r.dueDate,
    extension: r.extension,
    replyType: r.replyType,
    reasonCode: r.reasonCode,
    replyApprovedBy: r.replyApprovedBy,
    concludedOn: r.concludedOn,
    outcome: r.outcome,
    version: r.version,
    applicant: applicantDto(r.applicant, false),
  };
}
