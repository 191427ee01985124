/**
 * graphql-js, Apollo Server and graphql-depth-limit refuse requests in English; a person must
 * read Danish and learn what to do. One table, in the order graphql-js checks things: the
 * first pattern that matches the English message gives the Danish one.
 */

interface Translation {
  pattern: RegExp;
  danish: (...groups: string[]) => string;
  /**
   * Also a refusal of the request when raised while executing (argument coercion); every
   * other entry counts as one only before execution, since graphql-js raises e.g. "Int
   * cannot represent …" for a resolver's bad output too, which is a fault of the server.
   */
  duringExecution?: true;
}

const FIX = 'Ret forespørgslen, og prøv igen.';

/** The reason inside "Variable … got invalid value …; <reason>" and "Expected value … found …; <reason>". */
const VALUE_REASONS: Translation[] = [
  { pattern: /^Expected non-nullable type "([^"]+)" not to be null\.?/, danish: (t) => `værdien må ikke være tom (null); den skal være af typen ${t}.` },
  { pattern: /^Expected type "([^"]+)" to be an object\.?/, danish: (t) => `værdien skal være et objekt af typen ${t}.` },
  { pattern: /^Field "([^"]+)" of required type "([^"]+)" was not provided\.?/, danish: (f, t) => `feltet »${f}« (${t}) mangler; angiv det.` },
  { pattern: /^Field "([^"]+)" is not defined by type "([^"]+)"\.?/, danish: (f, t) => `feltet »${f}« findes ikke på typen ${t}; fjern det, eller ret stavemåden.` },
  { pattern: /^Value "([^"]*)" does not exist in "([^"]+)" enum\.?/, danish: (v, t) => `»${v}« er ikke en af de tilladte værdier for ${t}.` },
  { pattern: /^Enum "([^"]+)" cannot represent non-string value/, danish: (t) => `værdien skal være en af de tilladte værdier for ${t}, skrevet som tekst.` },
  { pattern: /^Int cannot represent non-integer value/, danish: () => 'værdien skal være et helt tal.' },
  { pattern: /^Int cannot represent non 32-bit signed integer value/, danish: () => 'tallet er for stort; det skal ligge mellem -2147483648 og 2147483647.' },
  { pattern: /^Float cannot represent non numeric value/, danish: () => 'værdien skal være et tal.' },
  { pattern: /^String cannot represent a non string value/, danish: () => 'værdien skal være en tekst.' },
  { pattern: /^Boolean cannot represent a non boolean value/, danish: () => 'værdien skal være true eller false.' },
  { pattern: /^ID cannot represent value/, danish: () => 'værdien skal være et id (en tekst).' },
  { pattern: /^Expected type "([^"]+)"\.?/, danish: (t) => `værdien passer ikke til typen ${t}.` },
];

function valueReason(english: string): string {
  for (const { pattern, danish } of VALUE_REASONS) {
    const match = pattern.exec(english);
    if (match) return danish(...match.slice(1));
  }
  // A custom scalar's own refusal (ours are Danish) is kept as it is.
  return /[æøåÆØÅ]/.test(english) ? english : 'værdien har ikke den rigtige form.';
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const TRANSLATIONS: Translation[] = [
  // Apollo Server: the HTTP request itself.
  {
    pattern: /^GraphQL operations must contain a non-empty `query`/,
    danish: () => 'Forespørgslen er tom. Send en GraphQL-forespørgsel i feltet »query«.',
  },
  {
    pattern: /^POST body missing|^GraphQL queries must be strings|^`(query|variables|extensions|operationName)` in a POST body/,
    danish: () => 'Forespørgslen har ikke den rigtige form. Send JSON med feltet »query« (tekst) og eventuelt »variables« (et objekt).',
  },
  {
    pattern: /Cross-Site Request Forgery/,
    danish: () => 'Forespørgslen blev afvist som en mulig CSRF-forespørgsel. Send den med headeren »Content-Type: application/json«.',
  },
  { pattern: /^GET requests only support query operations/, danish: () => 'Ændringer (mutations) skal sendes med POST, ikke GET.' },
  // Parsing.
  {
    pattern: /^Syntax Error: Document contains more (?:than|that) (\d+) tokens/,
    danish: (max) => `Forespørgslen er for stor (over ${Number(max).toLocaleString('da-DK')} dele). Del den op i flere mindre forespørgsler.`,
  },
  {
    pattern: /^Syntax Error: (.*)$/,
    danish: () => `Forespørgslen kan ikke læses, fordi den har en syntaksfejl (se »locations« for linje og kolonne). ${FIX}`,
  },
  // Operation resolution.
  { pattern: /^Must provide operation name if query contains multiple operations/, danish: () => 'Forespørgslen har flere operationer. Angiv, hvilken der skal køres, i feltet »operationName«.' },
  { pattern: /^Unknown operation named "([^"]+)"/, danish: (o) => `Operationen »${o}« findes ikke i forespørgslen. Ret »operationName«.` },
  { pattern: /^Schema is not configured to execute (\w+) operation/, danish: (o) => `API'et understøtter ikke operationer af typen ${o}.` },
  // depth-limit (query-limits.ts).
  {
    pattern: /^'([^']*)' exceeds maximum operation depth of (\d+)/,
    danish: (_op, max) => `Forespørgslen er indlejret for dybt (højst ${max} niveauer). Del den op i flere mindre forespørgsler.`,
  },
  // Variables.
  { pattern: /^Variable "\$([^"]+)" of required type "([^"]+)" was not provided\.?/, danish: (v, t) => `Variablen »$${v}« (${t}) mangler. Send en værdi for den i »variables«.` },
  { pattern: /^Variable "\$([^"]+)" of non-null type "([^"]+)" must not be null\.?/, danish: (v, t) => `Variablen »$${v}« må ikke være tom (null). Send en værdi af typen ${t}.` },
  {
    pattern: /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; ([\s\S]*)$/,
    danish: (v, at, reason) => `Variablen »$${v}« har en ugyldig værdi${at ? ` i »${at}«` : ''}: ${valueReason(reason)} Ret værdien, og prøv igen.`,
  },
  { pattern: /^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"/, danish: (v, t, e) => `Variablen »$${v}« har typen ${t}, men bruges, hvor typen ${e} kræves. Ret variablens type.` },
  { pattern: /^Variable "\$([^"]+)" is not defined/, danish: (v) => `Variablen »$${v}« bruges, men er ikke erklæret. Erklær den øverst i operationen, fx »query($${v}: ID!)«.` },
  { pattern: /^Variable "\$([^"]+)" is never used/, danish: (v) => `Variablen »$${v}« er erklæret, men bruges ikke. Fjern den fra operationen.` },
  { pattern: /^Variable "\$([^"]+)" cannot be non-input type "([^"]+)"/, danish: (v, t) => `Variablen »$${v}« kan ikke have typen ${t}, som ikke er en inputtype. Ret variablens type.` },
  { pattern: /^There can be only one variable named "\$([^"]+)"/, danish: (v) => `Variablen »$${v}« er erklæret flere gange. Erklær den kun én gang.` },
  // Fields, arguments, selections.
  { pattern: /^Cannot query field "([^"]+)" on type "([^"]+)"/, danish: (f, t) => `Feltet »${f}« findes ikke på typen ${t}. Fjern det fra forespørgslen, eller ret stavemåden.` },
  { pattern: /^Unknown argument "([^"]+)" on field "([^"]+)"/, danish: (a, f) => `Argumentet »${a}« findes ikke på feltet »${f}«. Fjern det, eller ret stavemåden.` },
  { pattern: /^Unknown argument "([^"]+)" on directive "([^"]+)"/, danish: (a, d) => `Argumentet »${a}« findes ikke på direktivet »${d}«. Fjern det.` },
  {
    pattern: /^(?:Field|Directive) "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided/,
    danish: (f, a, t) => `»${f}« kræver argumentet »${a}« (${t}). Angiv det, og prøv igen.`,
  },
  {
    pattern: /^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields/,
    danish: (f) => `Feltet »${f}« skal have underfelter. Angiv dem i krøllede parenteser, fx »${f} { id }«.`,
  },
  {
    pattern: /^Field "([^"]+)" must not have a selection since type "([^"]+)" has no subfields/,
    danish: (f) => `Feltet »${f}« har ingen underfelter. Fjern { … } efter det.`,
  },
  { pattern: /^Fields "([^"]+)" conflict because/, danish: (f) => `Feltet »${f}« er bedt om flere gange med forskellige argumenter. Giv dem hver sit alias.` },
  { pattern: /^There can be only one argument named "([^"]+)"/, danish: (a) => `Argumentet »${a}« er angivet flere gange. Angiv det kun én gang.` },
  { pattern: /^There can be only one input field named "([^"]+)"/, danish: (f) => `Feltet »${f}« er angivet flere gange. Angiv det kun én gang.` },
  // Literal values in the query.
  {
    pattern: /^Expected value of type "([^"]+)", found ([^;]*?)(?:; ([\s\S]*))?\.?$/,
    danish: (t, found, reason) => `Værdien ${found} passer ikke til typen ${t}${reason ? `: ${valueReason(reason)}` : '.'} Ret værdien, og prøv igen.`,
  },
  { pattern: /^Field "([^"]+)" of required type "([^"]+)" was not provided/, danish: (f, t) => `Feltet »${f}« (${t}) mangler. Angiv det, og prøv igen.` },
  { pattern: /^Field "([^"]+)" is not defined by type "([^"]+)"/, danish: (f, t) => `Feltet »${f}« findes ikke på typen ${t}. Fjern det, eller ret stavemåden.` },
  { pattern: /^Value "([^"]*)" does not exist in "([^"]+)" enum/, danish: (v, t) => `»${v}« er ikke en af de tilladte værdier for ${t}. Vælg en af dem.` },
  {
    pattern: /^((?:Int|Float|String|Boolean|ID|Enum "[^"]+") cannot represent[\s\S]*)$/,
    danish: (english) => `${capitalized(valueReason(english))} Ret værdien i forespørgslen.`,
  },
  // Arguments coerced during execution.
  { pattern: /^Argument "([^"]+)" of required type "([^"]+)" was not provided/, danish: (a, t) => `Argumentet »${a}« (${t}) mangler. Angiv det, og prøv igen.`, duringExecution: true },
  { pattern: /^Argument "([^"]+)" of non-null type "([^"]+)" must not be null/, danish: (a, t) => `Argumentet »${a}« må ikke være tomt (null). Angiv en værdi af typen ${t}.`, duringExecution: true },
  { pattern: /^Argument "([^"]+)" has invalid value/, danish: (a) => `Argumentet »${a}« har en ugyldig værdi. Ret den, og prøv igen.`, duringExecution: true },
  // Types, fragments, directives, operations.
  { pattern: /^Unknown type "([^"]+)"/, danish: (t) => `Typen »${t}« findes ikke. Ret stavemåden.` },
  { pattern: /^Unknown fragment "([^"]+)"/, danish: (f) => `Fragmentet »${f}« findes ikke. Definér det, eller fjern »...${f}«.` },
  { pattern: /^Fragment "([^"]+)" is never used/, danish: (f) => `Fragmentet »${f}« bruges ikke. Fjern det.` },
  { pattern: /^Cannot spread fragment "([^"]+)" within itself/, danish: (f) => `Fragmentet »${f}« henviser til sig selv. Fjern henvisningen.` },
  { pattern: /^Fragment (?:"([^"]+)" )?cannot be spread here/, danish: () => `Fragmentet kan ikke bruges her, fordi typerne ikke passer sammen. ${FIX}` },
  { pattern: /^Fragment "([^"]+)" cannot condition on non composite type/, danish: (f) => `Fragmentet »${f}« skal gælde en objekttype. ${FIX}` },
  { pattern: /^There can be only one fragment named "([^"]+)"/, danish: (f) => `Fragmentet »${f}« er defineret flere gange. Giv dem forskellige navne.` },
  { pattern: /^Unknown directive "([^"]+)"/, danish: (d) => `Direktivet »${d}« findes ikke. Fjern det.` },
  { pattern: /^The directive "([^"]+)" can only be used once/, danish: (d) => `Direktivet »${d}« må kun bruges én gang her.` },
  { pattern: /^Directive "([^"]+)" may not be used on/, danish: (d) => `Direktivet »${d}« kan ikke bruges her. Fjern det.` },
  { pattern: /^This anonymous operation must be the only defined operation/, danish: () => 'En forespørgsel med flere operationer skal give hver af dem et navn.' },
  { pattern: /^There can be only one operation named "([^"]+)"/, danish: (o) => `Operationen »${o}« er defineret flere gange. Giv dem forskellige navne.` },
  { pattern: /must select only one top level field/, danish: () => 'Et abonnement (subscription) må kun bede om ét felt på øverste niveau. Del det op.' },
  { pattern: /^Unknown operation type|^The (query|mutation|subscription) operation is not supported/, danish: () => `API'et understøtter ikke den type operation. ${FIX}` },
];

/** The complexity limit's refusal (query-limits.ts); the depth limit's is in the table. */
export const tooComplexMessage = (complexity: number, max: number) =>
  `Forespørgslen er for stor (${complexity} felter; højst ${max}). Del den op i flere mindre forespørgsler.`;

/** Said when a refusal has no entry of its own. */
export const GENERIC_REQUEST_MESSAGE = `Forespørgslen passer ikke til API'et og blev ikke udført. ${FIX}`;

/**
 * The Danish message for graphql-js's, Apollo's or depth-limit's English refusal, or undefined
 * when the table has no entry for it. `duringExecution` limits the table to refusals that may
 * be raised while resolvers run (see Translation.duringExecution).
 */
export function translateGraphQLMessage(english: string, duringExecution = false): string | undefined {
  for (const { pattern, danish, duringExecution: alsoDuringExecution } of TRANSLATIONS) {
    if (duringExecution && !alsoDuringExecution) continue;
    const match = pattern.exec(english);
    if (match) return danish(...match.slice(1).map((group) => group ?? ''));
  }
  return undefined;
}
