import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, isRefusal, scopeIncludesUnit, unitScopeOf, type ReplyType, type RequestStatus } from '@govdesk/domain';
import { bigrams, textSimilarity } from '@govdesk/text-analysis';
import type { SimilarRequestsDto } from '@govdesk/contracts';
import type { CurrentUserInfo } from '../../auth/current-user.decorator';
import { AppError } from '../../common/errors/app.error';
import { Clock } from '../../common/time/clock';
import { DisclosureRequestEntity } from '../disclosure-request.entity';
import { inScope } from '../../common/scope/unit-scope';

/** Shown as similar from this score on; counted as "the same information" (Art. 44) from SAME_ASK. */
const SHOWN = 0.35;
const SAME_ASK = 0.5;
const CANDIDATES = 2000;

interface Candidate {
  id: string;
  receipt_no: string;
  status: RequestStatus;
  received_on: string;
  applicant_name: string;
  id_number: string;
  description: string;
  reply_type: ReplyType | null;
}

@Injectable()
export class SimilarRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async forRequest(id: string, actor: CurrentUserInfo): Promise<SimilarRequestsDto> {
    const request = await this.dataSource.getRepository(DisclosureRequestEntity).findOneBy({ id });
    if (!inScope(request, actor)) throw new AppError('REQUEST_NOT_FOUND');
    return this.similarTo(request.unitId, request.description, request.applicant.idNumber, request.id, actor);
  }

  /**
   * Earlier requests of the same unit (last two years) whose description resembles this one,
   * and whether three or more applicants asked for the same disclosable information (Art. 44).
   */
  async similarTo(unitId: string, description: string, applicantIdNumber: string | undefined, excludeId: string | null, actor: CurrentUserInfo): Promise<SimilarRequestsDto> {
    if (!scopeIncludesUnit(unitScopeOf(actor), unitId)) throw new AppError('UNIT_NOT_FOUND');
    const rows: Candidate[] = await this.dataSource.query(
      `SELECT id, receipt_no, status, received_on::text, applicant_name, applicant->>'idNumber' AS id_number, description, reply_type
         FROM disclosure_requests
        WHERE unit_id = $1 AND received_on >= $2 AND ($3::uuid IS NULL OR id <> $3)
        ORDER BY received_on DESC LIMIT $4`,
      [unitId, addDays(this.clock.today(), -730), excludeId, CANDIDATES],
    );
    const target = bigrams(description);
    const scored = rows
      .map((r) => ({ r, similarity: textSimilarity(target, r.description) }))
      .filter((x) => x.similarity >= SHOWN)
      .sort((a, b) => b.similarity - a.similarity);
    const sameAsk = scored.filter((x) => x.similarity >= SAME_ASK && !(x.r.reply_type && isRefusal(x.r.reply_type) && x.r.reply_type !== 'partially_disclosed'));
    const applicants = new Set(sameAsk.map((x) => x.r.id_number.toUpperCase()));
    if (applicantIdNumber) applicants.add(applicantIdNumber.toUpperCase());
    return {
      items: scored.slice(0, 10).map(({ r, similarity }) => ({
        id: r.id,
        receiptNo: r.receipt_no,
        status: r.status,
        receivedOn: r.received_on,
        applicantName: r.applicant_name,
        description: r.description,
        replyType: r.reply_type,
        similarity: Math.round(similarity * 100) / 100,
      })),
      distinctApplicants: applicants.size,
      suggestProactiveDisclosure: applicants.size >= 3,
    };
  }
}
