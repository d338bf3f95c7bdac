-- Sessions remember when they were last used, for the idle timeout (refreshed about hourly).
-- Existing sessions count as used now.

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
