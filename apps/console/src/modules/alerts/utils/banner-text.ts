import type { TFunction } from 'i18next';
import { LEVEL_LABELS, responseLimitsFor } from '@govdesk/domain';
import type { BannerAlert } from '../states/alert-banner';

/** "新告警 · III 较大" / "Alert escalated · II Serious". */
export function bannerHeading(alert: BannerAlert, t: TFunction, en: boolean): string {
  const level = LEVEL_LABELS[alert.level];
  return `${t(`alerts.banner.${alert.kind}`)} · ${level.roman} ${en ? level.en : level.zh}`;
}

/** Why an escalation came (step, acknowledgement timeout, a response limit near or past); empty for a new alert. */
export function bannerReason(alert: BannerAlert, t: TFunction, en: boolean): string {
  if (alert.kind !== 'escalated') return '';
  const limit = responseLimitsFor(alert.level).find((l) => l.code === alert.limit);
  return t(`alerts.banner.reasons.${alert.reason}`, { step: alert.step, limit: limit ? (en ? limit.en : limit.zh) : (alert.limit ?? '') });
}
