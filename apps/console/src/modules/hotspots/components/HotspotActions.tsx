import { CheckCircleOutlined, FlagOutlined, MergeCellsOutlined, RedoOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HotspotDetailDto } from '@govdesk/contracts';
import { useUnits } from '../../requests/hooks/requests-api';
import { useAssignUnit, useSetStatus } from '../hooks/hotspots-api';
import { LevelModal } from './LevelModal';
import { MergeModal } from './MergeModal';

/** What a monitor (or admin) does with a hotspot: level, merge, responsible unit, close or reopen. */
export function HotspotActions({ hotspot }: { hotspot: HotspotDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const units = useUnits();
  const assign = useAssignUnit(hotspot.id);
  const setStatus = useSetStatus(hotspot.id);
  const [modal, setModal] = useState<'level' | 'merge' | null>(null);
  const open = hotspot.status === 'open';

  const changeUnit = (unitId: string | null) =>
    assign.mutate(unitId, {
      onSuccess: () => void message.success(t('hotspots.unit.done')),
      onError: (e) => void message.error(e.message),
    });
  const changeStatus = async (status: 'open' | 'closed') => {
    try {
      await setStatus.mutateAsync(status);
      void message.success(t(status === 'closed' ? 'hotspots.actions.closedDone' : 'hotspots.actions.reopenedDone'));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Card size="small" title={t('hotspots.actions.title')} data-testid="hotspot-actions">
      <Flex gap={8} wrap align="center">
        <Button icon={<FlagOutlined />} onClick={() => setModal('level')} data-testid="action-level">
          {t('hotspots.actions.setLevel')}
        </Button>
        <Button icon={<MergeCellsOutlined />} disabled={!open} onClick={() => setModal('merge')} data-testid="action-merge">
          {t('hotspots.actions.merge')}
        </Button>
        {open ? (
          <Popconfirm title={t('hotspots.actions.closeConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => changeStatus('closed')}>
            <Button icon={<CheckCircleOutlined />} loading={setStatus.isPending} data-testid="action-close">
              {t('hotspots.actions.close')}
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm title={t('hotspots.actions.reopenConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => changeStatus('open')}>
            <Button icon={<RedoOutlined />} loading={setStatus.isPending} data-testid="action-reopen">
              {t('hotspots.actions.reopen')}
            </Button>
          </Popconfirm>
        )}
        <Space size={6} style={{ marginInlineStart: 8 }}>
          <Typography.Text type="secondary">{t('hotspots.detail.unit')}</Typography.Text>
          <Select<string | null>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={hotspot.unitId}
            onChange={(unitId) => changeUnit(unitId ?? null)}
            loading={units.isLoading || assign.isPending}
            disabled={assign.isPending}
            placeholder={t('hotspots.unit.placeholder')}
            style={{ width: 220 }}
            aria-label={t('hotspots.detail.unit')}
            options={(units.data ?? []).filter((u) => u.active || u.id === hotspot.unitId).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="action-unit"
          />
        </Space>
      </Flex>
      {modal === 'level' && <LevelModal hotspot={hotspot} onClose={() => setModal(null)} />}
      {modal === 'merge' && <MergeModal hotspot={hotspot} onClose={() => setModal(null)} />}
    </Card>
  );
}
