import { createClient } from 'graphql-ws';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import WebSocket from 'ws';
import { demo, startTestApp, TestApp } from './test-app';

describe('live updates for the secretariat’s screens', () => {
  let app: TestApp;
  let db: Client;
  let secretariat: string;

  /** Subscribes and resolves with the first event. */
  const first = (query: string, variables: Record<string, unknown>, token: string) => {
    const client = createClient({ url: `${app.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
    const event = new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query, variables }, { next: (value) => resolve(value), error: reject, complete: () => undefined });
    });
    return { event, dispose: () => client.dispose() };
  };

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
    const subscription = first('subscription($h: ID!) { hearingResponseReceived(hearingId: $h) { reference organisation { name } comments { text } } }', { h: hearingId }, secretariat);
    await new Promise((r) => setTimeout(r, 300));
    const submitted = await app.gql('mutation($i: SubmitHearingResponseInput!) { submitHearingResponse(input: $i) { reference } }', {
      i: { hearingId, organisationId: org, idempotencyKey: randomUUID(), comments: [{ text: 'Live bemærkning.' }], publish: true },
    }, await app.login(demo('patientforening')));
    const event = (await subscription.event) as { data: { hearingResponseReceived: { reference: string; organisation: { name: string }; comments: Array<{ text: string }> } } };
    await subscription.dispose();
    expect(event.data.hearingResponseReceived).toEqual({
      reference: submitted.data?.submitHearingResponse.reference,
      organisation: { name: 'Danske Patienter' },
      comments: [{ text: 'Live bemærkning.' }],
    });
  });
});
