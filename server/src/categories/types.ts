import type { ContractModel, Span } from '../model';
import type { PartyMatchers } from '../model/language';

/** Category ids from the interface spec (shared/spec/README.md, section 2). */
export const CATEGORY_IDS = [
  'sla', 'deliverables', 'security', 'breach-notification', 'data-protection', 'communication',
  'performance-monitoring', 'due-diligence', 'audit-rights', 'exit', 'confidentiality',
  'limitation-of-liability', 'indemnity', 'insurance', 'ip-ownership', 'subcontracting',
  'business-continuity', 'change-control', 'dispute-resolution', 'governing-law', 'term-termination', 'payment',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/**
 * Drafting hygiene (undefined terms, broken cross-references, numbering, placeholders) is not a
 * coverage category: it has no verdict, and its rules apply under every profile.
 */
export const DRAFTING = 'drafting' as const;
export type RuleCategory = CategoryId | typeof DRAFTING;

/**
 * How strongly a finding is reported. Here, below both rules and profiles, because a rule declares
 * its default and a profile raises it: neither imports the other.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type Verdict = 'present' | 'weak' | 'missing';

/**
 * The requirements each category reports in its assessment, with what each one means. Rules read
 * these (never a category's patterns), so this table is the public face of a category's analysis:
 * a misspelt name is a compile error, and test/categories/requirements.test.ts checks that every
 * name here is one a category's scan can actually meet.
 */
export const REQUIREMENTS = {
  sla: {
    availability: 'an availability or uptime percentage',
    times: 'response, resolution or restoration times',
    credits: 'service credits or another financial remedy for missed service levels',
    measurement: 'how and over what period service levels are measured',
    reporting: 'reports or monitoring of service-level performance',
    corrective: 'root-cause analysis or a corrective plan for service failures, owed by the supplier',
  },
  deliverables: {
    scope: 'a scope section, an itemised list of services, or concrete service duties',
    acceptance: 'acceptance criteria, tests or a procedure to accept or reject deliverables',
    dates: 'milestones, delivery dates or a project plan',
  },
  security: {
    encryption: 'encryption of data at rest or in transit',
    'access-control': 'access controls (least privilege, authentication, access reviews)',
    testing: 'penetration tests, vulnerability scans or security audits',
    certification: 'a security certification or attestation (ISO/IEC 27001, SOC 2 and the like)',
    programme: 'a security programme, policy or management system in general terms',
    tlpt: 'threat-led penetration testing (TLPT, TIBER, CBEST)',
  },
  'breach-notification': {
    duty: 'a duty on the supplier to notify security incidents or data breaches',
    deadline: 'that duty with a deadline (within N hours, without undue delay)',
  },
  'data-protection': {
    law: 'a reference to data protection law (GDPR, HIPAA and the like)',
    instructions: 'processing only on the customer\'s documented instructions',
    subprocessors: 'terms on sub-processors',
    transfers: 'terms on international transfers of personal data',
    'return-deletion': 'return or deletion of personal data',
    location: 'where the data is stored or processed',
  },
  communication: {
    contacts: 'named contacts or managers for the relationship',
    meetings: 'regular meetings or calls',
    reports: 'progress or status reports',
    escalation: 'an escalation path',
    notices: 'how formal notices are given',
  },
  'performance-monitoring': {
    kpis: 'key performance indicators or performance metrics',
    reports: 'performance reports to the customer',
    reviews: 'service or performance reviews with the customer',
    benchmarking: 'benchmarking against the market',
  },
  'due-diligence': {
    conformance: 'a warranty that the work conforms to its specification or documentation',
    workmanship: 'a warranty of professional, workmanlike performance',
    compliance: 'a duty to comply with applicable laws',
    certifications: 'certifications or accreditations the supplier holds',
    'key-personnel': 'key personnel, named individuals or background checks',
  },
  'audit-rights': {
    audit: 'a right of the customer to audit or inspect the supplier',
    regulator: 'access or audit rights for regulators',
  },
  exit: {
    assistance: 'termination, exit or transition assistance',
    'data-return': 'return or export of the customer\'s data on exit',
  },
  confidentiality: {
    duty: 'a duty not to disclose confidential information',
  },
  'limitation-of-liability': {
    cap: 'a cap on liability',
    exclusion: 'an exclusion of indirect or consequential loss',
  },
  indemnity: {
    indemnity: 'an indemnity',
    procedure: 'a procedure for indemnified claims (notice, conduct of the defence)',
  },
  insurance: {
    types: 'the types of insurance cover',
    amounts: 'minimum amounts of cover',
  },
  'ip-ownership': {
    ownership: 'who owns deliverables, data or intellectual property',
    licence: 'a licence to use intellectual property',
  },
  subcontracting: {
    consent: 'consent or approval needed to subcontract',
    responsibility: 'the supplier stays responsible for its subcontractors',
    flowdown: 'the supplier\'s obligations flow down to subcontractors',
  },
  'business-continuity': {
    plan: 'a business continuity or disaster recovery plan',
    objectives: 'recovery objectives (RTO, RPO)',
    testing: 'testing of the plan or of backups',
    backups: 'a specific backup regime',
    'force-majeure': 'a force-majeure clause (not continuity evidence; read by the force-majeure rule)',
    'fm-carve-out': 'the force-majeure clause keeps the continuity plan in force',
  },
  'change-control': {
    procedure: 'a procedure to request and agree changes',
  },
  'dispute-resolution': {
    procedure: 'a dispute procedure (escalation, mediation, arbitration, expert determination)',
    forum: 'a choice of courts or venue',
  },
  'governing-law': {
    choice: 'an express choice of law',
  },
  'term-termination': {
    term: 'a defined term or duration',
    termination: 'rights to terminate',
    'customer-termination': 'a right of the customer to terminate',
  },
  payment: {
    fees: 'the charges or fees',
    invoicing: 'invoicing and payment terms',
  },
} as const satisfies Record<CategoryId, Record<string, string>>;

/** The requirement names of one category: `RequirementOf<'sla'>` is 'availability' | 'times' | ... */
export type RequirementOf<C extends CategoryId> = keyof (typeof REQUIREMENTS)[C] & string;
/** Any category's requirement name. */
export type Requirement = { [C in CategoryId]: RequirementOf<C> }[CategoryId];

/** The requirement names of a category, in their declared order. */
export function requirementsOf<C extends CategoryId>(category: C): Array<RequirementOf<C>> {
  return Object.keys(REQUIREMENTS[category]) as Array<RequirementOf<C>>;
}

/** A piece of text that satisfied (or partly satisfied) a requirement of a category. */
export interface Evidence {
  requirement: string;
  span: Span;
  /** The sentence or heading, whitespace-normalised. */
  text: string;
  section: number;
  /** Set when the text is in another file of the contract bundle (a schedule kept apart). */
  path?: string;
  /** 'classifier' when the trained classifier, not a rule, found this text (see server/src/classifier). */
  source?: 'classifier';
  /** The classifier's probability for this sentence, when source is 'classifier'. */
  score?: number;
}

/** An assessment of any category. Read requirements through AssessmentOf<C> (ctx.assessment('sla')), which knows their names. */
export interface CategoryAssessment {
  category: CategoryId;
  verdict: Verdict;
  /** Plain-words reason for the verdict, e.g. "service levels are stated without numbers". */
  reason: string;
  evidence: Evidence[];
  /** The category's requirements (REQUIREMENTS) and whether the text meets each; rules report unmet ones. */
  requirements: { readonly [R in Requirement]?: boolean };
  /** The section that holds the category's clause, if any (anchor for weak findings and fixes). */
  section: number | null;
  /** Text that bears on the category's rules without being evidence of it (e.g. a force-majeure clause). */
  related?: Record<string, Evidence[]>;
  /** Set when the verdict comes from another file of the bundle: that file's path. */
  source?: string;
  /**
   * Set on a category whose terms the contract takes from another document that is not in the bundle
   * ("the Service Level Agreement attached as Schedule 3"), when nothing but that reference was found:
   * the document as named, and the sentence that incorporates it. The verdict stays as the text gives
   * it (missing, or weak on the reference alone); the rules report one information note naming the
   * document to check instead of gap findings.
   */
  incorporatedFrom?: { document: string; evidence: Evidence };
}

/** The assessment of one known category: every requirement it declares is there, and no other name compiles. */
export interface AssessmentOf<C extends CategoryId> extends CategoryAssessment {
  category: C;
  requirements: Record<RequirementOf<C>, boolean>;
}

/**
 * Looks up the (memoised) assessment of a category by id, typed by that id: `assess('sla').requirements.times`.
 * Sound because every assessment is built by verdictOf, which sets each requirement the category declares.
 */
export type Assess = <C extends CategoryId>(id: C) => AssessmentOf<C>;

export interface AssessContext {
  model: ContractModel;
  parties: PartyMatchers;
  /** Another category's assessment (memoised by the engine), for categories that build on one. */
  assessment?: Assess;
}

export interface CategoryDefinition {
  id: CategoryId;
  title: string;
  /** What an adequate clause contains, in plain words (hover, docs, coverage view). */
  expectation: string;
  assess(ctx: AssessContext): CategoryAssessment;
}
