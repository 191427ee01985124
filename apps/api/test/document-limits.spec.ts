import { Document, Packer, Paragraph } from 'docx';
import { demo, startTestApp, TestApp } from './test-app';
import { docxWith, manyEntriesDocx, withDeclaredSize, wordBomb } from './zip-bombs';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MB = 1024 * 1024;

/**
 * What a blocked server looks like: reading on the main thread would hold every /health answer
 * for as long as the reading takes. The slowest answer must stay well under that, and under this
 * floor for short work (a busy 2-core CI machine has answered in just over a second while the
 * parsing worker ran, so the floor leaves room for that and not for a blocked event loop).
 */
const BLOCKED_FLOOR_MS = 2_500;
const unblocked = (watch: Watch) => Math.max(BLOCKED_FLOOR_MS, watch.workMs / 2);

interface Watch {
  /** The slowest /health answer while the work ran, in ms. */
  maxHealthMs: number;
  /** How long the work took, in ms. */
  workMs: number;
  healthChecks: number;
  /** The largest growth of this process's heap over the start, in bytes (the server runs in this process). */
  heapGrowth: number;
}

/**
 * Runs `work` while asking /health again and again (one request at a time) and sampling the
 * heap: what a load balancer and the operating system would see while a document is read.
 */
async function watching<T>(url: string, work: () => Promise<T>): Promise<{ result: T } & Watch> {
  const heapBefore = process.memoryUsage().heapUsed;
  let done = false;
  let maxHealthMs = 0;
  let healthChecks = 0;
  let heapPeak = heapBefore;
  const poll = (async () => {
    while (!done) {
      const started = performance.now();
      const response = await fetch(`${url}/health`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`/health answered ${response.status}`);
      maxHealthMs = Math.max(maxHealthMs, performance.now() - started);
      healthChecks++;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    const started = performance.now();
    const result = await work();
    const workMs = performance.now() - started;
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    return { result, maxHealthMs, workMs, healthChecks, heapGrowth: heapPeak - heapBefore };
  } finally {
    done = true;
    await poll;
  }
}

describe('Untrusted documents are read within limits', () => {
  let app: TestApp;
  let token: string;
  // Built before any test: building a bomb keeps this process (which is also the server) busy.
  const files: Record<'bomb' | 'lying' | 'entries' | 'heavy' | 'good', Buffer> = {} as never;

  const preview = async (data: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type: DOCX }), 'udkast.docx');
    const response = await fetch(`${app.url}/files/imports/preview`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as { code?: string; message?: string; headings?: unknown[] } };
  };

  beforeAll(async () => {
    files.bomb = await wordBomb(50);
    files.lying = withDeclaredSize(await wordBomb(50), 'word/document.xml', 4 * MB);
    files.entries = await manyEntriesDocx(5_000);
    // Inside every zip limit (varied text, 19 MB, compressing ~12 times), so only the worker's
    // heap limit stands between it and the server: mammoth's tree of 300,000 paragraphs is far
    // more than 384 MB.
    const paragraphs = Array.from({ length: 300_000 }, (_, i) => `<w:p><w:r><w:t>Punkt ${i}: ${(i * 7919).toString(36)}</w:t></w:r></w:p>`);
    files.heavy = await docxWith({ 'word/document.xml': `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>` });
    files.good = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: 'Fælles populationsansvar', heading: 'Heading1' })] }] }));
    app = await startTestApp();
    token = await app.login(demo('sekretariat'));
  }, 240_000); // building the bombs and the 19 MB document keeps a busy machine at work for a while
  afterAll(async () => {
    await app?.close();
  });

  it('refuses a 150 KB docx that unpacks to 50 MB, and the server keeps answering', async () => {
    expect(files.bomb.length).toBeLessThan(300 * 1024);
    const watch = await watching(app.url, () => preview(files.bomb));
    expect(watch.result).toEqual({
      status: 400,
      body: { code: 'BAD_USER_INPUT', message: 'Word-filen er for stor eller pakket unormalt (50 MB udpakket). Gem den igen i Word, eller del den op.' },
    });
    expect(watch.maxHealthMs).toBeLessThan(unblocked(watch));
    expect(watch.heapGrowth).toBeLessThan(150 * MB);
    console.info(`bomb: max /health ${watch.maxHealthMs.toFixed(0)} ms over ${watch.healthChecks} checks in ${watch.workMs.toFixed(0)} ms, heap growth ${(watch.heapGrowth / MB).toFixed(1)} MB`);
  });

  it('refuses a bomb whose declared size lies, found while inflating it', async () => {
    const watch = await watching(app.url, () => preview(files.lying));
    expect(watch.result.status).toBe(400);
    expect(watch.result.body).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Word-filen er for stor eller pakket unormalt \(over 4 MB udpakket\)\. Gem den igen i Word/) });
    expect(watch.maxHealthMs).toBeLessThan(unblocked(watch));
    expect(watch.heapGrowth).toBeLessThan(150 * MB);
    console.info(`lying bomb: max /health ${watch.maxHealthMs.toFixed(0)} ms, heap growth ${(watch.heapGrowth / MB).toFixed(1)} MB`);
  });

  it('refuses a docx of 5,000 parts', async () => {
    const { status, body } = await preview(files.entries);
    expect(status).toBe(400);
    expect(body).toEqual({ code: 'BAD_USER_INPUT', message: 'Word-filen består af unormalt mange dele (over 2.000). Gem den igen i Word, eller del den op.' });
  });

  it('stops a document that passes the zip limits but exhausts the parsing worker, and the server keeps answering', async () => {
    expect(files.heavy.length).toBeLessThan(20 * MB);
    const watch = await watching(app.url, () => preview(files.heavy));
    expect(watch.result.status).toBe(400);
    expect(watch.result.body).toEqual({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^(Word-filen er for stor eller for indviklet til at blive læst \(den kræver over 384 MB hukommelse\)|Det tog for lang tid at læse Word-filen \(over 25 sekunder\))\. Gem den igen i Word, eller del den op\.$/),
    });
    expect(watch.maxHealthMs).toBeLessThan(unblocked(watch));
    expect(watch.heapGrowth).toBeLessThan(150 * MB);
    console.info(`heavy document: ${watch.result.body.message}; max /health ${watch.maxHealthMs.toFixed(0)} ms over ${watch.healthChecks} checks in ${watch.workMs.toFixed(0)} ms, heap growth ${(watch.heapGrowth / MB).toFixed(1)} MB`);
  });

  it('still reads an ordinary document afterwards', async () => {
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
    const { status, body } = await preview(files.good);
    expect(status).toBe(200);
    expect(body.headings).toEqual([expect.objectContaining({ text: 'Fælles populationsansvar', level: 1 })]);
  });
});
