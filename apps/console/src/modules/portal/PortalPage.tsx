import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Result, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PortalReceiptDto, PortalSubmissionRequest } from '@govdesk/contracts';
import { APPLICANT_TYPES, FORM_DELIVERIES, FORM_MEDIA, ID_TYPES, type ApplicantType, type IdType } from '@govdesk/domain';
import { liveIdCheck } from '../requests/utils/id-check';
import { formatDateTime } from '../requests/utils/dates';
import { publicErrorMessage, usePublicUnits, useSubmitApplication } from './public-api';

interface PortalForm {
  unitId: string;
  applicantType: ApplicantType;
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
  email?: string;
  address?: string;
  contactPerson?: string;
  description: string;
  medium: (typeof FORM_MEDIA)[number];
  delivery: (typeof FORM_DELIVERIES)[number];
}

const PERSON_ID_TYPES = ID_TYPES.filter((i) => i !== 'unified_social_credit_code');
const isOrg = (type: ApplicantType | undefined) => !!type && type !== 'natural_person';

function toBody(v: PortalForm): PortalSubmissionRequest {
  const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  return {
    unitId: v.unitId,
    applicant: {
      type: v.applicantType,
      name: v.name.trim(),
      idType: v.idType,
      idNumber: v.idNumber.trim().toUpperCase(),
      phone: opt(v.phone),
      email: opt(v.email),
      address: opt(v.address),
      contactPerson: isOrg(v.applicantType) ? opt(v.contactPerson) : undefined,
    },
    description: v.description.trim(),
    form: { medium: v.medium, delivery: v.delivery },
  };
}

/** The public application form (no login); the receipt number and query code are shown once. */
export function PortalPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PortalForm>();
  const units = usePublicUnits();
  const submit = useSubmitApplication();
  const [receipt, setReceipt] = useState<PortalReceiptDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const applicantType = Form.useWatch('applicantType', form);
  const org = isOrg(applicantType);
  const req = (field: string) => ({ required: true, whitespace: true, message: t('portal.required', { field }) });

  const onFinish = async (v: PortalForm) => {
    setError(null);
    try {
      setReceipt(await submit.mutateAsync(toBody(v)));
      window.scrollTo({ top: 0 });
    } catch (e) {
      setError(publicErrorMessage(e));
    }
  };

  if (receipt) {
    return (
      <Card>
        <Result
          status="success"
          title={t('portal.successTitle')}
          subTitle={t('portal.successHint')}
          data-testid="portal-receipt"
          extra={[
            <Button key="status" type="primary" onClick={() => void navigate(`/portal/status?receiptNo=${encodeURIComponent(receipt.receiptNo)}`)}>
              {t('portal.goStatus')}
            </Button>,
            <Button key="again" onClick={() => { form.resetFields(); setReceipt(null); }}>
              {t('portal.another')}
            </Button>,
          ]}
        >
          <Descriptions
            bordered
            column={1}
            size="middle"
            items={[
              {
                key: 'receipt',
                label: t('portal.receiptNo'),
                children: (
                  <Typography.Text copyable={{ text: receipt.receiptNo, onCopy: () => void message.success(t('common.copied')) }} strong style={{ fontSize: 22 }} data-testid="portal-receipt-no">
                    {receipt.receiptNo}
                  </Typography.Text>
                ),
              },
              {
                key: 'code',
                label: t('portal.queryCode'),
                children: (
                  <Typography.Text copyable={{ text: receipt.queryCode }} strong style={{ fontSize: 22, letterSpacing: 2 }} data-testid="portal-query-code">
                    {receipt.queryCode}
                  </Typography.Text>
                ),
              },
              { key: 'at', label: t('portal.submittedAt'), children: formatDateTime(receipt.submittedAt) },
            ]}
          />
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('portal.receivedNote')} />
        </Result>
      </Card>
    );
  }

  return (
    <Card title={t('portal.apply')}>
      <Typography.Paragraph>{t('portal.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('portal.receivedNote')} />
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="portal-error" />}
      <Form<PortalForm>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ applicantType: 'natural_person', idType: 'resident_id', medium: 'electronic', delivery: 'email' }}
        onFinish={(v) => void onFinish(v)}
        onValuesChange={(changed: Partial<PortalForm>) => {
          if (changed.applicantType) form.setFieldValue('idType', isOrg(changed.applicantType) ? 'unified_social_credit_code' : 'resident_id');
        }}
      >
        <Form.Item name="unitId" label={t('portal.unit')} rules={[{ required: true, message: t('portal.unitPlaceholder') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isLoading}
            placeholder={t('portal.unitPlaceholder')}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="portal-unit"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="applicantType" label={t('requests.register.applicantType')} rules={[{ required: true }]}>
              <Select options={APPLICANT_TYPES.map((a) => ({ value: a, label: t(`requests.applicantTypes.${a}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="name" label={org ? t('requests.register.orgName') : t('requests.register.personName')} rules={[req(org ? t('requests.register.orgName') : t('requests.register.personName')), { max: 100 }]}>
              <Input autoComplete="name" data-testid="portal-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="idType" label={t('requests.register.idType')} rules={[{ required: true }]}>
              <Select disabled={org} options={(org ? (['unified_social_credit_code'] as IdType[]) : PERSON_ID_TYPES).map((i) => ({ value: i, label: t(`requests.idTypes.${i}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="idNumber"
              label={t('requests.register.idNumber')}
              rules={[
                req(t('requests.register.idNumber')),
                {
                  validator: (_, value: string | undefined) => {
                    const check = liveIdCheck(form.getFieldValue('idType') as IdType, value);
                    if (check.state === 'invalid') return Promise.reject(new Error(t(`requests.register.idInvalid.${check.messageKey}`)));
                    if (check.state === 'typing') return Promise.reject(new Error(t('requests.register.idTyping', { count: check.count })));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <Input autoComplete="off" data-testid="portal-id-number" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('requests.register.phone')} rules={[req(t('requests.register.phone')), { pattern: /^[0-9+\-() ]{5,30}$/, message: t('requests.register.phoneInvalid') }]}>
              <Input inputMode="tel" autoComplete="tel" data-testid="portal-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('requests.register.email')} rules={[{ type: 'email', message: t('requests.register.emailInvalid') }]}>
              <Input inputMode="email" autoComplete="email" />
            </Form.Item>
          </Col>
          {org && (
            <Col xs={24} md={12}>
              <Form.Item name="contactPerson" label={t('requests.register.contactPerson')} rules={[{ max: 60 }]}>
                <Input />
              </Form.Item>
            </Col>
          )}
          <Col xs={24}>
            <Form.Item name="address" label={t('requests.register.address')} rules={[{ max: 200 }]}>
              <Input autoComplete="street-address" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="description"
          label={t('requests.register.description')}
          rules={[req(t('requests.register.description')), { min: 5, message: t('requests.register.descriptionMin') }, { max: 5000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} placeholder={t('requests.register.descriptionPlaceholder')} data-testid="portal-description" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="medium" label={t('requests.register.medium')} rules={[{ required: true }]}>
              <Select options={FORM_MEDIA.map((m) => ({ value: m, label: t(`requests.media.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="delivery" label={t('requests.register.delivery')} rules={[{ required: true }]}>
              <Select options={FORM_DELIVERIES.map((d) => ({ value: d, label: t(`requests.deliveries.${d}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" size="large" loading={submit.isPending} data-testid="portal-submit">
          {t('portal.submit')}
        </Button>
      </Form>
    </Card>
  );
}
