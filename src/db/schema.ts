import type { Generated, Insertable, Selectable } from 'kysely';
import type { RunStatus as SandboxRunStatus } from '../sandbox/types.js';

/** Timestamps are ISO-8601 UTC strings on both dialects (text on SQLite, timestamptz read back as ISO on PostgreSQL). */
export type Timestamp = string;

export type Role = 'student' | 'admin';

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  role: Role;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  revoked_at: Timestamp | null;
}

export interface InvitesTable {
  id: string;
  code: string;
  max_uses: number;
  use_count: Generated<number>;
  expires_at: Timestamp | null;
  created_by: string | null;
  note: string | null;
  created_at: Timestamp;
}

export interface InviteUsesTable {
  invite_id: string;
  user_id: string;
  used_at: Timestamp;
}

export type OneTimeTokenPurpose = 'admin-setup' | 'set-password';

export interface OneTimeTokensTable {
  id: string;
  token_hash: string;
  purpose: OneTimeTokenPurpose;
  user_id: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface AuditLogTable {
  id: string;
  occurred_at: Timestamp;
  event: string;
  user_id: string | null;
  actor_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: string | null;
}

export interface AssignmentsTable {
  id: string;
  owner_id: string;
  original_name: string;
  format: 'docx' | 'pdf';
  status: 'ready';
  pages: number | null;
  /** JSON array of strings. */
  warnings: string;
  blob_key: string;
  model_key: string;
  size_bytes: number;
  /** Where the AI refinement of the detected tasks stands ('off' when AI is not configured). */
  ai_status: Generated<AiRefineStatus>;
  ai_detail: string | null;
  /** When the pending refinement was asked for (an upload or a reparse); it names that request's job. */
  ai_requested_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AiRefineStatus = 'off' | 'pending' | 'done' | 'skipped' | 'failed';

export interface TasksTable {
  id: string;
  assignment_id: string;
  position: number;
  label: string;
  question: string;
  kind: 'code' | 'theory' | 'other';
  language: string;
  code: string;
  stdin: string;
  expected_output: string;
  /** JSON array of { name, content }. */
  input_files: string;
  /** 0 or 1 (SQLite has no boolean): whether the document asks for a screenshot of this task. */
  wants_screenshot: number;
  /** 0 or 1: whether runs make screenshots of this task (the student's switch, on by default). */
  screenshot: Generated<number>;
  anchor_block: number | null;
  theme: string | null;
  origin: 'parsed' | 'user';
  /** 1 while `code` is an AI draft the student has not accepted or edited. */
  code_draft: Generated<number>;
  /** 1 while `stdin` is AI-suggested input the student has not accepted or edited. */
  stdin_draft: Generated<number>;
  /** A theory answer; only an accepted one goes into reports. */
  answer: Generated<string>;
  answer_status: Generated<AnswerStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AnswerStatus = 'none' | 'draft' | 'accepted';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: string;
  type: string;
  /** JSON. */
  payload: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_after: Timestamp;
  locked_by: string | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
/** A task's state in a run: waiting, running, or how it ended (the sandbox's statuses, skipped or cancelled). */
export type RunTaskStatus = 'queued' | 'running' | SandboxRunStatus | 'skipped' | 'cancelled';

export interface RunsTable {
  id: string;
  owner_id: string;
  assignment_id: string;
  status: RunStatus;
  error: string | null;
  queued_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  /** When its artifacts were deleted for age (LABMATE_ARTIFACT_RETENTION_DAYS); results and transcripts stay. */
  artifacts_expired_at: Timestamp | null;
}

export interface RunTasksTable {
  run_id: string;
  task_id: string;
  position: number;
  theme: string | null;
  /** 0 or 1. */
  screenshot: number;
  status: RunTaskStatus;
  exit_code: number | null;
  time_ms: number | null;
  transcript: string | null;
  detail: string | null;
  queued_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface RunEventsTable {
  run_id: string;
  seq: number;
  type: string;
  /** JSON. */
  data: string;
  created_at: Timestamp;
}

export type ArtifactKind = 'screenshot' | 'plot' | 'file' | 'file-card';

export interface ArtifactsTable {
  id: string;
  owner_id: string;
  run_id: string;
  task_id: string;
  kind: ArtifactKind;
  name: string;
  content_type: string;
  blob_key: string;
  bytes: number;
  position: number;
  created_at: Timestamp;
}

export interface ReportsTable {
  id: string;
  owner_id: string;
  assignment_id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  /** JSON of the request: order, removed, placement, pdf, includeFailed, fileName. */
  request: string;
  docx_key: string | null;
  pdf_key: string | null;
  pdf_error: string | null;
  error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface DataExportsTable {
  id: string;
  owner_id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  blob_key: string | null;
  bytes: number | null;
  error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export type AiActionKind = 'draft_code' | 'suggest_input' | 'draft_answer' | 'review';

export interface AiActionsTable {
  id: string;
  owner_id: string;
  assignment_id: string;
  task_id: string;
  action: AiActionKind;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  /** JSON of the action's outcome (a review's findings, a draft's attempts). */
  result: string | null;
  error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/** The whole database as Kysely sees it. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  invite_uses: InviteUsesTable;
  one_time_tokens: OneTimeTokensTable;
  auth_throttle: AuthThrottleTable;
  audit_log: AuditLogTable;
  assignments: AssignmentsTable;
  tasks: TasksTable;
  jobs: JobsTable;
  runs: RunsTable;
  run_tasks: RunTasksTable;
  run_events: RunEventsTable;
  artifacts: ArtifactsTable;
  reports: ReportsTable;
  data_exports: DataExportsTable;
  profiles: ProfilesTable;
  feedback: FeedbackTable;
  plans: PlansTable;
  user_plans: UserPlansTable;
  invite_revocations: InviteRevocationsTable;
  ai_cache: AiCacheTable;
  ai_usage: AiUsageTable;
  ai_actions: AiActionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type InviteRow = Selectable<InvitesTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type OneTimeTokenRow = Selectable<OneTimeTokensTable>;
export type AssignmentRow = Selectable<AssignmentsTable>;
export type TaskRow = Selectable<TasksTable>;
export type AiActionRow = Selectable<AiActionsTable>;

export interface ProfilesTable {
  user_id: string;
  institution: string | null;
  course: string | null;
  /** Year of study, 1 for first year. */
  year: number | null;
  graduation_year: number | null;
  preferred_theme: string | null;
  /** How generated reports are named, with {placeholders}. */
  file_name_pattern: string | null;
  updated_at: Timestamp;
}

export interface FeedbackTable {
  id: string;
  user_id: string;
  assignment_id: string | null;
  rating: number;
  message: string;
  created_at: Timestamp;
}

export interface PlansTable {
  id: string;
  name: string;
  runs_per_hour: number;
  concurrent_runs: number;
  storage_mb: number;
  ai_tokens_per_day: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserPlansTable {
  user_id: string;
  plan_id: string;
  assigned_at: Timestamp;
}

export interface InviteRevocationsTable {
  invite_id: string;
  revoked_by: string | null;
  revoked_at: Timestamp;
}


export type ProfileRow = Selectable<ProfilesTable>;
export type FeedbackRow = Selectable<FeedbackTable>;
export type PlanRow = Selectable<PlansTable>;
export type JobRow = Selectable<JobsTable>;
export type RunRow = Selectable<RunsTable>;
export type RunTaskRow = Selectable<RunTasksTable>;
export type RunEventRow = Selectable<RunEventsTable>;
export type ArtifactRow = Selectable<ArtifactsTable>;
export type ReportRow = Selectable<ReportsTable>;
export type DataExportRow = Selectable<DataExportsTable>;

export interface AiCacheTable {
  /** SHA-256 (hex) of the model, the schema name and the exact request. */
  key: string;
  model: string;
  feature: string;
  /** The validated answer as JSON. */
  response: string;
  prompt_tokens: number;
  completion_tokens: number;
  /** Whose request stored it (null offline): cached answers derive from their documents and go with their account. */
  user_id: string | null;
  created_at: Timestamp;
}

export interface AiUsageTable {
  /** Null for offline commands. */
  user_id: string | null;
  feature: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  calls: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost_microusd: number;
}

export type AiCacheRow = Selectable<AiCacheTable>;
export type AiUsageRow = Selectable<AiUsageTable>;
