import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Spin, Steps, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportField } from '@govdesk/contracts';
import { IMPORT_FIELDS } from '@govdesk/contracts';
import { ImportMappingForm, type MappingForm } from './components/ImportMappingForm';
import { ImportResultView } from './components/ImportResultView';
import { IMPORT_ACCEPT, isImportFile, usePreviewImport, useRunImport } from './hooks/import-api';

/** Mentions from a spreadsheet (.xlsx/.csv): upload, check the columns, import, see what happened. */
export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const preview = usePreviewImport();
  const run = useRunImport();
  const step = run.data ? 2 : preview.data ? 1 : 0;

  const restart = () => {
    setFile(null);
    preview.reset();
    run.reset();
  };

  const choose = (chosen: File) => {
    if (!isImportFile(chosen.name)) {
      void message.error(t('opinionImport.badType'));
      return;
    }
    setFile(chosen);
    run.reset();
    preview.mutate(chosen);
  };

  const submit = ({ channel, ...fields }: MappingForm) => {
    if (!file) return;
    const mapping: Partial<Record<ImportField, string>> = {};
    for (const field of IMPORT_FIELDS) if (fields[field]) mapping[field] = fields[field];
    run.mutate({ file, channel, mapping });
  };

  return (
    <>
      <Flex align="center" gap={12} style={{ marginBottom: 16 }}>
        <Tooltip title={t('opinionImport.back')}>
          <Button icon={<ArrowLeftOutlined />} aria-label={t('opinionImport.back')} onClick={() => void navigate('/hotspots')} />
        </Tooltip>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t('opinionImport.title')}
        </Typography.Title>
      </Flex>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('opinionImport.steps.upload') }, { title: t('opinionImport.steps.mapping') }, { title: t('opinionImport.steps.result') }]}
      />
      {preview.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={preview.error.message} />}
      {run.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={run.error.message} />}

      {step === 0 && (
        <Card>
          <Spin spinning={preview.isPending} description={t('opinionImport.previewing')}>
            <Upload.Dragger
              accept={IMPORT_ACCEPT}
              multiple={false}
              showUploadList={false}
              beforeUpload={(chosen) => {
                choose(chosen);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('opinionImport.upload')}</p>
              <p className="ant-upload-hint">{t('opinionImport.uploadHint')}</p>
            </Upload.Dragger>
          </Spin>
        </Card>
      )}
      {step === 1 && preview.data && (
        <Spin spinning={run.isPending} description={t('opinionImport.importing')}>
          <ImportMappingForm preview={preview.data} running={run.isPending} onSubmit={submit} onRestart={restart} />
        </Spin>
      )}
      {step === 2 && run.data && <ImportResultView result={run.data} onAnother={restart} onHotspots={() => void navigate('/hotspots')} />}
    </>
  );
}
