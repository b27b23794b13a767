// ESM resolve hook: `@gov/<lib>` → dist/libs/<lib>/src/index.js (the same mapping as tsconfig.base.json paths).
const dist = new URL('../../dist/', import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  const match = /^@gov\/([a-z-]+)$/.exec(specifier);
  if (match) return nextResolve(new URL(`libs/${match[1]}/src/index.js`, dist).href, context);
  return nextResolve(specifier, context);
}
