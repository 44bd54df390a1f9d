import { isRefusal, PERIODS, REMEDIES_ZH, type IsoDate, type ReplyReasonCode, type ReplyType } from '@govdesk/domain';
import type { Letter } from './letter-frame';
import {
  chineseDate,
  clause,
  FORM_DELIVERY_ZH,
  FORM_MEDIUM_ZH,
  REASON_ZH,
  REGULATION,
  REPLY_TITLE,
  REPLY_TYPE_ZH,
} from './letter-wording';

/** What every letter knows of the request. */
export interface LetterRequest {
  receiptNo: string;
  receivedOn: IsoDate;
  applicantName: string;
  description: string;
  formMedium: keyof typeof FORM_MEDIUM_ZH;
  formDelivery: keyof typeof FORM_DELIVERY_ZH;
}

const received = (r: LetterRequest) =>
  `您于${chineseDate(r.receivedOn)}向本机关提出的政府信息公开申请（登记回执号：${r.receiptNo}）收悉。`;
const asked = (r: LetterRequest) => `您申请获取的政府信息为：${clause(r.description)}。`;
/** A free text typed by a handler, one paragraph per line. */
const lines = (text: string | null | undefined) => (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

// ---- 政府信息公开申请登记回执 (Art. 31, 33) -------------------------------------------------

export function acknowledgementLetter(
  r: LetterRequest,
  d: { dueDate: IsoDate; provisional: boolean; correctionNoticeDue: IsoDate },
): Letter {
  return {
    kind: 'acknowledgement',
    title: '政府信息公开申请登记回执',
    addressee: r.applicantName,
    date: r.receivedOn,
    draft: false,
    paragraphs: [
      `本机关已于${chineseDate(r.receivedOn)}收到您提出的政府信息公开申请，并予以登记。根据${REGULATION}第三十一条的规定，收到申请之日为${chineseDate(r.receivedOn)}。登记回执号：${r.receiptNo}。`,
      asked(r),
      `您要求的信息提供形式为${FORM_MEDIUM_ZH[r.formMedium]}，获取方式为${FORM_DELIVERY_ZH[r.formDelivery]}。`,
      `根据${REGULATION}第三十三条的规定，本机关将自收到申请之日起${PERIODS.reply}个工作日内予以答复，即于${chineseDate(d.dueDate)}前作出答复${d.provisional ? '（相关年度节假日安排尚未公布，该日期按周一至周五暂定计算）' : ''}。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过${PERIODS.extension}个工作日。征求第三方或者其他机关意见所需时间不计算在答复期限内。`,
      `申请内容不明确的，本机关将于${chineseDate(d.correctionNoticeDue)}前一次性告知您需要补正的事项；答复期限自本机关收到补正后的申请之日起计算（第三十条）。`,
      `您可以通过本机关政府信息公开申请受理窗口或者网上平台查询办理进度，请凭登记回执号和查询码查询。查询码已在登记时告知您，本回执不载明查询码，请妥善保管。`,
      '特此回执。',
    ],
  };
}

// ---- 补正申请告知书 (Art. 30) ------------------------------------------------------------

export function correctionNoticeLetter(
  r: LetterRequest,
  d: { date: IsoDate; items: string[]; correctWithinDays: number; correctBy: IsoDate },
): Letter {
  const numbered = d.items.map((item, i) => `${chineseOrdinal(i + 1)}${clause(item)}。`);
  return {
    kind: 'correction_notice',
    title: '补正申请告知书',
    addressee: r.applicantName,
    date: d.date,
    draft: false,
    paragraphs: [
      received(r),
      `经审查，您的申请内容不明确。根据${REGULATION}第三十条的规定，请您对申请作出如下补正：`,
      ...numbered,
      `请您自本告知书发出之日起${d.correctWithinDays}个工作日内，即于${chineseDate(d.correctBy)}前，将补正后的申请提交本机关。答复期限自本机关收到补正后的申请之日起重新计算。`,
      '您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      '特此告知。',
    ],
  };
}

// ---- 延期答复告知书 (Art. 33) ------------------------------------------------------------

export function extensionNoticeLetter(
  r: LetterRequest,
  d: { date: IsoDate; reason: string; newDueDate: IsoDate; approved: boolean },
): Letter {
  return {
    kind: 'extension_notice',
    title: '政府信息公开申请延期答复告知书',
    addressee: r.applicantName,
    date: d.date,
    draft: !d.approved,
    paragraphs: [
      received(r),
      `因${clause(d.reason)}，本机关不能在规定期限内作出答复。`,
      `根据${REGULATION}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${PERIODS.extension}个工作日。本机关将于${chineseDate(d.newDueDate)}前作出答复。`,
      '特此告知。',
    ],
  };
}

// ---- 征求意见书 (Art. 32, 34) -------------------------------------------------------------

/**
 * To the third party or agency consulted. The applicant is not named: the letter asks about the
 * information, and the Regulation does not require the applicant's identity to be passed on.
 */
export function consultationLetter(
  r: LetterRequest,
  d: { date: IsoDate; party: 'third_party' | 'agency'; partyName: string | null; replyBy: IsoDate },
): Letter {
  const agency = d.party === 'agency';
  const you = agency ? '贵机关' : '贵方';
  return {
    kind: 'consultation_letter',
    title: '政府信息公开征求意见书',
    addressee: d.partyName?.trim() || (agency ? '有关机关' : '有关第三方'),
    date: d.date,
    draft: false,
    paragraphs: [
      `本机关于${chineseDate(r.receivedOn)}收到一份政府信息公开申请（登记回执号：${r.receiptNo}），申请获取的政府信息为：${clause(r.description)}。`,
      agency
        ? `经审查，该政府信息由本机关与${you}共同制作。根据${REGULATION}第三十四条的规定，现就是否公开该政府信息征求${you}意见。`
        : `经审查，该政府信息的公开可能损害${you}的合法权益。根据${REGULATION}第三十二条的规定，现就是否公开该政府信息书面征求${you}意见。`,
      `请${you}自收到本征求意见书之日起${PERIODS.consultationLimit}个工作日内，即于${chineseDate(d.replyBy)}前，向本机关书面提出是否同意公开的意见；不同意公开的，请说明理由。`,
      agency
        ? `${you}逾期未提出意见的，视为同意公开（第三十四条）。`
        : `${you}逾期未提出意见的，由本机关依照${REGULATION}的规定决定是否公开。${you}不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知${you}（第三十二条）。`,
      '特此函询。',
    ],
  };
}

// ---- 政府信息公开申请答复书 / 告知书 (Art. 36–39, 51) ---------------------------------------

export function replyLetter(
  r: LetterRequest,
  d: { date: IsoDate; replyType: ReplyType; reasonCode: ReplyReasonCode | null; legalBasis: string; body: string | null; approved: boolean },
): Letter {
  const reason = d.reasonCode ? REASON_ZH[d.reasonCode] : null;
  return {
    kind: 'reply',
    title: REPLY_TITLE[d.replyType],
    addressee: r.applicantName,
    date: d.date,
    draft: !d.approved,
    paragraphs: [
      received(r),
      asked(r),
      decision(d.replyType),
      `答复类型：${REPLY_TYPE_ZH[d.replyType]}${reason ? `；理由：${reason}` : ''}。`,
      `法律依据：${clause(d.legalBasis)}。`,
      ...lines(d.body),
      REMEDIES_ZH,
      isRefusal(d.replyType) && d.replyType !== 'partially_disclosed' ? '特此告知。' : '特此答复。',
    ],
  };
}

/** What the agency decided, in a sentence; the reason and legal basis follow on their own lines. */
function decision(type: ReplyType): string {
  switch (type) {
    case 'already_public':
      return '经查，您申请获取的政府信息本机关已经主动公开，您可以通过本机关门户网站政府信息公开专栏等途径获取。';
    case 'disclosed':
      return '经审查，您申请获取的政府信息属于公开范围，本机关决定予以公开，现将有关信息提供给您。';
    case 'partially_disclosed':
      return '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。本机关决定部分公开：对可以公开的部分予以提供，对不应当公开的部分不予公开。';
    case 'not_disclosed':
      return '经审查，本机关决定对您申请获取的政府信息不予公开。';
    case 'cannot_provide':
      return '经查，本机关无法提供您申请获取的政府信息。';
    case 'not_this_agency':
      return '经查，您申请获取的政府信息不属于本机关负责公开的政府信息。';
    case 'not_processed':
      return '经审查，本机关对您的申请不予处理。';
    case 'special_regime':
      return '经审查，有关法律、行政法规对您申请获取的信息的获取另有特别规定，请您依照有关规定办理。';
  }
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → （一）, 12 → （十二）, 20 → （二十）: the numbering of items in a Chinese letter. */
export function chineseOrdinal(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const words = n <= 10 ? ORDINALS[n - 1]! : `${tens > 1 ? ORDINALS[tens - 1]! : ''}十${units ? ORDINALS[units - 1]! : ''}`;
  return `（${words}）`;
}
