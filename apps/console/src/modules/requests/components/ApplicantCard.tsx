import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDto } from '@govdesk/contracts';
import { useRevealApplicant } from '../hooks/requests-api';

/** The applicant, masked; "显示" asks the API for the full values (audited) until "隐藏". */
export function ApplicantCard({ requestId, applicant }: { requestId: string; applicant: ApplicantDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reveal = useRevealApplicant(requestId);
  const [revealed, setRevealed] = useState<ApplicantDto | null>(null);
  const shown = revealed ?? applicant;

  const toggle = () => {
    if (revealed) {
      setRevealed(null);
      return;
    }
    reveal.mutate(undefined, {
      onSuccess: (r) => setRevealed(r.applicant),
      onError: (e) => {
        message.error(e.message);
      },
    });
  };

  const items = [
    { key: 'name', label: shown.type === 'natural_person' ? t('requests.register.personName') : t('requests.register.orgName'), children: shown.name },
    { key: 'type', label: t('requests.register.applicantType'), children: t(`requests.applicantTypes.${shown.type}`) },
    {
      key: 'id',
      label: t(`requests.idTypes.${shown.idType}`),
      children: (
        <span data-testid="applicant-id-number" style={{ fontFamily: 'monospace' }}>
          {shown.idNumber}
        </span>
      ),
    },
    { key: 'phone', label: t('requests.register.phone'), value: shown.phone, testId: 'applicant-phone' },
    { key: 'address', label: t('requests.register.address'), value: shown.address, testId: 'applicant-address' },
    { key: 'email', label: t('requests.register.email'), value: shown.email },
    { key: 'postcode', label: t('requests.detail.postcode'), value: shown.postcode },
    { key: 'contact', label: t('requests.register.contactPerson'), value: shown.contactPerson },
  ]
    .filter((i) => !('value' in i) || i.value)
    .map(({ key, label, children, value, testId }) => ({
      key,
      label,
      children: children ?? <span data-testid={testId}>{value}</span>,
    }));

  return (
    <Card
      size="small"
      title={
        <>
          {t('requests.detail.applicant')}{' '}
          {shown.masked && (
            <Tag variant="outlined" style={{ marginInlineStart: 8 }}>
              {t('requests.detail.masked')}
            </Tag>
          )}
        </>
      }
      extra={
        <Tooltip title={revealed ? undefined : t('requests.detail.revealHint')}>
          <Button
            size="small"
            icon={revealed ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            loading={reveal.isPending}
            onClick={toggle}
            data-testid="reveal-applicant"
          >
            {revealed ? t('requests.detail.hide') : t('requests.detail.reveal')}
          </Button>
        </Tooltip>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}
