import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrillFilters } from '../utils/queue-filters';

interface Props {
  value: DrillFilters;
  onChange(next: DrillFilters): void;
}

type Chip = { key: string; label: string; remove: (keyof DrillFilters)[] };

/** The drill-down's filters (from the supervision dashboard), each removable. */
export function DrillFilterChips({ value, onChange }: Props) {
  const { t } = useTranslation();
  const chips: Chip[] = [];
  if (value.receivedFrom || value.receivedTo) {
    chips.push({
      key: 'received',
      label: t('requests.drill.received', { from: value.receivedFrom ?? '…', to: value.receivedTo ?? '…' }),
      remove: ['receivedFrom', 'receivedTo'],
    });
  }
  if (value.handlerId) {
    const name = value.handlerId === 'none' ? t('requests.queue.unassigned') : (value.handlerName ?? value.handlerId.slice(0, 8));
    chips.push({ key: 'handler', label: t('requests.drill.handler', { name }), remove: ['handlerId', 'handlerName'] });
  }
  if (value.channel) chips.push({ key: 'channel', label: t('requests.drill.channel', { name: t(`requests.channels.${value.channel}`) }), remove: ['channel'] });
  if (value.applicantType) {
    chips.push({ key: 'applicantType', label: t('requests.drill.applicantType', { name: t(`requests.applicantTypes.${value.applicantType}`) }), remove: ['applicantType'] });
  }
  if (value.timeliness) chips.push({ key: 'timeliness', label: t(`requests.drill.timeliness.${value.timeliness}`), remove: ['timeliness'] });
  if (value.deadlineState) {
    chips.push({ key: 'deadlineState', label: t('requests.drill.deadlineState', { state: t(`requests.deadlineStates.${value.deadlineState}`) }), remove: ['deadlineState'] });
  }
  for (const flag of ['extended', 'corrected', 'consulted'] as const) {
    if (value[flag]) chips.push({ key: flag, label: t(`requests.drill.${flag}`), remove: [flag] });
  }
  if (!chips.length) return null;

  const without = (keys: (keyof DrillFilters)[]) => {
    const next = { ...value };
    for (const k of keys) delete next[k];
    return next;
  };

  return (
    <Space wrap size={[4, 8]} data-testid="drill-chips">
      <Typography.Text type="secondary">{t('requests.drill.title')}</Typography.Text>
      {chips.map((c) => (
        <Tag
          key={c.key}
          color="blue"
          closeIcon
          onClose={(e) => {
            e.preventDefault();
            onChange(without(c.remove));
          }}
          data-testid="drill-chip"
          data-chip={c.key}
        >
          {c.label}
        </Tag>
      ))}
      <Typography.Link onClick={() => onChange({})} data-testid="drill-clear">
        {t('requests.drill.clear')}
      </Typography.Link>
    </Space>
  );
}
