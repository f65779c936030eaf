import { extractText, getDocumentProxy } from 'unpdf';

/**
 * The text of a PDF as a real PDF reader extracts it (unpdf: Mozilla's pdf.js), pages joined; the line
 * breaks of wrapped text become spaces, so a test can look for a sentence whatever its wrapping.
 */
export async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: number; title: string | undefined }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(document, { mergePages: true });
  const { info } = (await document.getMetadata()) as { info: { Title?: string } };
  return { text: text.replace(/\s+/g, ' '), pages: totalPages, title: info.Title };
}
