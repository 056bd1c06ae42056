import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const businessContinuity: CategoryDefinition = {
  id: 'business-continuity',
  title: 'Business continuity',
  expectation: 'A business continuity and disaster recovery plan with RTO/RPO, tested regularly, or a specific backup regime.',
  assess(ctx) {
    const found = scan(ctx, [
      { requirement: 'plan', pattern: /\b(?:business continuity|disaster recovery|contingency|continuity of (?:operations|services)|BCP|DRP?)\b(?:\s+(?:and|\/)\s+(?:disaster recovery|business continuity))?\s*(?:plans?|planning|programs?|programmes?|procedures?|arrangements?|sites?|facilit(?:y|ies)|capabilit(?:y|ies))\b|\b(?:backup|back-up|alternate|alternative|secondary|redundant) (?:site|facility|data cent(?:er|re)|processing)\b|\bfailover\b/i },
      { requirement: 'objectives', pattern: /\brecovery (?:time|point) objectives?\b|\bRTO\b|\bRPO\b/i },
      { requirement: 'testing', pattern: /\btest(?:s|ed|ing)?\b[^.]{0,80}\b(?:plan|recovery|continuity|failover|backups?|restor)|\b(?:plan|recovery|continuity|failover|backups?)\b[^.]{0,80}\btest(?:s|ed|ing)?\b/i },
      { requirement: 'backups', unless: /\bbackup or (?:record )?retention polic|\bretain\b[^.]{0,60}\bconfidential information\b/i, pattern: /\b(?:daily|nightly|hourly|weekly|incremental|full|off-?site|offsite|encrypted)\b[^.]{0,40}\bback-?ups?\b|\bback-?ups?\b[^.]{0,80}\b(?:daily|nightly|hourly|weekly|every \d+|retain(?:ed)?|retention|off-?site|offsite|geographically)\b|\bback(?:ed)? up\b[^.]{0,60}\b(?:daily|nightly|hourly|weekly|every)\b/i },
      { requirement: 'force-majeure', pattern: /\bforce majeure\b|\bacts? of God\b|\bbeyond (?:its|their|the) (?:\w+ )?(?:reasonable )?control\b/i },
      { requirement: 'fm-carve-out', pattern: /\bforce majeure\b[^.]{0,250}\b(?:business continuity|disaster recovery|continuity plan|contingency plan|BCP|DR plan)\b|\b(?:business continuity|disaster recovery|continuity plan|contingency plan)\b[^.]{0,250}\bforce majeure\b/i },
      { requirement: 'fm-carve-out', pattern: /\b(?:business continuity|disaster recovery|continuity plan|contingency plan)\b/i, context: /\bforce majeure\b/i },
      { requirement: 'mention', supplierDuty: true, pattern: /\b(?:perform|maintain|make|take|keep|run|provide)s?\b[^.]{0,30}\bback-?ups\b|\bback-?ups? (?:of|are|will|shall)\b|\bbacked up\b|\bescrow\b|\bredundan/i, unless: /\bright to\b[^.]{0,60}\bbackups?\b|\bbackup or (?:record )?retention polic|\bretain\b[^.]{0,60}\bconfidential information\b/i },
    ], /\bbusiness continuity\b|\bdisaster recovery\b|\bcontingency\b|\bbackups?\b|\bback-ups?\b|\bresilience\b/i);
    // Force majeure is not continuity evidence, but the force-majeure rule needs to know about it.
    const { 'force-majeure': fm = [], 'fm-carve-out': carveOut = [], ...evidence } = found;
    const verdict = (v: Parameters<typeof verdictOf>[2], reason: string) => {
      const a = verdictOf('business-continuity', evidence, v, reason);
      a.requirements['force-majeure'] = fm.length > 0;
      a.requirements['fm-carve-out'] = carveOut.length > 0;
      if (fm.length) a.related = { 'force-majeure': fm };
      return a;
    };
    if ((has(found, 'plan') && has(found, 'testing', 'objectives')) || has(found, 'backups') || (has(found, 'plan') && has(found, 'heading'))) return verdict('present', 'a continuity or recovery plan, or a specific backup regime');
    if (has(found, 'plan', 'mention', 'heading')) return verdict('weak', 'continuity is mentioned without a tested plan, recovery objectives or a specific backup regime');
    return verdict('missing', 'no business continuity or disaster recovery terms');
  },
};
