import { asciiFallback, attachmentDisposition, safeFilename } from './content-disposition';

/** What a browser does with the header: the RFC 5987 name when there is one. */
const nameFromHeader = (header: string): string => {
  const extended = /filename\*=UTF-8''([^;]+)/.exec(header);
  if (extended) return decodeURIComponent(extended[1]);
  return /filename="([^"]*)"/.exec(header)?.[1] ?? '';
};

describe('attachmentDisposition', () => {
  it('keeps Danish letters and dashes in the name a browser saves, with an ASCII fallback', () => {
    const header = attachmentDisposition('input-høringsrunde-på-udkastet – 2024.docx');
    expect(header).toBe(
      `attachment; filename="input-hoeringsrunde-paa-udkastet - 2024.docx"; filename*=UTF-8''input-h%C3%B8ringsrunde-p%C3%A5-udkastet%20%E2%80%93%202024.docx`,
    );
    expect(nameFromHeader(header)).toBe('input-høringsrunde-på-udkastet – 2024.docx');
  });

  it('encodes the characters RFC 5987 does not allow bare', () => {
    expect(attachmentDisposition("bilag (1) 'endelig'*.pdf")).toContain(`filename*=UTF-8''bilag%20%281%29%20%27endelig%27-.pdf`);
  });

  it('never lets a name break the header or carry a path', () => {
    const header = attachmentDisposition('../../etc/"pass\r\nSet-Cookie: x.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(nameFromHeader(header)).toBe('pass-Set-Cookie- x.txt');
    expect(safeFilename('..\\..\\.hidden')).toBe('hidden');
    expect(safeFilename('')).toBe('fil');
    expect(asciiFallback('Łukasz Ørsted »notat«.pdf')).toBe('_ukasz Oersted _notat_.pdf');
  });
});
