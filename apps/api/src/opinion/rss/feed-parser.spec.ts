import { mentionInputSchema } from '@govdesk/contracts';
import { decodeEntities, decodeFeed, feedDate, htmlToText, parseFeed } from './feed-parser';

const NOW = new Date('2023-09-01T02:00:00Z'); // 10:00 in China

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>平阴融媒</title>
    <link>https://example.cn/</link>
    <atom:link href="https://example.cn/rss.xml" rel="self" type="application/rss+xml"/>
    <description>平阴县新闻</description>
    <item>
      <title><![CDATA[浪溪河孝直镇段河水发黑 县生态环境局已介入调查]]></title>
      <link>https://example.cn/news/2023/0831/1001.html</link>
      <guid isPermaLink="false">news-1001</guid>
      <dc:creator>记者 王晓</dc:creator>
      <pubDate>Thu, 31 Aug 2023 18:20:00 +0800</pubDate>
      <description><![CDATA[<p>近日，有群众反映<strong>浪溪河</strong>孝直镇段河水发黑、有异味。</p>]]></description>
      <content:encoded><![CDATA[<p>近日，有群众反映<strong>浪溪河</strong>孝直镇段河水发黑、有异味。</p>
<p>记者从县生态环境局了解到，执法人员已于8月31日下午赶赴现场取样&nbsp;&nbsp;，检测结果将及时公布。</p>
<script>track()</script><!-- 广告 --><p>“我们会一查到底”&mdash;&mdash;县生态环境局负责人表示。</p>]]></content:encoded>
    </item>
    <item>
      <title>玫瑰镇敬老食堂开张 老人吃上&ldquo;暖心饭&rdquo;</title>
      <link>https://example.cn/news/2023/0901/1002.html</link>
      <author>news@example.cn (李娜)</author>
      <pubDate>Fri, 01 Sep 2023 01:30:00 GMT</pubDate>
      <description>&lt;p&gt;玫瑰镇首家敬老食堂1日开张，70岁以上老人就餐每餐只需3元&amp;nbsp;。&lt;/p&gt;&lt;img src="a.jpg" alt="食堂"&gt;</description>
    </item>
    <item>
      <title>榆山街道公交3路调整走向的通告</title>
      <guid>https://example.cn/notice/88</guid>
      <description>自9月10日起，公交3路不再经停县人民医院站。</description>
    </item>
    <item>
      <title></title>
      <description>   </description>
      <pubDate>Fri, 01 Sep 2023 08:00:00 +0800</pubDate>
    </item>
    <item>
      <title>东阿镇前寨村征地补偿方案公示</title>
      <pubDate>2023-08-30 09:15:00</pubDate>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>平阴论坛 · 民生话题</title>
  <id>tag:example.cn,2023:forum</id>
  <updated>2023-09-01T09:00:00+08:00</updated>
  <author><name>平阴论坛</name></author>
  <entry>
    <title type="html">锦水街道某小区物业&lt;b&gt;乱收费&lt;/b&gt;</title>
    <id>tag:example.cn,2023:thread-5521</id>
    <link rel="alternate" type="text/html" href="https://example.cn/thread/5521"/>
    <link rel="replies" href="https://example.cn/thread/5521/comments"/>
    <published>2023-08-31T21:05:00+08:00</published>
    <updated>2023-09-01T08:00:00+08:00</updated>
    <author><name>榆山老李</name></author>
    <content type="html">&lt;p&gt;物业费一年涨了两次，电梯还是三天两头坏。&amp;lt;业主群&amp;gt;里大家都很有意见&amp;#65281;&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>孔村镇道路修好了，点赞</title>
    <id>tag:example.cn,2023:thread-5530</id>
    <link href="https://example.cn/thread/5530"/>
    <updated>2023-09-01T07:40:00Z</updated>
    <summary>孔村镇到县城的路面修补完成，开车平稳多了。</summary>
  </entry>
  <entry>
    <title>安城镇学区划分有变化吗</title>
    <id>tag:example.cn,2023:thread-5531</id>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>孩子明年上小学，想问今年学区是否调整。</p></div></content>
  </entry>
</feed>`;

describe('parseFeed: RSS 2.0', () => {
  const mentions = parseFeed(RSS, 'news', { now: NOW });

  it('reads every item with text, in document order, and skips an item without any', () => {
    expect(mentions.map((m) => m.externalId)).toEqual([
      'news-1001',
      'https://example.cn/news/2023/0901/1002.html',
      'https://example.cn/notice/88',
      expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    ]);
    for (const m of mentions) expect(mentionInputSchema.safeParse(m).success).toBe(true);
  });

  it('takes content:encoded over description, strips HTML, scripts and comments, and decodes entities', () => {
    expect(mentions[0]).toEqual({
      channel: 'news',
      externalId: 'news-1001',
      title: '浪溪河孝直镇段河水发黑 县生态环境局已介入调查',
      content:
        '近日，有群众反映浪溪河孝直镇段河水发黑、有异味。\n记者从县生态环境局了解到，执法人员已于8月31日下午赶赴现场取样 ，检测结果将及时公布。\n“我们会一查到底”——县生态环境局负责人表示。',
      author: '记者 王晓',
      url: 'https://example.cn/news/2023/0831/1001.html',
      publishedAt: '2023-08-31T18:20:00+08:00',
    });
  });

  it('reads an escaped-HTML description, the name in an RSS author, and a GMT pubDate as China time', () => {
    expect(mentions[1]).toMatchObject({
      title: '玫瑰镇敬老食堂开张 老人吃上“暖心饭”',
      content: '玫瑰镇首家敬老食堂1日开张，70岁以上老人就餐每餐只需3元 。',
      author: '李娜',
      publishedAt: '2023-09-01T09:30:00+08:00',
    });
  });

  it('uses a permalink guid as the url, `now` for an item without a date, and the title as content when there is no text', () => {
    expect(mentions[2]).toMatchObject({ url: 'https://example.cn/notice/88', publishedAt: '2023-09-01T10:00:00+08:00' });
    expect(mentions[3]).toEqual({
      channel: 'news',
      externalId: mentions[3]!.externalId,
      content: '东阿镇前寨村征地补偿方案公示',
      publishedAt: '2023-08-30T09:15:00+08:00',
    });
  });

  it('gives an item without guid or link the same id every time it is polled', () => {
    expect(parseFeed(RSS, 'news', { now: new Date() })[3]!.externalId).toBe(mentions[3]!.externalId);
  });
});

describe('parseFeed: Atom', () => {
  const mentions = parseFeed(ATOM, 'forum', { now: NOW });

  it('reads entries: id, html title and content, the alternate link, author, published before updated', () => {
    expect(mentions[0]).toEqual({
      channel: 'forum',
      externalId: 'tag:example.cn,2023:thread-5521',
      title: '锦水街道某小区物业乱收费',
      content: '物业费一年涨了两次，电梯还是三天两头坏。<业主群>里大家都很有意见！',
      author: '榆山老李',
      url: 'https://example.cn/thread/5521',
      publishedAt: '2023-08-31T21:05:00+08:00',
    });
  });

  it('falls back to summary, updated, the feed author, xhtml content and `now`', () => {
    expect(mentions[1]).toMatchObject({
      content: '孔村镇到县城的路面修补完成，开车平稳多了。',
      author: '平阴论坛',
      url: 'https://example.cn/thread/5530',
      publishedAt: '2023-09-01T15:40:00+08:00',
    });
    expect(mentions[2]).toMatchObject({ content: '孩子明年上小学，想问今年学区是否调整。', publishedAt: '2023-09-01T10:00:00+08:00' });
    expect(mentions[2]!.url).toBeUndefined();
  });
});

describe('parseFeed: other documents', () => {
  it('reads RSS 1.0 (RDF) items with dc:date', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.cn/"><title>政务</title></channel>
  <item rdf:about="https://example.cn/a/1"><title>洪范池镇供水检修</title><link>https://example.cn/a/1</link><dc:date>2023-08-20T08:00:00+08:00</dc:date><description>9月2日停水一天。</description></item>
</rdf:RDF>`;
    expect(parseFeed(rdf, 'wechat', { now: NOW })).toEqual([
      {
        channel: 'wechat',
        externalId: 'https://example.cn/a/1',
        title: '洪范池镇供水检修',
        content: '9月2日停水一天。',
        url: 'https://example.cn/a/1',
        publishedAt: '2023-08-20T08:00:00+08:00',
      },
    ]);
  });

  it('returns nothing for a feed without items', () => {
    expect(parseFeed('<rss version="2.0"><channel><title>空</title></channel></rss>', 'news')).toEqual([]);
    expect(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>空</title></feed>', 'news')).toEqual([]);
    expect(parseFeed('<?xml version="1.0"?><rss version="2.0"/>', 'news')).toEqual([]);
  });

  it('throws a clear error on a document that is not RSS or Atom', () => {
    expect(() => parseFeed('{"items": []}', 'news')).toThrow(/not an RSS or Atom feed: the document is not XML/);
    expect(() => parseFeed('<?xml version="1.0"?><opml version="2.0"><body/></opml>', 'news')).toThrow(/root element is <opml>/);
    expect(() => parseFeed('<!DOCTYPE html><html><head><meta charset=utf-8><title>首页</title></head></html>', 'news')).toThrow(/the document is an HTML page/);
    expect(() => parseFeed('<rss><channel><item><title>半截', 'news')).toThrow(/the XML is not well-formed/);
    expect(() => parseFeed('<rss><channel><item></channel></rss>', 'news')).toThrow(/not an RSS or Atom feed: the XML is not well-formed/);
    expect(() => parseFeed('', 'news')).toThrow(/not an RSS or Atom feed/);
  });

  it('lets a bare & in a link through, as browsers do', () => {
    const xml = '<rss><channel><item><link>https://example.cn/?a=1&b=2</link><description>正文</description></item></channel></rss>';
    expect(parseFeed(xml, 'news', { now: NOW })[0]).toMatchObject({ url: 'https://example.cn/?a=1&b=2' });
  });

  it('never lets a javascript: link through as the url', () => {
    const xml = '<rss><channel><item><title>t</title><link>javascript:alert(1)</link><description>正文</description></item></channel></rss>';
    const [m] = parseFeed(xml, 'news', { now: NOW });
    expect(m).toMatchObject({ content: '正文', externalId: 'javascript:alert(1)' });
    expect(m!.url).toBeUndefined();
  });
});

describe('helpers', () => {
  it('decodes named, decimal and hexadecimal entities and leaves unknown ones', () => {
    expect(decodeEntities('&ldquo;平阴&rdquo;&#20013;&#x6587;&amp;&nbsp;&foo;')).toBe('“平阴”中文& &foo;');
  });

  it('turns HTML into lines of text', () => {
    expect(htmlToText('<div>第一段<br/>第二段</div><ul><li>甲</li><li>乙</li></ul><style>p{}</style>')).toBe('第一段\n第二段\n甲\n乙');
  });

  it('reads feed dates: RFC 822 with or without zone (China time), ISO, and Chinese text', () => {
    expect(feedDate('Thu, 31 Aug 2023 10:20:00 GMT')).toBe('2023-08-31T18:20:00+08:00');
    expect(feedDate('Thu, 31 Aug 2023 18:20:00')).toBe('2023-08-31T18:20:00+08:00');
    expect(feedDate('31 Aug 23 18:20 +0800')).toBe('2023-08-31T18:20:00+08:00');
    expect(feedDate('2023-08-31T10:20:00Z')).toBe('2023-08-31T18:20:00+08:00');
    expect(feedDate('2023年8月31日 18:20')).toBe('2023-08-31T18:20:00+08:00');
    expect(feedDate('刚刚')).toBeNull();
  });

  it('decodes fetched bytes by the Content-Type charset or the XML declaration (GBK)', () => {
    // "<?xml version="1.0" encoding="GBK"?><rss><channel><item><title>平阴</title>…" with 平阴 in GBK
    const gbk = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="GBK"?><rss><channel><item><title>'),
      Buffer.from('c6bdd2f5', 'hex'),
      Buffer.from('</title></item></channel></rss>'),
    ]);
    const text = decodeFeed(gbk);
    expect(text).toContain('<title>平阴</title>');
    expect(parseFeed(text, 'news', { now: NOW })[0]!.content).toBe('平阴');
    expect(decodeFeed(Buffer.from('c6bdd2f5', 'hex'), 'application/rss+xml; charset=gb2312')).toBe('平阴');
    expect(decodeFeed(Buffer.from('\uFEFF<rss/>', 'utf8'))).toBe('<rss/>');
  });
});
