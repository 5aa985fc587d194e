/** replylint's public API. */
import './parse/markdown.js';
import './parse/html.js';
export { Linter, type LintOptions, type LintResult, type LintMessage, type RuleSetting, type Severity } from './lint.js';
export { applyFixes } from './fix.js';
export { parse, registerParser, type ParseOptions, type Parser } from './parse/parse.js';
/** Markdown read by unified + remark-parse (the reference); `registerParser('markdown', parseMarkdownRemark)` makes it the default. */
export { parseMarkdownRemark } from './parse/markdown-remark.js';
export type { Document, Entity, Block } from './parse/document.js';
export type { Rule, RuleMeta, RuleContext, Report, Fix, Suggestion } from './rules/rule.js';
export { loadRuleFile } from './rules/load-rule.js';
export { loadLanguage } from './language/load-language.js';
export { FORMATTERS, type Formatter, type FormatContext } from './formatters/index.js';
export { definePlugin, type ReplylintPlugin, type PluginRule } from './plugin.js';
export type { EffectiveConfig } from './config/effective-config.js';
export type { LintItem } from './lint.js';
// Helpdesk exports and HTML through their decoded text, positions mapped back to the raw file.
export { readExport, type ExportRead, type ExportItem, type ExportField, type ReadOptions } from './exports/read-export.js';
export { lintExport, lintHtml, type ExportLintOptions } from './exports/lint-export.js';
export { BUILTIN_PRESETS, type ExportPreset, type FieldSpec } from './exports/presets.js';
