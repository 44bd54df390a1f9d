import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import {
  computePart3,
  computePart4,
  hasAnyRole,
  part3RowsOf,
  part4CellOf,
  PART3_COLUMNS,
  PART4_COLUMNS,
  PART4_ROW_LABEL,
  type ApplicantType,
  type Conclusion,
  type ReplyReasonCode,
  type ReplyType,
  type ReportRequest,
  type ReportReview,
  type ReviewKind,
  type ReviewOutcome,
} from '@govdesk/domain';
import type { AnnualReportDrillDownDto, AnnualReportDto } from '@govdesk/contracts';
import type { CurrentUserInfo } from '../auth/current-user.decorator';
import { AppError } from '../common/errors/app.error';
import { UnitEntity } from '../units/unit.entity';

interface RequestRow {
  id: string;
  receipt_no: string;
  applicant_type: ApplicantType;
  applicant_name: string;
  status: string;
  received_on: string;
  concluded_on: string | null;
  outcome: string | null;
  reason_code: string | null;
}

interface ReviewRow extends RequestRow {
  review_id: string;
  kind: ReviewKind;
  filed_on: string;
  decided_on: string | null;
  review_outcome: ReviewOutcome | null;
}

/** Requests alike in all that part three reads of them (see requestClasses). */
interface RequestClass {
  applicant_type: ApplicantType;
  outcome: string | null;
  reason_code: string | null;
  carried_in: boolean;
  concluded: 'in_year' | 'later' | 'open';
  first_received: string;
  last_received: string;
  first_concluded: string | null;
  last_concluded: string | null;
  n: number;
}

/** Of a request counted in `year` ($1: its last day, $2: its first): received before the year. */
const CARRIED_IN = `(received_on < $2)`;
/** …and concluded in the year, after it, or not at all. */
const CONCLUDED = `(CASE WHEN concluded_on IS NULL THEN 'open' WHEN concluded_on <= $1 THEN 'in_year' ELSE 'later' END)`;

export type DrillDownItem = AnnualReportDrillDownDto;

function toReportReview(v: ReviewRow): ReportReview {
  return { kind: v.kind, filedOn: v.filed_on, decidedOn: v.decided_on, outcome: v.review_outcome };
}

function drillItem(r: RequestRow): DrillDownItem {
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    applicantName: r.applicant_name,
    applicantType: r.applicant_type,
    status: r.status,
    receivedOn: r.received_on,
    concludedOn: r.concluded_on,
    outcome: r.outcome,
  };
}

/** A request's stored outcome as the report's conclusion. */
export function conclusionOf(outcome: string | null, reasonCode: string | null): Conclusion | null {
  if (!outcome) return null;
  if (outcome === 'withdrawn') return { kind: 'withdrawn' };
  if (outcome.startsWith('abandoned:')) return { kind: 'abandoned', reason: outcome.endsWith('fee_unpaid') ? 'fee_unpaid' : 'no_correction' };
  return { kind: 'reply', replyType: outcome as ReplyType, reasonCode: reasonCode as ReplyReasonCode | null };
}

@Injectable()
export class AnnualReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Handlers see their own unit's report; supervisors and admins any unit or the county. */
  private async resolveUnit(unitId: string | undefined, actor: CurrentUserInfo): Promise<{ unitId: string | null; unitName: string }> {
    if (!hasAnyRole(actor, ['supervisor', 'admin'])) {
      if (!unitId || unitId !== actor.unitId) throw new AppError('UNIT_NOT_FOUND', 'Handlers see the report of their own unit: pass its unitId.', undefined, '经办人只能查看本单位的年度报告，请指定本单位。');
    }
    if (!unitId) return { unitId: null, unitName: '全县' };
    const unit = await this.dataSource.getRepository(UnitEntity).findOneBy({ id: unitId });
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    return { unitId, unitName: unit.name };
  }

  /**
   * The requests part three of `year` may count: received by its end and not concluded before
   * it (part3RowsOf counts no other: new, carried in, concluded in the year, carried out).
   */
  private readonly requestsOfYear = `received_on <= $1 AND (concluded_on IS NULL OR concluded_on >= $2) AND ($3::uuid IS NULL OR unit_id = $3)`;

  private async requestRows(year: number, unitId: string | null, classes?: RequestClass[]): Promise<RequestRow[]> {
    const params: unknown[] = [`${year}-12-31`, `${year}-01-01`, unitId];
    let inClasses = '';
    if (classes) {
      params.push(
        classes.map((c) => c.applicant_type),
        classes.map((c) => c.outcome ?? ''),
        classes.map((c) => c.reason_code ?? ''),
        classes.map((c) => c.carried_in),
        classes.map((c) => c.concluded),
      );
      inClasses = `AND (applicant_type, coalesce(outcome, ''), coalesce(reason_code, ''), ${CARRIED_IN}, ${CONCLUDED})
                    IN (SELECT * FROM unnest($4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[]))`;
      // What the classes imply, said so an index can serve it (requests_concluded_outcome).
      if (classes.every((c) => c.concluded === 'in_year')) inClasses += ` AND concluded_on BETWEEN $2 AND $1`;
      if (classes.every((c) => c.outcome !== null)) {
        params.push([...new Set(classes.map((c) => c.outcome))]);
        inClasses += ` AND outcome = ANY($9::text[])`;
      }
    }
    return this.dataSource.query(
      `SELECT id, receipt_no, applicant_type, applicant_name, status, received_on::text, concluded_on::text, outcome, reason_code
         FROM disclosure_requests
        WHERE ${this.requestsOfYear} ${inClasses}
        ORDER BY received_on, receipt_no`,
      params,
    );
  }

  /**
   * The same requests in classes alike in everything part three reads of them — applicant type,
   * outcome and reason, received before the year or in it, concluded in it, after it or not at
   * all — with one member's dates and the class's size.
   */
  private async requestClasses(year: number, unitId: string | null): Promise<RequestClass[]> {
    return this.dataSource.query(
      `SELECT applicant_type, outcome, reason_code, ${CARRIED_IN} AS carried_in, ${CONCLUDED} AS concluded,
              min(received_on)::text AS first_received, max(received_on)::text AS last_received,
              min(concluded_on)::text AS first_concluded, max(concluded_on)::text AS last_concluded, count(*)::int AS n
         FROM disclosure_requests
        WHERE ${this.requestsOfYear}
        GROUP BY 1, 2, 3, 4, 5`,
      [`${year}-12-31`, `${year}-01-01`, unitId],
    );
  }

  /**
   * Part three's rows of each class, by the domain's rules (part3RowsOf) on its earliest and
   * latest dates; null if those differ — a rule that reads more than the class — and then its
   * requests are counted one by one.
   */
  private classRows(classes: RequestClass[], year: number): (string[] | null)[] {
    return classes.map((c) => {
      const first = part3RowsOf(this.toReportRequest({ ...c, received_on: c.first_received, concluded_on: c.first_concluded }), year);
      const last = part3RowsOf(this.toReportRequest({ ...c, received_on: c.last_received, concluded_on: c.last_concluded }), year);
      return first.join('\n') === last.join('\n') ? first : null;
    });
  }

  /** The review records that part four of `year` may count (the cell decides: part4CellOf). */
  private async reviewRows(year: number, unitId: string | null): Promise<ReviewRow[]> {
    return this.dataSource.query(
      `SELECT v.id AS review_id, v.kind, v.filed_on::text, v.decided_on::text, v.outcome AS review_outcome,
              r.id, r.receipt_no, r.applicant_type, r.applicant_name, r.status, r.received_on::text, r.concluded_on::text, r.outcome, r.reason_code
         FROM request_reviews v JOIN disclosure_requests r ON r.id = v.request_id
        WHERE v.filed_on <= $1 AND (v.decided_on IS NULL OR v.decided_on >= $2) AND ($3::uuid IS NULL OR r.unit_id = $3)`,
      [`${year}-12-31`, `${year}-01-01`, unitId],
    );
  }

  private toReportRequest(r: Pick<RequestRow, 'applicant_type' | 'received_on' | 'concluded_on' | 'outcome' | 'reason_code'>, count?: number): ReportRequest {
    return { applicantType: r.applicant_type, receivedOn: r.received_on, concludedOn: r.concluded_on, conclusion: conclusionOf(r.outcome, r.reason_code), count };
  }

  /** Part three counted by class (one weighted request each), or request by request if a class is not uniform. */
  private async part3Requests(year: number, unitId: string | null): Promise<ReportRequest[]> {
    const classes = await this.requestClasses(year, unitId);
    if (this.classRows(classes, year).some((rows) => rows === null)) return (await this.requestRows(year, unitId)).map((r) => this.toReportRequest(r));
    return classes.map((c) => this.toReportRequest({ ...c, received_on: c.first_received, concluded_on: c.first_concluded }, c.n));
  }

  async report(year: number, unitIdParam: string | undefined, actor: CurrentUserInfo): Promise<AnnualReportDto> {
    const { unitId, unitName } = await this.resolveUnit(unitIdParam, actor);
    const [requests, reviews] = await Promise.all([this.part3Requests(year, unitId), this.reviewRows(year, unitId)]);
    return {
      year,
      unitId,
      unitName,
      part3: computePart3(requests, year),
      part4: computePart4(reviews.map(toReportReview), year),
    };
  }

  /**
   * The requests behind one number: a row of part three (and a column, an applicant type or
   * the total), or a cell of part four (one item per review record, as the cell counts them).
   */
  async drillDown(year: number, unitIdParam: string | undefined, row: string, column: string | undefined, actor: CurrentUserInfo): Promise<DrillDownItem[]> {
    const { unitId } = await this.resolveUnit(unitIdParam, actor);
    if (row === PART4_ROW_LABEL) return this.drillDownPart4(year, unitId, column);
    const columnIndex = column ? PART3_COLUMNS.indexOf(column as (typeof PART3_COLUMNS)[number]) : -1;
    const inColumn = (type: ApplicantType) =>
      columnIndex < 0 || columnIndex === 6 || ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_org', 'legal_service_org', 'other_org'][columnIndex] === type;
    // Only the classes of requests that count in the row and column are fetched; each request still passes the rule.
    const classes = await this.requestClasses(year, unitId);
    const classRows = this.classRows(classes, year);
    const wanted = classes.filter((c, i) => inColumn(c.applicant_type) && (classRows[i] === null || classRows[i]!.includes(row)));
    if (!wanted.length) return [];
    const rows = await this.requestRows(year, unitId, wanted);
    return rows
      .filter((r) => part3RowsOf(this.toReportRequest(r), year).includes(row))
      .filter((r) => inColumn(r.applicant_type))
      .sort((a, b) => a.received_on.localeCompare(b.received_on))
      .map((r) => drillItem(r));
  }

  private async drillDownPart4(year: number, unitId: string | null, column: string | undefined): Promise<DrillDownItem[]> {
    const columnIndex = column ? PART4_COLUMNS.indexOf(column) : -1;
    if (column && columnIndex < 0) return [];
    // A total column (every fifth) counts the four cells of its kind before it.
    const inColumn = (cell: number) => columnIndex < 0 || cell === columnIndex || (columnIndex % 5 === 4 && Math.floor(cell / 5) === Math.floor(columnIndex / 5));
    const rows = await this.reviewRows(year, unitId);
    return rows
      .filter((v) => {
        const cell = part4CellOf(toReportReview(v), year);
        return cell !== null && inColumn(cell);
      })
      .sort((a, b) => a.filed_on.localeCompare(b.filed_on) || a.received_on.localeCompare(b.received_on))
      .map((v) => ({
        ...drillItem(v),
        review: { id: v.review_id, kind: v.kind, filedOn: v.filed_on, decidedOn: v.decided_on, outcome: v.review_outcome },
      }));
  }

  /** Parts three and four laid out like the template, with merged header cells. */
  async xlsx(report: AnnualReportDto): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'GovDesk';
    const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    const center: Partial<ExcelJS.Alignment> = { vertical: 'middle', horizontal: 'center', wrapText: true };

    const p3 = wb.addWorksheet('三、收到和处理政府信息公开申请情况');
    p3.columns = [{ width: 46 }, ...Array.from({ length: 7 }, () => ({ width: 12 }))];
    p3.mergeCells('A1:H1');
    p3.getCell('A1').value = `${report.unitName}${report.year}年 三、收到和处理政府信息公开申请情况`;
    p3.getCell('A1').font = { bold: true, size: 14 };
    p3.getCell('A1').alignment = center;
    p3.mergeCells('A2:A4');
    p3.mergeCells('B2:H2');
    p3.getCell('B2').value = '申请人情况';
    p3.mergeCells('B3:B4');
    p3.getCell('B3').value = '自然人';
    p3.mergeCells('C3:G3');
    p3.getCell('C3').value = '法人或其他组织';
    p3.mergeCells('H3:H4');
    p3.getCell('H3').value = '总计';
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].forEach((label, i) => (p3.getRow(4).getCell(3 + i).value = label));
    report.part3.rows.forEach((row, i) => {
      const r = p3.getRow(5 + i);
      r.getCell(1).value = row.label;
      r.getCell(1).alignment = { indent: row.level * 2, wrapText: true, vertical: 'middle' };
      row.values.forEach((v, j) => (r.getCell(2 + j).value = v));
    });
    for (let r = 2; r <= 4 + report.part3.rows.length; r++) {
      for (let c = 1; c <= 8; c++) {
        const cell = p3.getRow(r).getCell(c);
        cell.border = border;
        if (r <= 4 || c > 1) cell.alignment = center;
      }
    }

    const p4 = wb.addWorksheet('四、政府信息公开行政复议、行政诉讼情况');
    p4.columns = Array.from({ length: 15 }, () => ({ width: 11 }));
    p4.mergeCells('A1:O1');
    p4.getCell('A1').value = `${report.unitName}${report.year}年 四、政府信息公开行政复议、行政诉讼情况`;
    p4.getCell('A1').font = { bold: true, size: 14 };
    p4.getCell('A1').alignment = center;
    p4.mergeCells('A2:E3');
    p4.getCell('A2').value = '行政复议';
    p4.mergeCells('F2:O2');
    p4.getCell('F2').value = '行政诉讼';
    p4.mergeCells('F3:J3');
    p4.getCell('F3').value = '未经复议直接起诉';
    p4.mergeCells('K3:O3');
    p4.getCell('K3').value = '复议后起诉';
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    for (let i = 0; i < 15; i++) {
      p4.getRow(4).getCell(1 + i).value = outcomes[i % 5];
      p4.getRow(5).getCell(1 + i).value = report.part4.rows[0]!.values[i]!;
    }
    for (let r = 2; r <= 5; r++) for (let c = 1; c <= 15; c++) Object.assign(p4.getRow(r).getCell(c), { border, alignment: center });

    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  csv(report: AnnualReportDto): string {
    const q = (s: string | number) => (typeof s === 'number' ? String(s) : `"${s.replace(/"/g, '""')}"`);
    const lines = [
      [q(`${report.unitName}${report.year}年 三、收到和处理政府信息公开申请情况`)],
      [q('')].concat(report.part3.columns.map(q)),
      ...report.part3.rows.map((r) => [q(r.label), ...r.values.map(q)]),
      [],
      [q('四、政府信息公开行政复议、行政诉讼情况')],
      report.part4.columns.map(q),
      report.part4.rows[0]!.values.map(q),
    ];
    return '\ufeff' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
  }
}
