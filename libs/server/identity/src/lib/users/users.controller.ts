import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  CreateUserRequest,
  ListUsersQuery,
  type Page,
  UpdateUserRequest,
  USER_IMPORT_COLUMNS,
  type UserImportResult,
  type UserResponse,
} from '@siantar/contracts';
import { AppError, CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { UserImportService } from '../import/user-import.service';
import { UsersService } from './users.service';

const uuid = uuidParam('id pengguna');

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly importer: UserImportService,
  ) {}

  @Roles('admin')
  @Get()
  list(@Query() query: ListUsersQuery, @CurrentUser() me: Principal): Promise<Page<UserResponse>> {
    return this.users.list(query, me);
  }

  @Roles('admin')
  @Post()
  create(@Body() body: CreateUserRequest, @CurrentUser() me: Principal): Promise<UserResponse> {
    return this.users.create(body, me);
  }

  @Roles('admin')
  @Get('import/template')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="templat-impor-pengguna.csv"')
  template(): string {
    return `${USER_IMPORT_COLUMNS.join(',')}\n198503122010011002,Nama Lengkap,nama@contoh.go.id,081234567890,Pengadministrasi Umum,III/a,PNS,DISDUKCAPIL,learner,\n`;
  }

  @Roles('admin')
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file'))
  import(
    @UploadedFile() file: Express.Multer.File | undefined,
    @CurrentUser() me: Principal,
  ): Promise<UserImportResult> {
    if (!file) {
      throw new AppError(
        400,
        'import.no-file',
        'Kirim berkas CSV pada kolom formulir "file" (multipart/form-data).',
      );
    }
    return this.importer.import(file.buffer, me);
  }

  @Roles('admin')
  @Get(':id')
  get(@Param('id', uuid) id: string, @CurrentUser() me: Principal): Promise<UserResponse> {
    return this.users.get(id, me);
  }

  @Roles('admin')
  @Patch(':id')
  update(
    @Param('id', uuid) id: string,
    @Body() body: UpdateUserRequest,
    @CurrentUser() me: Principal,
  ): Promise<UserResponse> {
    return this.users.update(id, body, me);
  }

  @Roles('admin')
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id', uuid) id: string, @CurrentUser() me: Principal): Promise<UserResponse> {
    return this.users.setActive(id, false, me);
  }

  @Roles('admin')
  @Post(':id/activate')
  @HttpCode(200)
  activate(@Param('id', uuid) id: string, @CurrentUser() me: Principal): Promise<UserResponse> {
    return this.users.setActive(id, true, me);
  }
}
