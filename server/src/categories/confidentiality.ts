import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const confidentiality: CategoryDefinition = {
  id: 'confidentiality',
  title: 'Confidentiality',
  expectation: 'Obligations to keep the other party\'s confidential information secret and use it only for the contract.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'duty', pattern: /\b(?:keep|hold|treat|maintain|preserve|safeguard)\b[^.]{0,60}\b(?:confiden|in (?:strict )?confidence|secret)|\bnot (?:disclose|divulge|reveal|use)\b[^.]{0,80}\b(?:confidential|proprietary|information)|\bconfidential information\b[^.]{0,120}\b(?:shall|will|must|may)\s+(?:not|only)\b|\b(?:not|nor|never)\b[^.]{0,80}\bdisclosed? to (?:any )?third part|\b(?:shall|will|must|agrees? to)\s+(?:\w+\s+){0,3}protect\b[^.]{0,60}\b(?:the |its |all |such )?(?:\w+'s )?confidential information\b/i },
      // Passing mentions of "confidential" are common; a weak clause names the defined term or the topic.
      { requirement: 'mention', pattern: /\bConfidential Information\b|\bnon-?disclosure (?:agreement|obligations?)\b|\bconfidentiality (?:agreement|undertaking|clause)\b/ },
    ], /\bconfidential|\bnon-?disclosure\b/i);
    if (has(found, 'duty')) return verdictOf('confidentiality', found, 'present', 'confidentiality obligations');
    if (has(found, 'heading', 'mention')) return verdictOf('confidentiality', found, 'weak', 'confidentiality is mentioned without a duty not to disclose');
    return verdictOf('confidentiality', found, 'missing', 'no confidentiality obligations');
  },
};
