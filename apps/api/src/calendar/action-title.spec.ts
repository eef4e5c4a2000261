import { actionTitle } from './action-title';

describe('action titles', () => {
  it('names the kind in pt-BR', () => {
    expect(actionTitle('service')).toBe('Serviço');
    expect(actionTitle('follow_up', '   ')).toBe('Follow-up');
  });

  it('adds the first line of the notes, shortened', () => {
    expect(actionTitle('visit', 'Test drive\nBring documents')).toBe('Visita: Test drive');
    expect(actionTitle('task', 'x'.repeat(100))).toBe(`Tarefa: ${'x'.repeat(79)}…`);
  });
});
