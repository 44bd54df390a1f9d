import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RegisterRequest } from '@govdesk/contracts';
import {
  APPLICANT_TYPES,
  FORM_DELIVERIES,
  FORM_MEDIA,
  hasAnyRole,
  ID_TYPES,
  PERIODS,
  REQUEST_CHANNELS,
  type ApplicantType,
  type IdType,
  type RequestChannel,
} from '@govdesk/domain';
import { useAuth } from '../../auth/auth-context';
import { DuplicateWarning } from './components/DuplicateWarning';
import { SimilarWarning } from './components/SimilarWarning';
import { useAddWorkingDays, useRegisterRequest, useUnits } from './hooks/requests-api';
import { fetchDuplicates, useDuplicates } from './hooks/useDuplicates';
import { useSimilarCheck } from './hooks/useSimilarCheck';
import { todayInChina } from './utils/dates';
import { liveIdCheck } from './utils/id-check';

type Medium = (typeof FORM_MEDIA)[number];
type Delivery = (typeof FORM_DELIVERIES)[number];

interface RegisterFormValues {
  channel: RequestChannel;
  receivedAt: Dayjs;
  unitId: string;
  applicantType: ApplicantType;
  name: string;
  idType: IdType;
  idNumber: string;
  phone?: string;
  address?: string;
  email?: string;
  contactPerson?: string;
  description: string;
  medium: Medium;
  delivery: Delivery;
}

/** What a registration passes on to the request page, once: the receipt and the query code. */
export interface RegisteredState {
  registered: { receiptNo: string; queryCode: string };
}

const isOrganisation = (type: ApplicantType | undefined) => !!type && type !== 'natural_person';
const PERSON_ID_TYPES = ID_TYPES.filter((i) => i !== 'unified_social_credit_code');
/** Where the counter is busiest: in person, on paper, collected in person. */
const DEFAULT_DELIVERY: Record<RequestChannel, Delivery> = {
  in_person: 'pickup',
  oral: 'pickup',
  registered_mail: 'mail',
  ordinary_mail: 'mail',
  fax: 'mail',
  email: 'email',
  online: 'online',
};

function toBody(v: RegisterFormValues): RegisterRequest {
  const date = v.receivedAt.format('YYYY-MM-DD');
  const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  return {
    channel: v.channel,
    // Today is recorded with the moment of registration; an earlier day as that date.
    receivedAt: date === todayInChina() ? new Date().toISOString() : date,
    unitId: v.unitId,
    applicant: {
      type: v.applicantType,
      name: v.name.trim(),
      idType: v.idType,
      idNumber: v.idNumber.trim().toUpperCase(),
      phone: opt(v.phone),
      address: opt(v.address),
      email: opt(v.email),
      contactPerson: isOrganisation(v.applicantType) ? opt(v.contactPerson) : undefined,
    },
    description: v.description.trim(),
    form: { medium: v.medium, delivery: v.delivery },
  };
}

/** Counter registration of a disclosure request: defaults for the usual case, Enter to submit. */
export function RegisterRequestPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegisterFormValues>();
  const [submitted, setSubmitted] = useState(false);
  const register = useRegisterRequest();
  const countyWide = !!user && hasAnyRole(user, ['supervisor', 'admin']);
  const units = useUnits();

  const applicantType = Form.useWatch('applicantType', form);
  const idType = Form.useWatch('idType', form);
  const idNumber = Form.useWatch('idNumber', form);
  const name = Form.useWatch('name', form);
  const receivedAt = Form.useWatch('receivedAt', form);
  const duplicates = useDuplicates(name, idNumber);
  const unitIdValue = Form.useWatch('unitId', form) as string | undefined;
  const descriptionValue = Form.useWatch('description', form) as string | undefined;
  const similar = useSimilarCheck(unitIdValue, descriptionValue, idType === 'resident_id' ? (idNumber as string | undefined) : undefined);
  const expectedDue = useAddWorkingDays(receivedAt ? receivedAt.format('YYYY-MM-DD') : null, PERIODS.reply);
  const idLive = liveIdCheck(idType, idNumber);
  const org = isOrganisation(applicantType);
  const ownUnitName = units.data?.find((u) => u.id === user?.unitId)?.name;
  const req = (field: string) => ({ required: true, whitespace: true, message: t('requests.register.required', { field }) });

  const submit = async (values: RegisterFormValues) => {
    const found = await fetchDuplicates(queryClient, values.name, values.idNumber);
    if (found.length > 0) {
      const go = await modal.confirm({
        title: t('requests.register.duplicateConfirmTitle'),
        content: t('requests.register.duplicateConfirm', { name: values.name.trim(), count: found.length }),
        okText: t('requests.register.continue'),
        cancelText: t('common.cancel'),
      });
      if (!go) return;
    }
    try {
      const created = await register.mutateAsync(toBody(values));
      message.success(t('requests.register.success'));
      const state: RegisteredState = { registered: { receiptNo: created.receiptNo, queryCode: created.queryCode } };
      void navigate(`/requests/${created.id}`, { state });
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const idStatus = (): { validateStatus?: '' | 'success' | 'error'; help?: string } => {
    switch (idLive.state) {
      case 'valid':
        return { validateStatus: 'success', help: t('requests.register.idValid') };
      case 'invalid':
        return { validateStatus: 'error', help: t(`requests.register.idInvalid.${idLive.messageKey}`) };
      case 'typing':
        // Still typing: neutral until the handler tries to submit.
        return { validateStatus: submitted ? 'error' : '', help: t('requests.register.idTyping', { count: idLive.count }) };
      default:
        return {};
    }
  };

  return (
    <>
      <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/workbench')} aria-label={t('common.back')} />
        <Typography.Title level={3} data-testid="page-title" style={{ margin: 0 }}>
          {t('requests.register.title')}
        </Typography.Title>
      </Flex>
      <Form<RegisterFormValues>
        form={form}
        layout="vertical"
        requiredMark
        data-testid="register-form"
        initialValues={{
          channel: 'in_person',
          receivedAt: dayjs(todayInChina()),
          unitId: user?.unitId ?? undefined,
          applicantType: 'natural_person',
          idType: 'resident_id',
          medium: 'paper',
          delivery: 'pickup',
        }}
        onValuesChange={(changed: Partial<RegisterFormValues>) => {
          if (changed.applicantType) {
            const current = form.getFieldValue('idType') as IdType;
            if (isOrganisation(changed.applicantType)) form.setFieldValue('idType', 'unified_social_credit_code');
            else if (current === 'unified_social_credit_code') form.setFieldValue('idType', 'resident_id');
          }
          if (changed.channel) form.setFieldValue('delivery', DEFAULT_DELIVERY[changed.channel]);
        }}
        onFinish={(v) => void submit(v)}
        onFinishFailed={() => setSubmitted(true)}
        style={{ maxWidth: 1040 }}
      >
        <Flex vertical gap={16}>
          <Card title={t('requests.register.intake')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="channel" label={t('requests.register.channel')} rules={[{ required: true }]}>
                  <Select options={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`requests.channels.${c}`) }))} data-testid="request-channel" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="receivedAt"
                  label={t('requests.register.receivedAt')}
                  rules={[{ required: true }]}
                  extra={expectedDue.data ? t('requests.register.expectedDue', { date: expectedDue.data.date }) : undefined}
                >
                  <DatePicker
                    allowClear={false}
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.format('YYYY-MM-DD') > todayInChina()}
                    data-testid="request-received-at"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                {countyWide ? (
                  <Form.Item name="unitId" label={t('requests.register.unit')} rules={[{ required: true, message: t('requests.register.required', { field: t('requests.register.unit') }) }]}>
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={units.isLoading}
                      options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
                      data-testid="request-unit"
                    />
                  </Form.Item>
                ) : (
                  <Form.Item label={t('requests.register.unit')}>
                    <Typography.Text strong data-testid="request-unit-fixed">
                      {ownUnitName ?? '…'}
                    </Typography.Text>
                    <Form.Item name="unitId" hidden>
                      <Input />
                    </Form.Item>
                  </Form.Item>
                )}
              </Col>
            </Row>
          </Card>

          <Card title={t('requests.register.applicant')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="name" label={org ? t('requests.register.orgName') : t('requests.register.personName')} rules={[req(org ? t('requests.register.orgName') : t('requests.register.personName')), { max: 100 }]}>
                  <Input autoFocus autoComplete="off" data-testid="applicant-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="applicantType" label={t('requests.register.applicantType')} rules={[{ required: true }]}>
                  <Select options={APPLICANT_TYPES.map((a) => ({ value: a, label: t(`requests.applicantTypes.${a}`) }))} data-testid="applicant-type" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="idType" label={t('requests.register.idType')} rules={[{ required: true }]}>
                  <Select
                    disabled={org}
                    options={(org ? (['unified_social_credit_code'] as IdType[]) : PERSON_ID_TYPES).map((i) => ({ value: i, label: t(`requests.idTypes.${i}`) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="idNumber"
                  label={t('requests.register.idNumber')}
                  hasFeedback={idLive.state === 'valid' || idLive.state === 'invalid'}
                  {...(idLive.state === 'empty' ? {} : idStatus())}
                  rules={[
                    req(t('requests.register.idNumber')),
                    {
                      validator: (_, value: string | undefined) => {
                        const check = liveIdCheck(form.getFieldValue('idType') as IdType, value);
                        return check.state === 'typing' || check.state === 'invalid' ? Promise.reject(new Error(t('requests.register.idInvalid.format'))) : Promise.resolve();
                      },
                    },
                  ]}
                >
                  <Input autoComplete="off" maxLength={40} data-testid="applicant-id-number" style={{ fontFamily: 'monospace' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="phone" label={t('requests.register.phone')} rules={[{ pattern: /^[0-9+\-() ]{5,30}$/, message: t('requests.register.phoneInvalid') }]}>
                  <Input autoComplete="off" inputMode="tel" data-testid="applicant-phone" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                {org ? (
                  <Form.Item name="contactPerson" label={t('requests.register.contactPerson')} rules={[{ max: 60 }]}>
                    <Input autoComplete="off" />
                  </Form.Item>
                ) : (
                  <Form.Item name="email" label={t('requests.register.email')} rules={[{ type: 'email', message: t('requests.register.emailInvalid') }]}>
                    <Input autoComplete="off" inputMode="email" />
                  </Form.Item>
                )}
              </Col>
              <Col xs={24}>
                <Form.Item name="address" label={t('requests.register.address')} rules={[{ max: 200 }]}>
                  <Input autoComplete="off" data-testid="applicant-address" />
                </Form.Item>
              </Col>
            </Row>
            <DuplicateWarning duplicates={duplicates} />
          </Card>

          <Card title={t('requests.register.content')} size="small">
            <Form.Item
              name="description"
              label={t('requests.register.description')}
              rules={[req(t('requests.register.description')), { min: 5, message: t('requests.register.descriptionMin') }, { max: 5000 }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 10 }}
                placeholder={t('requests.register.descriptionPlaceholder')}
                data-testid="request-description"
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    form.submit();
                  }
                }}
              />
            </Form.Item>
            <SimilarWarning similar={similar} />
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="medium" label={t('requests.register.medium')} rules={[{ required: true }]}>
                  <Select options={FORM_MEDIA.map((m) => ({ value: m, label: t(`requests.media.${m}`) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="delivery" label={t('requests.register.delivery')} rules={[{ required: true }]}>
                  <Select options={FORM_DELIVERIES.map((d) => ({ value: d, label: t(`requests.deliveries.${d}`) }))} />
                </Form.Item>
              </Col>
            </Row>
          </Card>

          <Flex align="center" gap={16}>
            <Button type="primary" htmlType="submit" size="large" loading={register.isPending} data-testid="register-submit">
              {t('requests.register.submit')}
            </Button>
            <Button size="large" onClick={() => void navigate('/workbench')}>
              {t('common.cancel')}
            </Button>
            <Space>
              <Typography.Text type="secondary">{t('requests.register.submitHint')}</Typography.Text>
            </Space>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}
