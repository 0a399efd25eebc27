// Devices (helpdesk agents) and a device's page with "Chat": starts a chat request the person at
// the device accepts or declines in their agent.
import { useEffect, useState } from 'preact/hooks';
import { EmptyState } from '../components/empty-state.component';
import { PageTitle } from '../components/page-title.component';
import { agentChatsApi, type Device } from '../lib/agent-chats.api';
import { devicesMessages } from '../lib/devices.i18n';
import { formatDate } from '../lib/i18n';
import { linkClick, navigate } from '../lib/router.hook';

const { t } = devicesMessages;
const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

export function DevicesPage({ deviceId }: { deviceId: string | null }) {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [device, setDevice] = useState<Device | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setError(null);
    if (deviceId) agentChatsApi.device(deviceId).then(setDevice, (e: Error) => setError(e.message));
    else
      agentChatsApi.devices().then(
        (p) => setDevices(p.items),
        (e: Error) => setError(e.message),
      );
  }, [deviceId]);

  const chat = async () => {
    if (!device) return;
    setBusy(true);
    setError(null);
    try {
      const { chat } = await agentChatsApi.start({ deviceId: device.id });
      navigate(`/chats/${chat.id}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (deviceId) {
    return (
      <div class="device-page" data-testid="device-page">
        <a class="back-link" href="/devices" onClick={(e) => linkClick(e, '/devices')}>
          {t('back')}
        </a>
        <div class="page-head">
          <PageTitle title={device?.name ?? t('device')}>{device?.name ?? t('device')}</PageTitle>
          <button
            type="button"
            class="btn btn-primary"
            onClick={chat}
            disabled={!device || busy || !device.helpdeskAgentEnabled}
            data-testid="device-chat"
          >
            {t('chat')}
          </button>
        </div>
        {error && (
          <p class="form-error" role="alert" data-testid="device-error">
            {error}
          </p>
        )}
        {device && (
          <dl class="card device-facts">
            <dt>{t('os')}</dt>
            <dd>{device.os || '—'}</dd>
            <dt>{t('agent')}</dt>
            <dd>{device.helpdeskAgentEnabled ? t('enabled') : t('disabled')}</dd>
            <dt>{t('lastSeen')}</dt>
            <dd>{device.lastSeenAt ? when(device.lastSeenAt) : t('never')}</dd>
          </dl>
        )}
      </div>
    );
  }
  return (
    <>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {devices && devices.length === 0 && <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>}
      {devices && devices.length > 0 && (
        <div class="card card-flush">
          <table class="table" data-testid="device-list">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('osShort')}</th>
                <th scope="col">{t('agent')}</th>
                <th scope="col">{t('lastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id} data-testid="device-row">
                  <td>
                    <a href={`/devices/${d.id}`} onClick={(e) => linkClick(e, `/devices/${d.id}`)}>
                      {d.name}
                    </a>
                  </td>
                  <td>{d.os || '—'}</td>
                  <td>{d.helpdeskAgentEnabled ? t('enabled') : t('disabled')}</td>
                  <td>{d.lastSeenAt ? when(d.lastSeenAt) : t('never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
