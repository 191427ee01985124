import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { triggerUntilDelivered, subscribe } from './subscription-client';
import { demo, startTestApp, TestApp } from './test-app';

describe('live updates for the secretariat’s screens', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;

  beforeAll(async () => {
    app = await startTestApp();
    db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    secretariat = await app.login(demo('sekretariat'));
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('pushes a new hearing response to the subscribed secretariat', async () => {
    const [{ version, org }] = (await db.query(`SELECT (SELECT id FROM agreement_versions WHERE label = 'Høringsudkast') AS version, (SELECT id FROM organisations WHERE name = 'Danske Patienter') AS org`)).rows;
    const opened = await app.gql('mutation($i: OpenHearingInput!) { openHearing(input: $i) { id } }', {
      i: { versionId: version, opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString(), invitedOrganisationIds: [org] },
    }, secretariat);
    const hearingId = opened.data?.openHearing.id;
    type Event = { data: { hearingResponseReceived: { reference: string; organisation: { name: string }; comments: Array<{ text: string }> } } };
    const subscription = subscribe<Event>(app.url, 'subscription($h: ID!) { hearingResponseReceived(hearingId: $h) { reference organisation { name } comments { text } } }', { h: hearingId }, secretariat);
    const patient = await app.login(demo('patientforening'));
    const submitted: string[] = [];
    const text = (n: number) => `Live bemærkning ${n}.`;
    try {
      await triggerUntilDelivered(
        subscription,
        async (n) => {
          const result = await app.gql('mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { reference } }', {
            i: { hearingId, organisationId: org, idempotencyKey: randomUUID(), comments: [{ text: text(n) }], publish: true },
          }, patient);
          expect(result.errors).toBeUndefined();
          submitted.push(result.data?.submitHearingResponse.reference);
        },
        (event) => (event as Event).data?.hearingResponseReceived?.reference === submitted.at(-1),
      );
    } finally {
      await subscription.dispose();
    }
    expect(subscription.failures).toEqual([]);
    // Each response from the first one delivered on, once and in order, as it was filed.
    const delivered = subscription.events.map((e) => e.data.hearingResponseReceived);
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    const first = submitted.length - delivered.length;
    expect(delivered).toEqual(
      submitted.slice(first).map((reference, i) => ({ reference, organisation: { name: 'Danske Patienter' }, comments: [{ text: text(first + i) }] })),
    );
  });
});
