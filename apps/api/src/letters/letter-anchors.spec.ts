import { agreementSkeleton } from '../agreements/draft-template';
import { anchorCandidates } from './anchor-candidates';
import { AnchorIndex } from './anchor-suggestions';
import { splitLetter } from './letter-points';
import { testLetters } from './letter-test-set';

/**
 * The quality of the anchors suggested for the points of a letter, measured on a test set of
 * letters written against the demo hearing draft (letter-test-set.ts). Prints top-1 and top-3
 * accuracy; top-3 must reach 0.8.
 */
describe('letters split into points with suggested anchors', () => {
  const draft = agreementSkeleton('Sundhedsaftale 2024–2027 for Region Hovedstaden');
  const candidates = anchorCandidates(draft);
  const index = new AnchorIndex(candidates);
  const textOf = new Map(candidates.map((c) => [c.blockId, c.text]));

  it('splits each test letter into exactly its points, in order, without letterhead, greeting or signature', () => {
    for (const letter of testLetters()) {
      const points = splitLetter(letter.text);
      expect(points.map((p) => p.text)).toEqual(letter.points.map((p) => p.text));
      expect(points.map((p) => p.number)).toEqual(letter.points.map((_, i) => i + 1));
    }
  });

  it('puts the paragraph a point is about among the top 3 suggestions for at least 80 % of the points', () => {
    let total = 0;
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const letter of testLetters()) {
      splitLetter(letter.text).forEach((point, i) => {
        const about = letter.points[i].about;
        if (!about) return;
        total++;
        const suggestions = index.suggest(point.heading ? `${point.heading}. ${point.text}` : point.text);
        const hit = suggestions.findIndex((s) => textOf.get(s.blockId)?.startsWith(about));
        if (hit === 0) top1++;
        if (hit >= 0) top3++;
        else misses.push(`${point.text} → ${suggestions.map((s) => textOf.get(s.blockId)).join(' | ')}`);
      });
    }
    console.log(`Letter anchors: ${total} points, top-1 ${(top1 / total).toFixed(2)}, top-3 ${(top3 / total).toFixed(2)}${misses.length ? `\nmissed:\n${misses.join('\n')}` : ''}`);
    expect(total).toBeGreaterThanOrEqual(30);
    expect(top3 / total).toBeGreaterThanOrEqual(0.8);
  });

  it('gives each suggestion a score, best first, and at most three', () => {
    const suggestions = index.suggest('Ventetiderne for borgere med psykisk sygdom er for lange.');
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(suggestions[0].score).toBeGreaterThan(0);
    expect([...suggestions].sort((a, b) => b.score - a.score)).toEqual(suggestions);
  });
});
