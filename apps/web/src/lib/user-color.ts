/**
 * Caret and presence colours. Each is dark enough for white text on it (contrast ≥ 4.5:1)
 * and for a caret on the white page.
 */
export const USER_COLORS = ['#b42318', '#1e7a3c', '#6941c6', '#0e7490', '#c11574', '#8a5a00', '#3e4784', '#a4450b'] as const;

/** The same colour for the same person on every screen and in every session. */
export function colorForUser(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return USER_COLORS[Math.abs(hash) % USER_COLORS.length];
}
