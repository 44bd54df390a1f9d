import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function SupervisionPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('supervision.title')}</Typography.Title>
      <Card>
        <Empty description={t('supervision.empty')}>
          <Typography.Text type="secondary">{t('supervision.hint')}</Typography.Text>
        </Empty>
      </Card>
    </>
  );
}
