import { amountToCents, centsToAmount } from '@trilha/domain';

describe('proposal amounts (T6)', () => {
  it.each([
    [1500, 150000],
    [1500.5, 150050],
    [19.99, 1999],
    [0.01, 1],
    ['1500', 150000],
    ['1500.5', 150050],
    ['1500.50', 150050],
    ['999999999999.99', 99_999_999_999_999],
  ])('reads %p as %p cents', (amount, cents) => {
    expect(amountToCents(amount)).toBe(cents);
  });

  it.each([[0], [-1], [0.001], [1.005], ['1,50'], ['1.'], ['.5'], ['-3'], ['1e3'], [1e21], ['1000000000000'], [NaN], [Infinity], [null], [true], [{}], [' 12']])(
    'refuses %p',
    (amount) => {
      expect(amountToCents(amount)).toBeUndefined();
    },
  );

  it('prints cents as a decimal with two places', () => {
    expect(centsToAmount(150050)).toBe('1500.50');
    expect(centsToAmount(7)).toBe('0.07');
    expect(centsToAmount(99_999_999_999_999)).toBe('999999999999.99');
  });
});
