// One message in the conversation. Internal notes get their own background *and* a text label, so the
// difference does not rely on colour alone.
import { fileUrl, formatSize } from '../../lib/files.api';
import type { Author, Comment } from '../../lib/tickets.types';
import { avatarColour, formatDateTime, formatRelative, initials } from '../../lib/format';
import { AttachmentIcon } from './attachment-icon.component';
import { tui } from '../../lib/ticket-ui.i18n';
import { tk } from '../../lib/tickets.i18n';
import { ticketPageMessages, tp } from '../../lib/ticket-page.i18n';

interface Props {
  comment: Pick<Comment, 'id' | 'visibility' | 'body' | 'createdAt' | 'source'> &
    Partial<Pick<Comment, 'truncated' | 'cc' | 'notify' | 'attachments' | 'hasOriginal' | 'ticketNumber'>> & {
      author: Author;
    };
  /** The ticket's opening message (the description) is shown like a comment. */
  opening?: boolean;
}

export function CommentItem({ comment, opening }: Props) {
  const internal = comment.visibility === 'internal';
  // Email images sent inline (Content-ID parts) show in the message; every file is still listed for download.
  const inlineImages = (comment.attachments ?? []).filter((a) => a.inline && a.contentType.startsWith('image/'));
  return (
    <li
      class={`comment${internal ? ' is-internal' : ''} author-${comment.author.kind}`}
      data-testid={internal ? 'comment-internal' : 'comment'}
      data-visibility={comment.visibility}
      data-comment-id={comment.id}
    >
      <span
        class="avatar avatar-sm"
        style={{ background: avatarColour(comment.author.id ?? comment.author.name) }}
        aria-hidden="true"
      >
        {initials(comment.author.name)}
      </span>
      <article
        class="comment-box"
        aria-label={tp(internal ? 'noteFrom' : opening ? 'requestFrom' : 'replyFrom', { name: comment.author.name })}
      >
        <header class="comment-head">
          <strong class="comment-author" data-testid="comment-author">
            {comment.author.name}
          </strong>
          <span class="muted small">{ticketPageMessages.tOr(`kind_${comment.author.kind}`, '')}</span>
          {internal && <span class="tag tag-internal">{tk('internalNote')}</span>}
          {opening && <span class="tag">{tp('request')}</span>}
          <time class="muted small comment-time" dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
            {formatRelative(comment.createdAt)}
          </time>
        </header>
        <div class="comment-body" data-testid="comment-body">
          {comment.body}
        </div>
        {comment.truncated && <p class="small muted">{tp('truncated')}</p>}
        {(comment.notify?.length ?? 0) > 0 && (
          <p class="small muted">{tp('notified', { list: comment.notify!.map((n) => `@${n.name}`).join(', ') })}</p>
        )}
        {(comment.cc?.length ?? 0) > 0 && (
          <p class="small muted">{tp('cc', { list: comment.cc!.map((c) => c.name).join(', ') })}</p>
        )}
        {inlineImages.length > 0 && (
          <div class="comment-inline-images" data-testid="comment-inline-images">
            {inlineImages.map((a) => (
              <a key={a.id} href={fileUrl(a.id)} download={a.name}>
                <img src={fileUrl(a.id)} alt={a.name} loading="lazy" style={{ maxWidth: '100%', maxHeight: '320px' }} />
              </a>
            ))}
          </div>
        )}
        {comment.hasOriginal && comment.ticketNumber !== undefined && (
          <p class="small">
            <a
              href={`/api/tickets/${comment.ticketNumber}/comments/${comment.id}/original`}
              download
              data-testid="comment-original"
            >
              {tp('viewOriginal')}
            </a>
          </p>
        )}
        {(comment.attachments?.length ?? 0) > 0 && (
          <ul class="attachments small" aria-label={tui('attachments')}>
            {comment.attachments!.map((a) => (
              <li key={a.id}>
                <a href={fileUrl(a.id)} download={a.name} data-testid="comment-attachment">
                  <AttachmentIcon label={tui('attachment')} /> {a.name}
                </a>{' '}
                <span class="muted">({formatSize(a.size)})</span>
              </li>
            ))}
          </ul>
        )}
      </article>
    </li>
  );
}
