import { campaignVariant, distinctResponse, seeded, SUBJECTS, syntheticComments } from '../../bench/hearing-corpus';
import { CAMPAIGN_JACCARD, findCampaigns, jaccard, shingles } from './campaigns';
import { findThemes, OTHER_LABEL } from './themes';

describe('campaigns: near-identical responses (MinHash over word shingles, Jaccard ≥ 0.8)', () => {
  const random = seeded(7);
  const campaign = Array.from({ length: 100 }, (_, i) => ({ id: `kampagne-${i}`, text: campaignVariant(random, `Borgerforeningen ${i}`) }));
  const distinct = Array.from({ length: 900 }, (_, i) => ({ id: `svar-${i}`, text: distinctResponse(random, i) }));
  // The campaign's members scattered among the distinct responses, as they arrive.
  const responses = [...distinct];
  campaign.forEach((member, i) => responses.splice((i * 9 + 3) % responses.length, 0, member));

  it('finds a campaign of 100 near-identical responses among 900 distinct ones whole, and no distinct one joins it', () => {
    const found = findCampaigns(responses);
    expect(found).toHaveLength(1);
    expect(new Set(found[0].memberIds)).toEqual(new Set(campaign.map((c) => c.id)));
  });

  it('the campaign’s members really are near-identical, and the distinct ones are not', () => {
    const base = shingles(campaign[0].text);
    expect(campaign.every((c) => jaccard(base, shingles(c.text)) >= CAMPAIGN_JACCARD)).toBe(true);
    expect(distinct.some((d) => jaccard(base, shingles(d.text)) >= CAMPAIGN_JACCARD)).toBe(false);
  });

  it('never makes a campaign of short texts that happen to agree ("Ingen bemærkninger.")', () => {
    const short = Array.from({ length: 20 }, (_, i) => ({ id: `kort-${i}`, text: 'Ingen bemærkninger til udkastet.' }));
    expect(findCampaigns(short)).toEqual([]);
  });
});

describe('themes: Danish TF-IDF with the paragraph anchor as a strong hint', () => {
  it('groups comments by subject: each theme is (almost) one subject, labelled with its top terms', () => {
    const comments = syntheticComments(600, 3);
    const { created } = findThemes(comments);
    const subjectOf = new Map(comments.map((c) => [c.id, c.subject]));
    let agreeing = 0;
    for (const theme of created) {
      const counts = new Map<string, number>();
      for (const id of theme.commentIds) counts.set(subjectOf.get(id) as string, (counts.get(subjectOf.get(id) as string) ?? 0) + 1);
      agreeing += Math.max(...counts.values());
      expect(theme.label).not.toBe('');
      expect(theme.terms.length).toBeGreaterThan(0);
    }
    // Purity: the share of comments in a theme whose main subject is theirs.
    expect(agreeing / comments.length).toBeGreaterThanOrEqual(0.95);
    expect(created.flatMap((t) => t.commentIds).sort()).toEqual(comments.map((c) => c.id).sort());
  });

  it('puts comments on the same paragraph together even when they share few words', () => {
    const comments = [
      { id: 'a', blockId: 'p1', text: 'Transporten til hospitalet er for dyr for pårørende.' },
      { id: 'b', blockId: 'p1', text: 'Pårørende mangler støtte, når patienten udskrives.' },
      { id: 'c', blockId: 'p2', text: 'Den fælles it-platform skal kunne dele data.' },
      { id: 'd', blockId: 'p2', text: 'Datadeling kræver en fælles platform for journaler.' },
    ];
    const { created } = findThemes(comments);
    const themeOf = (id: string) => created.findIndex((t) => t.commentIds.includes(id));
    expect(themeOf('a')).toBe(themeOf('b'));
    expect(themeOf('c')).toBe(themeOf('d'));
    expect(themeOf('a')).not.toBe(themeOf('c'));
  });

  it('once the secretariat has edited the themes, keeps every placed comment where it is and places new ones in the nearest theme', () => {
    const comments = syntheticComments(200, 5);
    const digital = comments.filter((c) => c.subject === 'digitalisering');
    const rest = comments.filter((c) => c.subject !== 'digitalisering');
    const existing = [
      { id: 'theme-digital', commentIds: digital.slice(0, -5).map((c) => c.id) },
      { id: 'theme-rest', commentIds: rest.slice(0, -5).map((c) => c.id) },
    ];
    const { created, joined } = findThemes(comments, existing);
    const placed = [...joined.values()].flat().concat(created.flatMap((t) => t.commentIds));
    expect(placed.sort()).toEqual([...digital.slice(-5), ...rest.slice(-5)].map((c) => c.id).sort());
    for (const c of digital.slice(-5)) expect(joined.get('theme-digital') ?? created.flatMap((t) => t.commentIds)).toContain(c.id);
  });

  it('labels comments with no words of substance as Øvrige bemærkninger', () => {
    const { created } = findThemes([
      { id: 'x', blockId: null, text: 'Ok.' },
      { id: 'y', blockId: null, text: 'Vi har ingen.' },
    ]);
    expect(created.map((t) => t.label)).toContain(OTHER_LABEL);
    expect(Object.keys(SUBJECTS).length).toBeGreaterThan(0);
  });
});
