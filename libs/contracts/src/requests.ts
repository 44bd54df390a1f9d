import { z } from 'zod';
import {
  ABANDON_REASONS,
  APPLICANT_TYPES,
  checkResidentIdNumber,
  checkUnifiedSocialCreditCode,
  FORM_DELIVERIES,
  FORM_MEDIA,
  ID_TYPES,
  isIsoDate,
  OPEN_DEADLINE_STATES,
  REPLY_TYPES,
  REQUEST_ACTIONS,
  REQUEST_CHANNELS,
  REQUEST_STATUSES,
  REVIEW_KINDS,
  REVIEW_OUTCOMES,
  TIMELINESS_OUTCOMES,
  type ApplicantType,
  type DeadlineState,
  type ExplanationStep,
  type IdType,
  type ReplyType,
  type RequestAction,
  type RequestChannel,
  type RequestStatus,
  type ReviewKind,
  type ReviewOutcome,
} from '@govdesk/domain';

/** `YYYY-MM-DD` or an ISO date-time with zone; the API turns it into a China calendar date. */
export const dateOrInstantSchema = z
  .string()
  .trim()
  .refine((v) => isIsoDate(v) || (/^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v))), 'must be YYYY-MM-DD or an ISO date-time');

export const isoDateSchema = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');

const ORGANISATION_TYPES: readonly ApplicantType[] = APPLICANT_TYPES.filter((t) => t !== 'natural_person');

export const applicantSchema = z
  .object({
    type: z.enum(APPLICANT_TYPES),
    name: z.string().trim().min(1, 'name is required').max(100),
    idType: z.enum(ID_TYPES),
    idNumber: z.string().trim().min(1, 'idNumber is required').max(40),
    phone: z.string().trim().regex(/^[0-9+\-() ]{5,30}$/, 'phone: digits, spaces, + - ( ) only').optional(),
    address: z.string().trim().max(200).optional(),
    email: z.email().optional(),
    postcode: z.string().trim().regex(/^\d{6}$/, 'postcode: 6 digits').optional(),
    /** For organisations: the person who handles the application. */
    contactPerson: z.string().trim().max(60).optional(),
  })
  .superRefine((a, ctx) => {
    const isOrg = ORGANISATION_TYPES.includes(a.type);
    if (isOrg && a.idType !== 'unified_social_credit_code') {
      ctx.addIssue({ code: 'custom', path: ['idType'], message: 'an organisation is identified by its unified social credit code' });
    }
    if (!isOrg && a.idType === 'unified_social_credit_code') {
      ctx.addIssue({ code: 'custom', path: ['idType'], message: 'a natural person is identified by a resident ID, passport or other ID' });
    }
    const check =
      a.idType === 'resident_id'
        ? checkResidentIdNumber(a.idNumber)
        : a.idType === 'unified_social_credit_code'
          ? checkUnifiedSocialCreditCode(a.idNumber)
          : { valid: true as const };
    if (!check.valid) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `invalid ${a.idType}: ${check.reason}` });
  });
export type ApplicantInput = z.infer<typeof applicantSchema>;

export const registerRequestSchema = z.object({
  channel: z.enum(REQUEST_CHANNELS),
  receivedAt: dateOrInstantSchema,
  unitId: z.uuid(),
  applicant: applicantSchema,
  title: z.string().trim().max(200).optional(),
  description: z.string().trim().min(5, 'description: at least 5 characters').max(5000),
  form: z.object({ medium: z.enum(FORM_MEDIA), delivery: z.enum(FORM_DELIVERIES) }),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

const base = { version: z.number().int().min(1), at: dateOrInstantSchema.optional() };

/** The body of `POST /api/requests/:id/transitions`; fields beyond an action's own are ignored. */
export const transitionSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('start_review'), ...base }),
    z.object({ action: z.literal('accept'), ...base, handlerId: z.uuid().optional() }),
    z.object({
      action: z.literal('request_correction'),
      ...base,
      items: z.array(z.string().trim().min(1).max(500)).min(1, 'items: say what must be corrected').max(20),
      correctWithinDays: z.number().int().min(1).max(60).default(15),
    }),
    z.object({ action: z.literal('receive_correction'), ...base }),
    z.object({
      action: z.literal('start_consultation'),
      ...base,
      party: z.enum(['third_party', 'agency']),
      partyName: z.string().trim().max(120).optional(),
    }),
    z.object({ action: z.literal('end_consultation'), ...base, opinion: z.string().trim().max(5000).optional() }),
    z.object({ action: z.literal('request_extension'), ...base, reason: z.string().trim().min(2, 'reason is required').max(1000) }),
    z.object({ action: z.literal('approve_extension'), ...base }),
    z.object({
      action: z.literal('notify_fee'),
      ...base,
      amount: z.number().positive('amount must be above 0').max(100_000),
      reason: z.string().trim().min(2, 'reason is required').max(1000),
    }),
    z.object({ action: z.literal('receive_fee'), ...base }),
    z.object({ action: z.literal('set_reply_period'), ...base, dueDate: isoDateSchema, reason: z.string().trim().min(2, 'reason is required').max(1000) }),
    z.object({
      action: z.literal('draft_reply'),
      ...base,
      replyType: z.enum(REPLY_TYPES),
      reasonCode: z.string().trim().max(40).optional(),
      legalBasis: z.string().max(500).optional(),
      body: z.string().trim().max(20000).optional(),
    }),
    z.object({ action: z.literal('approve_reply'), ...base }),
    z.object({ action: z.literal('send_reply'), ...base, deliveryMethod: z.enum(FORM_DELIVERIES).optional() }),
    z.object({ action: z.literal('withdraw'), ...base, reason: z.string().trim().max(1000).optional() }),
    z.object({ action: z.literal('abandon'), ...base, reasonCode: z.enum(ABANDON_REASONS) }),
    z.object({ action: z.literal('archive'), ...base }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? `action must be one of: ${REQUEST_ACTIONS.join(', ')}` : undefined) },
);
export type TransitionRequest = z.infer<typeof transitionSchema>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/**
 * GET /api/requests. Besides the queue's own filters, the supervision dashboard's drill-down:
 * `timeliness`, `deadlineState` (open requests only), `extended`, `corrected`, `consulted`
 * select exactly the requests a dashboard number counts (libs/domain timeliness filters), and
 * `receivedFrom`/`receivedTo` its period (by date of receipt).
 */
export const requestListQuerySchema = z.object({
  status: csv(REQUEST_STATUSES).optional(),
  unitId: z.uuid().optional(),
  /** A handler, or `none` for the requests nobody is assigned to. */
  handlerId: z.union([z.uuid(), z.literal('none')]).optional(),
  channel: csv(REQUEST_CHANNELS).optional(),
  applicantType: csv(APPLICANT_TYPES).optional(),
  receivedFrom: isoDateSchema.optional(),
  receivedTo: isoDateSchema.optional(),
  dueFrom: isoDateSchema.optional(),
  dueTo: isoDateSchema.optional(),
  overdue: flag,
  timeliness: z.enum(TIMELINESS_OUTCOMES).optional(),
  deadlineState: csv(OPEN_DEADLINE_STATES).optional(),
  extended: flag,
  corrected: flag,
  consulted: flag,
  dueWithin: z.coerce.number().int().min(0).max(60).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['due', 'received', 'updated']).default('due'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;

export interface ApplicantDto {
  type: ApplicantType;
  name: string;
  idType: IdType;
  /** Masked unless revealed (POST /api/requests/:id/reveal, audited). */
  idNumber: string;
  phone: string | null;
  address: string | null;
  email: string | null;
  postcode: string | null;
  contactPerson: string | null;
  masked: boolean;
}

export interface DeadlineDto {
  dueDate: string;
  workingDaysLeft: number;
  state: DeadlineState;
  provisional: boolean;
  missingYears: number[];
  explanation: ExplanationStep[];
  correctionNoticeDue: string;
  applicantCorrectionDue: string | null;
  feeDue: string | null;
  extensionUsed: boolean;
  concludedOnTime: boolean | null;
}

export interface ReplyDto {
  replyType: ReplyType;
  reasonCode: string | null;
  legalBasis: string;
  body: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  sentOn: string | null;
  deliveryMethod: string | null;
}

export interface RequestDto {
  id: string;
  receiptNo: string;
  status: RequestStatus;
  channel: RequestChannel;
  receivedAt: string;
  /** The date of receipt (Art. 31), China time. */
  receivedOn: string;
  dueDate: string;
  unitId: string;
  unitName: string;
  handlerId: string | null;
  handlerName: string | null;
  title: string | null;
  description: string;
  form: { medium: (typeof FORM_MEDIA)[number]; delivery: (typeof FORM_DELIVERIES)[number] };
  applicant: ApplicantDto;
  extension: 'none' | 'requested' | 'approved';
  reply: ReplyDto | null;
  deadline: DeadlineDto;
  /** What the caller may do now (state, role and the request's own state). */
  availableActions: RequestAction[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntryDto {
  id: string;
  at: string;
  eventDate: string;
  action: RequestAction | 'register' | 'reveal' | 'attach' | 'urge';
  actorName: string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  details: Record<string, unknown>;
}

export interface RequestDetailDto extends RequestDto {
  timeline: TimelineEntryDto[];
}

export interface RegisteredRequestDto extends RequestDetailDto {
  /** Shown once, on the acknowledgement: with the receipt number it opens the public status page. */
  queryCode: string;
}

export interface RequestPageDto {
  items: RequestDto[];
  nextCursor: string | null;
}

export interface CalendarYearDto {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  updatedAt: string;
}

export interface CalendarYearsDto {
  years: { year: number; holidays: number; workdays: number; source: string; updatedAt: string }[];
  /** Years that open deadlines reach into but that have no calendar: their dates are provisional. */
  missingYears: number[];
}

export const calendarYearSchema = z.object({
  holidays: z.array(isoDateSchema).max(60),
  workdays: z.array(isoDateSchema).max(20),
  source: z.string().trim().max(120).optional(),
});
export type CalendarYearRequest = z.infer<typeof calendarYearSchema>;

export const addWorkingDaysQuerySchema = z.object({
  from: isoDateSchema,
  days: z.coerce.number().int().min(0).max(1000),
});

/** What an applicant submits on the public portal (channel `online`; received when staff confirm). */
export const portalSubmissionSchema = registerRequestSchema.omit({ channel: true, receivedAt: true });
export type PortalSubmissionRequest = z.infer<typeof portalSubmissionSchema>;

export interface PortalReceiptDto {
  receiptNo: string;
  /** Shown once: with the receipt number it opens the status page. */
  queryCode: string;
  submittedAt: string;
}

export const portalStatusQuerySchema = z.object({
  receiptNo: z.string().trim().max(32),
  queryCode: z.string().trim().max(16),
});

/** What the public status page shows: never any personal data. */
export interface PortalStatusDto {
  receiptNo: string;
  unitName: string;
  /** `submitted` until staff confirm receipt (Art. 31), then the request's status. */
  status: RequestStatus | 'submitted' | 'rejected';
  submittedAt: string;
  receivedOn: string | null;
  dueDate: string | null;
  provisional: boolean;
}

export interface PortalSubmissionDto {
  id: string;
  receiptNo: string;
  unitId: string;
  unitName: string;
  status: 'pending' | 'confirmed' | 'rejected';
  applicant: ApplicantDto;
  description: string;
  submittedAt: string;
  requestId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
}

export const rejectSubmissionSchema = z.object({ reason: z.string().trim().min(2, 'reason is required').max(500) });

export interface SimilarRequestDto {
  id: string;
  receiptNo: string;
  status: RequestStatus;
  receivedOn: string;
  applicantName: string;
  description: string;
  replyType: ReplyType | null;
  similarity: number;
}

export interface SimilarRequestsDto {
  items: SimilarRequestDto[];
  /** Distinct applicants (by identity number) among the similar requests and this one. */
  distinctApplicants: number;
  /** Art. 44: three or more applicants asked for the same disclosable information. */
  suggestProactiveDisclosure: boolean;
}

export const similarCheckSchema = z.object({
  unitId: z.uuid(),
  description: z.string().trim().min(2).max(5000),
  applicantIdNumber: z.string().trim().max(40).optional(),
});

export interface AttachmentDto {
  id: string;
  requestId: string;
  /** `in`: scans received (application, ID copies, corrections); `out`: documents sent. */
  direction: 'in' | 'out';
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export const reviewSchema = z
  .object({
    kind: z.enum(REVIEW_KINDS),
    filedOn: isoDateSchema,
    decidedOn: isoDateSchema.nullable().default(null),
    outcome: z.enum(REVIEW_OUTCOMES).nullable().default(null),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((r) => (r.decidedOn === null) === (r.outcome === null), { message: 'decidedOn and outcome go together: both set, or both empty while pending', path: ['outcome'] })
  .refine((r) => r.decidedOn === null || r.decidedOn >= r.filedOn, { message: 'decidedOn must not be before filedOn', path: ['decidedOn'] });
export type ReviewRequest = z.infer<typeof reviewSchema>;

export interface ReviewDto {
  id: string;
  requestId: string;
  kind: ReviewKind;
  filedOn: string;
  decidedOn: string | null;
  outcome: ReviewOutcome | null;
  note: string | null;
  createdBy: string;
  createdAt: string;
}

export const annualReportQuerySchema = z.object({
  year: z.coerce.number().int().min(2008).max(2100),
  unitId: z.uuid().optional(),
});

export interface AnnualReportDto {
  year: number;
  unitId: string | null;
  unitName: string;
  part3: { columns: string[]; rows: { label: string; level: number; values: number[] }[]; balance: { ok: boolean; columns: { column: string; left: number; right: number; ok: boolean }[] } };
  part4: { columns: string[]; rows: { label: string; level: number; values: number[] }[] };
}
