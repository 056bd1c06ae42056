import { profileHintRule } from './profile-hints';
import examples from './examples/gdpr-profile-hint';

/** What suggests the profile (see profileHintRule): a processor relationship, not a "payment processor" or a "financial controller". */
export const GDPR_HINT_PATTERNS: RegExp[] = [
  /\bGDPR\b|\bGeneral Data Protection Regulation\b|\bRegulation \(EU\) 2016\/679\b|\bsub-?processors?\b|\b(?:acts?|acting) as (?:a |the )?(?:data )?(?:processor|controller)\b|\bdata (?:processor|controller)\b/i,
  /\bpersonal data\b[^.]{0,120}\b(?:processor|controller)\b|\b(?:processor|controller)\b[^.]{0,120}\bpersonal data\b/i,
];
/** Lower-case literals one of which every match of the patterns holds (./word-gate.ts). */
export const GDPR_HINT_WORDS = ['gdpr', 'general data protection regulation', '2016/679', 'processor', 'controller'];

export default profileHintRule({
  examples,
  related: ['dora-profile-hint'],
  quickFix: 'none (choose the profile in the front matter or settings)',
  silentUnder: ['gdpr-processor'],
  id: 'gdpr-profile-hint',
  category: 'data-protection',
  profile: 'gdpr-processor',
  alsoSatisfiedBy: [],
  patterns: GDPR_HINT_PATTERNS,
  anyOf: GDPR_HINT_WORDS,
  title: 'GDPR processor profile suggested',
  description: 'The contract reads as a GDPR controller-processor arrangement; the gdpr-processor profile checks the terms Art. 28(3) requires.',
  rationale: 'When a supplier processes personal data for the customer, GDPR Art. 28(3) lists what the contract must contain. The gdpr-processor profile turns those items into errors and cites the provision behind each.',
  message: 'This contract mentions GDPR or a processor relationship: consider the "gdpr-processor" profile (GDPR Art. 28(3)) in front matter or settings.',
});
