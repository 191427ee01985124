import { demo, startTestApp, TestApp } from './test-app';

interface RegionRow {
  code: string;
  name: string;
  municipalities: Array<{ name: string }>;
  clusters: Array<{ name: string; municipalities: Array<{ name: string }> }>;
}

describe('reference data', () => {
  let app: TestApp;
  let token: string;
  let regions: RegionRow[];
  beforeAll(async () => {
    app = await startTestApp();
    token = await app.login(demo('kommune.gladsaxe'));
    const result = await app.gql<{ regions: RegionRow[] }>(
      '{ regions { code name municipalities { name } clusters { name municipalities { name } } } }',
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    regions = result.data?.regions ?? [];
  });
  afterAll(() => app.close());

  const region = (code: string) => {
    const found = regions.find((r) => r.code === code);
    if (!found) throw new Error(`region ${code} missing`);
    return found;
  };

  it('holds Hovedstaden with 29 and Syddanmark with 22 municipalities', () => {
    expect(regions.map((r) => r.code)).toEqual(['H', 'S']);
    expect(region('H').municipalities).toHaveLength(29);
    expect(region('S').municipalities).toHaveLength(22);
    expect(region('H').municipalities.map((m) => m.name)).toContain('Høje-Taastrup Kommune');
  });

  it('gives Hovedstaden its five clusters, many-to-many', () => {
    const clusters = region('H').clusters;
    expect(clusters.map((c) => c.name).sort()).toEqual(['Bornholm', 'Byen', 'Midt', 'Nord', 'Syd']);
    const containing = (municipality: string) =>
      clusters.filter((c) => c.municipalities.some((m) => m.name === municipality)).map((c) => c.name).sort();
    expect(containing('Rødovre Kommune')).toEqual(['Midt', 'Syd']);
    expect(containing('København Kommune')).toEqual(['Byen', 'Syd']);
    expect(containing('Bornholm Kommune')).toEqual(['Bornholm']);
    // Every municipality of the region is in at least one cluster.
    for (const municipality of region('H').municipalities) expect(containing(municipality.name).length).toBeGreaterThan(0);
    expect(clusters.find((c) => c.name === 'Syd')?.municipalities).toHaveLength(11);
  });

  it('gives Syddanmark four clusters covering its municipalities once each', () => {
    const clusters = region('S').clusters;
    expect(clusters).toHaveLength(4);
    const members = clusters.flatMap((c) => c.municipalities.map((m) => m.name));
    expect(new Set(members).size).toBe(22);
    expect(members).toHaveLength(22);
  });

  it('lists organisations by kind in Danish order', async () => {
    const result = await app.gql<{ organisations: Array<{ name: string; kind: string }> }>(
      'query($k: OrganisationKind) { organisations(kind: $k) { name kind } }',
      { k: 'PATIENT_ORGANISATION' },
      token,
    );
    const names = result.data?.organisations.map((o) => o.name) ?? [];
    expect(names).toContain('Danske Patienter');
    expect(result.data?.organisations.every((o) => o.kind === 'PATIENT_ORGANISATION')).toBe(true);
    expect(names.indexOf('Ældre Sagen')).toBe(names.length - 1);
    const all = await app.gql<{ organisations: unknown[] }>('{ organisations { id } }', {}, token);
    expect(all.data?.organisations.length).toBeGreaterThan(51 + 4 + 9);
  });

  it('refuses reference data to anonymous callers', async () => {
    const result = await app.gql('{ regions { code } }');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
