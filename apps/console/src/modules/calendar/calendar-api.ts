import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarYearDto, CalendarYearRequest, CalendarYearsDto } from '@govdesk/contracts';
import { api } from '../../api/client';

export const calendarKeys = {
  years: ['calendar', 'years'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
};

export function useCalendarYears() {
  return useQuery({ queryKey: calendarKeys.years, queryFn: () => api<CalendarYearsDto>('/calendar/years'), staleTime: 5 * 60_000 });
}

export function useCalendarYear(year: number | null) {
  return useQuery({
    queryKey: calendarKeys.year(year ?? 0),
    queryFn: () => api<CalendarYearDto>(`/calendar/years/${year}`),
    enabled: year !== null,
    retry: (count, error) => count < 1 && (error as { status?: number }).status !== 404,
  });
}

export function useSaveCalendarYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: CalendarYearRequest }) =>
      api<CalendarYearDto & { recomputed: number }>(`/calendar/years/${year}`, { method: 'PUT', body }),
    onSuccess: async (_saved, { year }) => {
      await queryClient.invalidateQueries({ queryKey: calendarKeys.years });
      await queryClient.invalidateQueries({ queryKey: calendarKeys.year(year) });
      // Deadlines were recomputed: every request list and detail may have changed.
      await queryClient.invalidateQueries({ queryKey: ['requests'] });
    },
  });
}
