import { LinkOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionDto } from '@govdesk/contracts';
import { isWebUrl } from '../utils/format';

/** Characters shown before "expand"; a mention may hold up to 200,000. */
const PREVIEW = 160;

/**
 * A mention's title and content as plain text (React escapes it; never set as HTML), the
 * content cut short until expanded, and its source link only when it is an http(s) address.
 */
export function MentionText({ mention }: { mention: Pick<MentionDto, 'title' | 'content' | 'url'> }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const long = mention.content.length > PREVIEW;
  const text = expanded || !long ? mention.content : `${mention.content.slice(0, PREVIEW)}…`;
  return (
    <div style={{ minWidth: 280 }}>
      {mention.title && (
        <Typography.Text strong style={{ display: 'block' }}>
          {mention.title}
        </Typography.Text>
      )}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', marginBottom: 0, maxHeight: expanded ? 480 : undefined, overflowY: expanded ? 'auto' : undefined }}>
        {text}
      </Typography.Paragraph>
      {long && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('hotspots.mentions.collapse') : t('hotspots.mentions.expand')}
        </Button>
      )}
      {isWebUrl(mention.url) && (
        <a href={mention.url.trim()} target="_blank" rel="noopener noreferrer" style={{ marginInlineStart: long ? 12 : 0 }} data-testid="mention-source">
          <LinkOutlined /> {t('hotspots.mentions.source')}
        </a>
      )}
    </div>
  );
}
