import { JwtService } from '@nestjs/jwt';
import { AuthSecrets } from './auth-secrets.js';

describe('AuthSecrets', () => {
  const jwt = new JwtService();

  it('holds the keys as secret KeyObjects (jsonwebtoken skips its slow PEM attempt for them)', () => {
    const secrets = new AuthSecrets('s'.repeat(48), 'p'.repeat(43));
    expect(secrets.jwtKey.type).toBe('secret');
    expect(secrets.portalKey.type).toBe('secret');
    expect(secrets.jwtKey.symmetricKeySize).toBe(48);
  });

  it('tokens signed with the string secret before the upgrade still verify with the key, and other keys fail', () => {
    const secret = 'a-configured-signing-secret-of-reasonable-length';
    const token = jwt.sign({ sub: 'x' }, { secret, audience: 'switchboard:account' });
    const key = new AuthSecrets(secret, 'portal').jwtKey as unknown as Buffer;
    expect(jwt.verify(token, { secret: key, audience: 'switchboard:account' })).toMatchObject({ sub: 'x' });
    const other = new AuthSecrets(`${secret}!`, 'portal').jwtKey as unknown as Buffer;
    expect(() => jwt.verify(token, { secret: other, audience: 'switchboard:account' })).toThrow('invalid signature');
  });
});
