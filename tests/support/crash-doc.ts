import { createDocument, documentToStored, type StoredDocument } from '../../src/shared/document';

/** The document of save number `n` in the crash test: its marker is `lần-<n>`. */
export function crashDocument(n: number): StoredDocument {
  const filler = 'Đội ngũ cán bộ, công chức được đào tạo, bồi dưỡng thường xuyên. '.repeat(40);
  return documentToStored(
    createDocument({ headline: `Bản thảo số ${n}`, lead: `Lần lưu lần-${n}`, paragraphs: [filler, `Đoạn cuối lần-${n}.`], authors: ['Tiến Thành'] }),
  );
}

/** The save number recorded in a stored document, or 0. */
export function crashMarker(documentJson: string): number {
  const m = /Lần lưu lần-(\d+)/.exec(documentJson);
  return m ? Number(m[1]) : 0;
}
