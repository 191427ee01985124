import type { JSONContent, SectionKind } from '@aftalerum/editor';
import { randomUUID } from 'node:crypto';

/**
 * The demo agreements' text, written for the demo from the facts and points of the source
 * papers (the framework paper for 2024–2027, the clusters' input and Syddanmark's minutes).
 */

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', attrs: { blockId: randomUUID() }, content: [{ type: 'text', text }] });
const heading = (text: string, level: number): JSONContent => ({ type: 'heading', attrs: { blockId: randomUUID(), level }, content: [{ type: 'text', text }] });
const section = (kind: SectionKind, title: string, ...texts: string[]): JSONContent => ({
  type: 'section',
  attrs: { kind, blockId: randomUUID() },
  content: [heading(title, 1), ...texts.map(paragraph)],
});

export const HOVEDSTADEN_TITLE = 'Sundhedsaftale 2024–2027 for Region Hovedstaden';
export const SYDDANMARK_TITLE = 'Sundhedsaftale 2024–2027 for Region Syddanmark';

const VISIONS: Array<[string, string]> = [
  [
    'Mere sammenhæng i borgerens forløb',
    'Borgeren skal opleve ét sundhedsvæsen, også når forløbet går mellem hospital, kommune og egen læge. Det kræver, at oplysninger følger borgeren i overgangene, så ingen skal gentage sin historie, og at den, der overtager opgaven, ved hvad der er sket før. Vi arbejder for færre genindlæggelser og for udskrivelser, der er aftalt med modtageren i god tid.',
  ],
  [
    'Mere lighed i sundhed',
    'Sundheden er skævt fordelt i regionen, og Sundhedsprofilen viser, at forskellene ikke bliver mindre af sig selv. Vi vil give mest støtte til dem, der har størst behov, blandt andet socialt udsatte, borgere med både psykisk og somatisk sygdom og borgere, der har svært ved at bruge de digitale løsninger. Adgangen til regionens tilbud skal være lige, uanset om man bor på Bornholm eller i København.',
  ],
  [
    'Mere samspil med borgeren',
    'Borgere og pårørende er eksperter i eget liv og skal inddrages, når forløb planlægges og når nye indsatser udvikles. Vi vil spørge, lytte og bruge svarene, så behandling og pleje tager udgangspunkt i det, der betyder noget for den enkelte. Pårørende er både en ressource i forløbet og mennesker, der selv kan have brug for støtte og viden.',
  ],
  [
    'Mere sundhed for pengene',
    'Ressourcerne er knappe, og der mangler hænder i alle tre sektorer. Derfor skal vi prioritere i fællesskab og bruge pengene, hvor de skaber mest sundhed for borgerne. Det betyder, at vi måler effekten af de tværsektorielle indsatser, udbreder det, der virker, og holder op med det, der ikke gør. Teknologi og nye virtuelle løsninger skal bruges, hvor de gør borgerne mere selvhjulpne.',
  ],
];

const FOCUS_AREAS: Array<[title: string, text: string, goals: string]> = [
  [
    'Sammen om ældre og borgere med kronisk sygdom',
    'Antallet af ældre stiger, og mange lever med flere kroniske sygdomme på én gang. Vi ser derfor ældre og borgere med kronisk sygdom som én sammenhængende målgruppe frem for to adskilte. Samarbejdet skal styrke indsatsen i eget hjem, gøre udskrivelser mere trygge og bygge videre på aftalen om 72 timers udvidet behandlingsansvar, de udkørende teams og intravenøs behandling i kommunalt regi.',
    'Færre ældre genindlægges inden for 30 dage efter udskrivelse, og flere forebyggelige indlæggelser undgås gennem tidlig opsporing i kommunen og almen praksis. Alle borgere med kronisk sygdom tilbydes rehabilitering og patientuddannelse tæt på hjemmet, og flere følges med hjemmemonitorering, hvor det giver mening for dem. Overgangene evalueres årligt på tværs af parterne.',
  ],
  [
    'Sammen om borgere med psykisk sygdom',
    'Borgere med psykisk sygdom har ofte brug for hjælp fra flere sektorer samtidig, og mange har også somatisk sygdom, misbrug eller hjemløshed at kæmpe med. Vi vil samarbejde tættere om de mest udsatte og bygge videre på erfaringerne med IPS-konsulenter og F-ACT-teams. Behandlingspsykiatri, socialpsykiatri og almen praksis skal kende hinandens tilbud og kunne koordinere uden unødige ventetider.',
    'Borgere med svær psykisk sygdom har en koordineret plan, som de selv har været med til at lave, og flere kommer i uddannelse eller beskæftigelse. Overlevelsen og den fysiske sundhed for borgere med psykisk sygdom forbedres gennem systematisk opfølgning hos egen læge. Ventetiden til udredning nedbringes, og ingen udskrives uden aftale om, hvem der følger op.',
  ],
  [
    'Sammen om børn og unges sundhed',
    'Mange børn og unge i regionen mistrives mentalt, og Sundhedsprofilen peger på en bekymrende udvikling. Samarbejdet i fokusområdet målrettes derfor især børn og unge i mental mistrivsel, så der sættes tidligt ind i skole, sundhedspleje og almen praksis, før problemerne vokser. Vi bygger videre på aftalen om graviditet, fødsel og barsel og på lokale indsatser som STIME.',
    'Flere børn og unge i let til moderat mistrivsel får hjælp tidligt og tæt på hverdagen, uden at skulle henvises videre. Familier med særlige behov får en sammenhængende indsats fra graviditet til skolestart. Andelen af unge, der rapporterer dårlig mental trivsel i Sundhedsprofilen, skal falde i aftaleperioden, og parterne følger udviklingen i en fælles opgørelse hvert år.',
  ],
];

const PRINCIPLES: Array<[string, string]> = [
  [
    'Borgerne med fra start',
    'Borgere og pårørende inddrages, fra en indsats tænkes, til den evalueres. Vi inviterer brugere ind i arbejdsgrupper, når det er relevant, og vi spørger til borgerens egne mål i de enkelte forløb. Inddragelsen skal være reel, så borgerens perspektiv kan ændre retningen, og vi følger op på, om borgerne oplever at være blevet hørt.',
  ],
  [
    'Helhedssyn',
    'Vi ser hele mennesket og ikke kun diagnosen. Et forløb tilrettelægges ud fra borgerens samlede situation, herunder sociale forhold, arbejde, familie og flere samtidige sygdomme. Det gælder især for de mest sårbare, hvor indsatser fra hospital, kommune og almen praksis skal tænkes sammen, så de ikke modarbejder hinanden eller lader borgeren falde mellem to stole.',
  ],
  [
    'Samme høje kvalitet',
    'Borgerne skal kunne regne med samme høje faglige kvalitet, uanset hvor i regionen de bor og hvilken sektor der løser opgaven. Vi arbejder evidensbaseret, bruger fælles retningslinjer og data til at følge kvaliteten, og vi deler viden, når en klynge har fundet en løsning, der virker. Forskelle i kvalitet skal opdages og rettes i fællesskab.',
  ],
  [
    'Effektiv ressourceudnyttelse',
    'Opgaven løses dér, hvor den giver mest sundhed for de fælles ressourcer. Vi prioriterer åbent og i fællesskab, når personale og økonomi er knap, og vi bruger sundhedsteknologi og digitale løsninger, hvor de aflaster medarbejderne og gør borgeren mere selvhjulpen. Nye indsatser vurderes på både effekt og ressourcetræk i alle tre sektorer, inden de udbredes.',
  ],
  [
    'Fælles kompetenceudvikling',
    'Medarbejderne i de tre sektorer lærer af og med hinanden gennem fælles uddannelse, sparring og jobrotation. Vi samarbejder også om rekruttering og fastholdelse, fordi manglen på sundheds- og omsorgspersonale rammer alle parter, og fordi en opgave, der flyttes, ikke må efterlade en anden sektor uden de kompetencer, der skal til for at løse den.',
  ],
  [
    'Klar opgave- og ansvarsfordeling',
    'Det skal altid være tydeligt, hvem der har ansvaret for borgeren, også i overgangene. Når opgaver flyttes mellem hospital, kommune og almen praksis, sker det efter modellen for planlagt og aftalt opgaveoverdragelse, hvor økonomi, kapacitet og kompetencer er beskrevet på forhånd. Strukturelle ændringer hos én part drøftes med de andre, før de træder i kraft.',
  ],
  [
    'Sammenhængskraft',
    'Aftalen er fælles for regionen, de 29 kommuner og almen praksis, men den giver plads til lokale løsninger i sundhedsklyngerne. Klyngerne omsætter aftalen til indsatser for deres egen befolkning, og gode erfaringer deles på tværs, så de kan udbredes. Vi bygger videre på de samarbejder, der allerede virker, frem for at opfinde nye fora.',
  ],
  [
    'Fælles ansvar for borgernes sundhed',
    'Vi har et fælles populationsansvar og deler data, så parterne kan se borgerens forløb og følge effekten af indsatserne. Datadeling sker sikkert og inden for lovens rammer, og hvor reglerne står i vejen for gode forløb, gør vi opmærksom på det. Ansvaret gælder også forebyggelse: vi handler i fællesskab, før sygdom opstår eller forværres.',
  ],
];

/** Hovedstaden's 2024–2027 agreement as it stood when it was approved. */
export function hovedstadenAgreement(): JSONContent {
  return {
    type: 'doc',
    content: [
      section(
        'PREAMBLE',
        HOVEDSTADEN_TITLE,
        'Sundhedsaftalen er den lovbestemte politiske ramme for samarbejdet om sundhed mellem Region Hovedstaden, de 29 kommuner i regionen og almen praksis. Aftalen gælder fra 1. januar 2024 til udgangen af 2027 og bygger videre på Sundhedsaftale 2019–2023, som parterne har fundet enkel og fokuseret på de rigtige målgrupper.',
        'Aftalen er blevet til i dialog med de fem sundhedsklynger, patientforeninger, faglige organisationer og borgere. Den sætter en fælles retning og forpligtende mål, men overlader det til klyngerne at finde de lokale løsninger, der passer til deres befolkning. Sundhedssamarbejdsudvalget følger op på aftalen hvert år.',
      ),
      section(
        'VISION',
        'Fælles populationsansvar',
        'Over de fire visioner står det fælles populationsansvar: kommunerne, almen praksis og regionen løfter sammen sundheden for hele befolkningen i regionen, også for de borgere, der endnu ikke er syge. Ansvaret gør os fælles om at forebygge, prioritere og følge op, og det forpligter hver part til at tænke de andre med, når den ændrer sine egne tilbud.',
      ),
      ...VISIONS.map(([title, text]) => section('VISION', title, text)),
      ...FOCUS_AREAS.flatMap(([title, text, goals]) => [section('FOCUS_AREA', title, text), section('GOAL', `Mål: ${title}`, goals)]),
      section(
        'OTHER',
        'Forebyggelse på tværs af fokusområderne',
        'Forebyggelse er omdrejningspunktet i alle tre fokusområder. Sundhedsprofilen 2021 viser en bekymrende udvikling i både den fysiske og den mentale sundhed, og det kalder på et tættere og bredere samarbejde. Vi vil forebygge på nye måder, blandt andet gennem tidlig opsporing i almen praksis, fælles tilbud i sundhedshusene og en særlig indsats for de borgere, der har størst risiko for at blive syge.',
      ),
      ...PRINCIPLES.map(([title, text]) => section('PRINCIPLE', title, text)),
      section(
        'OTHER',
        'Justeringer af principperne',
        'Principperne fra den forrige aftale videreføres, men de er justeret på to punkter. Datadeling står nu tydeligt som en del af det fælles ansvar for borgernes sundhed, fordi manglende adgang til oplysninger hæmmer pleje og behandling i overgangene. Samarbejdet om rekruttering og fastholdelse af medarbejdere på sundheds- og omsorgsområdet er skrevet ind i princippet om fælles kompetenceudvikling.',
      ),
    ],
  };
}

/** Syddanmark's 2024–2027 agreement: the political part, and the administrative annex after it. */
export function syddanmarkAgreement(withAnnex: boolean): JSONContent {
  const sections = [
    section(
      'PREAMBLE',
      SYDDANMARK_TITLE,
      'Sundhedsaftalen er den politiske ramme for samarbejdet om sundhed mellem Region Syddanmark, de 22 syddanske kommuner og almen praksis. Den gælder fra 1. januar 2024 og er drøftet i de fire sundhedsklynger, i Sundhedsdirektørkredsen og på det politiske årsmøde, inden den blev sendt i bred høring i foråret 2023.',
    ),
    section(
      'VISION',
      'Fælles ansvar for den syddanske befolkning',
      'Regionen, kommunerne og almen praksis tager i fællesskab ansvar for sundheden i hele Syddanmark. Klyngerne håndterer de lokale udfordringer for befolkningen i deres område, mens Sundhedssamarbejdsudvalget holder fast i de fælles aftaler på tværs af de 22 kommuner, så borgerne møder den samme kvalitet, og så økonomien i nye opgaver er afklaret fra start.',
    ),
    section(
      'VISION',
      'Sundhed tæt på borgeren',
      'Borgeren skal kunne få en stor del af sin behandling og opfølgning hjemme eller tæt på hjemmet. Med telemedicinsk hjemmemonitorering tager borgere med kronisk sygdom selv deres målinger, som sundhedsfagligt personale følger med i. Det giver tryghed og fleksibilitet for borgeren, bedre sammenhæng i behandlingen og færre indlæggelser og ambulante kontroller, der ellers fylder i hverdagen.',
    ),
    section(
      'FOCUS_AREA',
      'Det nære sundhedsvæsen',
      'Flere opgaver løses tæt på borgeren, i eget hjem, i kommunen og hos egen læge. Opgaveoverdragelse sker efter modellen for planlagt og aftalt opgaveoverdragelse, så de økonomiske og ressourcemæssige konsekvenser er klare, inden en ny aftale træder i kraft. Telemedicinsk hjemmemonitorering af borgere med KOL og hjertesvigt udbredes i aftaleperioden.',
    ),
    section(
      'FOCUS_AREA',
      'Borgere med kronisk sygdom',
      'Flere syddanskere lever med en eller flere kroniske sygdomme, og de skal opleve et sammenhængende forløb på tværs af sygehus, kommune og egen læge. Telemedicin til borgere med hjertesvigt udbredes i hele regionen i 2024, og erfaringerne bruges til at tilbyde hjemmemonitorering til flere grupper. Kommunerne, sygehusene og almen praksis aftaler, hvem der følger op på målingerne, og hvordan borgeren og de pårørende inddrages i eget forløb.',
    ),
    section(
      'PRINCIPLE',
      'Økonomien på bordet fra start',
      'Når parterne udvikler nye tværsektorielle indsatser, drøftes økonomi og ressourcer fra første møde og ikke til allersidst. Det giver kommunerne, regionen og almen praksis mulighed for at tage stilling i tide, og det mindsker risikoen for, at en god indsats bremses sent i forløbet, fordi konsekvenserne for en af parterne ikke var belyst.',
    ),
    section(
      'PRINCIPLE',
      'Fælles om rekruttering og kompetencer',
      'Manglen på hænder rammer kommunerne, sygehusene og almen praksis på samme tid, og derfor løser parterne den sammen frem for at konkurrere om de samme medarbejdere. Samarbejdet med de fire syddanske SOSU-skoler styrkes gennem et innovationspartnerskab med kommuner og skoler, der udvikler nye veje ind i faget. Medarbejdere lærer på tværs af sektorerne, så viden om den enkelte borger og om nye opgaver følger med, når opgaver flyttes.',
    ),
  ];
  if (withAnnex) {
    sections.push(
      section(
        'ANNEX',
        'Det Administrative Tillæg',
        'Det Administrative Tillæg beskriver, hvordan samarbejdet om sundhedsaftalen organiseres i Syddanmark: Sundhedssamarbejdsudvalget, Strategisk Sundhedsstyregruppe, de fire sundhedsklynger og de tværsektorielle arbejdsgrupper. Tillægget fastlægger også, hvordan samarbejdsaftaler, udbud af sundhedsartikler og udligningsmodeller godkendes, og hvordan parterne følger op på aftalens mål. Klyngerne giver input, inden tillægget sendes i høring.',
      ),
    );
  }
  return { type: 'doc', content: sections };
}
