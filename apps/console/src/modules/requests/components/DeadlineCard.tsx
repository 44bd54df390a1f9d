import { Card, Descriptions, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineDto, RequestDto } from '@govdesk/contracts';
import type { ExplanationStep } from '@govdesk/domain';
import { DeadlineBadge } from './DeadlineBadge';

const STEP_COLORS: Partial<Record<ExplanationStep['kind'], string>> = {
  received: 'green',
  correction_requested: 'orange',
  correction_received: 'green',
  consultation_started: 'blue',
  consultation_ended: 'blue',
  extension_approved: 'purple',
  fee_notified: 'blue',
  fee_paid: 'blue',
  paused_so_far: 'blue',
  provisional: 'gold',
};

/** The due date, its badge, the other legal dates and how the due date was counted. */
export function DeadlineCard({ deadline, extension }: { deadline: DeadlineDto; extension: RequestDto['extension'] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const items = [
    { key: 'notice', label: t('requests.detail.correctionNoticeDue'), children: deadline.correctionNoticeDue },
    deadline.applicantCorrectionDue && { key: 'correct', label: t('requests.detail.applicantCorrectionDue'), children: deadline.applicantCorrectionDue },
    deadline.feeDue && { key: 'fee', label: t('requests.detail.feeDue'), children: deadline.feeDue },
    { key: 'extension', label: t('requests.detail.extension'), children: t(`requests.extensionStates.${extension}`) },
  ].filter((i): i is { key: string; label: string; children: string } => !!i);

  return (
    <Card size="small" title={t('requests.detail.deadline')} data-testid="deadline-card">
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('requests.detail.dueDate')}</Typography.Text>
        <Flex align="center" gap={12} wrap>
          <Typography.Text strong style={{ fontSize: 24 }} data-testid="deadline-due-date">
            {deadline.dueDate}
          </Typography.Text>
          <DeadlineBadge deadline={deadline} />
        </Flex>
      </Flex>
      <Descriptions size="small" column={1} items={items} style={{ marginBottom: 12 }} />
      <Typography.Text type="secondary">{t('requests.detail.explanation')}</Typography.Text>
      <Timeline
        style={{ marginTop: 12 }}
        data-testid="deadline-explanation"
        items={deadline.explanation.map((step, i) => ({
          key: `${step.kind}-${i}`,
          color: STEP_COLORS[step.kind] ?? 'gray',
          content: (
            <Flex vertical gap={2}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {step.date}
              </Typography.Text>
              <span>{en ? step.en : step.zh}</span>
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
