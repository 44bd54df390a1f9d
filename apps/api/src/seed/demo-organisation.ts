import type { Role } from '@govdesk/domain';
import type { UnitKind } from '@govdesk/contracts';

/**
 * The demo county: Pingyin County (平阴县), whose 2023 open-government work plan
 * (../shared/reference) names these units as responsible for its tasks, and its towns and
 * streets.
 */
export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  letterhead: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'gov-office', name: '县政府办公室', kind: 'office', letterhead: '平阴县人民政府办公室' },
  { code: 'development-reform', name: '县发改局', kind: 'department', letterhead: '平阴县发展和改革局' },
  { code: 'education-sports', name: '县教体局', kind: 'department', letterhead: '平阴县教育和体育局' },
  { code: 'industry-it', name: '县工信局', kind: 'department', letterhead: '平阴县工业和信息化局' },
  { code: 'natural-resources', name: '县自然资源局', kind: 'department', letterhead: '平阴县自然资源局' },
  { code: 'ecology-environment', name: '县生态环境局', kind: 'department', letterhead: '济南市生态环境局平阴分局' },
  { code: 'housing-construction', name: '县住建局', kind: 'department', letterhead: '平阴县住房和城乡建设局' },
  { code: 'water', name: '县水务局', kind: 'department', letterhead: '平阴县水务局' },
  { code: 'civil-affairs', name: '县民政局', kind: 'department', letterhead: '平阴县民政局' },
  { code: 'human-resources', name: '县人社局', kind: 'department', letterhead: '平阴县人力资源和社会保障局' },
  { code: 'health', name: '县卫健局', kind: 'department', letterhead: '平阴县卫生健康局' },
  { code: 'market-regulation', name: '县市场监管局', kind: 'department', letterhead: '平阴县市场监督管理局' },
  { code: 'justice', name: '县司法局', kind: 'department', letterhead: '平阴县司法局' },
  { code: 'admin-approval', name: '县行政审批服务局', kind: 'department', letterhead: '平阴县行政审批服务局' },
  { code: 'finance', name: '县财政局', kind: 'department', letterhead: '平阴县财政局' },
  { code: 'transport', name: '县交运局', kind: 'department', letterhead: '平阴县交通运输局' },
  { code: 'culture-tourism', name: '县文旅局', kind: 'department', letterhead: '平阴县文化和旅游局' },
  { code: 'yushan-street', name: '榆山街道', kind: 'street', letterhead: '平阴县人民政府榆山街道办事处' },
  { code: 'jinshui-street', name: '锦水街道', kind: 'street', letterhead: '平阴县人民政府锦水街道办事处' },
  { code: 'dong-e-town', name: '东阿镇', kind: 'town', letterhead: '平阴县东阿镇人民政府' },
  { code: 'meigui-town', name: '玫瑰镇', kind: 'town', letterhead: '平阴县玫瑰镇人民政府' },
  { code: 'hongfanchi-town', name: '洪范池镇', kind: 'town', letterhead: '平阴县洪范池镇人民政府' },
  { code: 'kongcun-town', name: '孔村镇', kind: 'town', letterhead: '平阴县孔村镇人民政府' },
  { code: 'xiaozhi-town', name: '孝直镇', kind: 'town', letterhead: '平阴县孝直镇人民政府' },
  { code: 'ancheng-town', name: '安城镇', kind: 'town', letterhead: '平阴县安城镇人民政府' },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  unitCode: string | null;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], unitCode: null },
  { username: 'supervisor', displayName: '王督办（县政府办公室）', roles: ['supervisor'], unitCode: 'gov-office' },
  { username: 'monitor', displayName: '赵舆情（舆情监测）', roles: ['monitor'], unitCode: 'gov-office' },
  { username: 'handler', displayName: '李经办（县教体局）', roles: ['handler'], unitCode: 'education-sports' },
  { username: 'handler.water', displayName: '张经办（县水务局）', roles: ['handler'], unitCode: 'water' },
  { username: 'handler.env', displayName: '刘经办（县生态环境局）', roles: ['handler'], unitCode: 'ecology-environment' },
  { username: 'handler.land', displayName: '陈经办（县自然资源局）', roles: ['handler'], unitCode: 'natural-resources' },
  { username: 'handler.yushan', displayName: '孙经办（榆山街道）', roles: ['handler'], unitCode: 'yushan-street' },
  { username: 'lead.education', displayName: '教体局负责人', roles: ['handler'], unitCode: 'education-sports' },
];

/** Units with a lead (负责人), by unit code: told with the handlers when deadlines near or pass. */
export const DEMO_UNIT_LEADS: Record<string, string> = {
  'education-sports': 'lead.education',
  // A street office where the one handler also leads: told once.
  'yushan-street': 'handler.yushan',
};
