import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AddAuthorRequest,
  type AuthoringCourseResponse,
  type AuthoringCourseSummary,
  CreateCourseRequest,
  LessonRequest,
  ModuleRequest,
  ReorderOutlineRequest,
  ReviewCommentRequest,
  type ReviewCommentResponse,
  ReviewDecisionRequest,
  SendBackRequest,
  SubmitForReviewRequest,
  UpdateCourseDraftRequest,
  UpdateLessonRequest,
} from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { AuthoringService } from './authoring.service';
import { ReviewService } from './review.service';

const uuid = uuidParam();
const AUTHORS = ['trainer', 'partner', 'admin'] as const;

@ApiTags('authoring')
@ApiBearerAuth()
@Controller('authoring/courses')
export class AuthoringController {
  constructor(
    private readonly authoring: AuthoringService,
    private readonly review: ReviewService,
  ) {}

  @Roles(...AUTHORS)
  @Get()
  list(@CurrentUser() p: Principal): Promise<AuthoringCourseSummary[]> {
    return this.authoring.list(p);
  }

  @Roles(...AUTHORS)
  @Post()
  create(
    @Body() body: CreateCourseRequest,
    @CurrentUser() p: Principal,
  ): Promise<AuthoringCourseResponse> {
    return this.authoring.create(body, p);
  }

  @Roles(...AUTHORS)
  @Get(':courseId')
  get(
    @Param('courseId', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<AuthoringCourseResponse> {
    return this.authoring.get(id, p);
  }

  @Roles(...AUTHORS)
  @Patch(':courseId/draft')
  update(
    @Param('courseId', uuid) id: string,
    @Body() body: UpdateCourseDraftRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.authoring.updateDraft(id, body, p);
  }

  @Roles(...AUTHORS)
  @Post(':courseId/draft')
  newDraft(@Param('courseId', uuid) id: string, @CurrentUser() p: Principal) {
    return this.authoring.newDraft(id, p);
  }

  @Roles(...AUTHORS)
  @Post(':courseId/draft/modules')
  addModule(
    @Param('courseId', uuid) id: string,
    @Body() body: ModuleRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.authoring.addModule(id, body, p);
  }

  @Roles(...AUTHORS)
  @Patch(':courseId/draft/modules/:moduleId')
  renameModule(
    @Param('courseId', uuid) id: string,
    @Param('moduleId', uuid) moduleId: string,
    @Body() body: ModuleRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.authoring.renameModule(id, moduleId, body, p);
  }

  @Roles(...AUTHORS)
  @Delete(':courseId/draft/modules/:moduleId')
  deleteModule(
    @Param('courseId', uuid) id: string,
    @Param('moduleId', uuid) moduleId: string,
    @CurrentUser() p: Principal,
  ) {
    return this.authoring.deleteModule(id, moduleId, p);
  }

  @Roles(...AUTHORS)
  @Post(':courseId/draft/modules/:moduleId/lessons')
  addLesson(
    @Param('courseId', uuid) id: string,
    @Param('moduleId', uuid) moduleId: string,
    @Body() body: LessonRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.authoring.addLesson(id, moduleId, body, p);
  }

  @Roles(...AUTHORS)
  @Patch(':courseId/draft/lessons/:lessonId')
  updateLesson(
    @Param('courseId', uuid) id: string,
    @Param('lessonId', uuid) lessonId: string,
    @Body() body: UpdateLessonRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.authoring.updateLesson(id, lessonId, body, p);
  }

  @Roles(...AUTHORS)
  @Delete(':courseId/draft/lessons/:lessonId')
  deleteLesson(
    @Param('courseId', uuid) id: string,
    @Param('lessonId', uuid) lessonId: string,
    @CurrentUser() p: Principal,
  ) {
    return this.authoring.deleteLesson(id, lessonId, p);
  }

  @Roles(...AUTHORS)
  @Put(':courseId/draft/outline')
  reorder(
    @Param('courseId', uuid) id: string,
    @Body() body: ReorderOutlineRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.authoring.reorder(id, body, p);
  }

  @Roles(...AUTHORS)
  @Post(':courseId/draft/submit')
  @HttpCode(200)
  submit(
    @Param('courseId', uuid) id: string,
    @Body() body: SubmitForReviewRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.authoring.submit(id, body.changelog, p);
  }

  @Roles(...AUTHORS)
  @Post(':courseId/authors')
  @HttpCode(200)
  addAuthor(
    @Param('courseId', uuid) id: string,
    @Body() body: AddAuthorRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.authoring.addAuthor(id, body.userId, p);
  }

  @Roles(...AUTHORS)
  @Get(':courseId/comments')
  comments(
    @Param('courseId', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<ReviewCommentResponse[]> {
    return this.review.comments(id, p);
  }

  @Roles(...AUTHORS)
  @Post(':courseId/comments')
  comment(
    @Param('courseId', uuid) id: string,
    @Body() body: ReviewCommentRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.review.comment(id, body, p);
  }

  @Roles('admin')
  @Post(':courseId/review/approve')
  @HttpCode(200)
  approve(
    @Param('courseId', uuid) id: string,
    @Body() body: ReviewDecisionRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.review.approve(id, body.note, p);
  }

  @Roles('admin')
  @Post(':courseId/review/send-back')
  @HttpCode(200)
  sendBack(
    @Param('courseId', uuid) id: string,
    @Body() body: SendBackRequest,
    @CurrentUser() p: Principal,
  ) {
    return this.review.sendBack(id, body.note, p);
  }

  @Roles('admin')
  @Post(':courseId/archive')
  @HttpCode(200)
  archive(@Param('courseId', uuid) id: string, @CurrentUser() p: Principal) {
    return this.review.archive(id, p);
  }
}
