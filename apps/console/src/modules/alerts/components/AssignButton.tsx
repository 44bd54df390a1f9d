import { TeamOutlined } from '@ant-design/icons';
import { Button, Popover, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertDto } from '@govdesk/contracts';
import { useUnits } from '../../requests/hooks/requests-api';

/** 指派: the button opens the unit list at once, and picking a unit assigns it (two clicks). */
export function AssignButton({ alert, loading, onAssign }: { alert: AlertDto; loading: boolean; onAssign(unitId: string, unitName: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const units = useUnits();
  const options = (units.data ?? []).filter((u) => u.active || u.id === alert.unitId).map((u) => ({ value: u.id, label: u.name }));

  const picker = (
    <Select<string>
      autoFocus
      defaultOpen
      showSearch={{ optionFilterProp: 'label' }}
      value={alert.unitId ?? undefined}
      loading={units.isLoading}
      placeholder={t('alerts.actions.assignPlaceholder')}
      style={{ width: 240 }}
      aria-label={t('alerts.actions.assignTo')}
      options={options}
      onChange={(unitId) => {
        setOpen(false);
        onAssign(unitId, options.find((o) => o.value === unitId)?.label ?? '');
      }}
      data-testid="alert-assign-unit"
    />
  );
  return (
    <Popover content={picker} title={t('alerts.actions.assignTo')} trigger="click" open={open} onOpenChange={setOpen} destroyOnHidden>
      <Button size="small" icon={<TeamOutlined />} loading={loading} data-testid="alert-assign">
        {t('alerts.actions.assign')}
      </Button>
    </Popover>
  );
}
