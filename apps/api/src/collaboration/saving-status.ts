/**
 * The stateless message the server sends to a document's editors when saving starts failing
 * and when it works again: `{"type":"aftalerum:saving","status":"failing"|"ok"}`. The web app
 * (features/editor/hooks/use-collaboration.ts) reads the same shape.
 */
export const SAVING_MESSAGE_TYPE = 'aftalerum:saving';

export const SAVING_FAILED = 'failing';
export const SAVING_RECOVERED = 'ok';
export type SavingStatus = typeof SAVING_FAILED | typeof SAVING_RECOVERED;

export const savingStatusMessage = (status: SavingStatus): string => JSON.stringify({ type: SAVING_MESSAGE_TYPE, status });

/** The saving status in a stateless payload, or null when the payload is something else. */
export function savingStatusOf(payload: string): SavingStatus | null {
  try {
    const parsed = JSON.parse(payload) as { type?: unknown; status?: unknown };
    if (parsed?.type !== SAVING_MESSAGE_TYPE) return null;
    return parsed.status === SAVING_FAILED || parsed.status === SAVING_RECOVERED ? parsed.status : null;
  } catch {
    return null;
  }
}
