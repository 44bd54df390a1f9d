import { Button, Input, Segmented, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOTSPOT_STATUSES } from '@govdesk/contracts';
import { HOTSPOT_LEVELS, type HotspotLevel } from '@govdesk/domain';
import { useLocalLabels } from '../utils/format';
import { DEFAULT_HOTSPOT_FILTERS, HOTSPOT_SORTS, type HotspotFilters, type HotspotSort } from '../utils/list-filters';

interface Props {
  value: HotspotFilters;
  /** Any change of filter goes back to the first page. */
  onChange(next: HotspotFilters): void;
}

export function HotspotFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useLocalLabels();
  const [q, setQ] = useState(value.q);
  useEffect(() => setQ(value.q), [value.q]);
  const set = (patch: Partial<HotspotFilters>) => onChange({ ...value, ...patch, page: 1 });

  return (
    <Space wrap size={[12, 8]} data-testid="hotspot-filters">
      <Segmented<HotspotSort>
        value={value.sort}
        onChange={(sort) => set({ sort })}
        options={HOTSPOT_SORTS.map((s) => ({ value: s, label: t(`hotspots.sorts.${s}`) }))}
        aria-label={t('hotspots.filters.sort')}
        data-testid="filter-sort"
      />
      <Select<HotspotFilters['status']>
        value={value.status}
        onChange={(status) => set({ status })}
        style={{ width: 130 }}
        aria-label={t('hotspots.filters.status')}
        options={[...HOTSPOT_STATUSES.map((s) => ({ value: s, label: t(`hotspots.statuses.${s}`) })), { value: 'all' as const, label: t('hotspots.filters.allStatuses') }]}
        data-testid="filter-status"
      />
      <Select<HotspotLevel | null>
        allowClear
        value={value.level}
        onChange={(level) => set({ level: level ?? null })}
        placeholder={t('hotspots.filters.allLevels')}
        style={{ width: 150 }}
        aria-label={t('hotspots.filters.level')}
        options={HOTSPOT_LEVELS.map((l) => ({ value: l, label: labels.level(l) }))}
        data-testid="filter-level"
      />
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(text) => set({ q: text.trim() })}
        placeholder={t('hotspots.filters.q')}
        aria-label={t('hotspots.filters.q')}
        maxLength={100}
        style={{ width: 260 }}
        data-testid="filter-q"
      />
      <Button onClick={() => onChange(DEFAULT_HOTSPOT_FILTERS)}>{t('hotspots.filters.reset')}</Button>
    </Space>
  );
}
