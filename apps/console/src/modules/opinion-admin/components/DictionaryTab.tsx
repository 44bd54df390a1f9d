import { DeleteOutlined, PlusOutlined, SnippetsOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Select, Table, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dictionarySchema, type DictionarySetting } from '@govdesk/contracts';
import { useSettingSaver } from '../hooks/useSettingSaver';
import { errorAt } from '../utils/validation';
import { BulkAddModal } from './BulkAddModal';
import { FieldErrors } from './FieldErrors';
import { SettingLoader } from './SettingLoader';

type Tag = DictionarySetting['entries'][number]['tag'];
/** The tags the contracts schema allows, read from it. */
const TAGS: readonly Tag[] = dictionarySchema.shape.entries.element.shape.tag.unwrap().options;
const DEFAULT_TAG: Tag = 'place';

interface Row {
  key: number;
  word: string;
  tag: Tag;
}

function DictionaryEditor({ initial }: { initial: DictionarySetting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const next = useRef(initial.entries.length);
  const [rows, setRows] = useState<Row[]>(() => initial.entries.map((e, i) => ({ key: i, word: e.word, tag: e.tag })));
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const [bulk, setBulk] = useState(false);
  const saver = useSettingSaver('dictionary', dictionarySchema);
  // Error paths count rows as saved (entries.<index>), whatever the filter shows.
  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  const shown = filter.trim() ? rows.filter((r) => r.word.includes(filter.trim())) : rows;

  const change = (key: number, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    setFilter('');
    setPage(1);
    setRows((all) => [{ key: next.current++, word: '', tag: DEFAULT_TAG }, ...all]);
  };
  const addMany = (words: string[], tag: Tag) => {
    const known = new Set(rows.map((r) => r.word.trim()));
    const fresh = words.filter((w) => !known.has(w));
    setRows((all) => [...fresh.map((word) => ({ key: next.current++, word, tag })), ...all]);
    setBulk(false);
    setPage(1);
    void message.success(t('opinionAdmin.dictionary.bulkAdded', { count: fresh.length, skipped: words.length - fresh.length }));
  };
  const save = () => void saver.submit({ entries: rows.map((r) => ({ word: r.word.trim(), tag: r.tag })) });

  return (
    <>
      <Typography.Paragraph type="secondary">{t('opinionAdmin.dictionary.hint')}</Typography.Paragraph>
      <FieldErrors errors={saver.errors} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('opinionAdmin.dictionary.search')} value={filter} onChange={(e) => { setFilter(e.target.value); setPage(1); }} style={{ width: 220 }} />
        <Button icon={<PlusOutlined />} onClick={add} data-testid="dictionary-add">
          {t('opinionAdmin.settings.add')}
        </Button>
        <Button icon={<SnippetsOutlined />} onClick={() => setBulk(true)} data-testid="dictionary-bulk">
          {t('opinionAdmin.dictionary.bulk')}
        </Button>
        <Typography.Text type="secondary">{t('opinionAdmin.dictionary.count', { count: rows.length })}</Typography.Text>
        <div style={{ flex: 1 }} />
        <Button type="primary" loading={saver.saving} onClick={save} data-testid="setting-save">
          {t('common.save')}
        </Button>
      </Flex>
      <Table<Row>
        rowKey="key"
        size="small"
        dataSource={shown}
        pagination={{ current: page, onChange: setPage, pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        data-testid="dictionary-table"
        columns={[
          {
            title: t('opinionAdmin.dictionary.word'),
            key: 'word',
            render: (_, r) => {
              const error = errorAt(saver.errors, `entries.${indexOf.get(r.key)}.word`);
              return (
                <Input
                  value={r.word}
                  maxLength={30}
                  status={error ? 'error' : undefined}
                  title={error}
                  onChange={(e) => change(r.key, { word: e.target.value })}
                  aria-label={t('opinionAdmin.dictionary.word')}
                />
              );
            },
          },
          {
            title: t('opinionAdmin.dictionary.tag'),
            key: 'tag',
            width: 180,
            render: (_, r) => (
              <Select<Tag>
                value={r.tag}
                onChange={(tag) => change(r.key, { tag })}
                style={{ width: '100%' }}
                options={TAGS.map((v) => ({ value: v, label: t(`opinionAdmin.dictionary.tags.${v}`) }))}
                aria-label={t('opinionAdmin.dictionary.tag')}
              />
            ),
          },
          {
            key: 'remove',
            width: 56,
            render: (_, r) => (
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))} />
            ),
          },
        ]}
      />
      {bulk && <BulkAddModal tags={TAGS} defaultTag={DEFAULT_TAG} onAdd={addMany} onClose={() => setBulk(false)} />}
    </>
  );
}

/** Place names and terms of the county that the segmenter keeps whole and the place finder knows. */
export function DictionaryTab() {
  return <SettingLoader kind="dictionary">{(initial, version) => <DictionaryEditor key={version} initial={initial} />}</SettingLoader>;
}
