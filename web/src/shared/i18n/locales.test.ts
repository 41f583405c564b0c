import { describe, expect, it } from 'vitest';
import { initialLocale } from './locales';

const storage = (value: string | null) => ({ getItem: () => value });

describe('initialLocale', () => {
  it('keeps the language chosen on this device', () => expect(initialLocale(storage('es'), ['en-US'])).toBe('es'));
  it("follows the browser's languages, region ignored", () => expect(initialLocale(storage(null), ['fr-FR', 'es-BZ'])).toBe('es'));
  it('falls back to English', () => expect(initialLocale(storage('xx'), ['fr'])).toBe('en'));
});
