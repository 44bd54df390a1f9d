import { Body, Controller, Get, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { addWorkingDaysQuerySchema, calendarYearSchema, type CalendarYearDto, type CalendarYearRequest, type CalendarYearsDto } from '@govdesk/contracts';
import { CurrentUser, type CurrentUserInfo } from '../auth/current-user.decorator';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { AppError } from '../common/errors/app.error';
import { Meta, type RequestMeta } from '../common/http/request-meta.decorator';
import { ZodPipe } from '../common/http/zod-body.pipe';
import { CalendarService } from './calendar.service';

const yearPipe = new ParseIntPipe({
  exceptionFactory: () => new AppError('VALIDATION_FAILED', 'year must be a whole number, e.g. 2027', [{ field: 'year', message: 'must be a year' }]),
});

function checkYear(year: number): number {
  if (year < 2000 || year > 2100) throw new AppError('VALIDATION_FAILED', 'year must be between 2000 and 2100', [{ field: 'year', message: 'out of range' }]);
  return year;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('add-working-days')
  @AnyRole()
  async addWorkingDays(@Query(new ZodPipe(addWorkingDaysQuerySchema)) q: z.infer<typeof addWorkingDaysQuerySchema>): Promise<{ date: string; provisional: boolean; missingYears: number[] }> {
    return this.calendar.addWorkingDays(q.from, q.days);
  }

  @Get('years')
  @AnyRole()
  years(): Promise<CalendarYearsDto> {
    return this.calendar.listYears();
  }

  @Get('years/:year')
  @AnyRole()
  year(@Param('year', yearPipe) year: number): Promise<CalendarYearDto> {
    return this.calendar.getYear(checkYear(year));
  }

  @Put('years/:year')
  @Roles('admin')
  @ApiBody({ schema: z.toJSONSchema(calendarYearSchema, { unrepresentable: 'any' }) as object })
  put(
    @Param('year', yearPipe) year: number,
    @Body(new ZodPipe(calendarYearSchema)) body: CalendarYearRequest,
    @CurrentUser() user: CurrentUserInfo,
    @Meta() meta: RequestMeta,
  ): Promise<CalendarYearDto & { recomputed: number }> {
    return this.calendar.putYear(checkYear(year), body, user, meta);
  }
}
