/** File extensions of helpdesk exports (alone, so that finding files does not load the readers). */
export const EXPORT_EXTENSIONS = ['json', 'yaml', 'yml', 'csv', 'tsv'];
