// ws ships no types and @types/ws is not installed; the tests only hand its WebSocket to graphql-ws.
declare module 'ws' {
  export const WebSocket: new (url: string, protocols?: string | string[]) => unknown;
}
