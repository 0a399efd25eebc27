import { Global, Module } from '@nestjs/common';
import { MULTER_MODULE_OPTIONS } from '@nestjs/platform-express/multer/files.constants.js';
import { AppConfig } from '../config/app-config.js';
import { IdentityModule } from '../identity/identity.module.js';
import { FileStorage } from './file-storage.port.js';
import { FileService } from './file.service.js';
import { FilesController } from './files.controller.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { S3FileStorage } from './s3.storage.js';
import { StoredFileRepository } from './stored-file.repository.js';
import { StreamingUploadEngine } from './streaming-upload.engine.js';

@Global()
@Module({
  imports: [IdentityModule],
  controllers: [FilesController],
  providers: [
    StoredFileRepository,
    FileService,
    {
      provide: FileStorage,
      useFactory: (config: AppConfig) =>
        config.storage.kind === 's3' ? new S3FileStorage(config.storage) : new LocalDiskStorage(config),
      inject: [AppConfig],
    },
    StreamingUploadEngine,
    // This module's uploads stream into the storage; other modules' FileInterceptors keep their own options.
    {
      provide: MULTER_MODULE_OPTIONS,
      useFactory: (storage: StreamingUploadEngine) => ({ storage }),
      inject: [StreamingUploadEngine],
    },
  ],
  exports: [FileService, FileStorage],
})
export class FilesModule {}
