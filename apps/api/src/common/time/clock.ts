import { Injectable } from '@nestjs/common';
import { chinaDateOf, type IsoDate } from '@govdesk/domain';

/** The time, in one place: deadlines count in China's calendar days (UTC+8). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): IsoDate {
    return chinaDateOf(this.now());
  }
}
