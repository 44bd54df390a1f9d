import type { HotspotLevel } from './levels';

/**
 * Response limits for government-affairs public opinion (../shared/DOMAIN.md): for 特别重大 and
 * 重大 matters authoritative information within 5 hours and a press conference within 24
 * hours; other matters answered within 48 hours. Counted in clock hours from discovery.
 */
export interface ResponseLimit {
  code: 'authoritative_info' | 'press_conference' | 'response';
  hours: number;
  zh: string;
  en: string;
}

export function responseLimitsFor(level: HotspotLevel | null): ResponseLimit[] {
  if (level === 1 || level === 2) {
    return [
      { code: 'authoritative_info', hours: 5, zh: '发布权威信息', en: 'Authoritative information' },
      { code: 'press_conference', hours: 24, zh: '召开新闻发布会', en: 'Press conference' },
    ];
  }
  return [{ code: 'response', hours: 48, zh: '回应关切', en: 'Public response' }];
}
