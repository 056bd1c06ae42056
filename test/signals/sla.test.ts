import { signalTable } from './support';

signalTable('sla', [
  'The Supplier shall make the Service available 99.9% of each month.',
  'The Supplier shall meet the service levels in Schedule 2.',
  'Availability of the hosted platform is measured monthly.',
], [
  'The Supplier shall protect the confidentiality, integrity and availability of Customer Data.',
  'The Supplier shall preserve the integrity and availability of backups held for the Customer.',
]);
