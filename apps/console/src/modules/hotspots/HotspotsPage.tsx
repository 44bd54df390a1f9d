import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function HotspotsPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('hotspots.title')}</Typography.Title>
      <Card>
        <Empty description={t('hotspots.empty')}>
          <Typography.Text type="secondary">{t('hotspots.hint')}</Typography.Text>
        </Empty>
      </Card>
    </>
  );
}
