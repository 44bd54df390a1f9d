/**
 * Error codes, per area, with the message a person reads in each console language.
 * The API maps each code to an HTTP status in one place (apps/api/src/common/errors).
 */
export const ERROR_MESSAGES = {
  // common
  VALIDATION_FAILED: { en: 'Some fields are invalid.', zh: '部分字段填写有误。' },
  MALFORMED_JSON: { en: 'The request body is not valid JSON.', zh: '请求内容不是有效的 JSON。' },
  IDEMPOTENCY_KEY_INVALID: {
    en: 'The Idempotency-Key header must be 1 to 100 letters, digits or . _ : -',
    zh: 'Idempotency-Key 请求头须为 1 至 100 个字母、数字或 . _ : - 字符。',
  },
  IDEMPOTENCY_KEY_REUSED: {
    en: 'This Idempotency-Key was already used for a different request; use a new key for a new request.',
    zh: '该 Idempotency-Key 已用于另一请求，新的请求请使用新的键。',
  },
  IDEMPOTENCY_KEY_IN_USE: {
    en: 'A request with this Idempotency-Key is being carried out right now; wait for its answer.',
    zh: '使用该 Idempotency-Key 的请求正在处理，请等待其结果。',
  },
  IDEMPOTENCY_NO_ANSWER: {
    en: 'This request was already carried out, but its answer was not kept; reload to see the result.',
    zh: '该请求已执行，但其结果未能保存；请刷新查看。',
  },
  PAYLOAD_TOO_LARGE: { en: 'The request body is too large.', zh: '请求内容过大。' },
  ROUTE_NOT_FOUND: { en: 'No such API endpoint.', zh: '接口不存在。' },
  INTERNAL: { en: 'Something went wrong on the server.', zh: '服务器内部错误。' },
  RATE_LIMITED: { en: 'Too many requests; try again later.', zh: '请求过于频繁，请稍后再试。' },
  // auth
  AUTH_REQUIRED: { en: 'Please log in.', zh: '请先登录。' },
  AUTH_TOKEN_INVALID: { en: 'Your session has expired; please log in again.', zh: '登录已失效，请重新登录。' },
  AUTH_INVALID_CREDENTIALS: { en: 'Wrong username or password.', zh: '用户名或密码错误。' },
  AUTH_ACCOUNT_DISABLED: { en: 'This account is disabled.', zh: '该账号已停用。' },
  AUTH_THROTTLED: {
    en: 'Too many wrong passwords for this account; try again in 15 minutes.',
    zh: '该账号密码错误次数过多，请 15 分钟后再试。',
  },
  AUTH_FORBIDDEN: { en: 'Your role may not do this.', zh: '您的角色无权执行此操作。' },
  // units
  UNIT_NOT_FOUND: { en: 'Unit not found.', zh: '单位不存在。' },
  UNIT_DUPLICATE: { en: 'A unit with this code or name already exists.', zh: '单位编码或名称已存在。' },
  // users
  USER_NOT_FOUND: { en: 'User not found.', zh: '用户不存在。' },
  USER_DUPLICATE: { en: 'This username is taken.', zh: '用户名已被占用。' },
  USER_UNIT_REQUIRED: { en: 'A handler must belong to a unit.', zh: '经办人必须属于某个单位。' },
  USER_UNIT_UNKNOWN: { en: 'The unit given does not exist.', zh: '所选单位不存在。' },
  USER_CANNOT_DISABLE_SELF: { en: 'You cannot disable or demote your own account.', zh: '不能停用自己的账号或取消自己的管理员角色。' },
  // disclosure requests
  REQUEST_NOT_FOUND: { en: 'Request not found.', zh: '申请不存在。' },
  REQUEST_VERSION_CONFLICT: {
    en: 'Someone else changed this request meanwhile; reload it and try again.',
    zh: '该申请已被他人修改，请刷新后重试。',
  },
  REQUEST_ACTION_NOT_ALLOWED: { en: 'This action is not allowed in the request\'s current state.', zh: '当前状态下不能执行该操作。' },
  REQUEST_REQUIREMENT: { en: 'The action lacks something the law requires.', zh: '缺少法定要求的内容。' },
  REQUEST_EVENT_DATE: { en: 'The date of this event is not possible.', zh: '该事项的日期不合理。' },
  REQUEST_OTHER_UNIT: { en: 'Handlers register requests for their own unit only.', zh: '经办人只能为本单位登记申请。' },
  REQUEST_HANDLER_INVALID: { en: 'The handler must be an active handler of the request\'s unit.', zh: '承办人必须是本单位的在岗经办人。' },
  PORTAL_NOT_FOUND: {
    en: 'No application matches this receipt number and query code.',
    zh: '未找到与该登记回执号和查询码对应的申请。',
  },
  PORTAL_SUBMISSION_NOT_FOUND: { en: 'Online submission not found.', zh: '网上申请不存在。' },
  PORTAL_SUBMISSION_DECIDED: { en: 'This online submission was already confirmed or rejected.', zh: '该网上申请已确认或已退回。' },
  ATTACHMENT_TYPE: { en: 'This type of file is not accepted.', zh: '不接受该类型的文件。' },
  ATTACHMENT_NOT_FOUND: { en: 'Attachment not found.', zh: '附件不存在。' },
  NOTIFICATION_NOT_FOUND: { en: 'Notification not found.', zh: '通知不存在。' },
  URGE_NO_RECIPIENT: { en: 'There is nobody to urge: the request has no handler and its unit has no handlers.', zh: '没有可督办的对象：该申请尚无承办人，单位也没有经办人。' },
  // public opinion
  INGEST_TOO_MANY: { en: 'At most 1,000 mentions per call.', zh: '每次最多提交 1000 条信息。' },
  INVALID_ENCODING: { en: 'The request body is not valid UTF-8 text.', zh: '请求内容不是有效的 UTF-8 文本。' },
  API_KEY_INVALID: { en: 'Unknown or disabled API key.', zh: 'API 密钥无效或已停用。' },
  HOTSPOT_NOT_FOUND: { en: 'Hotspot not found.', zh: '热点不存在。' },
  HOTSPOT_NOT_OPEN: { en: 'This hotspot was merged into another one or is closed.', zh: '该热点已合并或已关闭。' },
  HOTSPOT_MERGE_INVALID: { en: 'These hotspots cannot be merged.', zh: '这些热点无法合并。' },
  HOTSPOT_UNMERGE_INVALID: {
    en: 'Only a hotspot merged into this one can be split back out, and only with the mentions that merge moved (merges before this version did not record them).',
    zh: '只能拆回合并到本热点的热点，且仅限该次合并移入的信息（此前版本的合并未记录移入的信息）。',
  },
  HOTSPOT_SPLIT_INVALID: { en: 'Choose some, not all, of this hotspot\'s own mentions to split off.', zh: '请选择该热点的部分（而非全部）信息进行拆分。' },
  SOURCE_NOT_FOUND: { en: 'Source not found.', zh: '信息源不存在。' },
  SOURCE_NOT_FEED: { en: 'Only RSS/Atom sources can be polled.', zh: '只有 RSS/Atom 信息源可以抓取。' },
  IMPORT_UNREADABLE: { en: 'The file could not be read as a spreadsheet (.xlsx or .csv).', zh: '无法读取该文件，请上传 .xlsx 或 .csv 表格。' },
  // alerts
  ALERT_NOT_FOUND: { en: 'Alert not found.', zh: '告警不存在。' },
  ALERT_RESOLVED: { en: 'This alert is already resolved.', zh: '该告警已处置完毕。' },
  ESCALATION_LEVEL_INVALID: { en: 'The level must be 1 to 4.', zh: '级别须为 1 至 4。' },
  SILENCE_NOT_FOUND: { en: 'Silence not found.', zh: '静默规则不存在。' },
  // calendar
  CALENDAR_INVALID: { en: 'The calendar is not valid.', zh: '日历数据有误。' },
  CALENDAR_YEAR_NOT_FOUND: { en: 'No holiday calendar is loaded for this year.', zh: '该年度的节假日安排尚未载入。' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface FieldError {
  /** Dotted path of the field, e.g. `applicant.idNumber`. */
  field: string;
  message: string;
}

/** The body of every error answer of the API. */
export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  messageZh: string;
  details?: FieldError[];
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'statusCode' in value;
}
