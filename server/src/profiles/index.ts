import { CATEGORY_IDS, type CategoryId, type Severity } from '../categories/types';

/**
 * A profile says which categories are reviewed and may raise the severity of rules, citing the
 * provision (practice or regulation) that requires them. Profiles compose: the union of their
 * categories, and for each rule the highest severity any active profile gives it.
 */
export interface Profile {
  id: string;
  title: string;
  description: string;
  categories: readonly CategoryId[];
  /** Severity per rule id, raising the rule's default. */
  severities: Record<string, Severity>;
  /** Why the rule applies under this profile: "DORA Art. 30(2)(a)". */
  citations: Record<string, string>;
}

/** Builds severities and citations from one table: rule id -> [severity, citation]. */
function table(rows: Record<string, [Severity, string]>): Pick<Profile, 'severities' | 'citations'> {
  const severities: Record<string, Severity> = {};
  const citations: Record<string, string> = {};
  for (const [rule, [severity, citation]] of Object.entries(rows)) {
    severities[rule] = severity;
    citations[rule] = citation;
  }
  return { severities, citations };
}

// DORA: Regulation (EU) 2022/2554, Art. 30(2) (every ICT services contract) and 30(3) (ICT
// services supporting critical or important functions).
const DORA_30_2: Record<string, [Severity, string]> = {
  'scope-of-services': ['error', 'DORA Art. 30(2)(a): clear and complete description of all functions and ICT services'],
  'subcontracting-approval': ['error', 'DORA Art. 30(2)(a): whether subcontracting of critical functions is permitted, and on what conditions'],
  'data-location': ['error', 'DORA Art. 30(2)(b): locations where the services are provided and data is processed, and notice of changes'],
  'security-obligations': ['error', 'DORA Art. 30(2)(c): availability, authenticity, integrity and confidentiality of data'],
  'data-protection-terms': ['error', 'DORA Art. 30(2)(c): protection of data, including personal data'],
  'data-access-portability': ['error', 'DORA Art. 30(2)(d): access, recovery and return of data on insolvency, discontinuation or termination'],
  'exit-assistance': ['error', 'DORA Art. 30(2)(d): return of data and orderly discontinuation'],
  'sla-metrics': ['error', 'DORA Art. 30(2)(e): service level descriptions, including updates and revisions'],
  'incident-notification': ['error', 'DORA Art. 30(2)(f): assistance to the financial entity when an ICT incident occurs'],
  'regulator-access': ['error', 'DORA Art. 30(2)(g): full cooperation with the competent and resolution authorities'],
  'audit-rights': ['warning', 'DORA Art. 30(2)(g): cooperation with competent authorities'],
  'termination-rights': ['error', 'DORA Art. 30(2)(h) and Art. 28(7): termination rights and minimum notice periods'],
  'term-termination': ['error', 'DORA Art. 30(2)(h): termination rights and minimum notice periods'],
};

const DORA_30_3: Record<string, [Severity, string]> = {
  ...DORA_30_2,
  'sla-metrics': ['error', 'DORA Art. 30(3)(a): full service level descriptions with precise quantitative and qualitative performance targets'],
  'sla-measurement-reporting': ['error', 'DORA Art. 30(3)(a)-(b): effective monitoring of service levels and reporting obligations'],
  'corrective-action': ['error', 'DORA Art. 30(3)(a): appropriate corrective action without undue delay when service levels are not met'],
  'progress-reports': ['warning', 'DORA Art. 30(3)(b): reporting obligations of the ICT third-party service provider'],
  'incident-notification': ['error', 'DORA Art. 30(3)(b): notice of developments that may affect the provision of the services'],
  'business-continuity': ['error', 'DORA Art. 30(3)(c): implement and test business contingency plans'],
  'force-majeure': ['warning', 'DORA Art. 30(3)(c): contingency plans must cover foreseeable disruption'],
  'encryption': ['warning', 'DORA Art. 30(3)(c): ICT security measures, tools and policies'],
  'access-control': ['warning', 'DORA Art. 30(3)(c): ICT security measures, tools and policies'],
  'security-testing': ['error', 'DORA Art. 30(3)(d): participation and full cooperation in threat-led penetration testing'],
  'audit-rights': ['error', 'DORA Art. 30(3)(e)(i): unrestricted rights of access, inspection and audit'],
  'regulator-access': ['error', 'DORA Art. 30(3)(e)(i): unrestricted access, inspection and audit by the competent authority'],
  'exit-assistance': ['error', 'DORA Art. 30(3)(f): exit strategies with a mandatory adequate transition period'],
  'data-access-portability': ['error', 'DORA Art. 30(3)(f): transfer of data on exit'],
};

// GDPR: Regulation (EU) 2016/679, Art. 28(3) (and 28(2), 28(4) for sub-processors).
const GDPR_28: Record<string, [Severity, string]> = {
  'data-protection-terms': ['error', 'GDPR Art. 28(3)(a), (e): processing only on documented instructions; assistance with data-subject rights'],
  'international-transfers': ['warning', 'GDPR Art. 28(3)(a) and Chapter V: transfers only on instructions and with safeguards'],
  'confidentiality': ['error', 'GDPR Art. 28(3)(b): persons processing the data are bound by confidentiality'],
  'security-obligations': ['error', 'GDPR Art. 28(3)(c) and Art. 32: security of processing'],
  'encryption': ['warning', 'GDPR Art. 32(1)(a): encryption of personal data'],
  'subcontracting-approval': ['error', 'GDPR Art. 28(2), 28(3)(d): sub-processors only with the controller\'s authorisation'],
  'subcontractor-flowdown': ['error', 'GDPR Art. 28(4): the same data-protection obligations imposed on sub-processors'],
  'incident-notification': ['error', 'GDPR Art. 28(3)(f) and Art. 33(2): notify the controller of personal-data breaches'],
  'breach-notification': ['warning', 'GDPR Art. 33(2): notice without undue delay'],
  // Warning, not error: judged on real contracts, 4 of 5 findings stood (0.8 < 0.9); see
  // docs/rules/data-return-deletion.md.
  'data-return-deletion': ['warning', 'GDPR Art. 28(3)(g): delete or return all personal data at the end of the services'],
  'audit-rights': ['error', 'GDPR Art. 28(3)(h): information and audits, including inspections, by the controller'],
  'data-location': ['warning', 'GDPR Chapter V: knowing where personal data is processed'],
};

// HIPAA: 45 CFR 164.504(e) (business associate contracts) and 164.314(a) / 164.410.
const HIPAA_BAA: Record<string, [Severity, string]> = {
  'data-protection-terms': ['error', '45 CFR 164.504(e)(2)(i)-(ii)(A): permitted and required uses and disclosures of PHI'],
  'security-obligations': ['error', '45 CFR 164.504(e)(2)(ii)(B), 164.314(a): appropriate safeguards under the Security Rule'],
  'incident-notification': ['error', '45 CFR 164.504(e)(2)(ii)(C), 164.410: report uses or disclosures not provided for, including breaches'],
  'breach-notification': ['error', '45 CFR 164.410(b): notice of a breach of unsecured PHI without unreasonable delay, at most 60 days'],
  'subcontractor-flowdown': ['error', '45 CFR 164.504(e)(2)(ii)(D): subcontractors agree to the same restrictions and conditions'],
  'regulator-access': ['error', '45 CFR 164.504(e)(2)(ii)(I): books and records available to the Secretary of HHS'],
  // Warning, not error: judged on real contracts, 4 of 5 findings stood (0.8 < 0.9); see
  // docs/rules/data-return-deletion.md.
  'data-return-deletion': ['warning', '45 CFR 164.504(e)(2)(ii)(J): return or destroy PHI at termination'],
  'termination-rights': ['error', '45 CFR 164.504(e)(2)(iii): termination if the business associate violates a material term'],
};

export const PROFILES: Record<string, Profile> = {
  'it-outsourcing': {
    id: 'it-outsourcing',
    title: 'IT outsourcing (general practice)',
    description: 'Every category of a sound IT-outsourcing contract, at the severities a careful outsourcing lawyer would use.',
    categories: CATEGORY_IDS,
    severities: {},
    citations: {},
  },
  'dora-ict': {
    id: 'dora-ict',
    title: 'DORA: ICT services (Art. 30(2))',
    description: 'The key contractual provisions DORA requires in every contract for ICT services with an EU financial entity.',
    categories: ['deliverables', 'sla', 'security', 'breach-notification', 'data-protection', 'audit-rights', 'exit', 'subcontracting', 'term-termination'],
    ...table(DORA_30_2),
  },
  'dora-critical': {
    id: 'dora-critical',
    title: 'DORA: critical or important functions (Art. 30(2) and 30(3))',
    description: 'Art. 30(2) plus the additional provisions DORA requires where the ICT services support critical or important functions.',
    categories: ['deliverables', 'sla', 'security', 'breach-notification', 'data-protection', 'communication', 'performance-monitoring', 'audit-rights', 'exit', 'subcontracting', 'business-continuity', 'term-termination'],
    ...table(DORA_30_3),
  },
  'gdpr-processor': {
    id: 'gdpr-processor',
    title: 'GDPR processor terms (Art. 28(3))',
    description: 'The terms GDPR Art. 28(3) requires in a contract under which the supplier processes personal data for the customer.',
    categories: ['data-protection', 'security', 'breach-notification', 'confidentiality', 'subcontracting', 'audit-rights', 'exit'],
    ...table(GDPR_28),
  },
  'hipaa-baa': {
    id: 'hipaa-baa',
    title: 'HIPAA business associate agreement (45 CFR 164.504(e))',
    description: 'The terms a US business associate agreement must contain for a supplier that handles protected health information.',
    categories: ['data-protection', 'security', 'breach-notification', 'subcontracting', 'audit-rights', 'exit', 'term-termination'],
    ...table(HIPAA_BAA),
  },
};

export const DEFAULT_PROFILES = ['it-outsourcing'];

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export function resolveProfiles(ids: readonly string[]): { profiles: Profile[]; unknown: string[] } {
  const profiles: Profile[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const p = PROFILES[id];
    if (p) { if (!profiles.includes(p)) profiles.push(p); } else unknown.push(id);
  }
  return { profiles, unknown };
}

/** The provisions the active profiles cite for a rule, in profile order. */
export function citationsFor(ruleId: string, profiles: readonly Profile[]): string[] {
  return profiles.map((p) => p.citations[ruleId]).filter((c): c is string => Boolean(c));
}
