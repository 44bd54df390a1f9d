import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
  type IParagraphStyleOptions,
} from 'docx';
import { yearOf, type IsoDate } from '@govdesk/domain';
import { chineseDate, type LetterKind } from './letter-wording';

/** What one letter says; the frame around it (letterhead, number, signature) is the same for all. */
export interface Letter {
  kind: LetterKind;
  title: string;
  /** Who it is addressed to, without the colon. */
  addressee: string;
  /** Body paragraphs in order; each is indented two characters. */
  paragraphs: string[];
  /** The date printed under the signature. */
  date: IsoDate;
  /** Not yet approved: marked 草稿 and not to be sent. */
  draft: boolean;
}

export interface LetterSender {
  /** The unit's letterhead (e.g. 平阴县教育和体育局), or its name when it has none. */
  letterhead: string;
  receiptNo: string;
}

// GB/T 9704 (党政机关公文格式): 方正小标宋 titles, 仿宋 body in 三号 (16 pt), 28 pt lines, red letterhead.
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '方正小标宋简体' };
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '仿宋' };
const BOLD_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: '黑体' };
const RED = 'C00000';
const PT16 = 32; // half-points
const LINE = 560; // 28 pt, in twips

const STYLES: IParagraphStyleOptions[] = [
  {
    id: 'Letterhead',
    name: 'Letterhead',
    basedOn: 'Normal',
    run: { font: TITLE_FONT, size: 52, color: RED },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO } },
  },
  {
    id: 'DocumentNumber',
    name: 'Document Number',
    basedOn: 'Normal',
    paragraph: {
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
    },
  },
  {
    id: 'LetterTitle',
    name: 'Letter Title',
    basedOn: 'Normal',
    run: { font: TITLE_FONT, size: 44 },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 360, line: 720, lineRule: LineRuleType.EXACT } },
  },
  { id: 'Addressee', name: 'Addressee', basedOn: 'Normal' },
  {
    id: 'LetterBody',
    name: 'Letter Body',
    basedOn: 'Normal',
    paragraph: { alignment: AlignmentType.BOTH, indent: { firstLine: 2 * 320, firstLineChars: 200 } },
  },
  {
    id: 'Signature',
    name: 'Signature',
    basedOn: 'Normal',
    // Kept with the paragraph after it, so the signature and date never stand alone on a page.
    paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 4 * 320 }, keepNext: true },
  },
  {
    id: 'DraftMark',
    name: 'Draft Mark',
    basedOn: 'Normal',
    run: { font: BOLD_FONT, color: RED, size: PT16 },
    paragraph: { alignment: AlignmentType.RIGHT },
  },
];

const para = (style: string, text: string, keepNext?: boolean) => new Paragraph({ style, keepNext, children: [new TextRun(text)] });
const blank = () => new Paragraph({ style: 'Signature', children: [] });

/** The letter as a .docx: letterhead, number, title, addressee, body, signature and date. */
export async function renderLetter(letter: Letter, sender: LetterSender): Promise<Buffer> {
  const children: Paragraph[] = [
    ...(letter.draft ? [para('DraftMark', '草稿　未经签发，不得送达')] : []),
    para('Letterhead', sender.letterhead),
    para('DocumentNumber', `〔${yearOf(letter.date)}〕${sender.receiptNo}号`),
    para('LetterTitle', letter.draft ? `${letter.title}（草稿）` : letter.title),
    para('Addressee', `${letter.addressee}：`),
    // The closing line (特此告知。) goes over the page with the signature.
    ...letter.paragraphs.map((text, i) => para('LetterBody', text, i === letter.paragraphs.length - 1)),
    blank(),
    blank(),
    para('Signature', sender.letterhead),
    para('Signature', chineseDate(letter.date)),
  ];
  const document = new Document({
    title: letter.title,
    creator: 'GovDesk',
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: PT16, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
      },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
