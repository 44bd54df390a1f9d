import type { Role } from '../roles';
import { isRefusal, QUICK_REPLY_TYPES, reasonCodesFor, type ReplyReasonCode, type ReplyType } from './disclosure-codes';

/** 登记 → 审核 → 办理 (征求意见) → 答复待签发 → 已答复 → 已归档; or closed without reply. */
export const REQUEST_STATUSES = [
  'registered',
  'reviewing',
  'awaiting_correction',
  'handling',
  'consulting',
  'reply_drafted',
  'replied',
  'archived',
  'withdrawn',
  'abandoned',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = [
  'start_review',
  'accept',
  'request_correction',
  'receive_correction',
  'start_consultation',
  'end_consultation',
  'request_extension',
  'approve_extension',
  'notify_fee',
  'receive_fee',
  'set_reply_period',
  'draft_reply',
  'approve_reply',
  'send_reply',
  'withdraw',
  'abandon',
  'archive',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const OPEN_STATUSES: readonly RequestStatus[] = ['registered', 'reviewing', 'awaiting_correction', 'handling', 'consulting', 'reply_drafted'];
export const CLOSED_STATUSES: readonly RequestStatus[] = ['replied', 'archived', 'withdrawn', 'abandoned'];

const HANDLERS: readonly Role[] = ['handler', 'supervisor'];
const SUPERVISORS: readonly Role[] = ['supervisor'];

interface Rule {
  from: readonly RequestStatus[];
  /** The status after the action; `null` keeps the current one. */
  to: RequestStatus | null;
  roles: readonly Role[];
  zh: string;
  en: string;
}

/**
 * The transition table: for each action, where it may start, where it leads and who may do it.
 * The clock effects live in the deadline engine (clock-events.ts); requirements in `checkTransition`.
 */
export const TRANSITIONS: Record<RequestAction, Rule> = {
  start_review: { from: ['registered'], to: 'reviewing', roles: HANDLERS, zh: '开始审核', en: 'Start review' },
  accept: { from: ['registered', 'reviewing'], to: 'handling', roles: HANDLERS, zh: '受理', en: 'Accept' },
  request_correction: { from: ['registered', 'reviewing'], to: 'awaiting_correction', roles: HANDLERS, zh: '告知补正', en: 'Request correction' },
  receive_correction: { from: ['awaiting_correction'], to: 'reviewing', roles: HANDLERS, zh: '收到补正', en: 'Correction received' },
  start_consultation: { from: ['handling'], to: 'consulting', roles: HANDLERS, zh: '征求意见', en: 'Start consultation' },
  end_consultation: { from: ['consulting'], to: 'handling', roles: HANDLERS, zh: '收到意见', en: 'Opinion received' },
  request_extension: { from: ['handling', 'consulting'], to: null, roles: HANDLERS, zh: '申请延期', en: 'Request extension' },
  approve_extension: { from: ['handling', 'consulting'], to: null, roles: SUPERVISORS, zh: '批准延期', en: 'Approve extension' },
  notify_fee: { from: ['handling'], to: null, roles: HANDLERS, zh: '发出收费通知', en: 'Send fee notice' },
  receive_fee: { from: ['handling'], to: null, roles: HANDLERS, zh: '确认已缴费', en: 'Fee paid' },
  set_reply_period: { from: ['registered', 'reviewing', 'handling', 'consulting'], to: null, roles: SUPERVISORS, zh: '确定合理答复期限', en: 'Set reply period' },
  draft_reply: { from: ['reviewing', 'handling', 'reply_drafted'], to: 'reply_drafted', roles: HANDLERS, zh: '拟写答复', en: 'Draft reply' },
  approve_reply: { from: ['reply_drafted'], to: null, roles: SUPERVISORS, zh: '签发答复', en: 'Approve reply' },
  send_reply: { from: ['reply_drafted'], to: 'replied', roles: HANDLERS, zh: '送达答复', en: 'Send reply' },
  withdraw: { from: ['registered', 'reviewing', 'awaiting_correction', 'handling', 'consulting', 'reply_drafted'], to: 'withdrawn', roles: HANDLERS, zh: '申请人撤回', en: 'Withdrawn' },
  abandon: { from: ['awaiting_correction', 'handling'], to: 'abandoned', roles: HANDLERS, zh: '视为放弃', en: 'Deemed abandoned' },
  archive: { from: ['replied', 'withdrawn', 'abandoned'], to: 'archived', roles: HANDLERS, zh: '归档', en: 'Archive' },
};

/** What the machine needs to know of a request beyond its status. */
export interface TransitionContext {
  status: RequestStatus;
  extension: 'none' | 'requested' | 'approved';
  replyApproved: boolean;
  replyType: ReplyType | null;
  /** A fee notice was sent and the fee is not yet paid (the clock is stopped). */
  feePending: boolean;
}

export interface TransitionInput {
  replyType?: ReplyType;
  reasonCode?: string;
  legalBasis?: string;
  abandonReason?: string;
}

export type TransitionCheck =
  | { ok: true; to: RequestStatus }
  | { ok: false; code: 'not_allowed_now' | 'role' | 'requirement'; en: string; zh: string };

export function isOpenStatus(status: RequestStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** The actions the status allows (before roles and requirements). */
export function actionsFrom(status: RequestStatus): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

/** The actions this actor could take now: status, roles and the request's own state. */
export function availableActions(ctx: TransitionContext, roles: readonly Role[]): RequestAction[] {
  return actionsFrom(ctx.status).filter((a) => {
    if (!TRANSITIONS[a].roles.some((r) => roles.includes(r))) return false;
    if (a === 'request_extension') return ctx.extension === 'none';
    if (a === 'approve_extension') return ctx.extension === 'requested';
    if (a === 'approve_reply') return !ctx.replyApproved;
    if (a === 'send_reply') return ctx.replyApproved;
    if (a === 'notify_fee') return !ctx.feePending;
    if (a === 'receive_fee') return ctx.feePending;
    if (a === 'draft_reply') return !ctx.feePending;
    return true;
  });
}

/** Whether `action` may be taken now by someone with `roles`, and where it leads. */
export function checkTransition(ctx: TransitionContext, action: RequestAction, roles: readonly Role[], input: TransitionInput = {}): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(ctx.status)) {
    const allowed = availableActions(ctx, roles);
    return {
      ok: false,
      code: 'not_allowed_now',
      en: `"${action}" is not allowed while the request is ${ctx.status}; allowed now: ${allowed.join(', ') || 'none'}.`,
      zh: `申请当前状态为「${STATUS_LABELS[ctx.status]}」，不能执行「${rule.zh}」；当前可执行：${allowed.map((a) => TRANSITIONS[a].zh).join('、') || '无'}。`,
    };
  }
  if (!rule.roles.some((r) => roles.includes(r))) {
    return { ok: false, code: 'role', en: `Only ${rule.roles.join(' or ')} may ${action}.`, zh: `只有${rule.roles.map((r) => ROLE_LABELS[r]).join('或')}可以执行「${rule.zh}」。` };
  }
  const requirement = requirementProblem(ctx, action, input);
  if (requirement) return { ok: false, code: 'requirement', ...requirement };
  return { ok: true, to: rule.to ?? ctx.status };
}

function requirementProblem(ctx: TransitionContext, action: RequestAction, input: TransitionInput): { en: string; zh: string } | null {
  switch (action) {
    case 'request_extension':
      if (ctx.extension !== 'none') return { en: 'An extension may be requested only once (Art. 33).', zh: '延期只能申请一次（第三十三条）。' };
      return null;
    case 'approve_extension':
      if (ctx.extension !== 'requested') return { en: 'No extension request is waiting for approval.', zh: '没有待批准的延期申请。' };
      return null;
    case 'approve_reply':
      if (ctx.replyApproved) return { en: 'The reply is already approved.', zh: '答复已签发。' };
      return null;
    case 'send_reply':
      if (!ctx.replyApproved) return { en: 'A supervisor must approve the reply before it is sent.', zh: '答复须经督办负责人签发后方可送达。' };
      return null;
    case 'notify_fee':
      if (ctx.feePending) return { en: 'A fee notice is already waiting for payment.', zh: '已有收费通知等待缴费。' };
      return null;
    case 'receive_fee':
      if (!ctx.feePending) return { en: 'No fee notice is waiting for payment.', zh: '没有等待缴费的收费通知。' };
      return null;
    case 'draft_reply': {
      if (ctx.feePending) return { en: 'The fee is not paid yet: the request waits for payment (or closes as fee_unpaid).', zh: '尚未缴费：请待缴费后再答复，或逾期未缴费时视为放弃。' };
      if (!input.replyType) return { en: 'replyType is required.', zh: '请选择答复类型。' };
      if (ctx.status === 'reviewing' && !QUICK_REPLY_TYPES.includes(input.replyType)) {
        return {
          en: `From review only ${QUICK_REPLY_TYPES.join(', ')} may be answered at once; accept the request to handle it first.`,
          zh: '审核阶段只能直接答复“已主动公开”“不予处理”“非本机关负责公开”；其他类型请先受理办理。',
        };
      }
      const codes = reasonCodesFor(input.replyType);
      if (codes.length && !codes.includes(input.reasonCode as ReplyReasonCode)) {
        return { en: `${input.replyType} needs a reasonCode: one of ${codes.join(', ')}.`, zh: `该答复类型须选择理由：${codes.join('、')}。` };
      }
      if (!codes.length && input.reasonCode) {
        return { en: `${input.replyType} takes no reasonCode.`, zh: '该答复类型不需要理由代码。' };
      }
      if (isRefusal(input.replyType) && input.legalBasis !== undefined && input.legalBasis.trim() === '') {
        return { en: 'A refusal must state its legal basis.', zh: '不予公开等答复必须写明法律依据。' };
      }
      return null;
    }
    case 'abandon':
      if (input.abandonReason !== 'no_correction' && input.abandonReason !== 'fee_unpaid') {
        return { en: 'abandon needs reasonCode no_correction or fee_unpaid.', zh: '视为放弃须说明原因：逾期未补正或逾期未缴费。' };
      }
      if (input.abandonReason === 'no_correction' && ctx.status !== 'awaiting_correction') {
        return { en: 'Only a request awaiting correction can be abandoned for no correction.', zh: '只有待补正的申请才能因逾期未补正视为放弃。' };
      }
      if (input.abandonReason === 'fee_unpaid' && !ctx.feePending) {
        return { en: 'Only a request waiting for a fee can be closed as fee unpaid.', zh: '只有等待缴费的申请才能因逾期未缴费视为放弃。' };
      }
      return null;
    default:
      return null;
  }
}

export const STATUS_LABELS: Record<RequestStatus, string> = {
  registered: '登记',
  reviewing: '审核',
  awaiting_correction: '待补正',
  handling: '办理',
  consulting: '征求意见',
  reply_drafted: '答复待签发',
  replied: '已答复',
  archived: '已归档',
  withdrawn: '已撤回',
  abandoned: '视为放弃',
};

const ROLE_LABELS: Record<Role, string> = { admin: '管理员', supervisor: '督办负责人', handler: '经办人', monitor: '舆情监测员' };
