import { describe, expect, it } from 'vitest';
import { DepecheError, ERROR_CATALOGUE } from '../../src/errors.js';

describe('error catalogue', () => {
  it('gives every code a status and both languages', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^DEPECHE_[A-Z_]+$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.fr.length).toBeGreaterThan(0);
      expect(entry.en.length).toBeGreaterThan(0);
      expect(entry.fr.match(/\{\w+\}/g) ?? []).toEqual(entry.en.match(/\{\w+\}/g) ?? []);
    }
  });

  it('fills placeholders in the chosen language', () => {
    const error = new DepecheError('DEPECHE_SLUG_TAKEN', { slug: 'plan-de-paix' });
    expect(error.status).toBe(409);
    expect(error.messageIn('fr')).toBe('L’identifiant d’URL « plan-de-paix » est déjà utilisé.');
    expect(error.messageIn('en')).toContain('"plan-de-paix"');
    expect(error.message).toBe(error.messageIn('en'));
  });
});
