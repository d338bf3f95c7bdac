-- CreateEnum
CREATE TYPE "StatusChangeReason" AS ENUM ('EXPIRED', 'PAYMENT_FAILED');

-- AlterTable
ALTER TABLE "OrderStatusChange" ADD COLUMN     "reason" "StatusChangeReason";

-- Hand-written: only a cancellation has a reason (expired reservation, failed payment).
ALTER TABLE "OrderStatusChange" ADD CONSTRAINT "OrderStatusChange_reason_cancelled_only"
  CHECK ("reason" IS NULL OR "status" = 'CANCELLED');
