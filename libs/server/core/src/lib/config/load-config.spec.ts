import { ConfigError, loadConfig } from './load-config';

const SECRET = 'a'.repeat(40);

describe('loadConfig', () => {
  it('applies documented defaults and coerces numbers and lists', () => {
    const c = loadConfig({
      JWT_SECRET: SECRET,
      PORT: '4000',
      CORS_ORIGINS: 'https://a.go.id, https://b.go.id',
    });
    expect(c.PORT).toBe(4000);
    expect(c.ACCESS_TOKEN_TTL).toBe(900);
    expect(c.CORS_ORIGINS).toEqual(['https://a.go.id', 'https://b.go.id']);
    expect(c.DATABASE_REPLICA_URLS).toEqual([]);
  });

  it('names every bad variable with the value given, hiding secrets', () => {
    try {
      loadConfig({
        JWT_SECRET: 'pendek',
        PORT: '99999',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
      });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/JWT_SECRET=\(hidden\): must be at least 32 characters/);
      expect(msg).not.toContain('pendek');
      expect(msg).toMatch(/PORT="99999"/);
      expect(msg).toMatch(/DATABASE_URL="mysql:\/\/x": must be a postgres:\/\/ connection URL/);
      expect(msg).toMatch(/LOG_LEVEL="loud"/);
    }
  });

  it('requires JWT_SECRET', () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET=\(hidden\)/);
  });
});
