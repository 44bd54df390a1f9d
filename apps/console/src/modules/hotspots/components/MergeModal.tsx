import { App, Form, Modal, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotspotDetailDto } from '@govdesk/contracts';
import { useDebouncedValue } from '../../requests/hooks/useDebouncedValue';
import { useMerge, useOpenHotspotSearch } from '../hooks/hotspots-api';
import { LevelTag } from './LevelTag';

/** Merges other open hotspots into this one: they become "merged" and their mentions move here. */
export function MergeModal({ hotspot, onClose }: { hotspot: HotspotDetailDto; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: ReactNode }[]>([]);
  const q = useDebouncedValue(search, 300);
  const candidates = useOpenHotspotSearch(q, true);
  const merge = useMerge(hotspot.id);
  const options = (candidates.data?.items ?? [])
    .filter((h) => h.id !== hotspot.id)
    .map((h) => ({
      value: h.id,
      label: h.title,
      render: (
        <Space size={6}>
          <LevelTag level={h.level} />
          <span>{h.title}</span>
          <Typography.Text type="secondary">{t('hotspots.merge.size', { count: h.mentionCount })}</Typography.Text>
        </Space>
      ),
    }));

  const submit = async () => {
    if (chosen.length === 0) {
      void message.warning(t('hotspots.merge.required'));
      return;
    }
    try {
      await merge.mutateAsync(chosen.map((c) => c.value));
      void message.success(t('hotspots.merge.done', { count: chosen.length }));
      onClose();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('hotspots.merge.title')}
      okText={t('hotspots.actions.merge')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: merge.isPending, disabled: chosen.length === 0, 'data-testid': 'merge-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('hotspots.merge.hint', { title: hotspot.title })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('hotspots.merge.targets')} required>
          <Select<{ value: string; label: ReactNode }[]>
            mode="multiple"
            labelInValue
            value={chosen}
            onChange={setChosen}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('hotspots.merge.placeholder')}
            loading={candidates.isFetching}
            notFoundContent={candidates.isError ? candidates.error.message : undefined}
            options={options}
            optionRender={(o) => (o.data as (typeof options)[number]).render}
            data-testid="merge-targets"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
