import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@govdesk/contracts';
import { errorAt } from '../utils/validation';
import { FieldErrors } from './FieldErrors';

/** One group as edited: a code, a name and its words (sensitive-word group or taxonomy category). */
export interface WordGroup {
  code: string;
  name: string;
  words: string[];
}

interface Props {
  initial: WordGroup[];
  /** Where the list and its fields sit in the setting, for errors: e.g. groups / category / words. */
  paths: { list: string; code: string; words: string };
  labels: { hint: string; code: string; words: string };
  saving: boolean;
  errors: readonly FieldError[];
  onSave(groups: WordGroup[]): void;
}

/** Words are typed or pasted: commas, spaces, 、 and new lines separate them. */
const SEPARATORS = [',', '，', '、', ';', '；', ' ', '\n', '\t'];

export function WordGroupsEditor({ initial, paths, labels, saving, errors, onSave }: Props) {
  const { t } = useTranslation();
  const next = useRef(initial.length);
  const [rows, setRows] = useState(() => initial.map((g, key) => ({ ...g, key })));
  type Row = (typeof rows)[number];
  const change = (key: number, patch: Partial<WordGroup>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const at = (index: number, field: string) => errorAt(errors, `${paths.list}.${index}.${field}`);

  return (
    <>
      <Typography.Paragraph type="secondary">{labels.hint}</Typography.Paragraph>
      <FieldErrors errors={errors} />
      <Table<Row>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: labels.code,
            key: 'code',
            width: 190,
            render: (_, r, i) => (
              <Input
                value={r.code}
                maxLength={40}
                placeholder="a-z 0-9 -"
                status={at(i, paths.code) ? 'error' : undefined}
                title={at(i, paths.code)}
                onChange={(e) => change(r.key, { code: e.target.value })}
                aria-label={labels.code}
              />
            ),
          },
          {
            title: t('opinionAdmin.groups.name'),
            key: 'name',
            width: 170,
            render: (_, r, i) => (
              <Input value={r.name} maxLength={40} status={at(i, 'name') ? 'error' : undefined} title={at(i, 'name')} onChange={(e) => change(r.key, { name: e.target.value })} aria-label={t('opinionAdmin.groups.name')} />
            ),
          },
          {
            title: labels.words,
            key: 'words',
            render: (_, r, i) => (
              <Select<string[]>
                mode="tags"
                value={r.words}
                onChange={(words) => change(r.key, { words: [...new Set(words.map((w) => w.trim()).filter(Boolean))] })}
                tokenSeparators={SEPARATORS}
                open={false}
                suffixIcon={null}
                status={at(i, paths.words) ? 'error' : undefined}
                placeholder={t('opinionAdmin.groups.wordsPlaceholder')}
                style={{ width: '100%' }}
                aria-label={labels.words}
              />
            ),
          },
          {
            key: 'count',
            width: 70,
            align: 'right',
            render: (_, r) => <Typography.Text type="secondary">{r.words.length}</Typography.Text>,
          },
          {
            key: 'remove',
            width: 56,
            render: (_, r) => <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))} />,
          },
        ]}
      />
      <Flex justify="space-between" style={{ marginTop: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setRows((all) => [...all, { key: next.current++, code: '', name: '', words: [] }])} data-testid="group-add">
          {t('opinionAdmin.settings.add')}
        </Button>
        <Button type="primary" loading={saving} onClick={() => onSave(rows.map(({ code, name, words }) => ({ code: code.trim(), name: name.trim(), words })))} data-testid="setting-save">
          {t('common.save')}
        </Button>
      </Flex>
    </>
  );
}
