import type { CategoryDefinition } from './types';
import { has, scan, verdictOf } from './scan';

export const exit: CategoryDefinition = {
  id: 'exit',
  title: 'Exit and transition',
  expectation: 'Termination assistance, transition or migration support, and return of data on exit.',
  assess(ctx) {
    const found = scan(ctx, [
      // Exit-specific wording counts on its own...
      { requirement: 'assistance', pattern: /\b(?:termination|exit|disengagement|wind[- ]down|run-?off) (?:assistance|services|support|plan|management|period)\b|\bexit (?:plan|strategy|management)\b|\b(?:successor|replacement) (?:supplier|provider|vendor|contractor)\b|\bincoming contractor\b|\btransition(?:-| )out\b/i },
      // ...transition and migration only when they are about the end of the contract, not the start.
      { requirement: 'assistance', pattern: /\b(?:transition(?:al)?|migration|handover|hand-over) (?:assistance|services|support|plan|management|period)\b|\bassist\b[^.]{0,80}\b(?:transition|migrat|transfer)\b/i, context: /\b(?:terminat\w*|expir\w*|exit|end of (?:this|the) (?:agreement|contract|term)|successor|replacement|upon (?:the )?end|following (?:the )?end|disengag\w*)\b/i, unless: /\btransition(?:-| )in\b|\bcurrent (?:provider|supplier|vendor)\b|\bincumbent\b/i },
      { requirement: 'data-return', pattern: /\b(?:return|export|transfer|migrat\w*|deliver|retriev\w*|download|hand(?:ed)? over|copy|copies)\b[^.]{0,80}\b(?:data|content|records|files|database|PHI|protected health information)\b|\b(?:data|content|records|files|PHI|protected health information)\b[^.]{0,60}\b(?:returned|transferred|exported|migrated|delivered|handed over)\b/i, context: /\b(?:terminat\w*|expir\w*|exit|end of|following|after|upon|transition\w*|disengag\w*)\b/i, unless: /\bnot (?:be )?(?:obliged|required|obligated|responsible)\b|\bno obligation\b|\bdelete\b[^.]{0,30}\bwithout\b/i, supplierDuty: true },
      { requirement: 'continuity', pattern: /\bescrow\b|\bcontinue to provide\b[^.]{0,60}\b(?:after|following|beyond)\b[^.]{0,30}\b(?:termination|expir)/i },
      { requirement: 'copies', pattern: /\b(?:full |complete )?cop(?:y|ies)\b[^.]{0,60}\b(?:files|database|data|content|site)\b|\b(?:turned|handed) over to\b|\bright to (?:purchase|obtain|receive)\b[^.]{0,40}\b(?:licen[cs]e|copy|source code)\b/i, context: /\b(?:request|terminat\w*|end\b|cancel\w*|expir\w*|up to that point|any time|failure|cease)/i },
      { requirement: 'deletion', pattern: /\b(?:delete|destroy|erase|return)\b[^.]{0,80}\b(?:data|content|confidential information)\b/i },
    ], /\b(?:exit|transition|termination assistance|disengagement|effect of termination|consequences of termination|migration|return of (?:data|materials))\b/i);
    if (has(found, 'assistance', 'data-return', 'continuity')) return verdictOf('exit', found, 'present', 'termination assistance, transition support or data return on exit');
    if (has(found, 'deletion', 'copies')) return verdictOf('exit', found, 'weak', 'only deletion or return of data or confidential information; no transition assistance');
    return verdictOf('exit', found, 'missing', 'no exit or transition assistance');
  },
};
