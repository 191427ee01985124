import http from 'node:http';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, TestApp } from './test-app';

/**
 * The built web app as the API serves it, on a directory laid out like Vite's output (with the
 * .br/.gz copies the build writes beside each file): compressed when the browser accepts it,
 * hashed assets cached for good, index.html revalidated, source maps never sent.
 */

const SCRIPT = `console.log(${JSON.stringify('Aftalerum '.repeat(200))});\n`;
const STYLE = `body { font-family: sans-serif; }\n`.repeat(40);
const INDEX = `<!doctype html><html lang="da"><head><title>Aftalerum</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>\n`;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One GET with exactly these headers; the body as sent (no decoding, unlike fetch). */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function writeWithCopies(file: string, content: string): Promise<void> {
  await writeFile(file, content);
  await writeFile(`${file}.br`, brotliCompressSync(content));
  await writeFile(`${file}.gz`, gzipSync(content));
}

describe('the built web app', () => {
  let app: TestApp;

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aftalerum-web-'));
    await mkdir(path.join(dir, 'assets'));
    await writeWithCopies(path.join(dir, 'index.html'), INDEX);
    await writeWithCopies(path.join(dir, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
    await writeWithCopies(path.join(dir, 'assets', 'index-Ef56Gh78.css'), STYLE);
    await writeFile(path.join(dir, 'assets', 'index-Ab12Cd34.js.map'), '{"version":3,"sources":["src/main.tsx"]}');
    await writeFile(path.join(dir, 'robots.txt'), 'User-agent: *\n');
    app = await startTestApp({ WEB_DIST_DIR: dir });
  });

  afterAll(() => app?.close());

  it('sends a hashed script as brotli to a browser that accepts it, cached for a year as immutable', async () => {
    const res = await get(`${app.url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gzip = await get(`${app.url}/assets/index-Ef56Gh78.css`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toMatch(/text\/css/);
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gzip.body).toString()).toBe(STYLE);

    const plain = await get(`${app.url}/assets/index-Ef56Gh78.css`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(STYLE);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('sends index.html (asked for or as a client-side route) compressed and with no-cache', async () => {
    for (const route of ['/', '/index.html', '/aftaler/123/tidslinje']) {
      const res = await get(`${app.url}${route}`, { accept: 'text/html', 'accept-encoding': 'br' });
      expect({ route, status: res.status, cache: res.headers['cache-control'], encoding: res.headers['content-encoding'] }).toEqual({
        route,
        status: 200,
        cache: 'no-cache',
        encoding: 'br',
      });
      expect(brotliDecompressSync(res.body).toString()).toBe(INDEX);
    }
  });

  it('revalidates a file without a hash in its name', async () => {
    const res = await get(`${app.url}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('never sends a source map, even one left in the directory', async () => {
    for (const accept of ['*/*', 'text/html']) {
      const res = await get(`${app.url}/assets/index-Ab12Cd34.js.map`, { accept });
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toContain('sources');
    }
  });

  it('answers 404 for a missing asset instead of the app page', async () => {
    const res = await get(`${app.url}/assets/index-00000000.js`, { accept: 'text/html' });
    expect(res.status).toBe(404);
  });

  it('leaves the API alone: /health is not the web app', async () => {
    const res = await get(`${app.url}/health`, { accept: 'text/html' });
    expect(res.headers['content-type']).not.toMatch(/text\/html/);
  });
});
