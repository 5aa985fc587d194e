// Tests use the core directly: register the parsers the CLI would load on demand.
import '../src/parse/markdown.js';
