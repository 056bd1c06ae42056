import { profileHintRule } from './profile-hints';
import examples from './examples/dora-profile-hint';

/** What suggests the profile (see profileHintRule); "DORA" only in capitals: Dora is also a first name. */
export const DORA_HINT_PATTERNS: RegExp[] = [/\bDORA\b/, /\bRegulation \(EU\) 2022\/2554\b|\bDigital Operational Resilience Act\b|\bICT third-party (?:service )?providers?\b|\bcritical or important functions?\b/i];
/** Lower-case literals one of which every match of the patterns holds (./word-gate.ts). */
export const DORA_HINT_WORDS = ['dora', '2022/2554', 'digital operational resilience act', 'ict third-party', 'critical or important function'];

export default profileHintRule({
  examples,
  related: ['gdpr-profile-hint'],
  quickFix: 'none (choose the profile in the front matter or settings)',
  silentUnder: ['dora-ict', 'dora-critical'],
  id: 'dora-profile-hint',
  category: 'security',
  profile: 'dora-ict',
  alsoSatisfiedBy: ['dora-critical'],
  patterns: DORA_HINT_PATTERNS,
  anyOf: DORA_HINT_WORDS,
  title: 'DORA profile suggested',
  description: 'The contract refers to DORA or ICT services for a financial entity; the dora-ict or dora-critical profile checks the terms DORA Art. 30 requires.',
  rationale: 'Contracts between EU financial entities and ICT third-party service providers must contain the terms listed in DORA Art. 30(2), and for critical or important functions also those in Art. 30(3). The dora-ict and dora-critical profiles check them and cite each provision.',
  message: 'This contract refers to DORA or ICT services for a financial entity: consider the "dora-ict" profile (DORA Art. 30(2)), or "dora-critical" for critical or important functions (Art. 30(3)).',
});
