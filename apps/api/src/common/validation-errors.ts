import type { ValidationError } from 'class-validator';
import { badInput, DomainError } from './domain-error';

/**
 * class-validator's default texts all start like this ("title must be a string", "property x
 * should not exist", "each value in ids must be a UUID"); a message a DTO sets itself is
 * Danish and kept as it is.
 */
const ENGLISH_DEFAULT = /^(each value in |nested property |property |an unknown value)|^\S+ (must|should|has to)\b/;

const number = (english: string, index = 0) => english.match(/-?\d+(\.\d+)?/g)?.[index] ?? '?';
const afterColon = (english: string) => english.slice(english.indexOf(':') + 1).trim();

/** The Danish reason for a failed constraint, from its name and (for limits) its English text. */
function reason(constraint: string, english: string): string {
  switch (constraint) {
    case 'isString':
      return 'det skal være en tekst';
    case 'isUuid':
      return 'det skal være et gyldigt id';
    case 'isInt':
      return 'det skal være et helt tal';
    case 'isNumber':
    case 'isNumberString':
      return 'det skal være et tal';
    case 'isBoolean':
      return 'det skal være true eller false';
    case 'isDate':
      return 'det skal være et tidspunkt';
    case 'isDateString':
    case 'isIso8601':
      return 'det skal være en dato på formen ÅÅÅÅ-MM-DD (evt. med klokkeslæt)';
    case 'isEmail':
      return 'det skal være en gyldig e-mailadresse';
    case 'isNotEmpty':
    case 'isDefined':
    case 'arrayNotEmpty':
      return 'det skal udfyldes';
    case 'isEnum':
    case 'isIn':
      return `det skal være en af værdierne ${afterColon(english)}`;
    case 'isArray':
      return 'det skal være en liste';
    case 'isObject':
    case 'nestedValidation':
      return 'det skal være et objekt eller en liste af objekter';
    case 'min':
      return `det skal være mindst ${number(english)}`;
    case 'max':
      return `det må højst være ${number(english)}`;
    case 'minLength':
      return `det skal være på mindst ${number(english)} tegn`;
    case 'maxLength':
      return `det må højst være på ${number(english)} tegn`;
    case 'isLength':
      return /shorter/.test(english) ? `det må højst være på ${number(english)} tegn` : `det skal være på mindst ${number(english)} tegn`;
    case 'arrayMinSize':
      return `listen skal have mindst ${number(english)} elementer`;
    case 'arrayMaxSize':
      return `listen må højst have ${number(english)} elementer`;
    case 'matches':
      return 'det har ikke den rigtige form';
    default:
      return 'værdien kan ikke bruges';
  }
}

/** One sentence per field, in the order the DTO declares them; nested fields by path. */
function sentences(errors: ValidationError[], parent = ''): string[] {
  const result: string[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const reasons: string[] = [];
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      if (constraint === 'whitelistValidation') {
        result.push(`Feltet »${path}« er ikke tilladt her. Fjern det, og prøv igen.`);
      } else if (ENGLISH_DEFAULT.test(message)) {
        reasons.push(reason(constraint, message));
      } else {
        result.push(/[.!?]$/.test(message) ? message : `${message}.`);
      }
    }
    if (reasons.length > 0) result.push(`Feltet »${path}« er ugyldigt: ${[...new Set(reasons)].join(', og ')}. Ret det, og prøv igen.`);
    result.push(...sentences(error.children ?? [], path));
  }
  return [...new Set(result)];
}

/**
 * ValidationPipe's exceptionFactory: a BAD_USER_INPUT DomainError whose message names each
 * field in Danish and says what to change; class-validator's English stays in the details.
 */
export function validationException(errors: ValidationError[]): DomainError {
  const message = sentences(errors).join(' ') || 'De sendte data er ugyldige. Ret dem, og prøv igen.';
  const english = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  return badInput(message, { validation: english });
}
