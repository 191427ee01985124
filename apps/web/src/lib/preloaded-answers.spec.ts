import { ApolloClient, ApolloLink, InMemoryCache, TypedDocumentNode, gql } from '@apollo/client';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRELOAD_CONTEXT, preloadedAnswersLink } from './preloaded-answers';

const HEARING: TypedDocumentNode<{ hearing: { id: string; title: string } }, { id: string }> = gql`
  query PreloadedHearing($id: ID!) {
    hearing(id: $id) {
      id
      title
    }
  }
`;

/** A client whose server is a link that counts requests and answers each when told to. */
function setup() {
  const requests: Array<Subject<ApolloLink.Result>> = [];
  const server = new ApolloLink(() => {
    const answer = new Subject<ApolloLink.Result>();
    requests.push(answer);
    return answer.asObservable();
  });
  const answer = (n: number, title: string) => {
    requests[n].next({ data: { hearing: { __typename: 'Hearing', id: 'h1', title } } });
    requests[n].complete();
  };
  const client = new ApolloClient({ link: ApolloLink.from([preloadedAnswersLink(), server]), cache: new InMemoryCache() });
  return { client, requests, answer };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('preloadedAnswersLink', () => {
  it('gives a preload still under way to the screen’s identical query: one request', async () => {
    const { client, requests, answer } = setup();
    const preload = client.query({ query: HEARING, variables: { id: 'h1' }, context: PRELOAD_CONTEXT });
    const screen = client.query({ query: HEARING, variables: { id: 'h1' }, fetchPolicy: 'network-only' });
    expect(requests).toHaveLength(1);
    answer(0, 'Høring');
    expect((await screen).data?.hearing.title).toBe('Høring');
    expect((await preload).data?.hearing.title).toBe('Høring');
  });

  it('gives the answer that came to the first identical query, once; a later one (a refetch) asks the server', async () => {
    const { client, requests, answer } = setup();
    const preload = client.query({ query: HEARING, variables: { id: 'h1' }, context: PRELOAD_CONTEXT });
    answer(0, 'Høring');
    await preload;
    const first = await client.query({ query: HEARING, variables: { id: 'h1' }, fetchPolicy: 'network-only' });
    expect(first.data?.hearing.title).toBe('Høring');
    expect(requests).toHaveLength(1);

    const again = client.query({ query: HEARING, variables: { id: 'h1' }, fetchPolicy: 'network-only' });
    expect(requests).toHaveLength(2);
    answer(1, 'Høring, ændret');
    expect((await again).data?.hearing.title).toBe('Høring, ændret');
  });

  it('asks the server when the preload answered long ago, or for other variables', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { client, requests, answer } = setup();
    const preload = client.query({ query: HEARING, variables: { id: 'h1' }, context: PRELOAD_CONTEXT });
    answer(0, 'Høring');
    await preload;
    const other = client.query({ query: HEARING, variables: { id: 'h2' }, fetchPolicy: 'network-only' });
    expect(requests).toHaveLength(2);
    requests[1].next({ data: { hearing: { __typename: 'Hearing', id: 'h2', title: 'Anden høring' } } });
    requests[1].complete();
    await other;
    vi.setSystemTime(Date.now() + 11_000);
    const late = client.query({ query: HEARING, variables: { id: 'h1' }, fetchPolicy: 'network-only' });
    expect(requests).toHaveLength(3);
    answer(2, 'Høring, senere');
    expect((await late).data?.hearing.title).toBe('Høring, senere');
  });
});
