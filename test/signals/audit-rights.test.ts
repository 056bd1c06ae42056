import { signalTable } from './support';

signalTable('audit-rights', [
  'The Customer may audit the Supplier\'s records relating to the Services.',
  'The Supplier\'s books and records shall be open for inspection by the Customer during business hours.',
  'The Supplier shall afford the Customer access to its books and accounts on reasonable notice.',
  'The Customer shall have the right, on ten days\' notice, to inspect the premises used to provide the Services.',
  'The Customer or its representative may review the books and records of the Supplier once a year.',
  'The Supplier shall keep full records of the Charges and make them available for examination by the Customer.',
  'The Supplier shall permit the Customer and its appointed auditors, at reasonable times and on reasonable prior notice, to examine the accounts kept under this Agreement.',
  'The Supplier allows the Customer to audit its manufacturing plants once in each contract year.',
], [
  'The Supplier shall deliver its audited financial statements within ninety days of each year end.',
  'Upon arrival at the Customer\'s premises or the Supplier\'s site, as the case may be, the driver shall check the delivery documents.',
  'The Customer shall provide the Supplier with access to its premises so that the Supplier can install the equipment.',
  'A busy website may barely handle ten visitors at once before its performance drops.',
  'The Supplier may audit the Customer\'s use of the Software to verify the number of licences.',
  'Information may be disclosed where required by law or by a regulator with authority over a party.',
]);
