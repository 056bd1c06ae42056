/**
 * Word lists for the drafting checks: capitalised words that are not defined terms (months, days,
 * places, institutions, job titles, well-known names), acronyms in common use, and the words of
 * numbers.
 */

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Capitalised words that name places, institutions, calendars, languages, titles and the like: a
 * capitalised phrase containing one of them is a proper noun or a title, not an undefined term.
 */
export const PROPER_WORDS = new Set<string>([
  ...MONTHS, ...DAYS,
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Christmas', 'Easter', 'Eve', 'Boxing', 'Holiday', 'Holidays', 'Bank',
  // Places and bodies politic.
  'England', 'Wales', 'Scotland', 'Ireland', 'Northern', 'Britain', 'British', 'Kingdom', 'United', 'States', 'State',
  'America', 'American', 'Americas', 'Europe', 'European', 'Union', 'Economic', 'Area', 'Switzerland', 'Swiss', 'Canada',
  'Australia', 'Zealand', 'Germany', 'German', 'France', 'French', 'Spain', 'Italy', 'Netherlands', 'Dutch', 'Japan',
  'China', 'India', 'Singapore', 'Israel', 'Brazil', 'Mexico', 'Delaware', 'California', 'York', 'Texas', 'Florida',
  'Washington', 'Massachusetts', 'Illinois', 'Virginia', 'Columbia', 'London', 'Paris', 'Berlin', 'Dublin', 'Edinburgh',
  'Papua', 'Guinea', 'Pacific', 'Atlantic', 'Asia', 'Africa', 'Commonwealth', 'Republic', 'Federal', 'Province', 'County',
  'City', 'Street', 'Road', 'Avenue', 'Suite', 'Floor', 'Building', 'House', 'Park', 'Square', 'Lane', 'Drive',
  'English', 'Internet', 'Web', 'World', 'Wide', 'Earth',
  // Institutions, courts, authorities.
  'Court', 'Courts', 'Tribunal', 'Parliament', 'Congress', 'Senate', 'Government', 'Crown', 'Commission', 'Commissioner',
  'Council', 'Department', 'Ministry', 'Agency', 'Bureau', 'Office', 'Exchange', 'Commission', 'Board', 'Chamber', 'Institute', 'Association',
  'Society', 'Foundation', 'University', 'College', 'Treasury', 'Revenue', 'Customs', 'Police', 'Army', 'Navy',
  'Supreme', 'High', 'Appeal', 'Appeals', 'District', 'Circuit', 'Arbitration', 'Centre', 'Center', 'Rules', 'Chapter',
  // Job titles.
  'Officer', 'Director', 'Directors', 'Manager', 'President', 'Vice', 'Secretary', 'Chairman', 'Chair', 'Chief',
  'Executive', 'Counsel', 'Treasurer', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sir', 'Dame', 'Lord',
  // Laws and instruments.
  'Act', 'Acts', 'Regulation', 'Regulations', 'Directive', 'Convention', 'Treaty', 'Statute', 'Constitution', 'Article',
  'Amendment', 'Code', 'Bill', 'Decree', 'Ordinance', 'ISO', 'IEC', 'Clauses',
  // Well-known companies, products and technologies.
  'Microsoft', 'Windows', 'Azure', 'Google', 'Amazon', 'Apple', 'Oracle', 'Linux', 'Unix', 'Java', 'Adobe',
  'Cisco', 'VMware', 'Salesforce', 'GitHub', 'Git', 'Slack', 'Zoom', 'Outlook', 'SharePoint',
  'Intel', 'Dell', 'Android', 'Chrome', 'Firefox', 'Safari', 'Explorer', 'Visa', 'Mastercard', 'PayPal', 'Stripe',
  'WordPress', 'Drupal', 'Python', 'JavaScript',
  // Religion, calendars, other proper adjectives.
  'God', 'Christian', 'Gregorian', 'Julian', 'Greenwich', 'Daylight', 'Eastern', 'Western', 'Central', 'Mountain',
  'Coordinated', 'Universal',
]);

/** Acronyms in common use that a contract need not define. */
export const COMMON_ACRONYMS = new Set<string>([
  'IT', 'ICT', 'UK', 'EU', 'EEA', 'US', 'USA', 'UN', 'VAT', 'GST', 'USD', 'GBP', 'EUR', 'ISO', 'IEC', 'GDPR', 'CCPA',
  'HIPAA', 'PCI', 'DSS', 'SOC', 'ISAE', 'SSAE', 'NIST', 'TLS', 'SSL', 'AES', 'RSA', 'VPN', 'MFA', 'SSO', 'API', 'APIs',
  'URL', 'URLs', 'HTTP', 'HTTPS', 'DNS', 'IP', 'TCP', 'CPU', 'RAM', 'PDF', 'CSV', 'XML', 'JSON', 'SQL', 'PC', 'PCs',
  'CEO', 'CFO', 'CIO', 'CTO', 'CISO', 'COO', 'DPO', 'HR', 'AM', 'PM', 'GMT', 'UTC', 'BST', 'CET', 'EST', 'PST', 'NB',
  'OK', 'ID', 'IDs', 'SaaS', 'PaaS', 'IaaS', 'LLC', 'LLP', 'PLC', 'INC', 'LTD', 'AG', 'SA', 'BV', 'NV', 'GMBH', 'DORA',
]);

/** Words whose capitalised form starts a sentence-like fragment rather than a term ("The", "If"). */
export const FUNCTION_WORDS = new Set<string>([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Each', 'Every', 'Any', 'All', 'No', 'Neither', 'Either', 'Both',
  'Such', 'Its', 'Their', 'Our', 'Your', 'His', 'Her', 'It', 'They', 'We', 'You', 'He', 'She', 'I', 'In', 'On', 'At',
  'By', 'For', 'From', 'To', 'With', 'Without', 'Within', 'Of', 'Or', 'And', 'But', 'Nor', 'If', 'When', 'Where',
  'While', 'Unless', 'Until', 'Upon', 'After', 'Before', 'During', 'Subject', 'Notwithstanding', 'Save', 'Except',
  'Including', 'Includes', 'As', 'So', 'Then', 'Therefore', 'However', 'Thereafter', 'Further', 'Furthermore',
  'Also', 'Other', 'Otherwise', 'Not', 'Nothing', 'Only', 'Where', 'Whereas', 'Now', 'Here', 'There', 'Please',
  'See', 'Yes', 'Shall', 'Will', 'May', 'Must', 'Should', 'Can', 'Is', 'Are', 'Be', 'Has', 'Have', 'Was',
  'Were', 'Per', 'Via', 'Under', 'Over', 'Between', 'Among', 'Against', 'About', 'Above', 'Below', 'Into', 'Onto',
  'Than', 'Whether', 'Which', 'Who', 'Whom', 'Whose', 'What', 'How', 'Why', 'One', 'Two', 'Three',
  'Up', 'Out', 'Off', 'Down', 'Eg', 'Ie', 'Etc', 'Viz', 'Cf', 'Re',
]);

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };

/** A regex source matching a number written in words ("thirty", "twenty-four", "one hundred and twenty"). */
export const NUMBER_WORDS_SOURCE = (() => {
  const unit = Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|');
  const ten = Object.keys(TENS).join('|');
  const scale = Object.keys(SCALES).join('|');
  const small = `(?:(?:${ten})(?:[-\\s](?:${unit}))?|${unit})`;
  return `${small}(?:[\\s-]+(?:${scale})(?:[\\s,]+(?:and\\s+)?${small})?)*`;
})();

/** The value of a number written in words, or null when the words are not a number. */
export function wordsToNumber(words: string): number | null {
  const tokens = words.toLowerCase().replace(/,/g, ' ').split(/[\s-]+/).filter((t) => t && t !== 'and');
  if (!tokens.length) return null;
  let total = 0;
  let current = 0;
  for (const t of tokens) {
    if (t in UNITS) current += UNITS[t];
    else if (t in TENS) current += TENS[t];
    else if (t === 'hundred') current = (current || 1) * 100;
    else if (t in SCALES) {
      total += (current || 1) * SCALES[t];
      current = 0;
    } else return null;
  }
  return total + current;
}

/**
 * Common nouns and adjectives of contract drafting. A capitalised phrase made of words that are
 * either used in lower case elsewhere in the document or listed here reads as a defined term
 * ("Acceptance Certificate"); a phrase with any other word reads as a name ("Esther Kim").
 */
export const COMMON_WORDS = new Set<string>(`
acceptance access account accounts activity activities additional administration administrator affiliate affiliates
agreement agreements alert amount amounts annual application applications approval approved architecture asset assets
assistance audit authorised authorized availability available backup backups balance baseline benchmark billing breach
budget business calendar capacity catalogue catalog certificate certificates certification change changes charge charges
claim claims client closing code commencement commercial commitment completion compliance component components
confidential configuration consent content contract contractor control controls core corrective cost costs credit
credits criteria critical customer customers damages data database date dates day days default defect defects delay
deliverable deliverables delivery demand deployment deposit description design detailed development device devices
disaster dispute disruption document documentation documents downtime due effective emergency employee employees end
environment equipment error escrow estimate event events exit expenses expiry extension facility facilities failure fault
fee fees final financial fixed form framework function functional functions go-live goods governance guarantee hardware
help holder hosting hours implementation improvement incident incidents indemnity information infrastructure initial
installation instruction instructions insurance intellectual interest interface invoice invoices issue issues item items
key knowledge level levels liability licence license licensed licensee licensor limit loss losses maintenance major
management manual material materials measurement meeting milestone milestones minimum minor model modification monitoring
monthly month months network notice notices object objective obligation obligations operating operational order orders
outage output owner ownership package party parties payment payments penalty percentage performance period periods
permitted personal personnel phase plan plans planned platform point policy policies portal premises price prices pricing
priority problem procedure procedures process processes product products professional programme program project
projects property proposal protection provider purchase quality quarter quarterly rate rates recovery register release
releases remedy renewal repair replacement report reports representative request requests requirement requirements
resolution resource resources response restricted retention review reviews right rights risk risks roadmap schedule
scope security service services severity site sites software solution solutions source specification specifications
staff standard standards start statement status steering subcontract subcontractor subcontractors subscription supplier
suppliers supply support system systems target targets task tasks tax taxes team technical term terms termination test
testing tests third threshold ticket tier time timetable tool tools total training transfer transition trial unit units
update updates upgrade upgrades usage use user users value vendor version warranty warranties window work works year
years yearly weekly daily working hour minute minutes week weeks note notes form forms letter record records log
list approval confirmation acknowledgement declaration certificate sign-off memo minutes agenda board committee
forum council panel group manager officer desk centre center portal window kit pack handbook guide charter
`.trim().split(/\s+/));
