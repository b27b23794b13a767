export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const RPC = Symbol('RPC');
export const NATS = Symbol('NATS');
export const SPACE = Symbol('SPACE');
export const LOGGER = Symbol('LOGGER');
export const VERIFIER = Symbol('VERIFIER');
export const CALENDAR_STORE = Symbol('CALENDAR_STORE');
export const NATS_WATCH = Symbol('NATS_WATCH');
