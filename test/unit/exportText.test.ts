import { describe, expect, it } from 'vitest';
import { isoDate } from '../../electron/services/export/aknExport';
import { csvField, csvText } from '../../electron/services/export/csvExport';
import { readZip, writeZip } from '../../electron/services/export/docxPackage';
import { isMostlyArabic, scriptRuns } from '../../electron/services/export/scriptRuns';
import { paragraphXml, wordDate } from '../../electron/services/export/wordprocessingXml';
import { xmlText } from '../../electron/services/export/xmlText';

describe('export text helpers', () => {
  it('splits text into runs of one script, neutral characters joining the run before them', () => {
    expect(scriptRuns('Migration 移民问题, 2018 الهجرة الآمنة.')).toEqual([
      { text: 'Migration ', script: 'latin' }, { text: '移民问题, 2018 ', script: 'cjk' }, { text: 'الهجرة الآمنة.', script: 'arabic' },
    ]);
    expect(scriptRuns('(12) 移民')).toEqual([{ text: '(12) 移民', script: 'cjk' }]);
    expect(scriptRuns('1.')).toEqual([{ text: '1.', script: 'latin' }]);
    expect(isMostlyArabic('نؤكد من جديد (GCM)')).toBe(true);
    expect(isMostlyArabic('Migration (الهجرة)')).toBe(false);
  });

  it('writes CSV fields as RFC 4180 asks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvText([['a', 'b'], ['移民', '']])).toBe('a,b\r\n移民,\r\n');
  });

  it('escapes XML text and drops characters XML forbids', () => {
    expect(xmlText('A & B <c> "d" \'e\'\u0001')).toBe('A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;');
    expect(xmlText('Tom & "Jerry" <x>\u0007')).toBe('Tom &amp; &quot;Jerry&quot; &lt;x&gt;');
    expect(xmlText('移民')).toBe('移民');
  });

  it('reads date lines as ISO dates, and dates as Word writes them', () => {
    expect(isoDate('5 February 2018', '2000-01-01')).toBe('2018-02-05');
    expect(isoDate('', '2000-01-01')).toBe('2000-01-01');
    expect(isoDate('next session', '2000-01-01')).toBe('2000-01-01');
    expect(wordDate('2018-02-20T15:25:00.000Z')).toBe('2018-02-20T15:25:00Z');
  });

  it('writes paragraph properties in the order of the WordprocessingML schema', () => {
    const xml = paragraphXml({ keepNext: true, tab: 1134, rightToLeft: true, spaceAfter: 120, indentLeft: 1134, hanging: 567, alignment: 'both', bold: true }, '');
    const order = ['<w:keepNext/>', '<w:tabs>', '<w:bidi/>', '<w:spacing', '<w:ind', '<w:jc', '<w:rPr>'].map((tag) => xml.indexOf(tag));
    expect(order.every((position, index) => position >= 0 && (index === 0 || position > (order[index - 1] as number)))).toBe(true);
  });

  it('zips and unzips a package', async () => {
    const entries = [{ path: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { path: 'word/document.xml', data: Buffer.from('移民'.repeat(1000)) }];
    expect(readZip(await writeZip(entries))).toEqual(entries);
  });
});
