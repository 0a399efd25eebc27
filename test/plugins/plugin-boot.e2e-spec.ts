import { createTestApp } from '@switchboard/testing';

// Discovery is explicit and checked at boot: a plugin written for another SDK major stops the app.
describe('plugin boot checks', () => {
  it('refuses to start with a plugin whose apiVersion this SDK does not satisfy', async () => {
    await expect(
      createTestApp({ plugins: [{ name: 'test/fixtures/plugins/bad-api-version', enable: true }] }),
    ).rejects.toThrow(
      'Plugin "bad-api-version@1.0.0" requires plugin SDK "^99.0.0" but this Switchboard provides 1.4.0',
    );
  });

  it('refuses to start when two entries provide the same plugin id', async () => {
    await expect(
      createTestApp({
        plugins: [
          { name: 'test/fixtures/plugins/crash-on-enable', enable: false },
          { name: `${process.cwd()}/test/fixtures/plugins/crash-on-enable`, enable: false },
        ],
      }),
    ).rejects.toThrow(/Plugin id "crash-on-enable" is provided by both/);
  });

  it('refuses to start when a listed plugin cannot be found', async () => {
    await expect(
      createTestApp({ plugins: [{ name: 'test/fixtures/plugins/missing', enable: false }] }),
    ).rejects.toThrow(/Plugin "test\/fixtures\/plugins\/missing"/);
  });
});
