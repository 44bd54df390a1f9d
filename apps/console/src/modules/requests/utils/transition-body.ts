import type { Dayjs } from 'dayjs';
import type { TransitionRequest } from '@govdesk/contracts';
import { PERIODS, type AbandonReason, type ReplyType, type RequestAction } from '@govdesk/domain';

type Delivery = 'mail' | 'pickup' | 'email' | 'online';

/** The fields of every action's form; each action reads only its own. */
export interface ActionFormValues {
  at?: Dayjs | null;
  handlerId?: string;
  items?: string;
  correctWithinDays?: number | null;
  party?: 'third_party' | 'agency';
  partyName?: string;
  opinion?: string;
  reason?: string;
  replyType?: ReplyType;
  reasonCode?: string;
  legalBasis?: string;
  body?: string;
  deliveryMethod?: Delivery;
  abandonReason?: AbandonReason;
  amount?: number | null;
  dueDate?: Dayjs | null;
}

const text = (v: string | undefined) => {
  const s = v?.trim();
  return s ? s : undefined;
};

/** One correction item per non-empty line. */
export function correctionItems(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The body of POST /api/requests/:id/transitions for an action and its form. */
export function transitionBody(action: RequestAction, version: number, v: ActionFormValues): TransitionRequest {
  const base = { version, at: v.at ? v.at.format('YYYY-MM-DD') : undefined };
  switch (action) {
    case 'accept':
      return { action, ...base, handlerId: v.handlerId || undefined };
    case 'request_correction':
      return { action, ...base, items: correctionItems(v.items), correctWithinDays: v.correctWithinDays ?? PERIODS.defaultCorrectionWindow };
    case 'start_consultation':
      return { action, ...base, party: v.party ?? 'third_party', partyName: text(v.partyName) };
    case 'end_consultation':
      return { action, ...base, opinion: text(v.opinion) };
    case 'request_extension':
      return { action, ...base, reason: v.reason?.trim() ?? '' };
    case 'draft_reply':
      return {
        action,
        ...base,
        replyType: v.replyType ?? 'disclosed',
        reasonCode: v.reasonCode || undefined,
        legalBasis: v.legalBasis?.trim() ?? undefined,
        body: text(v.body),
      };
    case 'send_reply':
      return { action, ...base, deliveryMethod: v.deliveryMethod };
    case 'withdraw':
      return { action, ...base, reason: text(v.reason) };
    case 'abandon':
      return { action, ...base, reasonCode: v.abandonReason ?? 'no_correction' };
    case 'notify_fee':
      return { action, ...base, amount: v.amount ?? 0, reason: v.reason?.trim() ?? '' };
    case 'set_reply_period':
      return { action, ...base, dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : '', reason: v.reason?.trim() ?? '' };
    case 'receive_fee':
    case 'start_review':
    case 'receive_correction':
    case 'approve_extension':
    case 'approve_reply':
    case 'archive':
      return { action, ...base };
  }
}
