import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResponseClockDto } from '@govdesk/contracts';
import { dateTime, useLocalLabels } from '../../hotspots/utils/format';
import { useNow } from '../hooks/useNow';
import { clockTime, liveClockState } from '../utils/alerts';

const STATE_COLORS: Record<ResponseClockDto['state'], string> = { running: 'blue', warning: 'orange', overdue: 'red', met: 'green', late: 'volcano' };

/** One response limit (发布权威信息, 回应关切 …) counting down to its due time every second: orange near it, red past it. */
export function ClockCountdown({ clock }: { clock: ResponseClockDto }) {
  const { t } = useTranslation();
  const { local } = useLocalLabels();
  const now = useNow();
  const state = liveClockState(clock, now);
  const left = Date.parse(clock.dueAt) - now;
  const text =
    state === 'met' || state === 'late' ? t(`alerts.clocks.${state}`) : left >= 0 ? t('alerts.clocks.remaining', { time: clockTime(left) }) : t('alerts.clocks.overdue', { time: clockTime(-left) });
  return (
    <Tooltip title={t('alerts.clocks.due', { due: dateTime(clock.dueAt) })}>
      <Tag color={STATE_COLORS[state]} style={{ fontVariantNumeric: 'tabular-nums', marginInlineEnd: 0 }} data-testid="clock-countdown" data-code={clock.code} data-state={state}>
        {t('alerts.clocks.label', { name: local(clock), text })}
      </Tag>
    </Tooltip>
  );
}
