import type { CategoryDefinition } from './types';
import { countOf, has, scan, verdictOf } from './scan';

export const GENERIC_SECURITY = /\b(?:appropriate|reasonable|adequate|suitable|commercially reasonable|industry[- ]standard|necessary)\s+(?:(?:technical|organi[sz]ational|administrative|physical|and|,|\s)+)?(?:security\s+)?(?:measures|safeguards|precautions|controls|steps|security)\b/i;

export const security: CategoryDefinition = {
  id: 'security',
  title: 'Information security',
  expectation: 'Concrete security obligations on the supplier: encryption, access control, security testing or audits, a security programme or certification.',
  assess(ctx) {
    const duty = { supplierDuty: true } as const;
    const found = scan(ctx, [
      { requirement: 'encryption', pattern: /\bencrypt(?:s|ed|ion|ing)?\b|\bTLS\b|\bAES[- ]?\d*\b|\bcryptograph/i, unless: /\bexport\b[^.]{0,40}\bencryption\b/i, ...duty },
      { requirement: 'access-control', pattern: /\baccess controls?\b|\bleast privilege\b|\bmulti-?factor\b|\btwo-?factor\b|\bMFA\b|\b2FA\b|\brole-based access\b|\bneed[- ]to[- ]know\b[^.]{0,60}\baccess\b|\bunique (?:user )?(?:ids?|identifiers|accounts?)\b|\bpasswords?\b[^.]{0,60}\b(?:polic|complex|rotat|strong)|\blogical access\b|\bprivileged access\b/i, ...duty },
      { requirement: 'testing', pattern: /\bpenetration test|\bpen[- ]test|\bvulnerability (?:scan|assess|test|manage)|\bsecurity (?:audits?|assessments?|testing|reviews?)\b|\bthird[- ]party (?:security )?(?:audits?|assessments?)\b|\baudited\b[^.]{0,80}\b(?:independent|third[- ]party)\b|\bindependent (?:third[- ]party )?auditors?\b/i, ...duty },
      // Threat-led penetration testing (DORA Art. 26): a distinct requirement, not met by an ordinary penetration test.
      { requirement: 'tlpt', pattern: /\bthreat[- ]led penetration test|\bTLPT\b|\bTIBER(?:-[A-Z]{2,3})?\b|\bCBEST\b/i },
      { requirement: 'programme', pattern: /\b(?:information )?security (?:program(?:me)?|management system|policies|policy|plan|requirements|standards|controls|safeguards|measures)\b|\bISMS\b|\bfirewalls?\b|\banti-?virus\b|\bintrusion (?:detection|prevention)\b|\bsecurity patch|\bphysical security\b|\blogging and monitoring\b/i, unless: /\bsocial security\b/i, ...duty },
      { requirement: 'certification', pattern: /\bISO(?:\/IEC)?\s*27001\b|\bSOC\s*(?:2|II|1)\b|\bSSAE\s*\d+|\bISAE\s*3402\b|\bPCI[- ]DSS\b|\bFedRAMP\b|\bsecurity authori[sz]ation\b|\bAuthori[sz]ation to Operate\b|\bAuthority to Operate\b|\bFISMA\b|\bCyber Essentials\b|\bNIST\b/i, supplierDuty: true, unless: /\bnot (?:be )?(?:required|obliged) to (?:obtain|maintain|hold|achieve)\b/i },
      { requirement: 'generic', pattern: GENERIC_SECURITY, context: /secur|protect|safeguard|unauthori[sz]ed|data/i, ...duty },
    ], /\bsecurity\b|\bsafeguards?\b|\bprotection of (?:customer )?data\b/i);
    const specific = countOf(found, 'encryption', 'access-control', 'testing', 'certification');
    if (specific >= 2 || (specific >= 1 && has(found, 'programme'))) return verdictOf('security', found, 'present', 'specific security controls');
    if (specific === 1) return verdictOf('security', found, 'present', 'a specific security control');
    if (has(found, 'programme')) return verdictOf('security', found, 'weak', 'security is addressed only in general terms (no encryption, access control, testing or certification)');
    if (has(found, 'generic')) return verdictOf('security', found, 'weak', 'security is only "appropriate measures", with no concrete controls');
    return verdictOf('security', found, 'missing', 'no security obligations on the supplier');
  },
};
