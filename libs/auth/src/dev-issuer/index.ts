export { startDevIssuer, type DevIssuer, type DevIssuerOptions, type DemoUser, type IssueTokenOptions } from './dev-issuer.js';
export { signForeignToken } from './foreign-token.js';
export { defaultRealmFile, loadRealmFile, REALM_FILE_RELATIVE } from './realm-file.js';
