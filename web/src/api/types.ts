// The shapes of the API's answers the web app reads (see /api/v1/openapi.json); only the fields it uses.

export interface User {
  id: string;
  email: string;
  name: string;
  role: 'student' | 'admin';
}

export interface SignedIn {
  user: User;
  csrfToken: string;
}

export interface SignupMode {
  mode: 'open' | 'invite' | 'closed';
  betaKeyRequired: boolean;
}

export interface Capabilities {
  ai: boolean;
  pdf: boolean;
  languages: string[];
  maxUploadBytes: number;
}

export const THEMES = ['idle', 'vscode-dark', 'vscode-light', 'notepad', 'codeblocks', 'terminal'] as const;
export type Theme = (typeof THEMES)[number];

export const LANGUAGES = ['python', 'c', 'cpp', 'java', 'javascript', 'html', ''] as const;
export type Language = (typeof LANGUAGES)[number];

export type TaskKind = 'code' | 'theory' | 'other';

export interface Task {
  id: string;
  position: number;
  label: string;
  question: string;
  kind: TaskKind;
  language: string;
  code: string;
  stdin: string;
  expectedOutput: string;
  /** Files put in the program's working directory before it runs. */
  inputFiles: InputFile[];
  /** The document asks for a screenshot of this task. */
  wantsScreenshot: boolean;
  /** Runs make screenshots of this task (the student's switch, on by default). */
  screenshot: boolean;
  theme: Theme | null;
  anchor: { block: number } | null;
  origin: 'parsed' | 'user';
  codeDraft: boolean;
  stdinDraft: boolean;
  answer: string;
  answerStatus: 'none' | 'draft' | 'accepted';
}

/** A text file a task's program finds in its working directory. */
export interface InputFile {
  name: string;
  content: string;
}

/** The fields a student edits on a task. */
export interface TaskFields {
  label: string;
  question: string;
  kind: TaskKind;
  language: Language;
  code: string;
  stdin: string;
  inputFiles: InputFile[];
  theme: Theme | null;
  answer: string;
}

export type AiStatus = 'off' | 'pending' | 'done' | 'skipped' | 'failed';

interface AssignmentFields {
  id: string;
  originalName: string;
  format: 'docx' | 'pdf';
  status: string;
  pages: number | null;
  warnings: string[];
  sizeBytes: number;
  ai: { status: AiStatus; detail: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface Assignment extends AssignmentFields {
  tasks: Task[];
}

export interface AssignmentSummary extends AssignmentFields {
  taskCount: number;
  /** The newest report composed successfully. */
  lastReport: Report | null;
}

/** The blocks of one PDF page (GET …/pages): a task whose anchor block is in the range is on that page. */
export interface PageBlocks {
  page: number;
  firstBlock: number | null;
  lastBlock: number | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface Artifact {
  id: string;
  kind: string;
  name: string;
  bytes: number;
  contentType: string;
}

export interface RunTask {
  taskId: string;
  position: number;
  status: string;
  exitCode: number | null;
  timeMs: number | null;
  transcript: string | null;
  detail: string | null;
  artifacts: Artifact[];
}

export interface Run {
  id: string;
  assignmentId: string;
  status: RunStatus;
  error: string | null;
  artifactsExpiredAt: string | null;
  tasks: RunTask[];
}

/** A run in the assignment's history: how many of its tasks are in each status instead of the results. */
export interface RunSummary extends Omit<Run, 'tasks'> {
  queuedAt: string;
  finishedAt: string | null;
  taskCounts: Record<string, number>;
}

export interface Started {
  id: string;
  status: string;
}

/** What a report was composed from: the body of `POST /assignments/{id}/reports`. */
export interface ReportRequest {
  /** Task ids in the order wanted. */
  order: string[];
  /** Task ids and picture (artifact) ids left out. */
  removed: string[];
  placement: 'below' | 'end';
  pdf: boolean;
  /** Failed tasks included anyway. */
  includeFailed: string[];
  fileName?: string;
}

export interface Report {
  id: string;
  assignmentId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  error: string | null;
  docx: string | null;
  pdf: string | null;
  pdfError: string | null;
  createdAt: string;
  finishedAt: string | null;
  request: ReportRequest;
}

/** What the next report would hold for one task (`GET /assignments/{id}/report-items`). */
export interface ReportItem {
  taskId: string;
  number: number;
  label: string;
  question: string;
  kind: TaskKind;
  status: string | null;
  /** Set when the latest run failed: left out unless included anyway. */
  failure: string | null;
  answer: string;
  pictures: Array<{ id: string; kind: string; name: string }>;
}

export type AiActionKind = 'draft_code' | 'suggest_input' | 'draft_answer' | 'review';

export interface AiAction {
  id: string;
  action: AiActionKind;
  taskId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  result: Record<string, unknown> | null;
  error: string | null;
}

/** My account and profile (`GET /me`). */
export interface Profile extends User {
  createdAt: string;
  institution: string | null;
  course: string | null;
  year: number | null;
  graduationYear: number | null;
  preferredTheme: Theme | null;
  fileNamePattern: string | null;
  updatedAt: string;
}

/** One of my signed-in sessions (`GET /auth/sessions`). */
export interface AuthSession {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface DataExport {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  bytes: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  download: string | null;
}

export interface AiBudget {
  usedTokens: number;
  dailyTokens: number;
  renewsAt: string;
}
