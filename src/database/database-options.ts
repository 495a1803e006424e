import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AuditEvent } from '../audit/audit-event.entity';
import { InitialSchema1764475200000 } from './migrations/1764475200000-initial-schema';
import { DirectLine1764600000000 } from './migrations/1764600000000-directline';
import { DirectLineConversation } from '../channels/directline/entities/directline-conversation.entity';
import { DirectLineActivity } from '../channels/directline/entities/directline-activity.entity';
import { DirectLineAttachment } from '../channels/directline/entities/directline-attachment.entity';
import { BotStateRecord } from '../bot/state/bot-state.entity';
import { ResumeCode } from '../bot/resume/resume-code.entity';
import { Case } from '../cases/entities/case.entity';
import { CaseAnswer } from '../cases/entities/case-answer.entity';
import { PdfBaseRecord } from '../cases/entities/pdf-base.entity';
import { CaseDocument } from '../cases/entities/case-document.entity';
import { CaseNote } from '../cases/entities/case-note.entity';
import { CaseStatusChange } from '../cases/entities/case-status-change.entity';
import { StoredDocument } from '../documents/stored-document.entity';
import { Team } from '../accounts/entities/team.entity';
import { User } from '../accounts/entities/user.entity';
import { UserSession } from '../accounts/entities/user-session.entity';
import { Accounts1796012693602 } from './migrations/1796012693602-accounts';
import { BotState1764601000000 } from './migrations/1764601000000-bot-state';
import { CasesAndDocuments1764601060000 } from './migrations/1764601060000-cases-and-documents';
import { CaseTeams1796100000000 } from './migrations/1796100000000-case-teams';
import { DocumentAnalyses1796200000000 } from './migrations/1796200000000-document-analyses';
import { LetterConversationReference1796300000000 } from './migrations/1796300000000-letter-conversation-reference';
import { CaseDraftsPending1796400000000 } from './migrations/1796400000000-case-drafts-pending';
import { BinaryFileContent1796500000000 } from './migrations/1796500000000-binary-file-content';
import { CaseUnreadFamilyMessage1796610000000 } from './migrations/1796610000000-case-unread-family-message';
import { TeamSlugs1796620000000 } from './migrations/1796620000000-team-slugs';
import { CaseAnswerRemovedItem1796630000000 } from './migrations/1796630000000-case-answer-removed-item';
import { PdfBases1796700000000 } from './migrations/1796700000000-pdf-bases';
import { DocumentReadingState1796710000000 } from './migrations/1796710000000-document-reading-state';
import { DocumentAnalysisRecord } from '../documents/document-analysis.entity';

export const entities = [
  AuditEvent,
  BotStateRecord,
  ResumeCode,
  Case,
  CaseAnswer,
  CaseDocument,
  PdfBaseRecord,
  CaseNote,
  CaseStatusChange,
  StoredDocument,
  DocumentAnalysisRecord,
  DirectLineConversation,
  DirectLineActivity,
  DirectLineAttachment,
  Team,
  User,
  UserSession,
];
export const migrations = [
  InitialSchema1764475200000,
  DirectLine1764600000000,
  BotState1764601000000,
  CasesAndDocuments1764601060000,
  Accounts1796012693602,
  CaseTeams1796100000000,
  DocumentAnalyses1796200000000,
  LetterConversationReference1796300000000,
  CaseDraftsPending1796400000000,
  BinaryFileContent1796500000000,
  CaseUnreadFamilyMessage1796610000000,
  TeamSlugs1796620000000,
  CaseAnswerRemovedItem1796630000000,
  PdfBases1796700000000,
  DocumentReadingState1796710000000,
];

/**
 * SQLite (better-sqlite3) in DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
 * The schema only ever changes through migrations, which run at start-up; never `synchronize`.
 */
export function databaseOptions(config: AppConfig): DataSourceOptions {
  const common = { entities, migrations, migrationsRun: true, synchronize: false, logging: false } as const;
  if (config.DATABASE_URL) {
    return { type: 'postgres', url: config.DATABASE_URL, ...common };
  }
  const dataDir = resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return {
    type: 'better-sqlite3',
    database: join(dataDir, 'antragslotse.sqlite'),
    // WAL lets readers (review pages) work while the bot writes a turn. FULL: every commit (a
    // family's answer) is on disk before the reply goes out, even across a power cut. Said
    // explicitly because better-sqlite3 builds with NORMAL as the WAL default, which SQLite applies
    // only to a file that is already in WAL mode when opened: a new database ran FULL until the
    // first restart, and NORMAL (the last commits may be lost in a power cut) after it.
    prepareDatabase: (db: { pragma: (statement: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
    ...common,
  };
}
