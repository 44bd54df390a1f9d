import { InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LevelRulesSetting } from '@govdesk/contracts';
import { MENTION_CHANNELS, type MentionChannel } from '@govdesk/domain';
import { useLocalLabels } from '../../hotspots/utils/format';

export type Condition = LevelRulesSetting['rules'][number]['when'];
type NumericKey = 'minMentions' | 'minAuthors' | 'minNegativeShare' | 'minReach' | 'minGrowth' | 'minRecentMentions' | 'minRecentAuthors' | 'minRecentNegative';
type ListKey = 'anyFlags' | 'categories';

/** The thresholds, in the order a monitor reads them; the negative share is edited as a percentage. */
const NUMERIC: { key: NumericKey; step: number; precision: number; percent?: boolean }[] = [
  { key: 'minMentions', step: 1, precision: 0 },
  { key: 'minAuthors', step: 1, precision: 0 },
  { key: 'minNegativeShare', step: 5, precision: 0, percent: true },
  { key: 'minReach', step: 1000, precision: 0 },
  { key: 'minGrowth', step: 0.5, precision: 2 },
  { key: 'minRecentMentions', step: 1, precision: 0 },
  { key: 'minRecentAuthors', step: 1, precision: 0 },
  { key: 'minRecentNegative', step: 1, precision: 0 },
];

interface Props {
  value: Condition;
  onChange(next: Condition): void;
  /** Known codes with their names (sensitive-word categories, taxonomy); other codes may be typed. */
  flagNames: Map<string, string>;
  categoryNames: Map<string, string>;
  invalid: boolean;
}

/** A rule's conditions, compact: an empty box is a condition not checked. */
export function ConditionEditor({ value, onChange, flagNames, categoryNames, invalid }: Props) {
  const { t } = useTranslation();
  const labels = useLocalLabels();
  const set = <K extends keyof Condition>(key: K, v: Condition[K] | null | undefined) => {
    const next = { ...value };
    const empty = v === null || v === undefined || (Array.isArray(v) && v.length === 0);
    if (empty) delete next[key];
    else next[key] = v;
    onChange(next);
  };
  const list = (key: ListKey, names: Map<string, string>) => (
    <Space.Compact size="small" key={key}>
      <Space.Addon>{t(`opinionAdmin.rules.conditions.${key}`)}</Space.Addon>
      <Select<string[]>
        mode="tags"
        size="small"
        value={value[key] ?? []}
        onChange={(v) => set(key, v)}
        options={[...names].map(([code, name]) => ({ value: code, label: name }))}
        style={{ minWidth: 180, maxWidth: 360 }}
        aria-label={t(`opinionAdmin.rules.conditions.${key}`)}
      />
    </Space.Compact>
  );

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, padding: 4, borderRadius: 6, outline: invalid ? '1px solid #ff4d4f' : undefined }}>
      {NUMERIC.map((n) => {
        const raw = value[n.key];
        return (
          <Space.Compact size="small" key={n.key}>
            <Space.Addon>{t(`opinionAdmin.rules.conditions.${n.key}`)}</Space.Addon>
            <InputNumber<number>
              size="small"
              min={0}
              max={n.percent ? 100 : undefined}
              step={n.step}
              precision={n.precision}
              value={raw === undefined ? null : n.percent ? Math.round(raw * 100) : raw}
              onChange={(v) => set(n.key, v === null ? null : n.percent ? v / 100 : v)}
              suffix={n.percent ? '%' : undefined}
              style={{ width: n.key === 'minReach' ? 110 : 80 }}
              aria-label={t(`opinionAdmin.rules.conditions.${n.key}`)}
            />
          </Space.Compact>
        );
      })}
      {list('anyFlags', flagNames)}
      {list('categories', categoryNames)}
      <Space.Compact size="small">
        <Space.Addon>{t('opinionAdmin.rules.conditions.channels')}</Space.Addon>
        <Select<MentionChannel[]>
          mode="multiple"
          size="small"
          value={value.channels ?? []}
          onChange={(v) => set('channels', v)}
          options={MENTION_CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))}
          style={{ minWidth: 180, maxWidth: 360 }}
          aria-label={t('opinionAdmin.rules.conditions.channels')}
        />
      </Space.Compact>
    </div>
  );
}
