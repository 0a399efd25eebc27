import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { AccessPolicy } from '../identity/access-policy.service.js';
import { PiiMasker } from '../privacy/pii-masker.service.js';
import { FileService, MAX_FILE_BYTES } from './file.service.js';
import { UploadFileDto } from './upload-file.dto.js';

interface UploadedPart {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Upload first (one file per request), then reference the returned id, e.g. in a ticket comment's `attachmentIds`. */
@ApiTags('files')
@ApiBearerAuth()
@Controller('api/files')
export class FilesController {
  constructor(
    private readonly files: FileService,
    private readonly access: AccessPolicy,
    private readonly masker: PiiMasker,
  ) {}

  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFileDto })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5 } }))
  upload(
    @UploadedFile() part: UploadedPart | undefined,
    @Body() dto: UploadFileDto,
    @CurrentAccount() me: AccountPrincipal,
  ) {
    if (!part)
      throw new ValidationFailedError('No file: send multipart/form-data with a "file" field', {
        file: ['is required'],
      });
    if (dto.companyId) this.access.assertCompanyAccess(me, dto.companyId);
    return this.files.store({
      data: part.buffer,
      name: part.originalname,
      contentType: part.mimetype,
      companyId: dto.companyId,
      uploadedBy: { kind: 'account', id: me.id },
    });
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.files.get(id, me);
  }

  /** Always a download, never rendered by the browser: uploaded HTML must not run on our origin. */
  @Get(':id/content')
  async content(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal, @Res() res: Response) {
    const { file, data: stored } = await this.files.open(id, me);
    const data = this.masker.maskDownload(file.contentType, stored, file.companyId);
    res.setHeader(
      'Content-Type',
      /^text\/html|xml|svg|javascript/i.test(file.contentType) ? 'application/octet-stream' : file.contentType,
    );
    // The name is data too (e.g. "statement bob@example.com.pdf"): masked like the file's JSON view.
    const name = this.masker.maskText(file.name, file.companyId);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Length', String(data.length));
    res.end(data);
  }
}
