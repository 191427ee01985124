const KEY = 'aftalerum.token';

export const readToken = (): string | null => window.localStorage.getItem(KEY);
export const writeToken = (token: string | null): void => {
  if (token) window.localStorage.setItem(KEY, token);
  else window.localStorage.removeItem(KEY);
};
