import { describe, expect, it } from 'vitest';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { Document, Packer, PageOrientation, Paragraph } from 'docx';
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

describe('the table splice on real and unusual markup', () => {
  const fillBody = (slots: TableSlots, xml: string) => {
    const docx = zipSync({ 'word/document.xml': strToU8(xml) });
    return new TextDecoder().decode(unzipSync(slots.fill(docx, 'Cell'))['word/document.xml']);
  };

  it('finds a marker paragraph whose start tag has attributes, next to elements named like it', () => {
    const slots = new TableSlots();
    const marker = slots.add({ widths: [1000], header: ['Only'], rows: [] });
    const body =
      '<w:p w14:paraId="1A2B3C4D" w:rsidR="00AB12CD"><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:proofErr w:type="spellStart"/><w:r><w:t>kept before</w:t></w:r></w:p>' +
      `<w:p w14:paraId="0F0F0F0F"><w:pPr><w:spacing w:after="0"/></w:pPr><w:r><w:t xml:space="preserve">${marker}</w:t></w:r></w:p>` +
      '<w:p><w:r><w:t>kept after</w:t></w:r></w:p>';
    const xml = fillBody(slots, documentXml(body));
    expect(xml).toBe(
      documentXml(
        '<w:p w14:paraId="1A2B3C4D" w:rsidR="00AB12CD"><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:proofErr w:type="spellStart"/><w:r><w:t>kept before</w:t></w:r></w:p>' +
          tableXml({ widths: [1000], header: ['Only'], rows: [] }, 'Cell') +
          '<w:p><w:r><w:t>kept after</w:t></w:r></w:p>',
      ),
    );
  });

  it('keeps a marker paragraph that carries a section break, emptied, after the table', () => {
    const slots = new TableSlots();
    const marker = slots.add({ widths: [1000], header: ['Landscape'], rows: [] });
    const sectPr = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>';
    const xml = fillBody(slots, documentXml(`<w:p><w:pPr>${sectPr}</w:pPr><w:r><w:t>${marker}</w:t></w:r></w:p>`));
    expect(xml).toBe(documentXml(`${tableXml({ widths: [1000], header: ['Landscape'], rows: [] }, 'Cell')}<w:p><w:pPr>${sectPr}</w:pPr><w:r><w:t></w:t></w:r></w:p>`));
  });

  it('works in a document that binds WordprocessingML to another prefix', () => {
    const slots = new TableSlots();
    const marker = slots.add({ widths: [1000], header: ['Prefixed'], rows: [] });
    const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const xml = fillBody(slots, `<ns0:document xmlns:ns0="${ns}"><ns0:body><ns0:p><ns0:pPr/><ns0:r><ns0:t>${marker}</ns0:t></ns0:r></ns0:p><ns0:p/></ns0:body></ns0:document>`);
    const table = tableXml({ widths: [1000], header: ['Prefixed'], rows: [] }, 'Cell').replace('<w:tbl>', `<w:tbl xmlns:w="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`);
    expect(xml).toBe(`<ns0:document xmlns:ns0="${ns}"><ns0:body>${table}<ns0:p/></ns0:body></ns0:document>`);
  });

  it('splices into what the pinned docx package (9.15.2) writes, keeping every section break', async () => {
    const slots = new TableSlots();
    const first = slots.add({ widths: [1000], header: ['First table'], rows: [[['a cell']]] });
    const second = slots.add({ widths: [1000], header: ['Second table'], rows: [] });
    const document = new Document({
      sections: [
        // The landscape section ends with a marker: docx puts the section's sectPr in that paragraph.
        { properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children: [new Paragraph('Summary'), new Paragraph(first)] },
        { children: [new Paragraph(second), new Paragraph('The end')] },
      ],
    });
    const packed = new Uint8Array(await Packer.toBuffer(document));
    const before = new TextDecoder().decode(unzipSync(packed)['word/document.xml']);
    expect(before.match(/<w:sectPr[\s>]/g)).toHaveLength(2);
    // TableSlots.fill, not Array.prototype.fill.
    // oxlint-disable-next-line unicorn/no-array-fill-with-reference-type
    const xml = new TextDecoder().decode(unzipSync(slots.fill(packed, 'Cell'))['word/document.xml']);
    expect(xml).not.toContain('accord-table-');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    expect(xml.match(/<w:sectPr[\s>]/g)).toHaveLength(2);
    expect(xml).toMatch(/w:orient="landscape"/);
    const order = ['Summary', 'First table', 'a cell', 'w:orient="landscape"', 'Second table', 'The end'].map((text) => xml.indexOf(text));
    expect(order.every((at, i) => at > (order[i - 1] ?? -1))).toBe(true);
  });
});
