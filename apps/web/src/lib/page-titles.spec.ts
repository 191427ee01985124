import { describe, expect, it } from 'vitest';
import { routeTitle, titleForPath } from './page-titles';

const id = '0b8a3c1e-5f0d-4c2e-9a43-2d7c2b1f6e10';

describe('page titles', () => {
  it('names every main route on its own', () => {
    const titles = [
      '/',
      `/aftaler/${id}`,
      `/aftaler/${id}/input`,
      `/aftaler/${id}/tidslinje`,
      `/aftaler/${id}/godkendelser`,
      `/aftaler/${id}/overblik`,
      '/hoeringer',
      `/hoeringer/${id}`,
      `/hoeringer/${id}/svar`,
      `/hoeringer/${id}/brev`,
      `/hoeringer/${id}/spor/${id}`,
      `/input/${id}`,
      '/word',
    ].map(titleForPath);
    expect(titles).toEqual([
      'Aftaler – Aftalerum',
      'Udkast – Aftalerum',
      'Inputrunder – Aftalerum',
      'Tidslinje – Aftalerum',
      'Godkendelser – Aftalerum',
      'Overblik – Aftalerum',
      'Høringer – Aftalerum',
      'Høring – Aftalerum',
      'Høringssvar – Aftalerum',
      'Høringssvar som brev – Aftalerum',
      'Hvad vi sagde – hvad der blev ændret – Aftalerum',
      'Inputrunde – Aftalerum',
      'Word – Aftalerum',
    ]);
  });

  it('calls an address no route has “Siden findes ikke”, with or without a trailing slash elsewhere', () => {
    expect(routeTitle('/aftaler/x/y/z')).toBeNull();
    expect(titleForPath('/findes/ikke')).toBe('Siden findes ikke – Aftalerum');
    expect(titleForPath('/word/')).toBe('Word – Aftalerum');
  });
});
