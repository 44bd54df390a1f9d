import type { IsoDate, ReplyReasonCode, ReplyType } from '@govdesk/domain';

/** The formal letters of a request, in the order they usually go out. */
export const LETTER_KINDS = ['acknowledgement', 'correction_notice', 'extension_notice', 'consultation_letter', 'reply'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The Regulation's name, as every letter cites it. */
export const REGULATION = '《中华人民共和国政府信息公开条例》';

/** Short Chinese names of the kinds, for file names. */
export const LETTER_NAMES: Record<LetterKind, string> = {
  acknowledgement: '登记回执',
  correction_notice: '补正申请告知书',
  extension_notice: '延期答复告知书',
  consultation_letter: '征求意见书',
  reply: '答复书',
};

export const REPLY_TYPE_ZH: Record<ReplyType, string> = {
  already_public: '已主动公开',
  disclosed: '予以公开',
  partially_disclosed: '部分公开',
  not_disclosed: '不予公开',
  cannot_provide: '无法提供',
  not_this_agency: '非本机关负责公开',
  not_processed: '不予处理',
  special_regime: '按特别规定办理',
};

export const REASON_ZH: Record<ReplyReasonCode, string> = {
  state_secret: '属于国家秘密',
  prohibited_by_law: '属于法律、行政法规禁止公开的政府信息',
  security_stability: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
  third_party_rights: '公开会损害第三方合法权益',
  internal_affairs: '属于行政机关的内部事务信息',
  process_information: '属于行政机关在履行行政管理职能过程中形成的过程性信息',
  enforcement_file: '属于行政执法案卷信息',
  administrative_query: '属于行政查询事项',
  not_held: '经检索查找，本机关未制作、获取该政府信息',
  needs_creation: '需要本机关对现有政府信息进行加工、分析',
  unclear_after_correction: '经补正后申请内容仍不明确',
  petition_complaint: '以政府信息公开申请的形式进行信访、投诉、举报等活动',
  repeated: '属于重复申请，本机关已就相同内容作出答复',
  publication: '申请获取的是公开出版物',
  excessive: '无正当理由大量、反复申请政府信息公开',
  confirm_or_reissue: '要求行政机关确认或者重新出具已获取的信息',
};

/** The letter's title: an answer that gives information is a 答复书, a refusal a 告知书. */
export const REPLY_TITLE: Record<ReplyType, string> = {
  already_public: '政府信息公开申请答复书',
  disclosed: '政府信息公开申请答复书',
  partially_disclosed: '政府信息公开申请答复书',
  not_disclosed: '政府信息不予公开告知书',
  cannot_provide: '政府信息无法提供告知书',
  not_this_agency: '非本机关负责公开政府信息告知书',
  not_processed: '政府信息公开申请不予处理告知书',
  special_regime: '政府信息公开申请告知书',
};

export const FORM_MEDIUM_ZH = { paper: '纸质', electronic: '电子数据', inspection: '当场查阅' } as const;
export const FORM_DELIVERY_ZH = { mail: '邮寄', pickup: '自行领取', email: '电子邮件', online: '网上获取' } as const;

/** `2026-03-02` → `2026年3月2日`, as Chinese letters write dates. */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Text the applicant or a handler typed, ready to sit inside a sentence: no trailing full stop. */
export function clause(text: string): string {
  return text.trim().replace(/[。．.；;，,\s]+$/u, '');
}
