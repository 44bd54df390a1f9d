import { computePart3, computePart4, PART3_ROWS, type ReportRequest, type ReportReview } from '../annual-report';

const reply = (replyType: string, reasonCode: string | null = null) => ({ kind: 'reply' as const, replyType, reasonCode }) as ReportRequest['conclusion'];
const r = (applicantType: ReportRequest['applicantType'], receivedOn: string, concludedOn: string | null, conclusion: ReportRequest['conclusion']): ReportRequest => ({
  applicantType,
  receivedOn,
  concludedOn,
  conclusion,
});

/** One unit's 2025, built from known requests: every cell and the balance check. */
describe('annual report 2025 of one unit', () => {
  const requests: ReportRequest[] = [
    r('natural_person', '2025-03-01', '2025-03-20', reply('disclosed')),
    r('commercial_enterprise', '2025-05-01', '2025-06-01', reply('partially_disclosed')),
    r('research_institution', '2025-06-01', '2025-06-20', reply('not_disclosed', 'third_party_rights')),
    r('social_welfare_org', '2025-07-01', '2025-07-15', reply('cannot_provide', 'needs_creation')),
    r('legal_service_org', '2025-08-01', '2025-08-10', reply('not_processed', 'repeated')),
    r('other_org', '2025-09-01', '2025-10-01', { kind: 'abandoned', reason: 'no_correction' }),
    r('natural_person', '2025-12-20', null, null),
    r('natural_person', '2025-12-01', '2026-01-05', reply('disclosed')),
    r('natural_person', '2025-10-10', '2025-10-12', { kind: 'withdrawn' }),
    r('natural_person', '2025-04-04', '2025-04-08', reply('not_this_agency')),
    r('natural_person', '2025-05-05', '2025-06-30', { kind: 'abandoned', reason: 'fee_unpaid' }),
    r('natural_person', '2024-12-15', '2025-01-10', reply('already_public')),
    r('commercial_enterprise', '2024-11-01', '2024-12-01', reply('disclosed')),
    r('commercial_enterprise', '2024-12-25', null, null),
    r('natural_person', '2026-01-02', null, null),
  ];
  const part3 = computePart3(requests, 2025);
  const row = (label: string) => part3.rows.find((x) => x.label === label)!.values;

  it('has every row of the template, verbatim, with seven values each', () => {
    expect(part3.rows.map((x) => x.label)).toEqual(PART3_ROWS.map((x) => x.label));
    expect(part3.rows).toHaveLength(30);
    expect(part3.rows.every((x) => x.values.length === 7)).toBe(true);
    expect(part3.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });

  it('counts every cell', () => {
    const expected: Record<string, number[]> = {
      '一、本年新收政府信息公开申请数量': [6, 1, 1, 1, 1, 1, 11],
      '二、上年结转政府信息公开申请数量': [1, 1, 0, 0, 0, 0, 2],
      '三、本年度办理结果': [5, 1, 1, 1, 1, 1, 10],
      '（一）予以公开': [2, 0, 0, 0, 0, 0, 2],
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': [0, 1, 0, 0, 0, 0, 1],
      '（三）不予公开': [0, 0, 1, 0, 0, 0, 1],
      '1.属于国家秘密': [0, 0, 0, 0, 0, 0, 0],
      '2.其他法律行政法规禁止公开': [0, 0, 0, 0, 0, 0, 0],
      '3.危及“三安全一稳定”': [0, 0, 0, 0, 0, 0, 0],
      '4.保护第三方合法权益': [0, 0, 1, 0, 0, 0, 1],
      '5.属于三类内部事务信息': [0, 0, 0, 0, 0, 0, 0],
      '6.属于四类过程性信息': [0, 0, 0, 0, 0, 0, 0],
      '7.属于行政执法案卷': [0, 0, 0, 0, 0, 0, 0],
      '8.属于行政查询事项': [0, 0, 0, 0, 0, 0, 0],
      '（四）无法提供': [1, 0, 0, 1, 0, 0, 2],
      '1.本机关不掌握相关政府信息': [1, 0, 0, 0, 0, 0, 1],
      '2.没有现成信息需要另行制作': [0, 0, 0, 1, 0, 0, 1],
      '3.补正后申请内容仍不明确': [0, 0, 0, 0, 0, 0, 0],
      '（五）不予处理': [0, 0, 0, 0, 1, 0, 1],
      '1.信访举报投诉类申请': [0, 0, 0, 0, 0, 0, 0],
      '2.重复申请': [0, 0, 0, 0, 1, 0, 1],
      '3.要求提供公开出版物': [0, 0, 0, 0, 0, 0, 0],
      '4.无正当理由大量反复申请': [0, 0, 0, 0, 0, 0, 0],
      '5.要求行政机关确认或重新出具已获取信息': [0, 0, 0, 0, 0, 0, 0],
      '（六）其他处理': [2, 0, 0, 0, 0, 1, 3],
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': [0, 0, 0, 0, 0, 1, 1],
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': [1, 0, 0, 0, 0, 0, 1],
      '3.其他': [1, 0, 0, 0, 0, 0, 1],
      '（七）总计': [5, 1, 1, 1, 1, 1, 10],
      '四、结转下年度继续办理': [2, 1, 0, 0, 0, 0, 3],
    };
    for (const [label, values] of Object.entries(expected)) expect([label, row(label)]).toEqual([label, values]);
  });

  it('balances: 一 + 二 = 三（七） + 四 in every column', () => {
    expect(part3.balance.ok).toBe(true);
    expect(part3.balance.columns.at(-1)).toEqual({ column: '总计', left: 13, right: 13, ok: true });
  });

  it('counts a weighted request as that many requests', () => {
    const weighted = requests.map((x, i) => ({ ...x, count: 1 + (i % 3) }));
    const repeated = weighted.flatMap((x) => Array.from({ length: x.count }, () => ({ ...x, count: undefined })));
    expect(computePart3(weighted, 2025)).toEqual(computePart3(repeated, 2025));
    expect(computePart3(weighted, 2025).rows[0]!.values[6]).toBe(weighted.filter((x) => x.receivedOn >= '2025-01-01' && x.receivedOn <= '2025-12-31').reduce((a, x) => a + x.count, 0));
  });

  it('shows an imbalance when records contradict each other', () => {
    const broken = computePart3([r('natural_person', '2025-03-01', '2025-03-20', null)], 2025);
    expect(broken.balance.ok).toBe(false);
  });

  it('counts part four: decided in the year by outcome, pending at year end as 尚未审结', () => {
    const reviews: ReportReview[] = [
      { kind: 'reconsideration', filedOn: '2025-02-01', decidedOn: '2025-04-01', outcome: 'upheld' },
      { kind: 'reconsideration', filedOn: '2025-11-01', decidedOn: null, outcome: null },
      { kind: 'litigation_direct', filedOn: '2024-10-01', decidedOn: '2025-03-01', outcome: 'corrected' },
      { kind: 'litigation_after_reconsideration', filedOn: '2025-06-01', decidedOn: '2026-02-01', outcome: 'other' },
      { kind: 'reconsideration', filedOn: '2024-01-01', decidedOn: '2024-05-01', outcome: 'upheld' },
    ];
    const part4 = computePart4(reviews, 2025);
    expect(part4.columns).toHaveLength(15);
    expect(part4.columns[0]).toBe('行政复议：结果维持');
    expect(part4.rows[0]!.values).toEqual([1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1]);
  });
});
