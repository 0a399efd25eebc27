import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A file kept by the storage port: uploaded first, then attached to what it belongs to
 * (a ticket comment, later a chat message). Unattached uploads can be swept.
 */
@Entity('files')
@Index(['ownerKind', 'ownerId'])
export class StoredFileEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Index()
  @Column('varchar', { length: 36, nullable: true })
  companyId: string | null;

  @Column('varchar', { length: 255 })
  name: string;

  @Column('varchar', { length: 255 })
  contentType: string;

  @Column('integer')
  size: number;

  @Column('varchar', { length: 64 })
  sha256: string;

  @Column('varchar', { length: 20 })
  uploadedByKind: 'account' | 'contact' | 'system';

  @Column('varchar', { length: 36, nullable: true })
  uploadedById: string | null;

  @Column('varchar', { length: 40, nullable: true })
  ownerKind: string | null;

  @Column('varchar', { length: 36, nullable: true })
  ownerId: string | null;

  @CreateDateColumn()
  createdAt: Date;
}
