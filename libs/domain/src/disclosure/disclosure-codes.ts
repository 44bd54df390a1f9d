/**
 * The codes of a disclosure request (政府信息公开条例, Decree 711): how it arrived, who asked,
 * in what form, and how it was answered. These names are a fixed interface of the API.
 */
export const REQUEST_CHANNELS = ['in_person', 'registered_mail', 'ordinary_mail', 'online', 'fax', 'email', 'oral'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** The annual report's columns (申请人情况), in its order. */
export const APPLICANT_TYPES = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'social_welfare_org',
  'legal_service_org',
  'other_org',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const ID_TYPES = ['resident_id', 'passport', 'other_id', 'unified_social_credit_code'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const FORM_MEDIA = ['paper', 'electronic', 'inspection'] as const;
export const FORM_DELIVERIES = ['mail', 'pickup', 'email', 'online'] as const;

export const REPLY_TYPES = [
  'already_public',
  'disclosed',
  'partially_disclosed',
  'not_disclosed',
  'cannot_provide',
  'not_this_agency',
  'not_processed',
  'special_regime',
] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

export const REASON_CODES = {
  not_disclosed: [
    'state_secret',
    'prohibited_by_law',
    'security_stability',
    'third_party_rights',
    'internal_affairs',
    'process_information',
    'enforcement_file',
    'administrative_query',
  ],
  cannot_provide: ['not_held', 'needs_creation', 'unclear_after_correction'],
  not_processed: ['petition_complaint', 'repeated', 'publication', 'excessive', 'confirm_or_reissue'],
} as const;
export type NotDisclosedReason = (typeof REASON_CODES.not_disclosed)[number];
export type CannotProvideReason = (typeof REASON_CODES.cannot_provide)[number];
export type NotProcessedReason = (typeof REASON_CODES.not_processed)[number];
export type ReplyReasonCode = NotDisclosedReason | CannotProvideReason | NotProcessedReason;

export const ABANDON_REASONS = ['no_correction', 'fee_unpaid'] as const;
export type AbandonReason = (typeof ABANDON_REASONS)[number];

/** The reply types that need a reason code, and the codes each allows. */
export function reasonCodesFor(replyType: ReplyType): readonly ReplyReasonCode[] {
  switch (replyType) {
    case 'not_disclosed':
    case 'cannot_provide':
    case 'not_processed':
      return REASON_CODES[replyType];
    default:
      return [];
  }
}

/** Replies that refuse (in whole or part) must state reasons and their legal basis. */
export function isRefusal(replyType: ReplyType): boolean {
  return replyType !== 'already_public' && replyType !== 'disclosed';
}

/**
 * Replies that need no handling and may be drafted straight from review (Art. 33 asks for an
 * answer on the spot where possible).
 */
export const QUICK_REPLY_TYPES: readonly ReplyType[] = ['already_public', 'not_processed', 'not_this_agency'];

const ARTICLE_BY_REPLY: Record<ReplyType, string> = {
  already_public: '《中华人民共和国政府信息公开条例》第三十六条第（一）项',
  disclosed: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
  partially_disclosed: '《中华人民共和国政府信息公开条例》第三十七条',
  not_disclosed: '《中华人民共和国政府信息公开条例》第三十六条第（三）项',
  cannot_provide: '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
  not_this_agency: '《中华人民共和国政府信息公开条例》第三十六条第（五）项',
  not_processed: '《中华人民共和国政府信息公开条例》第三十六条',
  special_regime: '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
};

const ARTICLE_BY_REASON: Record<ReplyReasonCode, string> = {
  state_secret: '《中华人民共和国政府信息公开条例》第十四条',
  prohibited_by_law: '《中华人民共和国政府信息公开条例》第十四条',
  security_stability: '《中华人民共和国政府信息公开条例》第十四条',
  third_party_rights: '《中华人民共和国政府信息公开条例》第十五条、第三十二条',
  internal_affairs: '《中华人民共和国政府信息公开条例》第十六条第一款',
  process_information: '《中华人民共和国政府信息公开条例》第十六条第二款',
  enforcement_file: '《中华人民共和国政府信息公开条例》第十六条第二款',
  administrative_query: '《中华人民共和国政府信息公开条例》第三十六条第（七）项',
  not_held: '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
  needs_creation: '《中华人民共和国政府信息公开条例》第三十八条',
  unclear_after_correction: '《中华人民共和国政府信息公开条例》第三十条',
  petition_complaint: '《中华人民共和国政府信息公开条例》第三十九条第一款',
  repeated: '《中华人民共和国政府信息公开条例》第三十六条第（六）项',
  publication: '《中华人民共和国政府信息公开条例》第三十九条第二款',
  excessive: '《中华人民共和国政府信息公开条例》第三十五条',
  confirm_or_reissue: '《中华人民共和国政府信息公开条例》第三十六条、第三十九条',
};

/** The article a reply rests on by default: the reason code's, else the reply type's. */
export function defaultLegalBasis(replyType: ReplyType, reasonCode?: ReplyReasonCode | null): string {
  return reasonCode ? ARTICLE_BY_REASON[reasonCode] : ARTICLE_BY_REPLY[replyType];
}

/** Remedies every reply letter states (Art. 51). */
export const REMEDIES_ZH =
  '申请人如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法提起行政诉讼。';
