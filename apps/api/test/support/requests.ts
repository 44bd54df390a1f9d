import type { RegisteredRequestDto, UnitDto } from '@govdesk/contracts';
import type { TestApp } from './test-app';

/** Registers an in-person request for 县教体局 by this handler (received 2026-10-09, paper, picked up). */
export async function registerForEducationBureau(t: TestApp, handlerToken: string, applicant: { name: string; idNumber: string }, description: string): Promise<RegisteredRequestDto> {
  const auth = { Authorization: `Bearer ${handlerToken}` };
  const eduId = ((await t.http.get('/api/units').set(auth)).body as UnitDto[]).find((u) => u.name === '县教体局')!.id;
  const res = await t.http
    .post('/api/requests')
    .set(auth)
    .send({ channel: 'in_person', receivedAt: '2026-10-09', unitId: eduId, applicant: { type: 'natural_person', idType: 'other_id', ...applicant }, description, form: { medium: 'paper', delivery: 'pickup' } })
    .expect(201);
  return res.body as RegisteredRequestDto;
}
