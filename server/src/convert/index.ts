/**
 * Conversion between contracts in Markdown and the formats lawyers exchange (Word, HTML, PDF).
 * Sits above the model and below the faces; it knows nothing of the review. The CLI, the language
 * server and the VS Code client load it lazily (see ./lazy.ts), so starting them does not pay for
 * mammoth, docx and PDF.js.
 */
export { importDocument, importFormatOf, ImportError, type ImportedDocument, type ImportFormat } from './import';
export { exportDocx, REVISION_AUTHOR, type ExportComment, type ExportOptions } from './docx-export';
