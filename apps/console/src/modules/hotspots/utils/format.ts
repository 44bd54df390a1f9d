import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import { CHANNEL_LABELS, LEVEL_LABELS, type HotspotLevel } from '@govdesk/domain';

dayjs.extend(relativeTime);

type Bilingual = { zh: string; en: string };

/** The domain's bilingual labels in the console's language (zh-CN unless English is chosen). */
export function useLocalLabels() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const local = (label: Bilingual) => (en ? label.en : label.zh);
  return {
    local,
    /** A channel's name; an unknown code is shown as it is. */
    channel: (code: string) => {
      const label = (CHANNEL_LABELS as Partial<Record<string, Bilingual>>)[code];
      return label ? local(label) : code;
    },
    level: (level: HotspotLevel) => `${LEVEL_LABELS[level].roman} ${local(LEVEL_LABELS[level])}`,
  };
}

/** 0.437 → "44%". */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** Heat and growth with one or two decimals, without trailing zeros. */
export const decimal = (n: number, digits = 1): string => String(Math.round(n * 10 ** digits) / 10 ** digits);

/** How long ago, in the console's language ("3 小时前"). */
export const fromNow = (instant: string): string => dayjs(instant).fromNow();

export const dateTime = (instant: string): string => dayjs(instant).format('YYYY-MM-DD HH:mm');

/** Growth above this is shown as rising (the current rate against the usual one). */
export const RISING_GROWTH = 1.5;

/** Only http(s) addresses become links; anything else (javascript:, data:) stays text. */
export const isWebUrl = (url: string | null | undefined): url is string => !!url && /^https?:\/\//i.test(url.trim());
