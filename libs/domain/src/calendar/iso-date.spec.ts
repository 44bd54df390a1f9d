import { addDays, fromEpochDay, isIsoDate, toEpochDay, yearOfEpochDay } from './iso-date';

const DAY_MS = 86_400_000;

/** The definitions through Date, which the arithmetic in iso-date.ts must equal. */
const viaDate = {
  fromEpochDay: (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10),
  yearOfEpochDay: (day: number) => new Date(day * DAY_MS).getUTCFullYear(),
};

describe('ISO dates without Date', () => {
  it('converts every day from 1600 to 2400 both ways exactly as Date does', () => {
    for (let day = Date.UTC(1600, 0, 1) / DAY_MS; day <= Date.UTC(2400, 11, 31) / DAY_MS; day++) {
      const iso = viaDate.fromEpochDay(day);
      if (fromEpochDay(day) !== iso || toEpochDay(iso) !== day || yearOfEpochDay(day) !== viaDate.yearOfEpochDay(day)) {
        expect([day, fromEpochDay(day), toEpochDay(iso), yearOfEpochDay(day)]).toEqual([day, iso, day, viaDate.yearOfEpochDay(day)]);
      }
    }
  });

  it('agrees with Date at the ends of its range and beyond them', () => {
    for (const day of [-683_004, -683_003, -683_002, -1, 0, 1, 2_932_895, 2_932_896, 2_932_897, 3_000_000, 1.5, -0.5]) {
      expect([day, fromEpochDay(day), yearOfEpochDay(day)]).toEqual([day, viaDate.fromEpochDay(day), viaDate.yearOfEpochDay(day)]);
    }
    expect(toEpochDay('0100-01-01')).toBe(Date.UTC(100, 0, 1) / DAY_MS);
    expect(toEpochDay('9999-12-31')).toBe(Date.UTC(9999, 11, 31) / DAY_MS);
    expect(addDays('2099-12-31', 1)).toBe('2100-01-01');
  });

  it('accepts only well-formed calendar dates', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2026-12-31', '0100-01-01']) expect([ok, isIsoDate(ok)]).toEqual([ok, true]);
    for (const bad of ['2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-01-00', '2026-04-31', '0099-12-31', '2026-1-01', '2026/01/01', '2026-01-01 ', ' 2026-01-01', '2026-01-0a', '２０２６-01-01', '+02026-01-01', '']) {
      expect([bad, isIsoDate(bad)]).toEqual([bad, false]);
    }
    expect(() => toEpochDay('2026-02-30')).toThrow(RangeError);
  });
});
