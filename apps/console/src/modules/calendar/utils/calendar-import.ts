/**
 * Holiday calendars from files, parsed in the browser: iCalendar (.ics, e.g. chinese-days'
 * holidays.ics) and JSON ({holidays: [], workdays: []}). Pure functions, no DOM.
 */
export interface YearLists {
  holidays: string[];
  workdays: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoOf(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `20240101`, `20240101T000000` or `20240101T000000Z` → a UTC midnight Date of that calendar day. */
function dateOfIcsValue(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(value.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A SUMMARY that names a make-up working day: 班, 补班, 上班. */
export function isWorkdaySummary(summary: string): boolean {
  return summary.includes('班');
}

/** Unfolds iCalendar content lines (a line starting with a space or tab continues the previous one). */
function unfold(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && out.length) out[out.length - 1] += raw.slice(1);
    else out.push(raw);
  }
  return out;
}

function unescapeText(v: string): string {
  return v.replace(/\\n/gi, ' ').replace(/\\([,;\\])/g, '$1');
}

/**
 * Every VEVENT as all-day dates: DTSTART up to DTEND (exclusive; one day without DTEND).
 * Events whose SUMMARY says 班 are make-up working days, the others holidays. By year.
 */
export function parseIcs(text: string): Map<number, YearLists> {
  const years = new Map<number, { holidays: Set<string>; workdays: Set<string> }>();
  let event: { start?: Date | null; end?: Date | null; summary: string } | null = null;
  const add = (date: string, kind: 'holidays' | 'workdays') => {
    const year = Number(date.slice(0, 4));
    const entry = years.get(year) ?? { holidays: new Set<string>(), workdays: new Set<string>() };
    entry[kind].add(date);
    years.set(year, entry);
  };
  for (const line of unfold(text)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(';')[0]!.toUpperCase();
    const value = line.slice(colon + 1);
    if (name === 'BEGIN' && value.trim().toUpperCase() === 'VEVENT') event = { summary: '' };
    else if (!event) continue;
    else if (name === 'DTSTART') event.start = dateOfIcsValue(value);
    else if (name === 'DTEND') event.end = dateOfIcsValue(value);
    else if (name === 'SUMMARY') event.summary = unescapeText(value);
    else if (name === 'END' && value.trim().toUpperCase() === 'VEVENT') {
      if (event.start) {
        const kind = isWorkdaySummary(event.summary) ? 'workdays' : 'holidays';
        const end = event.end && event.end > event.start ? event.end : new Date(event.start.getTime() + 86_400_000);
        // At most a year per event guards against a malformed file.
        for (let d = event.start, n = 0; d < end && n < 366; d = new Date(d.getTime() + 86_400_000), n++) add(isoOf(d), kind);
      }
      event = null;
    }
  }
  const result = new Map<number, YearLists>();
  for (const [year, { holidays, workdays }] of [...years].sort((a, b) => a[0] - b[0])) {
    // A day listed both ways is a working day (the later notice wins in practice).
    const h = [...holidays].filter((d) => !workdays.has(d)).sort();
    result.set(year, { holidays: h, workdays: [...workdays].sort() });
  }
  return result;
}

/**
 * `{holidays: [], workdays: []}` (one year) or `{"2027": {holidays, workdays}, …}` (several),
 * dates as YYYY-MM-DD. Throws with a short reason when the shape is wrong.
 */
export function parseCalendarJson(text: string): Map<number, YearLists> {
  const data: unknown = JSON.parse(text);
  const lists = (v: unknown): YearLists => {
    if (typeof v !== 'object' || v === null) throw new Error('not an object');
    const o = v as Record<string, unknown>;
    const arr = (k: string): string[] => {
      const a = o[k] ?? [];
      if (!Array.isArray(a) || !a.every((d) => typeof d === 'string' && ISO_DATE.test(d))) throw new Error(`${k}: YYYY-MM-DD dates expected`);
      return [...new Set(a as string[])].sort();
    };
    return { holidays: arr('holidays'), workdays: arr('workdays') };
  };
  const result = new Map<number, YearLists>();
  if (typeof data === 'object' && data !== null && ('holidays' in data || 'workdays' in data)) {
    const one = lists(data);
    for (const d of [...one.holidays, ...one.workdays]) {
      const year = Number(d.slice(0, 4));
      const entry = result.get(year) ?? { holidays: [], workdays: [] };
      (one.holidays.includes(d) ? entry.holidays : entry.workdays).push(d);
      result.set(year, entry);
    }
    return result;
  }
  if (typeof data === 'object' && data !== null) {
    for (const [key, value] of Object.entries(data)) {
      if (!/^\d{4}$/.test(key)) throw new Error(`unexpected key ${key}`);
      result.set(Number(key), lists(value));
    }
    return result;
  }
  throw new Error('not an object');
}

/** A file's calendar by its name: .ics or .json. */
export function parseCalendarFile(name: string, text: string): Map<number, YearLists> {
  return /\.ics$/i.test(name) ? parseIcs(text) : parseCalendarJson(text);
}

/** Make-up working days that are not on a weekend (the API refuses them). */
export function weekdayWorkdays(workdays: readonly string[]): string[] {
  return workdays.filter((d) => {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6;
  });
}
