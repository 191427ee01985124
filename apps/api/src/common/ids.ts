/** A UUID as PostgreSQL's `uuid` type takes it: 8-4-4-4-12 hex digits, either case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the value is an id the database can look up (anything else finds nothing, without asking it). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value);
