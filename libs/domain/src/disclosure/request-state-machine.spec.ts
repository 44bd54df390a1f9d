import type { Role } from '../roles';
import {
  actionsFrom,
  availableActions,
  checkTransition,
  REQUEST_ACTIONS,
  TRANSITIONS,
  type RequestAction,
  type RequestStatus,
  type TransitionContext,
  type TransitionInput,
} from './request-state-machine';

const ctx = (status: RequestStatus, extra: Partial<TransitionContext> = {}): TransitionContext => ({
  status,
  extension: 'none',
  replyApproved: false,
  replyType: null,
  feePending: false,
  ...extra,
});
const handler: Role[] = ['handler'];
const supervisor: Role[] = ['supervisor'];

describe('request state machine: every transition of the table', () => {
  const cases: [RequestAction, RequestStatus, RequestStatus, Role[], TransitionInput?, Partial<TransitionContext>?][] = [
    ['start_review', 'registered', 'reviewing', handler],
    ['accept', 'registered', 'handling', handler],
    ['accept', 'reviewing', 'handling', handler],
    ['request_correction', 'registered', 'awaiting_correction', handler],
    ['request_correction', 'reviewing', 'awaiting_correction', handler],
    ['receive_correction', 'awaiting_correction', 'reviewing', handler],
    ['start_consultation', 'handling', 'consulting', handler],
    ['end_consultation', 'consulting', 'handling', handler],
    ['request_extension', 'handling', 'handling', handler],
    ['request_extension', 'consulting', 'consulting', handler],
    ['approve_extension', 'handling', 'handling', supervisor, {}, { extension: 'requested' }],
    ['draft_reply', 'handling', 'reply_drafted', handler, { replyType: 'disclosed' }],
    ['draft_reply', 'reviewing', 'reply_drafted', handler, { replyType: 'not_this_agency' }],
    ['draft_reply', 'reply_drafted', 'reply_drafted', handler, { replyType: 'not_disclosed', reasonCode: 'state_secret' }],
    ['approve_reply', 'reply_drafted', 'reply_drafted', supervisor],
    ['send_reply', 'reply_drafted', 'replied', handler, {}, { replyApproved: true }],
    ['withdraw', 'registered', 'withdrawn', handler],
    ['withdraw', 'consulting', 'withdrawn', handler],
    ['abandon', 'awaiting_correction', 'abandoned', handler, { abandonReason: 'no_correction' }],
    ['abandon', 'handling', 'abandoned', handler, { abandonReason: 'fee_unpaid' }, { feePending: true }],
    ['notify_fee', 'handling', 'handling', handler],
    ['receive_fee', 'handling', 'handling', handler, {}, { feePending: true }],
    ['set_reply_period', 'handling', 'handling', supervisor],
    ['set_reply_period', 'registered', 'registered', supervisor],
    ['archive', 'replied', 'archived', handler],
    ['archive', 'withdrawn', 'archived', handler],
    ['archive', 'abandoned', 'archived', handler],
  ];

  it.each(cases)('%s: %s → %s', (action, from, to, roles, input = {}, extra = {}) => {
    expect(checkTransition(ctx(from, extra), action, roles, input)).toEqual({ ok: true, to });
  });

  it('covers every action', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set(REQUEST_ACTIONS));
  });
});

describe('request state machine: refusals', () => {
  it('names the current state and the actions allowed now', () => {
    const r = checkTransition(ctx('registered'), 'send_reply', handler);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('not_allowed_now');
    expect(r.en).toBe('"send_reply" is not allowed while the request is registered; allowed now: start_review, accept, request_correction, withdraw.');
    expect(r.zh).toContain('申请当前状态为「登记」');
  });

  it('refuses everything on an archived request', () => {
    for (const a of REQUEST_ACTIONS) expect(checkTransition(ctx('archived'), a, supervisor).ok).toBe(false);
    expect(actionsFrom('archived')).toEqual([]);
  });

  it('lets only supervisors approve extensions and replies', () => {
    expect(checkTransition(ctx('handling', { extension: 'requested' }), 'approve_extension', handler)).toMatchObject({ ok: false, code: 'role' });
    expect(checkTransition(ctx('reply_drafted'), 'approve_reply', handler)).toMatchObject({ ok: false, code: 'role' });
    expect(checkTransition(ctx('reviewing'), 'accept', ['monitor'])).toMatchObject({ ok: false, code: 'role' });
  });

  it('allows one extension only, and approval only of a pending request', () => {
    expect(checkTransition(ctx('handling', { extension: 'approved' }), 'request_extension', handler)).toMatchObject({ ok: false, code: 'requirement' });
    expect(checkTransition(ctx('handling'), 'approve_extension', supervisor)).toMatchObject({ ok: false, code: 'requirement' });
  });

  it('refuses to send an unapproved reply', () => {
    const r = checkTransition(ctx('reply_drafted'), 'send_reply', handler);
    expect(r).toMatchObject({ ok: false, code: 'requirement' });
  });

  it('refuses a refusal without a reason code, and a reason code where none belongs', () => {
    expect(checkTransition(ctx('handling'), 'draft_reply', handler, { replyType: 'not_disclosed' })).toMatchObject({ ok: false, code: 'requirement' });
    expect(checkTransition(ctx('handling'), 'draft_reply', handler, { replyType: 'not_disclosed', reasonCode: 'not_held' })).toMatchObject({ ok: false });
    expect(checkTransition(ctx('handling'), 'draft_reply', handler, { replyType: 'disclosed', reasonCode: 'state_secret' })).toMatchObject({ ok: false });
    expect(checkTransition(ctx('handling'), 'draft_reply', handler, { replyType: 'partially_disclosed', legalBasis: ' ' })).toMatchObject({ ok: false });
    expect(checkTransition(ctx('handling'), 'draft_reply', handler, {})).toMatchObject({ ok: false });
  });

  it('allows from review only the replies that need no handling', () => {
    expect(checkTransition(ctx('reviewing'), 'draft_reply', handler, { replyType: 'disclosed' })).toMatchObject({ ok: false, code: 'requirement' });
    expect(checkTransition(ctx('reviewing'), 'draft_reply', handler, { replyType: 'not_processed', reasonCode: 'petition_complaint' }).ok).toBe(true);
  });

  it('abandons for no correction only while a correction is awaited, and needs a reason', () => {
    expect(checkTransition(ctx('handling'), 'abandon', handler, { abandonReason: 'no_correction' })).toMatchObject({ ok: false });
    expect(checkTransition(ctx('awaiting_correction'), 'abandon', handler, {})).toMatchObject({ ok: false });
  });
});

describe('fees (国办函〔2020〕109号) and a reasonable period (Art. 35)', () => {
  it('takes one fee notice at a time, payment only when one is pending, and no reply before payment', () => {
    expect(checkTransition(ctx('handling', { feePending: true }), 'notify_fee', handler)).toMatchObject({ ok: false, code: 'requirement' });
    expect(checkTransition(ctx('handling'), 'receive_fee', handler)).toMatchObject({ ok: false, code: 'requirement' });
    expect(checkTransition(ctx('handling', { feePending: true }), 'draft_reply', handler, { replyType: 'disclosed' })).toMatchObject({ ok: false, code: 'requirement' });
    expect(checkTransition(ctx('handling'), 'abandon', handler, { abandonReason: 'fee_unpaid' })).toMatchObject({ ok: false, code: 'requirement' });
    expect(availableActions(ctx('handling', { feePending: true }), handler)).toEqual(expect.arrayContaining(['receive_fee', 'abandon']));
    expect(availableActions(ctx('handling', { feePending: true }), handler)).not.toContain('draft_reply');
  });

  it('lets only supervisors set a longer reply period', () => {
    expect(checkTransition(ctx('handling'), 'set_reply_period', handler)).toMatchObject({ ok: false, code: 'role' });
  });
});

describe('available actions', () => {
  it('offer a handler of a drafted, approved reply the send and a redraft', () => {
    expect(availableActions(ctx('reply_drafted', { replyApproved: true }), handler)).toEqual(['draft_reply', 'send_reply', 'withdraw']);
  });

  it('offer a supervisor the approval of a pending extension', () => {
    expect(availableActions(ctx('handling', { extension: 'requested' }), supervisor)).toContain('approve_extension');
    expect(availableActions(ctx('handling', { extension: 'requested' }), supervisor)).not.toContain('request_extension');
  });

  it('every rule starts from at least one status and names at least one role', () => {
    for (const a of REQUEST_ACTIONS) {
      expect(TRANSITIONS[a].from.length).toBeGreaterThan(0);
      expect(TRANSITIONS[a].roles.length).toBeGreaterThan(0);
    }
  });
});
