/** Site settings, for administrators. */
import { useEffect, useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { settingsApi } from '../api/endpoints.js';
import { isAdministrator } from '../app/permissions.js';
import { useUser } from '../app/session.js';
import { ErrorMessage, InfoMessage, Loading } from '../ui/notice.js';
import { PageTitle } from '../ui/page-title.js';
import { useLoad } from '../ui/use-load.js';

/** Site name and description. */
export function SettingsScreen() {
  const user = useUser();
  const admin = isAdministrator(user.role);
  const settings = useLoad(() => (admin ? settingsApi.get() : Promise.resolve(null)), [admin]);
  const [siteName, setSiteName] = useState('');
  const [siteDescription, setSiteDescription] = useState('');
  const [purgeWebhookUrl, setPurgeWebhookUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!settings.data) return;
    setSiteName(settings.data.siteName);
    setSiteDescription(settings.data.siteDescription);
    setPurgeWebhookUrl(settings.data.purgeWebhookUrl);
  }, [settings.data]);

  if (!admin) {
    return (
      <>
        <PageTitle text="Réglages">Réglages</PageTitle>
        <p className="notice notice-error">Les réglages du site sont réservés aux administrateurs.</p>
      </>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      settings.setData(await settingsApi.update({ siteName: siteName.trim(), siteDescription: siteDescription.trim(), purgeWebhookUrl: purgeWebhookUrl.trim() }));
      setSaved(true);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle text="Réglages">Réglages du site</PageTitle>
      <ErrorMessage message={settings.error} />
      {settings.loading && !settings.data ? <Loading /> : null}
      {settings.data ? (
        <form className="form-narrow card" onSubmit={submit}>
          <ErrorMessage message={error} />
          <InfoMessage>{saved ? 'Réglages enregistrés.' : null}</InfoMessage>
          <div className="field">
            <label htmlFor="settings-name">Nom du site</label>
            <input id="settings-name" required value={siteName} onChange={(e) => setSiteName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="settings-description">Description du site</label>
            <textarea id="settings-description" rows={3} value={siteDescription} onChange={(e) => setSiteDescription(e.target.value)} aria-describedby="settings-description-hint" />
            <p className="hint" id="settings-description-hint">
              Reprise par les moteurs de recherche et les aperçus de liens.
            </p>
          </div>
          <div className="field">
            <label htmlFor="settings-purge">Webhook de purge du CDN</label>
            <input
              id="settings-purge"
              type="text"
              inputMode="url"
              spellCheck={false}
              value={purgeWebhookUrl}
              onChange={(e) => setPurgeWebhookUrl(e.target.value)}
              placeholder="https://purge.example.org/purge?tags={tags}"
              aria-describedby="settings-purge-hint"
            />
            <p className="hint" id="settings-purge-hint">
              Appelée (POST) après chaque modification avec les étiquettes de cache périmées : {'{tags}'} les met toutes dans un appel, {'{tag}'} fait un appel par étiquette. Vide : aucun appel.
            </p>
          </div>
          <button type="submit" className="button-primary" disabled={busy}>
            Enregistrer les réglages
          </button>
        </form>
      ) : null}
    </>
  );
}
