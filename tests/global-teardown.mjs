export default async function globalTeardown() {
  for (const container of globalThis.__GOV_CONTAINERS__ ?? []) await container.stop();
}
