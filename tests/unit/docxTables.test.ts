import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { TableSlots, tableXml } from '../../server/report/docxTables.ts';

const documentXml = (body: string) => `<?xml version="1.0"?><w:document><w:body>${body}</w:body></w:document>`;
const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('report tables in Word markup', () => {
  it('escapes what people typed, keeps each line, marks right-to-left lines and repeats the header row', () => {
    const xml = tableXml({ widths: [1000, 2000], header: ['No.', 'Comment'], rows: [[['1-1'], ['<b>not bold</b> & "quoted"\nمرحبا بكم', { text: 'Reply:', italics: true }]]] }, 'Cell');
    expect(xml).toContain('&lt;b&gt;not bold&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(xml).not.toContain('<b>');
    expect(xml).toMatch(/<w:pPr><w:pStyle w:val="Cell"\/><w:bidi\/><\/w:pPr><w:r><w:t xml:space="preserve">مرحبا بكم/);
    expect(xml).toContain('<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">Reply:');
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toContain('<w:gridCol w:w="1000"/><w:gridCol w:w="2000"/>');
  });

  it('gives an empty cell the paragraph Word requires and drops control characters', () => {
    const xml = tableXml({ widths: [1000], header: ['A'], rows: [[[]], [['bell\u0007 here']]] }, 'Cell');
    expect(xml).toContain('<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1000"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="Cell"/></w:pPr></w:p></w:tc>');
    expect(xml).toContain('bell here');
  });

  it('puts each table where its marker paragraph was, and nowhere a person typed marker-like text', () => {
    const slots = new TableSlots();
    const first = slots.add({ widths: [1000], header: ['First'], rows: [] });
    const second = slots.add({ widths: [1000], header: ['Second'], rows: [] });
    const body = paragraph('before') + paragraph(first) + paragraph('accord-table-0') + paragraph(second) + paragraph('after');
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(documentXml(body)) });
    const files = unzipSync(slots.fill(docx, 'Cell'));
    expect(Object.keys(files)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    const xml = new TextDecoder().decode(files['word/document.xml']);
    expect(xml).not.toContain(first);
    expect(xml.indexOf('before')).toBeLessThan(xml.indexOf('First'));
    expect(xml.indexOf('First')).toBeLessThan(xml.indexOf('accord-table-0'));
    expect(xml.indexOf('accord-table-0')).toBeLessThan(xml.indexOf('Second'));
    expect(xml.indexOf('Second')).toBeLessThan(xml.indexOf('after'));
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
  });
});
