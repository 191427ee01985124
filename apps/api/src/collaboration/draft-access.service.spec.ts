import { PubSub } from 'graphql-subscriptions';
import type { DataSource } from 'typeorm';
import { AuthUser } from '../users/auth-user';
import { Role } from '../users/role.enum';
import { DRAFT_ACCESS_TTL_MS, DraftAccessService } from './draft-access.service';

const REGION = 'r1';
const AGREEMENT = 'a1';
const user: AuthUser = { id: 'u1', email: 'sekretariat@aftalerum.test', name: 'S', role: Role.SECRETARIAT, organisationId: 'o1', regionId: REGION };

/** A database of one user and one agreement whose row the test changes; counts the queries. */
function fakeDatabase() {
  const state = { role: Role.SECRETARIAT as Role | null, finalVersionId: null as string | null, sessionAlive: true, fail: false, queries: 0 };
  const db = {
    query: async () => {
      state.queries++;
      if (state.fail) throw new Error('connection refused');
      return [{ role: state.role, organisation_id: state.role ? 'o1' : null, user_region_id: REGION, region_id: REGION, final_version_id: state.finalVersionId, session_alive: state.sessionAlive }];
    },
  } as unknown as DataSource;
  return { state, db };
}

describe('DraftAccessService', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('refuses everything once the socket’s session has ended (signed out, a changed role, a closed account)', async () => {
    const { state, db } = fakeDatabase();
    const access = new DraftAccessService(db, new PubSub());
    expect(await access.decide(user, AGREEMENT, 'write', 'session-1')).toBe('write');
    state.sessionAlive = false;
    access.announce({ userId: user.id });
    expect(await access.decide(user, AGREEMENT, 'write', 'session-1')).toBe('none');
  });

  it('reads the current role and lock, at most once per user and draft within the TTL', async () => {
    const { state, db } = fakeDatabase();
    const access = new DraftAccessService(db, new PubSub());
    const decisions = await Promise.all([access.decide(user, AGREEMENT, 'write'), access.decide(user, AGREEMENT, 'write')]);
    expect(decisions).toEqual(['write', 'write']);
    expect(state.queries).toBe(1);

    state.role = Role.CLUSTER;
    expect(await access.decide(user, AGREEMENT, 'write')).toBe('write');
    jest.advanceTimersByTime(DRAFT_ACCESS_TTL_MS + 1);
    // A cluster of the region may only suggest changes (issue 17).
    expect(await access.decide(user, AGREEMENT, 'write')).toBe('suggest');

    state.role = Role.SECRETARIAT;
    state.finalVersionId = 'v1';
    jest.advanceTimersByTime(DRAFT_ACCESS_TTL_MS + 1);
    expect(await access.decide(user, AGREEMENT, 'write')).toBe('locked');

    state.role = null;
    jest.advanceTimersByTime(DRAFT_ACCESS_TTL_MS + 1);
    expect(await access.decide(user, AGREEMENT, 'write')).toBe('none');
  });

  it('forgets decisions at an announced change, here and through pub/sub, and tells its listeners', async () => {
    const { state, db } = fakeDatabase();
    const pubSub = new PubSub();
    const access = new DraftAccessService(db, pubSub);
    access.onModuleInit();
    const heard: unknown[] = [];
    access.onChange((change) => heard.push(change));
    expect(await access.decide(user, AGREEMENT, 'write')).toBe('write');

    state.finalVersionId = 'v1';
    access.announce({ agreementId: AGREEMENT });
    // No TTL to wait for: the next decision reads the lock.
    expect(await access.decide(user, AGREEMENT, 'write')).toBe('locked');
    await new Promise((resolve) => setImmediate(resolve));
    // Once applied locally, once heard back through pub/sub (as every other instance hears it).
    expect(heard).toEqual([{ agreementId: AGREEMENT }, { agreementId: AGREEMENT }]);

    state.finalVersionId = null;
    await pubSub.publish('collaboration:draft-access', { userId: user.id });
    expect(await access.decide(user, AGREEMENT, 'write')).toBe('write');
    access.onModuleDestroy();
  });

  it('does not cache the answer of a lookup that started before a change', async () => {
    const { state, db } = fakeDatabase();
    const access = new DraftAccessService(db, new PubSub());
    const before = access.decide(user, AGREEMENT, 'write');
    state.finalVersionId = 'v1';
    access.announce({ agreementId: AGREEMENT });
    await before;
    expect(await access.decide(user, AGREEMENT, 'write')).toBe('locked');
  });

  it('keeps the last decision (or the socket’s own) while the database does not answer', async () => {
    const { state, db } = fakeDatabase();
    const access = new DraftAccessService(db, new PubSub());
    state.fail = true;
    expect(await access.decide(user, AGREEMENT, 'read')).toBe('read');
    state.fail = false;
    jest.advanceTimersByTime(DRAFT_ACCESS_TTL_MS + 1);
    expect(await access.decide(user, AGREEMENT, 'read')).toBe('write');
    state.fail = true;
    jest.advanceTimersByTime(DRAFT_ACCESS_TTL_MS + 1);
    expect(await access.decide(user, AGREEMENT, 'read')).toBe('write');
  });
});
