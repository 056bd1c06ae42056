import { signalTable } from './support';

signalTable('limitation-of-liability', [
  'The total liability of each party under this Agreement shall not exceed the Charges paid in the preceding twelve months.',
  'Neither party shall be liable for any indirect, special, incidental or consequential damages.',
  'We can\'t be liable to you for lost profits or lost data however caused.',
  'The Supplier\'s aggregate liability is capped at EUR 500,000.',
  'No claim arising under this Agreement may be brought more than one year after the claimant became aware of it.',
  'Service credits are the Customer\'s sole and exclusive remedy for a failure to meet a service level.',
  'The Software is provided "as is" without warranty of any kind.',
], [
  'The Supplier shall devote such time to the Services as is necessary to complete them.',
  'Notices may be sent to such other address as is given in writing by either party.',
  'The Supplier shall maintain general liability insurance with limits of not less than USD 2,000,000 per occurrence and in the aggregate.',
  'Neither party shall be liable for delay caused by events beyond its reasonable control.',
  'The Supplier shall indemnify the Customer against all losses, including consequential damages, arising from a breach of confidentiality.',
  'The termination rights in this clause are not the exclusive remedy of the party not in default.',
  'The Receiving Party disclaims any right to the Confidential Information beyond those granted here.',
]);
