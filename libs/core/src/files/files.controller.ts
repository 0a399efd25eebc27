import { pipeline } from 'node:stream/promises';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { AccessPolicy } from '../identity/access-policy.service.js';
import { PiiMasker } from '../privacy/pii-masker.service.js';
import { FileService, MAX_FILE_BYTES, type WrittenContent } from './file.service.js';
import { UploadFileDto } from './upload-file.dto.js';

/** What multer hands over: the part's headers and what StreamingUploadEngine wrote. */
interface UploadedPart {
  originalname: string;
  mimetype: string;
  content: WrittenContent;
}

/** Kept in step with PiiMasker's text types: only these may be rewritten by masking, so only these are read whole. */

/**
 * Upload first (one file per request; streamed into the storage by StreamingUploadEngine,
 * the module's multer storage), then reference the returned id, e.g. in a ticket comment's `attachmentIds`. */
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
    return this.files.keepUpload(
      part.content,
      { name: part.originalname, contentType: part.mimetype, companyId: dto.companyId },
      me,
    );
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal) {
    return this.files.get(id, me);
  }

  /** An unattached upload, by its uploader or an admin; its content leaves the storage. */
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal): Promise<void> {
    await this.files.remove(id, me);
  }

  /** Always a download, never rendered by the browser: uploaded HTML must not run on our origin. */
  @Get(':id/content')
  async content(@Param('id', ParseUUIDPipe) id: string, @CurrentAccount() me: AccountPrincipal, @Res() res: Response) {
    const { file, data: stored } = await this.files.openStream(id, me);
    res.setHeader(
      'Content-Type',
      /^text\/html|xml|svg|javascript|ecmascript/i.test(file.contentType)
        ? 'application/octet-stream'
        : file.contentType,
    );
    // The name is data too (e.g. "statement bob@example.com.pdf"): masked like the file's JSON view.
    const name = this.masker.maskText(file.name, file.companyId);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (this.masker.rewritesDownload(file.contentType, file.companyId)) {
      // Masking rewrites text as a whole: read it (at most 20 MB), mask, send.
      const whole = Buffer.concat((await stored.toArray()) as Buffer[]);
      const data = this.masker.maskDownload(file.contentType, whole, file.companyId);
      res.setHeader('Content-Length', String(data.length));
      res.end(data);
      return;
    }
    // Everything else streams from the storage; a failure midway cuts the response short.
    res.setHeader('Content-Length', String(file.size));
    await pipeline(stored, res).catch(() => res.destroy());
  }
}
