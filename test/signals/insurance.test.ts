import { signalTable } from './support';

signalTable('insurance', [
  'The Supplier shall maintain professional indemnity insurance of at least EUR 2,000,000 per claim.',
  'The Supplier shall, at its own cost, procure and maintain public liability insurance with a reputable insurer.',
  'Throughout the Term the Supplier will carry cyber liability insurance.',
  'Both parties shall obtain and/or keep in force liability insurance in amounts customary in their industry.',
  'Insurance of the kinds listed in Schedule 4 shall be maintained by the Supplier for six years after termination.',
  'The Supplier shall name the Customer as an additional insured on its general liability policy.',
  'On request the Supplier shall send the Customer certificates of insurance.',
  'The Supplier shall maintain directors\' and officers\' liability insurance for the benefit of each nominated director.',
  { heading: 'Insurance', text: 'The Supplier shall keep the cover described in Schedule 4 in place throughout the Term.' },
], [
  'The price includes freight, packing and insurance in transit to the delivery point.',
  'The Customer shall pay all shipping and insurance charges for returned equipment.',
  'The Supplier is responsible for its staff\'s salaries, pension contributions and national insurance.',
  'The Customer will not withhold unemployment insurance or social security for the Supplier\'s personnel.',
  'Confidential Information may be disclosed to a party\'s auditors, lenders, insurers and legal advisers.',
  'The indemnified party shall cooperate with the indemnifying party and its insurers in defending the claim.',
  'The Supplier shall indemnify and hold the Customer harmless from claims, whether or not insured.',
  'The Supplier operates an online insurance information portal for consumers.',
  { heading: 'Insurance Centre', text: 'The Supplier shall host the Insurance Centre pages and keep them available.' },
]);
