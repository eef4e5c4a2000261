import { isSingleEmoji, markerCatalogueDecider, MARKERS_MAX, type MarkerEvent } from '@trilha/domain';
import { deciderSpec } from '@trilha/testing/decider-spec';

const spec = deciderSpec(markerCatalogueDecider);
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const created = (n: number, name = `Marcador ${n}`, emoji = '🔥'): MarkerEvent => ({ type: 'MarkerCreated', data: { markerId: id(n), name, emoji } });
const deleted = (n: number): MarkerEvent => ({ type: 'MarkerDeleted', data: { markerId: id(n) } });
const fifteen = Array.from({ length: MARKERS_MAX }, (_, i) => created(i + 1));

describe('marker catalogue decider (CS6)', () => {
  describe('create', () => {
    it('creates a marker with its name trimmed and its emoji', () => {
      spec.given([]).when({ type: 'CreateMarker', markerId: id(1), name: '  Cliente em risco ', emoji: '⚠️' }).then([created(1, 'Cliente em risco', '⚠️')]);
    });

    it('accepts any characters in a name of up to 60, an emoji counted once', () => {
      const name = `🚀#@! ${'x'.repeat(55)}`;
      spec.given([]).when({ type: 'CreateMarker', markerId: id(1), name, emoji: '👨‍👩‍👧‍👦' }).then([created(1, name, '👨‍👩‍👧‍👦')]);
    });

    it.each([
      ['a blank name', '   ', '🔥', 'name'],
      ['a name of 61 characters', 'x'.repeat(61), '🔥', 'name'],
      ['no emoji', 'VIP', '', 'emoji'],
      ['two emojis', 'VIP', '🔥🔥', 'emoji'],
      ['plain text as emoji', 'VIP', 'fire', 'emoji'],
      ['an emoji with text around it', 'VIP', ' 🔥', 'emoji'],
    ])('refuses %s (400 naming the field)', (_label, name, emoji, field) => {
      spec.given([]).when({ type: 'CreateMarker', markerId: id(1), name, emoji }).thenThrows({ kind: 'invalid', field });
    });

    it(`allows ${MARKERS_MAX} live markers and refuses one more`, () => {
      spec.given(fifteen.slice(0, -1)).when({ type: 'CreateMarker', markerId: id(99), name: 'Último', emoji: '✅' }).then([created(99, 'Último', '✅')]);
      spec.given(fifteen).when({ type: 'CreateMarker', markerId: id(99), name: 'Demais', emoji: '✅' }).thenThrows({ kind: 'rejected', code: 'marker_limit' });
    });

    it('counts only live markers towards the limit', () => {
      spec.given([...fifteen, deleted(3)]).when({ type: 'CreateMarker', markerId: id(99), name: 'Outro', emoji: '✅' }).then([created(99, 'Outro', '✅')]);
    });

    it('refuses a name a live marker has, ignoring case and spaces (409)', () => {
      spec.given([created(1, 'Cliente VIP')]).when({ type: 'CreateMarker', markerId: id(2), name: ' cliente vip ', emoji: '⭐' }).thenThrows({ kind: 'conflict', code: 'marker_name_taken' });
    });

    it('allows the name of a deleted marker again', () => {
      spec.given([created(1, 'VIP'), deleted(1)]).when({ type: 'CreateMarker', markerId: id(2), name: 'VIP', emoji: '⭐' }).then([created(2, 'VIP', '⭐')]);
    });

    it('refuses to create the same marker id twice', () => {
      spec.given([created(1)]).when({ type: 'CreateMarker', markerId: id(1), name: 'Outro', emoji: '⭐' }).thenThrows({ kind: 'conflict', code: 'marker_exists' });
    });
  });

  describe('change', () => {
    it('renames and changes the emoji, each once', () => {
      spec
        .given([created(1, 'VIP', '⭐')])
        .when({ type: 'ChangeMarker', markerId: id(1), name: 'Muito importante', emoji: '💎' })
        .then([
          { type: 'MarkerRenamed', data: { markerId: id(1), name: 'Muito importante' } },
          { type: 'MarkerEmojiChanged', data: { markerId: id(1), emoji: '💎' } },
        ]);
    });

    it('changes nothing when given the current name and emoji', () => {
      spec.given([created(1, 'VIP', '⭐')]).when({ type: 'ChangeMarker', markerId: id(1), name: ' VIP ', emoji: '⭐' }).then([]);
    });

    it('may change only the case of its own name', () => {
      spec.given([created(1, 'vip')]).when({ type: 'ChangeMarker', markerId: id(1), name: 'VIP' }).then([{ type: 'MarkerRenamed', data: { markerId: id(1), name: 'VIP' } }]);
    });

    it("refuses another live marker's name (409)", () => {
      spec.given([created(1, 'VIP'), created(2, 'Risco')]).when({ type: 'ChangeMarker', markerId: id(2), name: 'vip' }).thenThrows({ kind: 'conflict', code: 'marker_name_taken' });
    });

    it('refuses a bad name or emoji', () => {
      spec.given([created(1)]).when({ type: 'ChangeMarker', markerId: id(1), name: '' }).thenThrows({ kind: 'invalid', field: 'name' });
      spec.given([created(1)]).when({ type: 'ChangeMarker', markerId: id(1), emoji: 'x' }).thenThrows({ kind: 'invalid', field: 'emoji' });
    });

    it('answers 404 for an unknown or deleted marker', () => {
      spec.given([]).when({ type: 'ChangeMarker', markerId: id(1), name: 'X' }).thenThrows({ kind: 'not_found', code: 'marker_not_found' });
      spec.given([created(1), deleted(1)]).when({ type: 'ChangeMarker', markerId: id(1), name: 'X' }).thenThrows({ kind: 'not_found' });
    });
  });

  describe('delete', () => {
    it('deletes a live marker', () => {
      spec.given([created(1)]).when({ type: 'DeleteMarker', markerId: id(1) }).then([deleted(1)]);
    });

    it('answers 404 the second time, as for a marker that never existed', () => {
      spec.given([created(1), deleted(1)]).when({ type: 'DeleteMarker', markerId: id(1) }).thenThrows({ kind: 'not_found' });
      spec.given([]).when({ type: 'DeleteMarker', markerId: id(1) }).thenThrows({ kind: 'not_found' });
    });
  });

  it('tells one emoji from anything else', () => {
    expect(['🔥', '❤️', '1️⃣', '🇧🇷', '👍🏽', '👩‍💻'].map(isSingleEmoji)).toEqual([true, true, true, true, true, true]);
    expect(['', 'a', '🔥🔥', '🔥 ', ':fire:', '1'].map(isSingleEmoji)).toEqual([false, false, false, false, false, false]);
  });
});
