import type { IsoDate } from '../calendar/iso-date';

/**
 * What happened to a request's clock, in order. The state machine emits these; the deadline
 * engine folds them into a due date with its explanation. Stored with the request, so any
 * deadline can be recomputed when a calendar changes.
 */
export type ClockEvent =
  | { type: 'received'; date: IsoDate }
  | { type: 'correction_requested'; date: IsoDate; correctWithinDays: number }
  | { type: 'correction_received'; date: IsoDate }
  | { type: 'consultation_started'; date: IsoDate; party: 'third_party' | 'agency'; partyName?: string }
  | { type: 'consultation_ended'; date: IsoDate }
  | { type: 'extension_approved'; date: IsoDate; approvedBy: string }
  | { type: 'period_set'; date: IsoDate; dueDate: IsoDate; reason: string; setBy: string }
  | { type: 'fee_notified'; date: IsoDate }
  | { type: 'fee_paid'; date: IsoDate }
  | { type: 'concluded'; date: IsoDate; outcome: 'replied' | 'withdrawn' | 'abandoned' };

/** Statutory periods in working days (Decree 711 and 国办函〔2020〕109号). */
export const PERIODS = {
  reply: 20, // Art. 33
  correctionNotice: 7, // Art. 30
  defaultCorrectionWindow: 15,
  consultationLimit: 15, // Art. 32, 34
  extension: 20, // Art. 33
  feePayment: 20, // 国办函〔2020〕109号
  dueSoon: 3,
} as const;

/** Whether a fee notice is waiting for payment (the clock is stopped until it is paid). */
export function feePending(events: readonly ClockEvent[]): boolean {
  let pending = false;
  for (const e of events) {
    if (e.type === 'fee_notified') pending = true;
    if (e.type === 'fee_paid' || e.type === 'concluded') pending = false;
  }
  return pending;
}
