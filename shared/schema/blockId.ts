// shared/ runs in the browser and in Node; both have Web Crypto as a global, but shared/ is compiled
// without DOM or Node typings, so declare the one function used.
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A new stable block id: 12 random characters (62 bits), so ids made on different replicas
 * never collide in practice. Ids are never reused or changed once a block has one.
 */
export function newBlockId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let id = '';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return id;
}
