import { checkPlaceholders, DomainError, MESSAGE_PLACEHOLDERS, placeholdersIn, renderMessage, type PlaceholderValues } from '@trilha/domain';

const values: Required<PlaceholderValues> = {
  cliente: 'Padaria Pão Quente',
  contato: 'Joana Lima',
  email: 'joana@paoquente.com.br',
  telefone: '+55 11 98888-0000',
  data_contato: '02/03/2026',
  proximo_contato: '10/03/2026',
  usuario: 'Beto Broker',
};

function refusal(text: string): DomainError {
  try {
    checkPlaceholders('message', text);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe('message placeholders (CAL4)', () => {
  it('knows seven placeholders, each described', () => {
    expect(MESSAGE_PLACEHOLDERS.map((p) => p.name)).toEqual(['cliente', 'contato', 'email', 'telefone', 'data_contato', 'proximo_contato', 'usuario']);
    for (const p of MESSAGE_PLACEHOLDERS) expect(p.description.length).toBeGreaterThan(10);
  });

  it.each(Object.entries(values))('renders #{%s} as its value', (name, value) => {
    expect(renderMessage(`[#{${name}}]`, values)).toBe(`[${value}]`);
    expect(() => checkPlaceholders('message', `#{${name}}`)).not.toThrow();
  });

  it('renders a whole message', () => {
    const text = 'Olá #{contato}, aqui é #{usuario}. Falamos em #{data_contato} sobre #{cliente}; ligo de novo em #{proximo_contato} no #{telefone} ou escrevo para #{email}.';
    expect(renderMessage(text, values)).toBe(
      'Olá Joana Lima, aqui é Beto Broker. Falamos em 02/03/2026 sobre Padaria Pão Quente; ligo de novo em 10/03/2026 no +55 11 98888-0000 ou escrevo para joana@paoquente.com.br.',
    );
  });

  it('replaces every occurrence of a repeated placeholder', () => {
    expect(renderMessage('#{contato}! #{contato}? #{contato}#{contato}', values)).toBe('Joana Lima! Joana Lima? Joana LimaJoana Lima');
  });

  it('renders a placeholder whose value is missing as empty text', () => {
    const { telefone: _t, usuario: _u, ...withoutPhone } = values;
    expect(renderMessage('Telefone: [#{telefone}] por #{usuario}.', withoutPhone)).toBe('Telefone: [] por .');
  });

  it('refuses an unknown placeholder, naming the field and the placeholder', () => {
    const error = refusal('Olá #{nome}, tudo bem?');
    expect(error).toMatchObject({ kind: 'invalid', field: 'message' });
    expect(error.message).toContain('#{nome}');
    expect(error.message).toContain('#{cliente}');
  });

  it('names every unknown placeholder once, and is case-sensitive as the seed asks (write it as suggested)', () => {
    const error = refusal('#{Cliente} #{foo} #{foo} #{cliente}');
    expect(error.message).toContain('#{Cliente}, #{foo};');
    expect(() => checkPlaceholders('body', '#{próximo_contato}')).toThrow(expect.objectContaining({ field: 'body' }));
  });

  it('leaves text with #{ that is not a placeholder as it is', () => {
    const text = 'Preço #{ 10 } ou #{} ou #{a-b} ou #{cliente sem fim, e # { cliente }';
    expect(() => checkPlaceholders('message', text)).not.toThrow();
    expect(placeholdersIn(text)).toEqual([]);
    expect(renderMessage(text, values)).toBe(text);
  });

  it('does not render placeholders found inside a value', () => {
    expect(renderMessage('#{cliente}', { cliente: 'Loja #{contato}', contato: 'Joana' })).toBe('Loja #{contato}');
  });

  it('lists the placeholders a text uses, in order of first use', () => {
    expect(placeholdersIn('#{usuario} #{cliente} #{usuario} #{x}')).toEqual(['usuario', 'cliente', 'x']);
  });
});
