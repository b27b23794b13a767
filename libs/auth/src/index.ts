export * from './roles.js';
export * from './clearance.js';
export * from './actor.js';
export * from './access.js';
export { KeycloakTokenVerifier, type KeycloakTokenVerifierOptions, type RejectReason } from './keycloak/token-verifier.js';
export * from './dev-issuer/index.js';
export * from './transitions.js';
