import { Button, Checkbox, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_STATUSES, type RequestStatus } from '@govdesk/domain';
import type { UnitDto } from '@govdesk/contracts';
import { DEFAULT_FILTERS, hasDrill, type QueueFilters } from '../utils/queue-filters';

interface Props {
  value: QueueFilters;
  onChange(next: QueueFilters): void;
  /** County-wide users filter by unit. */
  units?: UnitDto[];
  /** Handlers may narrow the queue to their own requests. */
  canFilterMine: boolean;
}

export function QueueFilterBar({ value, onChange, units, canFilterMine }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q);
  // A saved filter or a reset replaces the search text.
  useEffect(() => setQ(value.q), [value.q]);
  const set = (patch: Partial<QueueFilters>) => onChange({ ...value, ...patch });

  return (
    <Space wrap size={[12, 8]} data-testid="queue-filters">
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(text) => set({ q: text.trim() })}
        placeholder={t('requests.filters.q')}
        style={{ width: 260 }}
        aria-label={t('requests.filters.q')}
        data-testid="filter-q"
      />
      <Select<RequestStatus[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        value={value.status}
        onChange={(status) => set({ status })}
        placeholder={t(hasDrill(value) ? 'requests.filters.allStatuses' : 'requests.filters.statusPlaceholder')}
        aria-label={t('requests.filters.status')}
        style={{ width: 240 }}
        options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.status.${s}`) }))}
        data-testid="filter-status"
      />
      {units && (
        <Select<string | null>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={value.unitId}
          onChange={(unitId) => set({ unitId: unitId ?? null })}
          placeholder={t('requests.filters.allUnits')}
          aria-label={t('requests.filters.unit')}
          style={{ width: 180 }}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
      )}
      <Space size={4}>
        <span>{t('requests.filters.dueWithin')}</span>
        <InputNumber<number>
          min={0}
          max={60}
          precision={0}
          value={value.dueWithin}
          onChange={(n) => set({ dueWithin: n ?? null })}
          style={{ width: 72 }}
          aria-label={t('requests.filters.dueWithin')}
          data-testid="filter-due-within"
        />
        <span>{t('requests.filters.dueWithinSuffix')}</span>
      </Space>
      <Checkbox checked={value.overdue} onChange={(e) => set({ overdue: e.target.checked })} data-testid="filter-overdue">
        {t('requests.filters.overdue')}
      </Checkbox>
      {canFilterMine && (
        <Checkbox checked={value.mine} onChange={(e) => set({ mine: e.target.checked })}>
          {t('requests.filters.mine')}
        </Checkbox>
      )}
      <Button onClick={() => onChange(DEFAULT_FILTERS)}>{t('requests.filters.reset')}</Button>
    </Space>
  );
}
