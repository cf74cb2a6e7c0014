/**
 * The options every PDF of ours starts from: tagged PDF/UA (as public-sector accessibility rules
 * ask) in the reader's language, its title shown rather than its file name, and pages kept in
 * memory until the end, so that "Page X of Y" can be written on each.
 */
export function taggedPdfOptions(locale: string, info: PDFKit.DocumentInfo, more: PDFKit.PDFDocumentOptions = {}): PDFKit.PDFDocumentOptions {
  return {
    bufferPages: true,
    tagged: true,
    // pdfkit's types do not list PDF/UA yet; pdfkit itself writes its identification into the metadata.
    subset: 'PDF/UA',
    pdfVersion: '1.7',
    lang: locale,
    displayTitle: true,
    info,
    ...more,
  } as unknown as PDFKit.PDFDocumentOptions;
}
