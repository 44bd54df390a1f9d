import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineDto } from '@govdesk/contracts';
import type { DeadlineState } from '@govdesk/domain';

export const DEADLINE_COLORS: Record<DeadlineState, string> = {
  on_track: 'green',
  due_soon: 'orange',
  overdue: 'red',
  paused: 'blue',
  stopped: 'default',
};

/** The words on a deadline badge: working days left, overdue, paused or concluded. */
export function useDeadlineText() {
  const { t } = useTranslation();
  return (d: Pick<DeadlineDto, 'state' | 'workingDaysLeft' | 'concludedOnTime'>): string => {
    switch (d.state) {
      case 'paused':
        return t('requests.badge.paused');
      case 'stopped':
        return d.concludedOnTime === null ? t('requests.badge.stopped') : d.concludedOnTime ? t('requests.badge.stoppedOnTime') : t('requests.badge.stoppedLate');
      case 'overdue':
        return t('requests.badge.overdue', { count: Math.abs(d.workingDaysLeft) });
      default:
        return d.workingDaysLeft === 0 ? t('requests.badge.dueToday') : t('requests.badge.daysLeft', { count: d.workingDaysLeft });
    }
  };
}

/** Marks a due date counted without the year's holiday calendar. */
export function ProvisionalMark({ deadline }: { deadline: Pick<DeadlineDto, 'provisional' | 'missingYears'> }) {
  const { t } = useTranslation();
  if (!deadline.provisional) return null;
  return (
    <Tooltip title={t('requests.badge.provisionalHint', { years: deadline.missingYears.join('、') })}>
      <Tag color="gold" variant="outlined" data-testid="deadline-provisional" style={{ marginInlineEnd: 0 }}>
        {t('requests.badge.provisional')}
      </Tag>
    </Tooltip>
  );
}

/** A coloured badge of the deadline; data attributes let tests compare it with the API. */
export function DeadlineBadge({ deadline }: { deadline: DeadlineDto }) {
  const text = useDeadlineText();
  return (
    <span
      data-testid="deadline-badge"
      data-due-date={deadline.dueDate}
      data-days-left={deadline.workingDaysLeft}
      data-state={deadline.state}
      style={{ display: 'inline-flex', gap: 4, alignItems: 'center', whiteSpace: 'nowrap' }}
    >
      <Tag color={DEADLINE_COLORS[deadline.state]} style={{ marginInlineEnd: 0 }}>
        {text(deadline)}
      </Tag>
      <ProvisionalMark deadline={deadline} />
    </span>
  );
}
