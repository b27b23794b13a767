// Registers the resolver that maps the workspace aliases (@gov/<lib>) to the built libraries in dist/.
// Use: node --import ./infra/scripts/paths-hook.mjs dist/services/<name>/src/main.js
import { register } from 'node:module';

register('./paths-resolve.mjs', import.meta.url);
