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
    expect(containing('Københavns Kommune')).toEqual(['Byen', 'Syd']);
    expect(containing('Bornholms Regionskommune')).toEqual(['Bornholm']);
    // Every municipality of the region is in at least one cluster.
    for (const municipality of region('H').municipalities) expect(containing(municipality.name).length).toBeGreaterThan(0);
    expect(clusters.find((c) => c.name === 'Syd')?.municipalities).toHaveLength(11);
  });

  it('names all 51 municipalities by their official names', () => {
    const names = (code: string) => region(code).municipalities.map((m) => m.name).sort((a, b) => a.localeCompare(b, 'da'));
    const official = (list: string) => list.split(', ').sort((a, b) => a.localeCompare(b, 'da'));
    expect(names('H')).toEqual(
      official(
        'Albertslund Kommune, Allerød Kommune, Ballerup Kommune, Bornholms Regionskommune, Brøndby Kommune, Dragør Kommune, Egedal Kommune, Fredensborg Kommune, Frederiksberg Kommune, Frederikssund Kommune, Furesø Kommune, Gentofte Kommune, Gladsaxe Kommune, Glostrup Kommune, Gribskov Kommune, Halsnæs Kommune, Helsingør Kommune, Herlev Kommune, Hillerød Kommune, Hvidovre Kommune, Høje-Taastrup Kommune, Hørsholm Kommune, Ishøj Kommune, Københavns Kommune, Lyngby-Taarbæk Kommune, Rudersdal Kommune, Rødovre Kommune, Tårnby Kommune, Vallensbæk Kommune',
      ),
    );
    expect(names('S')).toEqual(
      official(
        'Aabenraa Kommune, Assens Kommune, Billund Kommune, Esbjerg Kommune, Faaborg-Midtfyn Kommune, Fanø Kommune, Fredericia Kommune, Haderslev Kommune, Kerteminde Kommune, Kolding Kommune, Langeland Kommune, Middelfart Kommune, Nordfyns Kommune, Nyborg Kommune, Odense Kommune, Svendborg Kommune, Sønderborg Kommune, Tønder Kommune, Varde Kommune, Vejen Kommune, Vejle Kommune, Ærø Kommune',
      ),
    );
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
