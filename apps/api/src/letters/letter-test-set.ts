/**
 * A test set of hearing letters written against the demo hearing draft (the agreement
 * skeleton, draft-template.ts): each point rewords what one paragraph or heading of the draft
 * is about, in the words an organisation would use — other inflections, synonyms, compounds
 * taken apart — and the letters wrap them in letterheads, greetings, general remarks that point
 * nowhere, and signatures. Used by the anchor accuracy spec.
 */

/** What a point is about: the start of the text of the block it should be anchored to. */
export interface PlannedPoint {
  about: string | null;
  text: string;
}

export const REWORDED: PlannedPoint[] = [
  { about: 'Sundhedsaftalen er den politiske ramme', text: 'Det bør fremgå tydeligere, at aftalen er en politisk rammeaftale, og at almen praksis er ligeværdig part i samarbejdet med region og kommuner.' },
  { about: 'Sundhedsaftalen er den politiske ramme', text: 'Vi savner, at indledningen beskriver, hvordan samarbejdet mellem regionen og kommunerne forankres politisk.' },
  { about: 'Fælles populationsansvar', text: 'Populationsansvaret skal være fælles; det kræver, at parterne deler data om befolkningen.' },
  { about: 'Vi tager sammen ansvar', text: 'At tage ansvar for hele befolkningens sundhed på tværs af sektorerne kræver fælles økonomi.' },
  { about: 'Vi tager sammen ansvar', text: 'Ansvaret for befolkningen bør ikke stoppe ved sektorgrænsen, men følge borgeren.' },
  { about: 'Mere sammenhæng i borgerens forløb', text: 'Sammenhængende forløb for borgeren er vigtigst for vores medlemmer, særligt ved udskrivelse.' },
  { about: 'Mere sammenhæng i borgerens forløb', text: 'Borgerne oplever, at forløbene hænger dårligt sammen mellem hospital og kommune.' },
  { about: 'Mere lighed i sundhed', text: 'Uligheden i sundhed er stigende, og visionen om lighed bør følges af konkrete mål for de mest udsatte.' },
  { about: 'Mere lighed i sundhed', text: 'Social ulighed i sundhed bør nævnes eksplicit.' },
  { about: 'Mere samspil med borgeren', text: 'Samspillet med borgerne og de pårørende skal styrkes, så de inddrages i egen behandling.' },
  { about: 'Mere samspil med borgeren', text: 'Borgerens egne ressourcer og samspil med de professionelle bør være udgangspunktet.' },
  { about: 'Mere sundhed for pengene', text: 'Vi er enige i, at pengene skal give mest mulig sundhed, men det kræver investering i forebyggelse.' },
  { about: 'Mere sundhed for pengene', text: 'Sundhed for pengene må ikke blive en spareøvelse.' },
  { about: 'Sammen om ældre og borgere med kronisk sygdom', text: 'Ældre med kroniske sygdomme har brug for en fast kontaktperson på tværs af sektorer.' },
  { about: 'Sammen om ældre og borgere med kronisk sygdom', text: 'Indsatsen for kronisk syge og ældre borgere bør omfatte rehabilitering.' },
  { about: 'Sammen om borgere med psykisk sygdom', text: 'Borgere med psykiske lidelser venter for længe; fokusområdet om psykisk sygdom skal have mål for ventetider.' },
  { about: 'Sammen om borgere med psykisk sygdom', text: 'Samarbejdet om mennesker med psykisk sygdom og samtidigt misbrug skal styrkes.' },
  { about: 'Sammen om børn og unges sundhed', text: 'Børns og unges mentale sundhed bør have særlig opmærksomhed i fokusområdet.' },
  { about: 'Sammen om børn og unges sundhed', text: 'Sundhedsplejen og skolerne er centrale for de unges sundhed.' },
  { about: 'Forebyggelse går på tværs', text: 'Forebyggelsen bør gå på tværs af fokusområderne og ikke kun nævnes under hvert enkelt.' },
  { about: 'Borgerne med fra start', text: 'Borgerne skal være med fra starten, når nye indsatser udvikles, ikke kun høres til sidst.' },
  { about: 'Borgerne med fra start', text: 'Hvordan sikres det, at borgeren er med allerede fra start?' },
  { about: 'Helhedssyn', text: 'Et helhedssyn på borgerens situation forudsætter, at beskæftigelse og sociale forhold tænkes med.' },
  { about: 'Helhedssyn', text: 'Vi støtter princippet om helhedssynet.' },
  { about: 'Samme høje kvalitet', text: 'Kvaliteten skal være lige høj i hele regionen, uanset hvilken kommune borgeren bor i.' },
  { about: 'Samme høje kvalitet', text: 'Samme kvalitet overalt kræver fælles kvalitetsstandarder.' },
  { about: 'Effektiv ressourceudnyttelse', text: 'Ressourcerne skal udnyttes effektivt, fx ved at undgå dobbeltundersøgelser.' },
  { about: 'Effektiv ressourceudnyttelse', text: 'En effektiv udnyttelse af personaleressourcer er afgørende.' },
  { about: 'Fælles kompetenceudvikling', text: 'Kompetenceudviklingen bør være fælles for sygeplejersker i kommune og region.' },
  { about: 'Fælles kompetenceudvikling', text: 'Fælles uddannelse og udvikling af kompetencer på tværs af sektorer.' },
  { about: 'Klar opgave- og ansvarsfordeling', text: 'Opgavefordelingen mellem region og kommuner er uklar; ansvaret skal fordeles klart.' },
  { about: 'Klar opgave- og ansvarsfordeling', text: 'Der mangler klarhed om, hvem der har ansvaret for opgaverne ved komplekse forløb.' },
  { about: 'Sammenhængskraft', text: 'Sammenhængskraften i sundhedsvæsenet afhænger af fælles it-løsninger.' },
  { about: 'Fælles ansvar for borgernes sundhed', text: 'Vi bakker op om et fælles ansvar for borgernes sundhed, også for dem, der ikke selv henvender sig.' },
  { about: 'Fælles ansvar for borgernes sundhed', text: 'Ansvaret for borgerens sundhed er fælles for alle parter.' },
];

/** Remarks that point to no paragraph: the letter's general part. */
export const GENERAL: PlannedPoint[] = [
  { about: null, text: 'Generelt er aftalen for lang, og sproget kan gøres mere enkelt for borgerne.' },
  { about: null, text: 'Vi takker for muligheden for at afgive høringssvar og stiller os gerne til rådighed for uddybning.' },
];

const LETTERHEADS = [
  ['Danske Patienter', 'Facaden, Kristianiagade 12', '2100 København Ø', 'info@danskepatienter.dk', '14. august 2023'],
  ['Hjerteforeningen', 'Vognmagergade 7', '1120 København K', 'Tlf. 33 93 17 88'],
  ['Dansk Sygeplejeråd, Kreds Hovedstaden', 'Journalnr. 2023-114', '1. juli 2023'],
];

/** A small deterministic random source (mulberry32), so the set is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TestLetter {
  text: string;
  points: PlannedPoint[];
}

/** Wraps a line as a PDF would: at about `width` characters, with no blank lines. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Letters made of the reworded points in shuffled order, each with a letterhead, a greeting, a
 * general remark, and a signature; some numbered ("1."), some with bullets, some as plain
 * paragraphs, some wrapped as PDF text with no blank lines.
 */
export function testLetters(seed = 15): TestLetter[] {
  const next = random(seed);
  const shuffled = [...REWORDED].sort(() => next() - 0.5);
  const letters: TestLetter[] = [];
  const styles = ['numbered', 'bullets', 'paragraphs', 'pdf'] as const;
  for (let i = 0; i < shuffled.length; i += 6) {
    const style = styles[letters.length % styles.length];
    const points = [...shuffled.slice(i, i + 6), GENERAL[letters.length % GENERAL.length]];
    const lines: string[] = [...LETTERHEADS[letters.length % LETTERHEADS.length], '', 'Høringssvar vedr. Sundhedsaftale 2024–2027', '', 'Kære sekretariat', ''];
    points.forEach((point, n) => {
      const text = style === 'numbered' ? `${n + 1}. ${point.text}` : style === 'bullets' ? `• ${point.text}` : point.text;
      if (style === 'pdf') lines.push(...wrap(`${n + 1}) ${point.text}`, 60));
      else lines.push(text, '');
    });
    lines.push('Med venlig hilsen', '', 'Anne Andersen', 'Side 1 af 1');
    letters.push({ text: lines.join('\n'), points });
  }
  return letters;
}
