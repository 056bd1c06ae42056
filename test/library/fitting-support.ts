export { allClauses, computeFix, review } from '../../server/src/engine';
import { GLOSSARY } from '../../server/src/library';
export const GLOSSARY_TERMS = GLOSSARY.map((g) => g.term);
