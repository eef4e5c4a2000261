import { actionTitle, followUpTitle } from './action-title';

describe('action titles', () => {
  it('names the kind in pt-BR', () => {
    expect(actionTitle('service')).toBe('Serviço');
    expect(actionTitle('follow_up', '   ')).toBe('Follow-up');
  });

  it('adds the first line of the notes, shortened', () => {
    expect(actionTitle('visit', 'Test drive\nBring documents')).toBe('Visita: Test drive');
    expect(actionTitle('task', 'x'.repeat(100))).toBe(`Tarefa: ${'x'.repeat(79)}…`);
  });

  it('names an opportunity and its contact', () => {
    expect(followUpTitle('Padaria Pão Quente', 'Joana Lima')).toBe('Oportunidade: Padaria Pão Quente (Joana Lima)');
  });
});
