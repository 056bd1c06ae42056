import { profileHintRule } from './profile-hints';

export default profileHintRule({
  id: 'gdpr-profile-hint',
  category: 'data-protection',
  profile: 'gdpr-processor',
  alsoSatisfiedBy: [],
  pattern: /\b(?:GDPR|General Data Protection Regulation|Regulation \(EU\) 2016\/679|UK GDPR|(?:data )?processor\b[^.]{0,80}\bcontroller|controller\b[^.]{0,80}\b(?:data )?processor|sub-?processors?)\b/i,
  title: 'GDPR processor profile suggested',
  description: 'The contract reads as a GDPR controller-processor arrangement; the gdpr-processor profile checks the terms Art. 28(3) requires.',
  rationale: 'When a supplier processes personal data for the customer, GDPR Art. 28(3) lists what the contract must contain. The gdpr-processor profile turns those items into errors and cites the provision behind each.',
  message: 'This contract mentions GDPR or a processor relationship: consider the "gdpr-processor" profile (GDPR Art. 28(3)) in front matter or settings.',
});
