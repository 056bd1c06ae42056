import { signalTable } from './support';

signalTable('governing-law', [
  'This Agreement is governed by the laws of Scotland.',
  'This Agreement shall be interpreted and enforced in accordance with the laws of the State of Oregon.',
  'This Agreement will be governed in all respects by the laws of the Province of Manitoba, without regard to its conflict rules.',
  'This Agreement shall be governed by, and construed in accordance with, the laws of the State of Vermont.',
  'This Agreement shall be construed and governed in accordance with the laws of the State of Idaho wherever it is signed.',
  'The laws of the Republic of Ireland govern this Agreement and any dispute arising from it.',
  'The law of England applies to this Agreement.',
  'This Agreement and the relations between the parties are governed by Swiss law.',
  'The parties agree that the substantive laws, other than conflict rules, of the State of Utah shall apply to this Agreement.',
  'This Agreement is made in the State of Maine and shall be governed by and construed in accordance with the laws thereof.',
  'The laws of the province of Alberta, Canada, govern this Agreement and any claim under it.',
  'Relations of the parties under this Contract shall be governed by the legislation of the Republic of Latvia.',
  'The legislation of the Republic of Estonia in force shall apply to all relations of the parties arising out of this Contract.',
  'The rights and obligations of the Members are as set out in the applicable legislation of the State of Nevada, except as this Agreement provides otherwise.',
  { heading: 'Governing Law', text: 'The parties enter into this Agreement in accordance with the laws of the State of Kansas.' },
], [
  'The Supplier shall comply with all applicable laws in performing the Services.',
  'This Agreement is governed by the terms of each Order and by applicable law.',
  'Each party is a company incorporated under the laws of England and Wales.',
  'The Supplier shall comply with all legislation of the Republic of Latvia that applies to the Services.',
  'The rights and obligations of the parties under each Order are as stated in that Order.',
  'Each party is duly organised under the laws of the province of its incorporation.',
  'Any claim may be brought in the courts of the State of Ohio, which shall have jurisdiction.',
  { heading: 'Governing Law', text: 'Each party submits to the jurisdiction of the courts of Lisbon.' },
]);
