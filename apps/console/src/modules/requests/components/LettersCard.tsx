import { FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetailDto } from '@govdesk/contracts';
import { downloadFile } from '../../../api/files';
import { availableLetters, type LetterKind } from '../utils/letters';

/** The formal letters (.docx) whose event has happened: acknowledgement, notices, reply. */
export function LettersCard({ request }: { request: RequestDetailDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<LetterKind | null>(null);
  const kinds = availableLetters(request);

  const download = async (kind: LetterKind) => {
    setBusy(kind);
    try {
      await downloadFile(`/requests/${request.id}/letters/${kind}`, `${request.receiptNo}-${kind}.docx`);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={t('requests.letters.title')} data-testid="letters-card">
      <Space wrap>
        {kinds.map((kind) => (
          <Button key={kind} icon={<FileWordOutlined />} loading={busy === kind} onClick={() => void download(kind)} data-testid={`letter-${kind}`}>
            {t(`requests.letters.kinds.${kind}`)}
          </Button>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('requests.letters.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
