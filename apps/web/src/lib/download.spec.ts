// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOWNLOAD_FAILED, fetchFile, filenameOf, saveAs, serverMessage } from './download';

const respond = (body: BodyInit | null, init: ResponseInit) => vi.fn<typeof fetch>(async () => new Response(body, init));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('filenameOf', () => {
  it('prefers the RFC 5987 name, which carries Danish letters, over the plain one', () => {
    expect(filenameOf(`attachment; filename="hoeringsnotat.pdf"; filename*=UTF-8''h%C3%B8ringsnotat.pdf`)).toBe('høringsnotat.pdf');
  });

  it('falls back to the plain name when the encoded one is malformed or missing', () => {
    expect(filenameOf(`attachment; filename*=UTF-8''%E0%A4%A; filename="notat.pdf"`)).toBe('notat.pdf');
    expect(filenameOf('attachment; filename="kvittering H-12.pdf"')).toBe('kvittering H-12.pdf');
  });

  it('gives no name without a header or a file name in it', () => {
    expect(filenameOf(null)).toBeNull();
    expect(filenameOf('inline')).toBeNull();
  });
});

describe('serverMessage', () => {
  it('reads a message or a list of messages, and nothing else', () => {
    expect(serverMessage({ message: 'Høringen er lukket.' })).toBe('Høringen er lukket.');
    expect(serverMessage({ message: ['Filen er for stor.', 'Kun PDF.'] })).toBe('Filen er for stor. Kun PDF.');
    expect(serverMessage({ message: 404 })).toBeNull();
    expect(serverMessage({ message: '' })).toBeNull();
    expect(serverMessage('Not Found')).toBeNull();
    expect(serverMessage(null)).toBeNull();
  });
});

describe('fetchFile', () => {
  it('fetches with the given headers and names the file as the server does', async () => {
    const fetchMock = respond('PDF', { status: 200, headers: { 'content-disposition': 'attachment; filename="notat.pdf"' } });
    vi.stubGlobal('fetch', fetchMock);
    const file = await fetchFile('/files/memo.pdf', 'fallback.pdf', { headers: { authorization: 'Bearer t' } });
    expect(fetchMock).toHaveBeenCalledWith('/files/memo.pdf', { headers: { authorization: 'Bearer t' } });
    expect(file.filename).toBe('notat.pdf');
    expect(await file.blob.text()).toBe('PDF');
  });

  it('uses the fallback name when the server gives none', async () => {
    vi.stubGlobal('fetch', respond('x', { status: 200 }));
    expect((await fetchFile('/files/x', 'inputrunde.docx')).filename).toBe('inputrunde.docx');
  });

  it("turns a refusal into the server's message, or a Danish one when the body says nothing", async () => {
    vi.stubGlobal('fetch', respond(JSON.stringify({ message: 'Du har ikke adgang til filen.' }), { status: 403 }));
    await expect(fetchFile('/files/x', 'x')).rejects.toThrow('Du har ikke adgang til filen.');
    vi.stubGlobal('fetch', respond('<html>Bad gateway</html>', { status: 502 }));
    await expect(fetchFile('/files/x', 'x')).rejects.toThrow(DOWNLOAD_FAILED);
  });

  it('lets the caller word a refusal by its status', async () => {
    vi.stubGlobal('fetch', respond(null, { status: 401 }));
    await expect(fetchFile('/files/x', 'x', { failure: (status) => `status ${status}` })).rejects.toThrow('status 401');
  });

  it('reports a network failure in Danish, not as the browser words it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(fetchFile('/files/x', 'x')).rejects.toThrow(DOWNLOAD_FAILED);
  });
});

describe('saveAs', () => {
  it('clicks a link to the URL with the file name, and leaves no link behind', () => {
    const clicked: Array<{ href: string; download: string; attached: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, attached: document.body.contains(this) });
    });
    saveAs('blob:http://localhost/123', 'kvittering.pdf');
    expect(clicked).toEqual([{ href: 'blob:http://localhost/123', download: 'kvittering.pdf', attached: true }]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
  });
});
