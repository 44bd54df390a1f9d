import { Alert, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import type { OpinionSettingKind } from '@govdesk/contracts';
import { useOpinionSetting, type OpinionSettings } from '../hooks/settings-api';

/**
 * Loads a setting and renders its editor with it. The editor is keyed by the load time, so a
 * save (which replaces the cached setting) starts it afresh from what was stored.
 */
export function SettingLoader<K extends OpinionSettingKind>({ kind, children }: { kind: K; children(initial: OpinionSettings[K], version: number): ReactNode }) {
  const setting = useOpinionSetting(kind);
  if (setting.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (setting.isError || !setting.data) return <Alert type="error" showIcon title={setting.error?.message} />;
  return <>{children(setting.data, setting.dataUpdatedAt)}</>;
}
