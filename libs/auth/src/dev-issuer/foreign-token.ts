import { generateKeyPair, SignJWT } from 'jose';

let foreignKey: ReturnType<typeof generateKeyPair> | undefined;

/**
 * Test helper: signs `claims` as RS256 with a key generated in this process that no issuer publishes.
 * Pass the real issuer's `kid` to imitate a forged token that names a trusted key.
 */
export async function signForeignToken(claims: Record<string, unknown>, kid = 'foreign-key'): Promise<string> {
  foreignKey ??= generateKeyPair('RS256', { modulusLength: 2048 });
  const { privateKey } = await foreignKey;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey);
}
