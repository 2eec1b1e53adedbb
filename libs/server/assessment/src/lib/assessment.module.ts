import { NotificationPlanner } from '@siantar/server-notify';
import { CompletionSignals } from '@siantar/server-catalog';
import { Module } from '@nestjs/common';
import { AttemptsController } from './attempts/attempts.controller';
import { AttemptsService } from './attempts/attempts.service';
import { BankTransferService } from './banks/bank-transfer.service';
import { BanksController } from './banks/banks.controller';
import { BanksService } from './banks/banks.service';
import { AttemptGrader } from './marking/attempt-grader';
import { ManualGradingService } from './marking/manual-grading.service';
import { RegradeService } from './marking/regrade.service';
import { QuestionsService } from './questions/questions.service';
import { QuizzesController } from './quizzes/quizzes.controller';
import { QuizzesService } from './quizzes/quizzes.service';
import { QuizReportService } from './reports/quiz-report.service';

/** Question banks, quizzes, attempts, manual grading and reports (the api side). */
@Module({
  controllers: [BanksController, QuizzesController, AttemptsController],
  providers: [
    CompletionSignals,
    BanksService,
    QuestionsService,
    BankTransferService,
    QuizzesService,
    AttemptsService,
    AttemptGrader,
    NotificationPlanner,
    ManualGradingService,
    RegradeService,
    QuizReportService,
  ],
})
export class AssessmentModule {}
