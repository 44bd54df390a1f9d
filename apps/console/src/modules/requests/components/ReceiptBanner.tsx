import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown once after registration: the receipt number and the query code for the applicant. */
export function ReceiptBanner({ receiptNo, queryCode, onRegisterAnother, onClose }: { receiptNo: string; queryCode: string; onRegisterAnother(): void; onClose(): void }) {
  const { t } = useTranslation();
  const big = { fontSize: 22, fontFamily: 'monospace' } as const;
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="registration-receipt"
      style={{ marginBottom: 16 }}
      title={t('requests.register.success')}
      description={
        <Flex vertical gap={8}>
          <Flex gap={48} wrap>
            <div>
              <Typography.Text type="secondary">{t('requests.register.receiptNo')}</Typography.Text>
              <div>
                <Typography.Text strong copyable style={big} data-testid="receipt-no">
                  {receiptNo}
                </Typography.Text>
              </div>
            </div>
            <div>
              <Typography.Text type="secondary">{t('requests.register.queryCode')}</Typography.Text>
              <div>
                <Typography.Text strong copyable style={big} data-testid="query-code">
                  {queryCode}
                </Typography.Text>
              </div>
            </div>
          </Flex>
          <Typography.Text type="secondary">{t('requests.register.queryCodeHint')}</Typography.Text>
          <div>
            <Button onClick={onRegisterAnother} data-testid="register-another">
              {t('requests.register.registerAnother')}
            </Button>
          </div>
        </Flex>
      }
    />
  );
}
