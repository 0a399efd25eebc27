import { Injectable } from '@nestjs/common';
import { Clock, FakeClock } from '@switchboard/core';
import { newTestService } from './new-test-service.js';

@Injectable()
class Store {
  find(id: string): Promise<string | null> {
    return Promise.resolve(id);
  }
  save(_value: string): Promise<void> {
    return Promise.resolve();
  }
}

@Injectable()
class Greeter {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async greet(id: string): Promise<string> {
    const name = (await this.store.find(id)) ?? 'nobody';
    return `${name} at ${this.clock.now().toISOString()}`;
  }

  async rename(id: string): Promise<void> {
    await this.store.save(id.toUpperCase());
  }
}

describe('newTestService', () => {
  it('builds the service with a strict fake per constructor parameter', async () => {
    const { sut, fake } = newTestService(Greeter, { types: [[Clock, new FakeClock(Date.UTC(2026, 0, 1))]] });
    fake(Store).find.mockResolvedValue('Ada');
    await expect(sut.greet('a1')).resolves.toBe('Ada at 2026-01-01T00:00:00.000Z');
    expect(fake(Store).find).toHaveBeenCalledWith('a1');
  });

  it('fails loudly on a call the test did not declare', async () => {
    const { sut } = newTestService(Greeter, { types: [[Clock, new FakeClock(0)]] });
    await expect(sut.rename('x')).rejects.toThrow('Store.save: unexpected call');
  });

  it('fakes abstract classes too, and refuses types the service does not take', () => {
    const { fake } = newTestService(Greeter);
    fake(Clock).now.mockReturnValue(new Date(5));
    expect(fake(Clock).now().getTime()).toBe(5);
    expect(() => fake(FakeClock)).toThrow('Greeter takes no FakeClock');
  });
});
