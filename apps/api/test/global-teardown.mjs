export default async function globalTeardown() {
  await globalThis.__GOVDESK_TEST_PG__?.stop();
}
