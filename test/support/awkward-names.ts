/** Awkward names and texts around them, for the tests that compare name searches with the expressions they replaced (issue 13). */
import fc from 'fast-check';

/**
 * Names that an expression built around them would read differently from the literal if they were
 * not escaped, or whose ends are not word characters (so `\b` around them means something else),
 * in several cases and scripts. Shared with the other name searches' tests.
 */
export const AWKWARD_NAMES = ['ACME', 'acme', 'A.B.', 'C++', '(X)', '$1', 'a|b', '[Y]', 'Q?', 'back\\slash', '"Q"', '-X-', 'Société', 'ÅB', 'İnc', 'straße', 'Ω Corp', 'X_1', 'Dot.Com, Inc.', 'VIP', 'V.I.P', '^caret', 'x*y', '{2}', 'AB CD', ' lead', 'trail '];

/** Pieces of text around those names: boundaries, quotes, case and script changes, the uses' words. */
export const PIECES = ['ACME', 'acme', 'Acme', 'A.B.', 'AxB.', 'C++', 'C', '(X)', 'X', '$1', 'a|b', '[Y]', 'Q?', 'Q', 'back\\slash', '"Q"', '-X-', 'Société', 'SOCIÉTÉ', 'ÅB', 'åb', 'İnc', 'inc', 'straße', 'STRASSE', 'Ω Corp', 'X_1', 'Dot.Com, Inc.', 'VIP', 'V.I.P', 'VxIxP', '^caret', 'x*y', 'xxy', '{2}', 'AB CD', 'AB  CD',
  ' ', '  ', '\n', '\t', '\u00a0', '\u2003', '.', ';', ',', '"', '\u201d', "'s", '_', '9', 'é', 'x',
  'shall', 'will', 'agrees to', 'must', 'provide', 'pay', 'promptly', 'submit all purchase orders', 'accept, reject', 'shall provide', 'will pay', ' shall promptly provide', ' must pay'];
/** A name and a text made of it and the pieces above (the name often, so that it is found). */
export const nameAndText = (names: string[], pieces: string[] = PIECES) => fc.constantFrom(...names).chain((name) => fc.tuple(fc.constant(name),
  fc.array(fc.oneof({ arbitrary: fc.constant(name), weight: 2 }, { arbitrary: fc.constantFrom(...pieces), weight: 5 }), { maxLength: 24 }).map((ps) => ps.join(''))));
