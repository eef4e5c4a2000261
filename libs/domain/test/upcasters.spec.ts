import { UpcasterRegistry } from '@trilha/domain';

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry()
    .register('CustomerRegistered', 2, (d) => ({ ...d, phones: d.phone ? [d.phone] : [], phone: undefined }))
    .register('CustomerRegistered', 3, (d) => ({ ...d, origin: d.origin ?? {} }));

  it('lifts an old payload through every step to the current version', () => {
    const event = registry.upcast('CustomerRegistered', { name: 'Ana', phone: '1' }, 1);
    expect(event.data).toEqual({ name: 'Ana', phones: ['1'], phone: undefined, origin: {} });
  });

  it('leaves a current payload untouched', () => {
    expect(registry.upcast('CustomerRegistered', { name: 'Ana', phones: [], origin: { site: 'x' } }, 3).data).toEqual({
      name: 'Ana',
      phones: [],
      origin: { site: 'x' },
    });
  });

  it('knows the current version per type, 1 by default', () => {
    expect(registry.currentVersion('CustomerRegistered')).toBe(3);
    expect(registry.currentVersion('CustomerDataEdited')).toBe(1);
  });

  it('fails loudly when a step is missing', () => {
    const broken = new UpcasterRegistry().register('X', 3, (d) => d);
    expect(() => broken.upcast('X', {}, 1)).toThrow(/No upcaster for X from version 1/);
  });
});
