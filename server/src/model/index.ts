export * from './types';
export { buildContractModel, formatOfPath, unreadableModel, type TextFormat } from './parse';
export { FRONT_MATTER_SCHEMA } from './front-matter';
export { detectContract, type ContractDetection } from './detect';
export { computeLineStarts, positionAt, offsetAt, spanToRange } from './lineIndex';
export { SUPPLIER_ROLE_WORDS, CUSTOMER_ROLE_WORDS } from './parties';
export { foldQuotes, normalizeSpace, titleCase, isMostlyUpper, hashString, editDistance } from './text';
export { numberDepth } from './sections';
export { bundleReferences } from './bundle';
