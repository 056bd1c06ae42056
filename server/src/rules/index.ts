import type { Rule } from './types';
export const RULES: Rule[] = [];
export function getRule(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
