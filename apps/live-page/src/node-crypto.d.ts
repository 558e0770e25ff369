/**
 * The one Node module libs/election uses (a sha-256 in lot.ts, definition.ts and
 * city-councils-2021.ts), declared as far as those files use it. The page imports only types of
 * that library, but its type-check reads the library's sources; Node's own types stay out
 * (`types: []`), so browser code cannot use Node's globals by mistake.
 */
declare module 'node:crypto' {
  interface Hash {
    update(data: string): Hash;
    digest(): Uint8Array;
    digest(encoding: 'hex'): string;
  }
  export function createHash(algorithm: 'sha256'): Hash;
}
