import type { ApplicantType, ReplyReasonCode, ReplyType } from '../disclosure/disclosure-codes';
import { APPLICANT_TYPES } from '../disclosure/disclosure-codes';
import type { IsoDate } from '../calendar/iso-date';

/**
 * Parts three and four of the annual report on government information disclosure
 * (政府信息公开工作年度报告, template 国办公开办函〔2021〕30号), computed from the records.
 * Row labels are verbatim from the template (../shared/ANNUAL-REPORT.md).
 */
export const PART3_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;

/** How a request ended: a reply type with its reason, or closed without a reply. */
export type Conclusion =
  | { kind: 'reply'; replyType: ReplyType; reasonCode: ReplyReasonCode | null }
  | { kind: 'withdrawn' }
  | { kind: 'abandoned'; reason: 'no_correction' | 'fee_unpaid' };

export interface ReportRequest {
  applicantType: ApplicantType;
  receivedOn: IsoDate;
  concludedOn: IsoDate | null;
  conclusion: Conclusion | null;
  /**
   * How many requests this one stands for (default 1): a class of requests alike in all that
   * `part3RowsOf` reads, counted once with its size.
   */
  count?: number;
}

type Leaf =
  | 'disclosed'
  | 'partial'
  | `nd_${'state_secret' | 'prohibited_by_law' | 'security_stability' | 'third_party_rights' | 'internal_affairs' | 'process_information' | 'enforcement_file' | 'administrative_query'}`
  | `cp_${'not_held' | 'needs_creation' | 'unclear_after_correction'}`
  | `np_${'petition_complaint' | 'repeated' | 'publication' | 'excessive' | 'confirm_or_reissue'}`
  | 'other_no_correction'
  | 'other_fee_unpaid'
  | 'other';

interface RowSpec {
  label: string;
  /** Leaf rows count requests; group rows sum their leaves. */
  leaves?: Leaf[];
  kind: 'new' | 'carried_in' | 'result' | 'carried_out';
  level: 0 | 1 | 2;
}

const ND: Leaf[] = ['nd_state_secret', 'nd_prohibited_by_law', 'nd_security_stability', 'nd_third_party_rights', 'nd_internal_affairs', 'nd_process_information', 'nd_enforcement_file', 'nd_administrative_query'];
const CP: Leaf[] = ['cp_not_held', 'cp_needs_creation', 'cp_unclear_after_correction'];
const NP: Leaf[] = ['np_petition_complaint', 'np_repeated', 'np_publication', 'np_excessive', 'np_confirm_or_reissue'];
const OTHER: Leaf[] = ['other_no_correction', 'other_fee_unpaid', 'other'];
const ALL_LEAVES: Leaf[] = ['disclosed', 'partial', ...ND, ...CP, ...NP, ...OTHER];

export const PART3_ROWS: readonly RowSpec[] = [
  { label: '一、本年新收政府信息公开申请数量', kind: 'new', level: 0 },
  { label: '二、上年结转政府信息公开申请数量', kind: 'carried_in', level: 0 },
  { label: '三、本年度办理结果', kind: 'result', level: 0, leaves: ALL_LEAVES },
  { label: '（一）予以公开', kind: 'result', level: 1, leaves: ['disclosed'] },
  { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', kind: 'result', level: 1, leaves: ['partial'] },
  { label: '（三）不予公开', kind: 'result', level: 1, leaves: ND },
  { label: '1.属于国家秘密', kind: 'result', level: 2, leaves: ['nd_state_secret'] },
  { label: '2.其他法律行政法规禁止公开', kind: 'result', level: 2, leaves: ['nd_prohibited_by_law'] },
  { label: '3.危及“三安全一稳定”', kind: 'result', level: 2, leaves: ['nd_security_stability'] },
  { label: '4.保护第三方合法权益', kind: 'result', level: 2, leaves: ['nd_third_party_rights'] },
  { label: '5.属于三类内部事务信息', kind: 'result', level: 2, leaves: ['nd_internal_affairs'] },
  { label: '6.属于四类过程性信息', kind: 'result', level: 2, leaves: ['nd_process_information'] },
  { label: '7.属于行政执法案卷', kind: 'result', level: 2, leaves: ['nd_enforcement_file'] },
  { label: '8.属于行政查询事项', kind: 'result', level: 2, leaves: ['nd_administrative_query'] },
  { label: '（四）无法提供', kind: 'result', level: 1, leaves: CP },
  { label: '1.本机关不掌握相关政府信息', kind: 'result', level: 2, leaves: ['cp_not_held'] },
  { label: '2.没有现成信息需要另行制作', kind: 'result', level: 2, leaves: ['cp_needs_creation'] },
  { label: '3.补正后申请内容仍不明确', kind: 'result', level: 2, leaves: ['cp_unclear_after_correction'] },
  { label: '（五）不予处理', kind: 'result', level: 1, leaves: NP },
  { label: '1.信访举报投诉类申请', kind: 'result', level: 2, leaves: ['np_petition_complaint'] },
  { label: '2.重复申请', kind: 'result', level: 2, leaves: ['np_repeated'] },
  { label: '3.要求提供公开出版物', kind: 'result', level: 2, leaves: ['np_publication'] },
  { label: '4.无正当理由大量反复申请', kind: 'result', level: 2, leaves: ['np_excessive'] },
  { label: '5.要求行政机关确认或重新出具已获取信息', kind: 'result', level: 2, leaves: ['np_confirm_or_reissue'] },
  { label: '（六）其他处理', kind: 'result', level: 1, leaves: OTHER },
  { label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', kind: 'result', level: 2, leaves: ['other_no_correction'] },
  { label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', kind: 'result', level: 2, leaves: ['other_fee_unpaid'] },
  { label: '3.其他', kind: 'result', level: 2, leaves: ['other'] },
  { label: '（七）总计', kind: 'result', level: 1, leaves: ALL_LEAVES },
  { label: '四、结转下年度继续办理', kind: 'carried_out', level: 0 },
];

/** The leaf row of a conclusion (ANNUAL-REPORT.md "How a request maps to the rows"). */
export function leafOf(conclusion: Conclusion): Leaf {
  switch (conclusion.kind) {
    case 'withdrawn':
      return 'other';
    case 'abandoned':
      return conclusion.reason === 'fee_unpaid' ? 'other_fee_unpaid' : 'other_no_correction';
    case 'reply':
      switch (conclusion.replyType) {
        case 'already_public':
        case 'disclosed':
          return 'disclosed';
        case 'partially_disclosed':
          return 'partial';
        case 'not_disclosed':
          return `nd_${(conclusion.reasonCode ?? 'prohibited_by_law') as 'state_secret'}`;
        case 'cannot_provide':
          return `cp_${(conclusion.reasonCode ?? 'not_held') as 'not_held'}`;
        case 'not_this_agency':
          return 'cp_not_held';
        case 'not_processed':
          return `np_${(conclusion.reasonCode ?? 'petition_complaint') as 'petition_complaint'}`;
        case 'special_regime':
          return 'other';
      }
  }
}

export interface ReportRow {
  label: string;
  level: 0 | 1 | 2;
  values: number[];
}

export interface Part3 {
  columns: string[];
  rows: ReportRow[];
  /** 一 + 二 = 三（七） + 四, per column. */
  balance: { ok: boolean; columns: { column: string; left: number; right: number; ok: boolean }[] };
}

function columnOf(type: ApplicantType): number {
  return APPLICANT_TYPES.indexOf(type);
}

/** The rows of part three whose requests match, for drill-down: which rows a request counts in. */
export function part3RowsOf(r: ReportRequest, year: number): string[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows: string[] = [];
  const concludedBefore = (d: IsoDate) => r.concludedOn !== null && r.concludedOn < d;
  if (r.receivedOn >= start && r.receivedOn <= end) rows.push(PART3_ROWS[0]!.label);
  if (r.receivedOn < start && !concludedBefore(start)) rows.push(PART3_ROWS[1]!.label);
  if (r.concludedOn && r.concludedOn >= start && r.concludedOn <= end && r.conclusion && r.receivedOn <= end) {
    const leaf = leafOf(r.conclusion);
    for (const row of PART3_ROWS) if (row.kind === 'result' && row.leaves?.includes(leaf)) rows.push(row.label);
  }
  if (r.receivedOn <= end && !(r.concludedOn !== null && r.concludedOn <= end)) rows.push(PART3_ROWS[PART3_ROWS.length - 1]!.label);
  return rows;
}

export function computePart3(requests: readonly ReportRequest[], year: number): Part3 {
  const counts = new Map<string, number[]>(PART3_ROWS.map((row) => [row.label, Array(7).fill(0) as number[]]));
  for (const r of requests) {
    const col = columnOf(r.applicantType);
    const n = r.count ?? 1;
    for (const label of part3RowsOf(r, year)) {
      const v = counts.get(label)!;
      v[col]! += n;
      v[6]! += n;
    }
  }
  const rows = PART3_ROWS.map((row) => ({ label: row.label, level: row.level, values: counts.get(row.label)! }));
  const [newRow, carriedIn] = [rows[0]!, rows[1]!];
  const total = rows.find((r) => r.label === '（七）总计')!;
  const carriedOut = rows[rows.length - 1]!;
  const columns = PART3_COLUMNS.map((column, i) => {
    const left = newRow.values[i]! + carriedIn.values[i]!;
    const right = total.values[i]! + carriedOut.values[i]!;
    return { column, left, right, ok: left === right };
  });
  return { columns: [...PART3_COLUMNS], rows, balance: { ok: columns.every((c) => c.ok), columns } };
}

// ---- part four ---------------------------------------------------------------------------

export const REVIEW_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_OUTCOMES = ['upheld', 'corrected', 'other'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export interface ReportReview {
  kind: ReviewKind;
  filedOn: IsoDate;
  decidedOn: IsoDate | null;
  outcome: ReviewOutcome | null;
}

const OUTCOME_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const KIND_LABELS: Record<ReviewKind, string> = {
  reconsideration: '行政复议',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};

/** Part four's one row. */
export const PART4_ROW_LABEL = '政府信息公开行政复议、行政诉讼情况';

export const PART4_COLUMNS: string[] = REVIEW_KINDS.flatMap((k) => OUTCOME_LABELS.map((o) => `${KIND_LABELS[k]}：${o}`));

export interface Part4 {
  columns: string[];
  rows: ReportRow[];
}

/** Cases decided in the year count by outcome; cases filed by 31 December and undecided then count as 尚未审结. */
export function part4CellOf(review: ReportReview, year: number): number | null {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const base = REVIEW_KINDS.indexOf(review.kind) * 5;
  if (review.decidedOn && review.decidedOn >= start && review.decidedOn <= end && review.outcome) {
    return base + REVIEW_OUTCOMES.indexOf(review.outcome);
  }
  if (review.filedOn <= end && !(review.decidedOn && review.decidedOn <= end)) return base + 3;
  return null;
}

export function computePart4(reviews: readonly ReportReview[], year: number): Part4 {
  const values = Array(15).fill(0) as number[];
  for (const review of reviews) {
    const cell = part4CellOf(review, year);
    if (cell === null) continue;
    values[cell]!++;
    values[cell - (cell % 5) + 4]!++;
  }
  return { columns: PART4_COLUMNS, rows: [{ label: PART4_ROW_LABEL, level: 0, values }] };
}
