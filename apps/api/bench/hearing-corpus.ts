/*
 * A made-up but plausible hearing: Danish comments on a handful of subjects, anchored to the
 * paragraphs of a draft, and a campaign letter sent by many organisations with small changes.
 * Used by the themes benchmark and the analysis specs; the same seed gives the same hearing.
 */

export const SUBJECTS: Record<string, string[]> = {
  digitalisering: ['digitale løsninger', 'fælles it-platform', 'elektronisk journal', 'datadeling mellem sektorer', 'videokonsultationer', 'sikker digital post', 'telemedicin i hjemmet'],
  finansiering: ['finansiering af indsatsen', 'økonomiske rammer', 'budgettet for kommunerne', 'medfinansiering fra regionen', 'udgifter til personale', 'takster og betaling'],
  psykiatri: ['psykiatrisk behandling', 'børn og unge med psykiske lidelser', 'ventetid i psykiatrien', 'samarbejde med socialpsykiatrien', 'misbrugsbehandling', 'selvmordsforebyggelse'],
  ældre: ['ældre medicinske patienter', 'genindlæggelser af ældre', 'hjemmeplejen og sygeplejen', 'udskrivelse fra hospitalet', 'akutfunktioner i kommunerne', 'demens og pårørende'],
  forebyggelse: ['forebyggelse af rygning', 'fysisk aktivitet for borgerne', 'ulighed i sundhed', 'sund kost i skolerne', 'alkoholforebyggelse', 'screening og tidlig opsporing'],
  rekruttering: ['mangel på sygeplejersker', 'rekruttering af læger', 'uddannelse af personale', 'fastholdelse af medarbejdere', 'arbejdsmiljø i sundhedsvæsenet', 'praktiserende læger i yderområder'],
};

const OPENERS = ['Vi foreslår at', 'Det er afgørende at', 'Vi anbefaler at', 'Vi savner at', 'Det bør præciseres at', 'Vi er bekymrede for om'];
const VERBS = ['styrkes', 'prioriteres', 'beskrives nærmere', 'udvides', 'følges tæt', 'evalueres løbende', 'koordineres bedre', 'sikres på tværs'];
const TAILS = [
  'så borgerne oplever sammenhæng',
  'med tydelige mål for indsatsen',
  'i tæt dialog med kommunerne',
  'inden aftaleperioden starter',
  'med inddragelse af patientforeningerne',
  'så ressourcerne bruges bedst muligt',
  'og at ansvaret placeres klart',
  'med særlig vægt på de mest sårbare',
];

export const CAMPAIGN_LETTER =
  'Vi skriver på vegne af vores medlemmer, fordi vi er dybt bekymrede for lukningen af nærhospitalet. ' +
  'Afstanden til det nærmeste akutmodtagelse bliver for lang for ældre og kronisk syge borgere, og transporten er ikke beskrevet i aftalen. ' +
  'Vi kræver, at sundhedsaftalen sikrer et lokalt tilbud med døgnåben akutfunktion, lægedækning og parkering, og at borgerne bliver hørt, før der træffes beslutning om lukning.';

/** The campaign letter's points, as each sender files them as comments. */
export const CAMPAIGN_POINTS = [
  'Nærhospitalet skal bevares med døgnåben akutfunktion, så ældre og kronisk syge borgere ikke får for lang vej til hjælp.',
  'Transporten til det nærmeste hospital skal beskrives i aftalen, også for borgere uden bil og for pårørende på besøg.',
  'Lægedækningen i området skal sikres, før der træffes nogen beslutning om at lukke eller flytte tilbud fra nærhospitalet.',
  'Borgerne i området skal høres på et borgermøde, før regionen og kommunerne beslutter noget om nærhospitalets fremtid.',
  'Parkering og adgang for gangbesværede ved nærhospitalet skal med i planen, så alle kan komme frem til behandlingen.',
];

/** A fixed-seed generator (mulberry32). */
export function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const pick = <T>(random: Random, items: T[]): T => items[Math.floor(random() * items.length)];

/** One comment about a subject: two or three sentences of its phrases. */
export function subjectComment(random: Random, subject: string): string {
  const phrases = SUBJECTS[subject];
  const sentences = Array.from({ length: 2 + Math.floor(random() * 2) }, () => `${pick(random, OPENERS)} ${pick(random, phrases)} ${pick(random, VERBS)} ${pick(random, TAILS)}.`);
  return sentences.join(' ');
}

/** The campaign letter as one sender sends it: a word or two changed, the sender's name added. */
export function campaignVariant(random: Random, sender: string): string {
  const words = CAMPAIGN_LETTER.split(' ');
  const changes = Math.floor(random() * 3);
  for (let i = 0; i < changes; i++) {
    const at = Math.floor(random() * words.length);
    words[at] = pick(random, ['meget', 'stærkt', 'alvorligt', 'virkelig', 'særdeles']);
  }
  return `${words.join(' ')} Med venlig hilsen ${sender}.`;
}

/** A distinct response: comments on two or three subjects, each in its own words. */
export function distinctResponse(random: Random, index: number): string {
  const subjects = Object.keys(SUBJECTS);
  const chosen = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(random, subjects));
  return [`Høringssvar nummer ${index}.`, ...chosen.map((s) => subjectComment(random, s))].join(' ');
}

export interface SyntheticComment {
  id: string;
  subject: string;
  blockId: string | null;
  text: string;
}

/**
 * `count` comments: each about one subject, anchored (four in five) to one of the subject's
 * paragraphs (`blocksPerSubject` of them), general otherwise.
 */
export function syntheticComments(count: number, seed = 42, blocksPerSubject = 4): SyntheticComment[] {
  const random = seeded(seed);
  const subjects = Object.keys(SUBJECTS);
  return Array.from({ length: count }, (_, i) => {
    const subject = pick(random, subjects);
    const blockId = random() < 0.8 ? `${subject}-${Math.floor(random() * blocksPerSubject)}` : null;
    return { id: `c${i}`, subject, blockId, text: subjectComment(random, subject) };
  });
}
