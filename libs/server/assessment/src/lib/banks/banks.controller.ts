import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type BankDetail,
  BankListQuery,
  type BankSummary,
  type CategoryNode,
  CreateBankRequest,
  CreateCategoryRequest,
  ImportConfirmRequest,
  ImportPreviewRequest,
  type ImportPreviewResponse,
  type ImportResult,
  type Page,
  type QuestionDetail,
  QuestionListQuery,
  type QuestionSummary,
  SaveQuestionRequest,
} from '@siantar/contracts';
import {
  CurrentUser,
  type Principal,
  Roles,
  sendAttachment,
  uuidParam,
} from '@siantar/server-core';
import type { Response } from 'express';
import { QuestionsService } from '../questions/questions.service';
import { BankTransferService } from './bank-transfer.service';
import { BanksService } from './banks.service';

const uuid = uuidParam();
const AUTHORS = ['trainer', 'admin', 'partner'] as const;

@ApiTags('assessment')
@ApiBearerAuth()
@Controller()
export class BanksController {
  constructor(
    private readonly banks: BanksService,
    private readonly questions: QuestionsService,
    private readonly transfer: BankTransferService,
  ) {}

  @Roles(...AUTHORS)
  @Get('question-banks')
  list(@Query() query: BankListQuery, @CurrentUser() p: Principal): Promise<Page<BankSummary>> {
    return this.banks.list(query, p);
  }

  @Roles(...AUTHORS)
  @Post('question-banks')
  create(@Body() dto: CreateBankRequest, @CurrentUser() p: Principal): Promise<BankDetail> {
    return this.banks.create(dto, p);
  }

  @Roles(...AUTHORS)
  @Get('question-banks/:bankId')
  detail(@Param('bankId', uuid) id: string, @CurrentUser() p: Principal): Promise<BankDetail> {
    return this.banks.detail(id, p);
  }

  @Roles(...AUTHORS)
  @Post('question-banks/:bankId/categories')
  addCategory(
    @Param('bankId', uuid) id: string,
    @Body() dto: CreateCategoryRequest,
    @CurrentUser() p: Principal,
  ): Promise<CategoryNode> {
    return this.banks.addCategory(id, dto, p);
  }

  @Roles(...AUTHORS)
  @Get('question-banks/:bankId/questions')
  questionsOf(
    @Param('bankId', uuid) id: string,
    @Query() query: QuestionListQuery,
    @CurrentUser() p: Principal,
  ): Promise<Page<QuestionSummary>> {
    return this.questions.list(id, query, p);
  }

  @Roles(...AUTHORS)
  @Post('question-banks/:bankId/questions')
  addQuestion(
    @Param('bankId', uuid) id: string,
    @Body() dto: SaveQuestionRequest,
    @CurrentUser() p: Principal,
  ): Promise<QuestionDetail> {
    return this.questions.create(id, dto, p);
  }

  @Roles(...AUTHORS)
  @Get('questions/:questionId')
  question(
    @Param('questionId', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<QuestionDetail> {
    return this.questions.get(id, p);
  }

  @Roles(...AUTHORS)
  @Put('questions/:questionId')
  updateQuestion(
    @Param('questionId', uuid) id: string,
    @Body() dto: SaveQuestionRequest,
    @CurrentUser() p: Principal,
  ): Promise<QuestionDetail> {
    return this.questions.update(id, dto, p);
  }

  /** Saves nothing: other tools may call it to check a file. */
  @Roles('trainer', 'admin')
  @Post('question-import/preview')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  preview(@Body() dto: ImportPreviewRequest): ImportPreviewResponse {
    return this.transfer.preview(dto);
  }

  @Roles(...AUTHORS)
  @Post('question-banks/:bankId/import')
  import(
    @Param('bankId', uuid) id: string,
    @Body() dto: ImportConfirmRequest,
    @CurrentUser() p: Principal,
  ): Promise<ImportResult> {
    return this.transfer.import(id, dto, p);
  }

  @Roles(...AUTHORS)
  @Get('question-banks/:bankId/export.gift')
  async export(
    @Param('bankId', uuid) id: string,
    @CurrentUser() p: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, text } = await this.transfer.exportGift(id, p);
    sendAttachment(res, filename, 'text/plain; charset=utf-8', text);
  }
}
