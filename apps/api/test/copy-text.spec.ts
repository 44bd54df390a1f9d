import { DataSource } from 'typeorm';
import { arrayLiteral, byteaLiteral, copyField, copyRow, copyRows } from '../src/database/copy-text';
import { createTestDatabase } from './support/test-app';

describe('COPY text format', () => {
  it('escapes what would end a column or a row, and writes NULL as \\N', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField(-1.5)).toBe('-1.5');
    expect(copyRow(['x', null, 3])).toBe('x\t\\N\t3');
    // The same regular expression twice in a row (a global one would skip every other match).
    expect([copyField('a\tb'), copyField('c\td')]).toEqual(['a\\tb', 'c\\td']);
    expect(arrayLiteral(['玫瑰镇', 'say "hi"', 'a\\b', ''])).toBe('{"玫瑰镇","say \\"hi\\"","a\\\\b",""}');
    expect(byteaLiteral(Buffer.from([0, 255]))).toBe('\\x00ff');
  });

  describe('through a real PostgreSQL', () => {
    let db: DataSource;
    beforeAll(async () => {
      db = new DataSource({ type: 'postgres', url: await createTestDatabase() });
      await db.initialize();
      await db.query(`CREATE TABLE copied (id int PRIMARY KEY, body text, tags text[], doc jsonb, hash bytea, score real)`);
    });
    afterAll(() => db.destroy());

    it('stores every value as it was given', async () => {
      const awkward = [
        'tab\there, newline\nthere, return\r, backslash \\ and \\N and \\.',
        '<script>alert("x")</script> & 表情[哈哈] 😀 \u200b',
        '\\.',
        '',
        'x'.repeat(200_000),
      ];
      const rows = awkward.map((body, id) => ({
        id,
        body,
        tags: [body.slice(0, 20), '带"引号"的', 'back\\slash', '{braces}', 'comma,and space '],
        doc: { text: body.slice(0, 50), n: id },
        hash: Buffer.from([id, 0, 92, 9, 10]),
        score: id / 4 - 0.5,
      }));
      rows.push({ id: 99, body: null as unknown as string, tags: [], doc: {} as never, hash: Buffer.alloc(0), score: 0 });
      await db.transaction((manager) =>
        copyRows(
          manager,
          'copied',
          ['id', 'body', 'tags', 'doc', 'hash', 'score'],
          rows.map((r) => copyRow([r.id, r.body, arrayLiteral(r.tags), JSON.stringify(r.doc), byteaLiteral(r.hash), r.score])),
        ),
      );
      const stored: { id: number; body: string | null; tags: string[]; doc: unknown; hash: Buffer; score: number }[] = await db.query(`SELECT * FROM copied ORDER BY id`);
      expect(stored).toHaveLength(rows.length);
      stored.forEach((s, i) => {
        expect(s).toEqual({ ...rows[i]!, body: rows[i]!.body ?? null });
      });
    });

    it('leaves nothing behind when the transaction that copied fails', async () => {
      await expect(
        db.transaction(async (manager) => {
          await copyRows(manager, 'copied', ['id', 'body'], [copyRow([1000, 'kept?'])]);
          await manager.query('SELECT 1/0');
        }),
      ).rejects.toThrow(/division by zero/);
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM copied WHERE id = 1000`);
      expect(n).toBe(0);
    });
  });
});
