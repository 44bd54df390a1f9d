import { UserOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEVEL_LABELS, type HotspotLevel } from '@govdesk/domain';
import { useLocalLabels } from '../utils/format';

/** A hotspot's level: colour, roman numeral and name; a manual level has a person mark; the reason shows on hover. */
export function LevelTag({ level, manual, reason }: { level: HotspotLevel | null; manual?: boolean; reason?: string | null }) {
  const { t } = useTranslation();
  const labels = useLocalLabels();
  const tag =
    level === null ? (
      <Tag data-level="none">{t('hotspots.unlevelled')}</Tag>
    ) : (
      <Tag color={LEVEL_LABELS[level].colour} data-level={level} icon={manual ? <UserOutlined aria-label={t('hotspots.manual')} /> : undefined}>
        {labels.level(level)}
      </Tag>
    );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
