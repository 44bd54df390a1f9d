import { Tag, Tooltip } from 'antd';
import type { MentionChannel } from '@govdesk/domain';
import { useLocalLabels } from '../utils/format';

/** Channels with their mention counts, most first; beyond `max` the rest fold into "+n". */
export function ChannelTags({ channels, max }: { channels: Partial<Record<MentionChannel, number>>; max?: number }) {
  const labels = useLocalLabels();
  const entries = Object.entries(channels)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  const shown = max === undefined ? entries : entries.slice(0, max);
  const rest = entries.slice(shown.length);
  return (
    <span>
      {shown.map(([code, n]) => (
        <Tag key={code} color="geekblue" style={{ marginBottom: 4 }}>
          {labels.channel(code)} {n}
        </Tag>
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.map(([code, n]) => `${labels.channel(code)} ${n}`).join('、')}>
          <Tag>+{rest.length}</Tag>
        </Tooltip>
      )}
    </span>
  );
}

export function ChannelTag({ channel }: { channel: string }) {
  const labels = useLocalLabels();
  return <Tag color="geekblue">{labels.channel(channel)}</Tag>;
}
