import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { levelRulesSchema, type LevelRulesSetting } from '@govdesk/contracts';
import { DEFAULT_CHANNEL_WEIGHTS, DEFAULT_LEVEL_RULES, HOTSPOT_LEVELS, MENTION_CHANNELS, type HotspotLevel } from '@govdesk/domain';
import { LevelTag } from '../../hotspots/components/LevelTag';
import { useLocalLabels } from '../../hotspots/utils/format';
import { useOpinionNames } from '../hooks/settings-api';
import { useSettingSaver } from '../hooks/useSettingSaver';
import { errorAt } from '../utils/validation';
import { ConditionEditor, type Condition } from './ConditionEditor';
import { FieldErrors } from './FieldErrors';
import { SettingLoader } from './SettingLoader';

type Weights = LevelRulesSetting['channelWeights'];
interface Rule {
  key: number;
  level: HotspotLevel;
  name: string;
  when: Condition;
}

const rowsOf = (rules: readonly { level: HotspotLevel; name: string; when: object }[]): Rule[] =>
  rules.map((r, key) => ({ key, level: r.level, name: r.name, when: { ...(r.when as Condition) } }));

function LevelRulesEditor({ initial }: { initial: LevelRulesSetting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useLocalLabels();
  const names = useOpinionNames(true);
  const saver = useSettingSaver('level-rules', levelRulesSchema);
  const next = useRef(initial.rules.length);
  const [windowMinutes, setWindowMinutes] = useState<number | null>(initial.recentWindowMinutes);
  const [rules, setRules] = useState<Rule[]>(() => rowsOf(initial.rules));
  const [weights, setWeights] = useState<Weights>(() => ({ ...DEFAULT_CHANNEL_WEIGHTS, ...initial.channelWeights }));
  const change = (key: number, patch: Partial<Rule>) => setRules((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const restoreDefaults = () => {
    setWindowMinutes(DEFAULT_LEVEL_RULES.recentWindowMinutes);
    setRules(rowsOf(DEFAULT_LEVEL_RULES.rules));
    next.current = DEFAULT_LEVEL_RULES.rules.length;
    setWeights({ ...DEFAULT_LEVEL_RULES.channelWeights });
    void message.info(t('opinionAdmin.rules.defaultsLoaded'));
  };
  const save = () =>
    void saver.submit({
      recentWindowMinutes: windowMinutes ?? 0,
      rules: rules.map((r) => ({ level: r.level, name: r.name.trim(), when: r.when })),
      channelWeights: weights,
    });

  return (
    <>
      <Typography.Paragraph type="secondary">{t('opinionAdmin.rules.hint')}</Typography.Paragraph>
      <FieldErrors errors={saver.errors} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Space.Compact>
          <Space.Addon>{t('opinionAdmin.rules.recentWindow')}</Space.Addon>
          <InputNumber<number>
            min={1}
            max={1440}
            precision={0}
            value={windowMinutes}
            onChange={setWindowMinutes}
            status={errorAt(saver.errors, 'recentWindowMinutes') ? 'error' : undefined}
            suffix={t('opinionAdmin.rules.minutes')}
            style={{ width: 130 }}
            aria-label={t('opinionAdmin.rules.recentWindow')}
            data-testid="rules-window"
          />
        </Space.Compact>
        <Typography.Text type="secondary">{t('opinionAdmin.rules.recentWindowHint')}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Popconfirm title={t('opinionAdmin.rules.defaultsConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={restoreDefaults}>
          <Button icon={<UndoOutlined />}>{t('opinionAdmin.rules.defaults')}</Button>
        </Popconfirm>
        <Button type="primary" loading={saver.saving} onClick={save} data-testid="setting-save">
          {t('common.save')}
        </Button>
      </Flex>
      <Table<Rule>
        rowKey="key"
        size="small"
        dataSource={rules}
        pagination={false}
        scroll={{ x: 1100 }}
        data-testid="rules-table"
        columns={[
          {
            title: t('opinionAdmin.rules.level'),
            key: 'level',
            width: 150,
            render: (_, r) => (
              <Select<HotspotLevel>
                value={r.level}
                onChange={(level) => change(r.key, { level })}
                style={{ width: '100%' }}
                options={HOTSPOT_LEVELS.map((l) => ({ value: l, label: <LevelTag level={l} /> }))}
                aria-label={t('opinionAdmin.rules.level')}
              />
            ),
          },
          {
            title: t('opinionAdmin.rules.name'),
            key: 'name',
            width: 240,
            render: (_, r, i) => (
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 3 }}
                value={r.name}
                maxLength={100}
                status={errorAt(saver.errors, `rules.${i}.name`) ? 'error' : undefined}
                onChange={(e) => change(r.key, { name: e.target.value })}
                aria-label={t('opinionAdmin.rules.name')}
              />
            ),
          },
          {
            title: t('opinionAdmin.rules.when'),
            key: 'when',
            render: (_, r, i) => (
              <ConditionEditor
                value={r.when}
                onChange={(when) => change(r.key, { when })}
                flagNames={names.flags}
                categoryNames={names.categories}
                invalid={!!errorAt(saver.errors, `rules.${i}.when`)}
              />
            ),
          },
          {
            key: 'remove',
            width: 56,
            render: (_, r) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => setRules((all) => all.filter((x) => x.key !== r.key))} />,
          },
        ]}
      />
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 12 }}
        onClick={() => setRules((all) => [...all, { key: next.current++, level: 4, name: '', when: { minMentions: 1 } }])}
        data-testid="rule-add"
      >
        {t('opinionAdmin.rules.add')}
      </Button>
      <Card size="small" title={t('opinionAdmin.rules.channelWeights')} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t('opinionAdmin.rules.channelWeightsHint')}</Typography.Paragraph>
        <Flex wrap gap={8}>
          {MENTION_CHANNELS.map((c) => (
            <Space.Compact key={c} size="small">
              <Space.Addon style={{ minWidth: 110 }}>{labels.channel(c)}</Space.Addon>
              <InputNumber<number>
                size="small"
                min={0}
                max={100}
                step={0.1}
                precision={2}
                value={weights[c]}
                status={errorAt(saver.errors, `channelWeights.${c}`) ? 'error' : undefined}
                onChange={(v) => setWeights((w) => ({ ...w, [c]: v ?? 0 }))}
                style={{ width: 80 }}
                aria-label={labels.channel(c)}
              />
            </Space.Compact>
          ))}
        </Flex>
      </Card>
    </>
  );
}

/** The rules that set a hotspot's level from its figures, the recent window, and each channel's weight in heat. */
export function LevelRulesTab() {
  return <SettingLoader kind="level-rules">{(initial, version) => <LevelRulesEditor key={version} initial={initial} />}</SettingLoader>;
}
