/** Section headings, matched as whole words at the start of a short heading line. */

/** Sections whose content is never a task (front and back matter). */
const SKIP = /^(?:(?:course|lab|learning|experiment)\s+)?(objectives?|outcomes?|aims?\s+and\s+objectives|apparatus|equipment|requirements?|software\s+required|hardware\s+required|pre-?requisites?|introduction|overview|background|theory|concepts?|syllabus|evaluation(\s+scheme)?|rubrics?|marks?|conclusions?|references?|bibliography|resources|acknowledge?ments?|certificate|index|contents|table\s+of\s+contents|viva(\s*[-–]?\s*voce)?(\s+questions)?|precautions?|observations?|discussion|learning\s+outcomes?|summary|notes?|lab\s+sop|rules|instructions|troubleshooting|mục\s+tiêu)\b/iu;

/** Sections that list the tasks themselves. */
const TASK_LIST = /^(?:(?:lab|post[-\s]?lab|pre[-\s]?lab|home|practice|review|additional|beyond\s+the\s+syllabus|exercise|assignment)\s+)*(questions?|tasks?|exercises?|problems?|programs?|assignments?|activities|las|has|lab\s+assignments?|programming\s+exercises|bài\s+tập)\b/iu;

/** Headings that organise one task's content and never end it. */
const IN_TASK = /^(task|question|questions|aim|objective|problem\s+statement|problem|statement|description|code|source\s+code|program|solution|answer|algorithm|procedure|steps|explanation|output|sample\s+(input|output|run)|input|expected\s+output|hint|note|result|example|screenshots?|test\s+data|procedure\s+and\s+output|implementation)\b\s*:?\s*$/iu;

export type SectionKind = 'skip' | 'tasks' | 'inside' | 'other';

/** Classifies a heading's text. */
export function sectionKind(heading: string): SectionKind {
  const text = heading.trim().replace(/^[\p{Extended_Pictographic}\u200d\ufe0f\s]+/u, '').replace(/[:.\s]+$/, '');
  if (IN_TASK.test(text)) return 'inside';
  if (SKIP.test(text)) return 'skip';
  if (TASK_LIST.test(text)) return 'tasks';
  return 'other';
}

const OUTPUT_MARKER = /^(sample\s+|expected\s+|program\s+)?(out\s?put|o\/p|results?\s+screenshot)s?\s*(:|-|–)?\s*$/iu;

/** "Output:", "OUTPUT", "out put", "Sample Output" on a line of their own. */
export function isOutputMarker(text: string): boolean {
  return OUTPUT_MARKER.test(text.trim());
}
