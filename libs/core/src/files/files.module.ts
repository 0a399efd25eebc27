import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { FileStorage } from './file-storage.port.js';
import { FileService } from './file.service.js';
import { FilesController } from './files.controller.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { StoredFileRepository } from './stored-file.repository.js';

@Global()
@Module({
  imports: [IdentityModule],
  controllers: [FilesController],
  providers: [StoredFileRepository, FileService, { provide: FileStorage, useClass: LocalDiskStorage }],
  exports: [FileService, FileStorage],
})
export class FilesModule {}
