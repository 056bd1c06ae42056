import type { CategoryDefinition, CategoryId } from './types';
// Filled in by the category modules (one file per category).
export const CATEGORIES = {} as Record<CategoryId, CategoryDefinition>;
