import { Alert, App, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetailDto } from '@govdesk/contracts';
import {
  ABANDON_REASONS,
  defaultLegalBasis,
  FORM_DELIVERIES,
  isRefusal,
  PERIODS,
  QUICK_REPLY_TYPES,
  reasonCodesFor,
  REPLY_TYPES,
  type ReplyReasonCode,
  type ReplyType,
  type RequestAction,
} from '@govdesk/domain';
import { ApiError } from '../../../api/client';
import { useAddWorkingDays, useTransition, useUnitHandlers } from '../hooks/requests-api';
import { todayInChina } from '../utils/dates';
import { transitionBody, type ActionFormValues } from '../utils/transition-body';

/** Every legal basis the form may have prefilled: a text among these was not written by the handler. */
const PREFILLED_BASES = new Set<string>(REPLY_TYPES.flatMap((r) => [defaultLegalBasis(r), ...reasonCodesFor(r).map((c) => defaultLegalBasis(r, c))]));

interface Props {
  request: RequestDetailDto;
  action: RequestAction | null;
  currentUserId: string;
  onClose(): void;
  /** Reloads the request (after a 409); resolves with the fresh one. */
  onReload(): Promise<RequestDetailDto | undefined>;
}

/** The form of one action: what the law asks for it, plus the optional date of a paper event. */
export function ActionModal({ request, action, currentUserId, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionFormValues>();
  const transition = useTransition(request.id);
  const [error, setError] = useState<string | null>(null);
  const handlers = useUnitHandlers(action === 'accept' ? request.unitId : null);

  const replyType = Form.useWatch('replyType', form);
  const at = Form.useWatch('at', form);
  const correctWithinDays = Form.useWatch('correctWithinDays', form);
  const correctUntil = useAddWorkingDays(
    action === 'request_correction' ? (at ? at.format('YYYY-MM-DD') : todayInChina()) : null,
    action === 'request_correction' ? (correctWithinDays ?? null) : null,
  );

  if (!action) return null;
  const label = t(`requests.actions.${action}`);

  const initialValues = (): ActionFormValues => {
    switch (action) {
      case 'accept':
        return { handlerId: request.handlerId ?? currentUserId };
      case 'request_correction':
        return { correctWithinDays: PERIODS.defaultCorrectionWindow };
      case 'start_consultation':
        return { party: 'third_party' };
      case 'draft_reply': {
        const r = request.reply;
        if (r) return { replyType: r.replyType, reasonCode: r.reasonCode ?? undefined, legalBasis: r.legalBasis, body: r.body ?? undefined };
        const first: ReplyType = request.status === 'reviewing' ? QUICK_REPLY_TYPES[0]! : 'disclosed';
        return { replyType: first, legalBasis: defaultLegalBasis(first) };
      }
      case 'send_reply':
        return { deliveryMethod: request.form.delivery };
      case 'abandon':
        return { abandonReason: request.status === 'awaiting_correction' ? 'no_correction' : 'fee_unpaid' };
      default:
        return {};
    }
  };

  const submit = async (values: ActionFormValues) => {
    setError(null);
    try {
      await transition.mutateAsync(transitionBody(action, request.version, values));
      message.success(t('requests.forms.done', { action: label }));
      onClose();
    } catch (e) {
      const msg = (e as Error).message;
      setError(msg);
      if (e instanceof ApiError && e.status === 409) {
        // Someone moved the request on (or it is no longer in a state for this): show why and load it afresh.
        message.error(msg);
        const fresh = await onReload();
        message.info(t('requests.forms.conflict'));
        if (!fresh?.availableActions.includes(action)) onClose();
      }
    }
  };

  /** Keeps the legal basis in step with the reply type and reason, unless the handler rewrote it. */
  const onValuesChange = (changed: ActionFormValues, all: ActionFormValues) => {
    if (action !== 'draft_reply' || !('replyType' in changed || 'reasonCode' in changed)) return;
    const type = all.replyType ?? 'disclosed';
    const codes = reasonCodesFor(type);
    let reason = all.reasonCode as ReplyReasonCode | undefined;
    if (reason && !codes.includes(reason)) {
      reason = undefined;
      form.setFieldValue('reasonCode', undefined);
    }
    const current = (all.legalBasis ?? '').trim();
    if (current === '' || PREFILLED_BASES.has(current)) form.setFieldValue('legalBasis', defaultLegalBasis(type, reason ?? null));
  };

  const replyTypes = request.status === 'reviewing' ? QUICK_REPLY_TYPES : REPLY_TYPES;
  const reasonCodes = replyType ? reasonCodesFor(replyType) : [];

  const fields = () => {
    switch (action) {
      case 'accept':
        return (
          <Form.Item name="handlerId" label={t('requests.forms.handler')}>
            <Select
              autoFocus
              allowClear
              loading={handlers.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              options={(handlers.data ?? []).map((m) => ({ value: m.id, label: m.displayName }))}
              data-testid="field-handler"
            />
          </Form.Item>
        );
      case 'request_correction':
        return (
          <>
            <Form.Item
              name="items"
              label={t('requests.forms.items')}
              rules={[{ required: true, whitespace: true, message: t('requests.forms.itemsRequired') }]}
            >
              <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} data-testid="field-items" />
            </Form.Item>
            <Form.Item
              name="correctWithinDays"
              label={t('requests.forms.correctWithinDays')}
              rules={[{ required: true }]}
              extra={correctUntil.data ? t('requests.forms.correctUntil', { date: correctUntil.data.date }) : undefined}
            >
              <InputNumber min={1} max={60} precision={0} data-testid="field-correct-within-days" />
            </Form.Item>
          </>
        );
      case 'start_consultation':
        return (
          <>
            <Form.Item name="party" label={t('requests.forms.party')} rules={[{ required: true }]}>
              <Radio.Group options={(['third_party', 'agency'] as const).map((p) => ({ value: p, label: t(`requests.parties.${p}`) }))} />
            </Form.Item>
            <Form.Item name="partyName" label={t('requests.forms.partyName')} rules={[{ max: 120 }]}>
              <Input autoFocus data-testid="field-party-name" />
            </Form.Item>
          </>
        );
      case 'end_consultation':
        return (
          <Form.Item name="opinion" label={t('requests.forms.opinion')} rules={[{ max: 5000 }]}>
            <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} data-testid="field-opinion" />
          </Form.Item>
        );
      case 'request_extension':
        return (
          <Form.Item name="reason" label={t('requests.forms.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('requests.forms.reasonRequired') }, { max: 1000 }]}>
            <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} data-testid="field-reason" />
          </Form.Item>
        );
      case 'draft_reply':
        return (
          <>
            {request.status === 'reviewing' && <Alert type="info" showIcon title={t('requests.forms.quickReplyHint')} style={{ marginBottom: 16 }} />}
            <Form.Item name="replyType" label={t('requests.forms.replyType')} rules={[{ required: true }]}>
              <Select autoFocus options={replyTypes.map((r) => ({ value: r, label: t(`requests.replyTypes.${r}`) }))} data-testid="field-reply-type" />
            </Form.Item>
            {reasonCodes.length > 0 && (
              <Form.Item name="reasonCode" label={t('requests.forms.reasonCode')} rules={[{ required: true }]}>
                <Select options={reasonCodes.map((c) => ({ value: c, label: t(`requests.reasonCodes.${c}`) }))} data-testid="field-reason-code" />
              </Form.Item>
            )}
            <Form.Item
              name="legalBasis"
              label={t('requests.forms.legalBasis')}
              extra={t('requests.forms.legalBasisHint')}
              rules={[{ required: !!replyType && isRefusal(replyType), whitespace: true, message: t('requests.forms.legalBasisRequired') }, { max: 500 }]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="field-legal-basis" />
            </Form.Item>
            <Form.Item name="body" label={t('requests.forms.body')} rules={[{ max: 20000 }]}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} data-testid="field-body" />
            </Form.Item>
          </>
        );
      case 'approve_reply':
        return (
          <>
            <Typography.Paragraph>{t('requests.forms.approveReplyHint')}</Typography.Paragraph>
            {request.reply && (
              <Descriptions
                size="small"
                bordered
                column={1}
                style={{ marginBottom: 16 }}
                items={[
                  { key: 'type', label: t('requests.detail.replyType'), children: t(`requests.replyTypes.${request.reply.replyType}`) },
                  ...(request.reply.reasonCode
                    ? [{ key: 'reason', label: t('requests.detail.reasonCode'), children: t(`requests.reasonCodes.${request.reply.reasonCode}`, { defaultValue: request.reply.reasonCode }) }]
                    : []),
                  { key: 'basis', label: t('requests.detail.legalBasis'), children: request.reply.legalBasis },
                  ...(request.reply.body ? [{ key: 'body', label: t('requests.detail.body'), children: <div style={{ whiteSpace: 'pre-wrap' }}>{request.reply.body}</div> }] : []),
                ]}
              />
            )}
          </>
        );
      case 'send_reply':
        return (
          <Form.Item name="deliveryMethod" label={t('requests.forms.deliveryMethod')} rules={[{ required: true }]}>
            <Select autoFocus options={FORM_DELIVERIES.map((d) => ({ value: d, label: t(`requests.deliveries.${d}`) }))} data-testid="field-delivery-method" />
          </Form.Item>
        );
      case 'notify_fee':
        return (
          <>
            <Form.Item name="amount" label={t('requests.forms.feeAmount')} rules={[{ required: true }]}>
              <InputNumber autoFocus min={0.01} max={100000} precision={2} style={{ width: 200 }} data-testid="field-amount" />
            </Form.Item>
            <Form.Item name="reason" label={t('requests.forms.feeReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('requests.forms.reasonRequired') }, { max: 1000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="field-reason" />
            </Form.Item>
          </>
        );
      case 'set_reply_period':
        return (
          <>
            <Form.Item name="dueDate" label={t('requests.forms.periodDueDate')} rules={[{ required: true }]}>
              <DatePicker autoFocus disabledDate={(d) => d.format('YYYY-MM-DD') <= request.dueDate} data-testid="field-due-date" />
            </Form.Item>
            <Form.Item name="reason" label={t('requests.forms.periodReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('requests.forms.reasonRequired') }, { max: 1000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="field-reason" />
            </Form.Item>
          </>
        );
      case 'withdraw':
        return (
          <Form.Item name="reason" label={t('requests.forms.withdrawReason')} rules={[{ max: 1000 }]}>
            <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} data-testid="field-reason" />
          </Form.Item>
        );
      case 'abandon':
        return (
          <Form.Item name="abandonReason" label={t('requests.forms.abandonReason')} rules={[{ required: true }]}>
            <Radio.Group
              orientation="vertical"
              options={ABANDON_REASONS.map((r) => ({
                value: r,
                label: t(`requests.abandonReasons.${r}`),
                disabled: r === 'no_correction' && request.status !== 'awaiting_correction',
              }))}
            />
          </Form.Item>
        );
      default:
        return <Typography.Paragraph>{t('requests.forms.confirm', { action: label })}</Typography.Paragraph>;
    }
  };

  return (
    <Modal
      open
      title={`${label} · ${request.receiptNo}`}
      okText={label}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: action === 'withdraw' || action === 'abandon', ...({ 'data-testid': 'action-submit' } as object) }}
      confirmLoading={transition.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={action === 'draft_reply' || action === 'approve_reply' ? 720 : 520}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="action-error" />}
      <Form<ActionFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues()}
        onValuesChange={onValuesChange}
        onFinish={(v) => void submit(v)}
        data-testid={`form-${action}`}
      >
        {fields()}
        <Form.Item name="at" label={t('requests.forms.at')} extra={t('requests.forms.atHint')}>
          <DatePicker
            allowClear
            disabledDate={(d) => d.isAfter(dayjs(todayInChina()), 'day') || d.isBefore(dayjs(request.receivedOn), 'day')}
            data-testid="field-at"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
