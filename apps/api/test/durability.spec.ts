import { Client } from 'pg';
import { connectCollab, paragraphText, waitFor } from './collab-client';
import { startServerProcess } from './server-process';
import { graphql } from './test-app';
import { createTestDatabase } from './test-database';

const ENV = (databaseUrl: string) => ({ DATABASE_URL: databaseUrl, JWT_SECRET: 'durability-test-secret-long-enough-for-hs256', DEMO_DATA: 'false', LOG_LEVEL: 'warn' });

describe('durability of acknowledged edits', () => {
  it('keeps every acknowledged update after kill -9 of the server mid-typing', async () => {
    const database = await createTestDatabase();
    const server = await startServerProcess(ENV(database.url));
    let restarted: Awaited<ReturnType<typeof startServerProcess>> | null = null;
    try {
      const login = await graphql<{ login: { token: string } }>(
        server.url,
        'mutation { login(email: "sekretariat@aftalerum.test", password: "demo1234") { token } }',
      );
      const token = login.data?.login.token ?? '';
      const list = await graphql<{ agreements: Array<{ id: string; documentName: string }> }>(server.url, '{ agreements { id documentName } }', {}, token);
      const documentName = list.data?.agreements[0].documentName ?? '';
      const agreementId = list.data?.agreements[0].id ?? '';

      const writer = await connectCollab(server.url, documentName, token);
      // Type word by word, as a person would: each word its own update, acknowledged before
      // the next is typed.
      const words = Array.from({ length: 60 }, (_, i) => `ord${i} `);
      const text = paragraphText(writer.doc, 2);
      for (const word of words) {
        text.insert(text.length, word);
        await writer.settled(15_000);
      }
      const acknowledged = text.toString();
      // The store is debounced: the words live in the update log, not yet in the stored state.
      const pg = new Client({ connectionString: database.url });
      await pg.connect();
      const logged = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM agreement_draft_updates');
      const storedBefore = await pg.query<{ text: string }>('SELECT text FROM agreement_drafts');
      await pg.end();
      expect(logged.rows[0].n).toBeGreaterThanOrEqual(words.length);
      expect(storedBefore.rows[0].text).not.toContain('ord59');

      const exited = server.stop('SIGKILL');
      writer.destroy();
      expect(await exited).toBeNull();

      restarted = await startServerProcess(ENV(database.url));
      // Without anyone opening the document, the reading view and the stored text hold every
      // acknowledged word: the start folded the log into the stored draft.
      const reading = await graphql<{ agreement: { sections: Array<{ text: string }> } }>(
        restarted.url,
        'query($id: ID!) { agreement(id: $id) { sections { text } } }',
        { id: agreementId },
        token,
      );
      const sectionText = (reading.data?.agreement.sections ?? []).map((section) => section.text).join('\n');
      expect(sectionText).toContain('ord0 ord1 ');
      expect(sectionText).toContain('ord59 ');
      const check = new Client({ connectionString: database.url });
      await check.connect();
      const storedAfter = await check.query<{ text: string }>('SELECT text FROM agreement_drafts WHERE agreement_id = $1', [agreementId]);
      const leftInLog = await check.query<{ n: number }>('SELECT count(*)::int AS n FROM agreement_draft_updates');
      await check.end();
      expect(storedAfter.rows[0].text).toContain(acknowledged.trim());
      expect(leftInLog.rows[0].n).toBe(0);

      const reader = await connectCollab(restarted.url, documentName, token);
      await waitFor(() => paragraphText(reader.doc, 2).toString() === acknowledged, 10_000, 'restored text');
      expect(paragraphText(reader.doc, 2).toString()).toContain('ord0 ord1 ');
      expect(paragraphText(reader.doc, 2).toString()).toContain('ord59 ');
      reader.destroy();
    } finally {
      await server.stop('SIGKILL');
      await restarted?.stop('SIGTERM');
      await database.drop();
    }
  }, 120_000);
});
