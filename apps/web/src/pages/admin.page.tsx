// Admin area (lazy chunk): a sub-navigation of sections (admin-sections.tsx), one section at a time.
import { ADMIN_SECTIONS } from '../components/admin/admin-sections';
import { EmptyState } from '../components/empty-state.component';
import { PageTitle } from '../components/page-title.component';
import { adt } from '../lib/admin.i18n';
import type { Me } from '../lib/api.types';
import { linkClick } from '../lib/router.hook';

const href = (index: number, id: string) => (index === 0 ? '/admin' : `/admin/${id}`);

export function AdminPage({ me, section }: { me: Me; section: string | null }) {
  const index = section === null ? 0 : ADMIN_SECTIONS.findIndex((s) => s.id === section);
  const current = index >= 0 ? ADMIN_SECTIONS[index] : null;
  const Section = current?.component;
  return (
    <>
      <PageTitle title={current ? `${adt(current.label)} · ${adt('title')}` : adt('title')}>{adt('title')}</PageTitle>
      <div class="admin-layout">
        <nav class="admin-nav" aria-label={adt('sections')} data-testid="admin-nav">
          <ul>
            {ADMIN_SECTIONS.map((s, i) => (
              <li key={s.id}>
                <a
                  href={href(i, s.id)}
                  aria-current={i === index ? 'page' : undefined}
                  onClick={(e) => linkClick(e, href(i, s.id))}
                  data-section={s.id}
                >
                  {adt(s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="admin-section" data-testid="admin-section" data-section={current?.id ?? ''}>
          {Section ? <Section me={me} /> : <EmptyState title={adt('unknown')} />}
        </div>
      </div>
    </>
  );
}
