import { DataSource } from 'typeorm';
import { SessionTokenService } from '@switchboard/core';
import { createTestApp, nextEvent, TestApp } from '@switchboard/testing';

describe('realtime gateways', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each(['/agent', '/portal', '/device'] as const)(
    'refuses a socket without a token in the handshake (%s)',
    async (ns) => {
      await expect(t.socket(ns)).rejects.toThrow('unauthorized');
      await expect(t.socket(ns, { token: 'forged.token.value' })).rejects.toThrow('unauthorized');
    },
  );

  it('does not accept a technician token on the portal namespace, nor a portal token on the agent namespace', async () => {
    const portalToken = t
      .get(SessionTokenService)
      .issuePortalToken({ sessionId: 's1', portalId: 'p1', companyId: 'c1', subject: null });
    await expect(t.socket('/portal', { token: t.technicianToken })).rejects.toThrow('unauthorized');
    await expect(t.socket('/agent', { token: portalToken })).rejects.toThrow('unauthorized');
    const visitor = await t.socket('/portal', { token: portalToken });
    const ack = await visitor.timeout(3000).emitWithAck('ping', { text: 'hi' });
    expect(ack).toEqual({ ok: true, data: { pong: 'hi', sessionId: 's1' } });
    visitor.close();
  });

  it('authenticates technicians by token or by the web UI cookie', async () => {
    const byToken = await t.socket('/agent', { token: t.technicianToken });
    expect(await byToken.timeout(3000).emitWithAck('ping', {})).toEqual({
      ok: true,
      data: { pong: null, accountId: t.technician.id },
    });
    byToken.close();
    const byCookie = await t.socket('/agent', { headers: { cookie: `sb_token=${t.technicianToken}` } });
    expect((await byCookie.timeout(3000).emitWithAck('ping', {})).ok).toBe(true);
    byCookie.close();
  });

  it('answers a malformed event with an error ack and keeps the connection', async () => {
    const socket = await t.socket('/agent', { token: t.technicianToken });
    const tooLong = await socket.timeout(3000).emitWithAck('ping', { text: 'x'.repeat(1001) });
    expect(tooLong).toMatchObject({ ok: false, error: { statusCode: 400, error: 'VALIDATION_FAILED' } });
    expect(tooLong.error.details.fieldErrors.text[0]).toMatch(/1000/);
    const wrongType = await socket.timeout(3000).emitWithAck('availability.set', { available: 'yes' });
    expect(wrongType).toMatchObject({ ok: false, error: { error: 'VALIDATION_FAILED' } });
    const unknownField = await socket.timeout(3000).emitWithAck('availability.set', { available: true, admin: true });
    expect(unknownField.error.details.fieldErrors.admin).toBeDefined();
    const notAnObject = await socket.timeout(3000).emitWithAck('availability.set', 'available');
    expect(notAnObject).toMatchObject({ ok: false, error: { statusCode: 400 } });
    expect(socket.connected).toBe(true);
    // Nothing half-written: availability is still the default.
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${t.technicianToken}`).expect(200);
    expect(me.body.availability).toBe('unavailable');
    expect(await socket.timeout(3000).emitWithAck('ping', { text: 'still here' })).toMatchObject({ ok: true });
    socket.close();
  });

  it('pushes availability changes to every tab of the technician and to colleagues', async () => {
    const tab1 = await t.socket('/agent', { token: t.technicianToken });
    const tab2 = await t.socket('/agent', { token: t.technicianToken });
    const colleague = await t.socket('/agent', { token: t.adminToken });
    const onTab2 = nextEvent(tab2, 'account.availability');
    const onColleague = nextEvent(colleague, 'agent.availability');
    const ack = await tab1.timeout(3000).emitWithAck('availability.set', { available: true });
    expect(ack.data.availability).toBe('available');
    expect(await onTab2).toEqual({ availability: 'available' });
    expect(await onColleague).toEqual({ accountId: t.technician.id, availability: 'available' });
    const stored = await t
      .get(DataSource)
      .query(`SELECT "availability" FROM "accounts" WHERE "email" = 'tech@test.local'`);
    expect(stored[0].availability).toBe('available');
    [tab1, tab2, colleague].forEach((s) => s.close());
  });

  it('authenticates devices by their token', async () => {
    const company = (
      await t
        .http()
        .post('/api/companies')
        .set('Authorization', `Bearer ${t.adminToken}`)
        .send({ name: 'Socket Devices' })
        .expect(201)
    ).body;
    const { body } = await t
      .http()
      .post('/api/devices')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ companyId: company.id, name: 'PC' })
      .expect(201);
    const device = await t.socket('/device', { token: body.token });
    expect(await device.timeout(3000).emitWithAck('ping', { text: 'agent' })).toEqual({
      ok: true,
      data: { pong: 'agent', deviceId: body.device.id },
    });
    device.close();
  });
});
