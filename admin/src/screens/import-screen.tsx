/**
 * Importing content (administrators): a WordPress export, a Ghost export or a Dépêche
 * backup. The file is uploaded (with its progress), imported in the background (progress
 * polled), then the report is shown.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { messageOf } from '../api/client.js';
import { importsApi } from '../api/endpoints.js';
import type { ImportJob, ImportReport } from '../api/types.js';
import { isAdministrator } from '../app/permissions.js';
import { useUser } from '../app/session.js';
import { ImportReportView } from '../imports/import-report-view.js';
import { uploadImport } from '../imports/upload-import.js';
import { ErrorMessage } from '../ui/notice.js';
import { PageTitle } from '../ui/page-title.js';

const KIND_LABELS: Record<ImportJob['kind'], string> = { wordpress: 'export WordPress', ghost: 'export Ghost', 'depeche-backup': 'sauvegarde Dépêche' };

/** How often the job is polled. */
const POLL_MS = 400;

function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
}

/** The import screen. */
export function ImportScreen() {
  const user = useUser();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [sent, setSent] = useState<{ sent: number; total: number } | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  if (!isAdministrator(user.role)) {
    return (
      <>
        <PageTitle text="Importer">Importer</PageTitle>
        <p className="notice notice-error">L’import de contenus est réservé aux administrateurs.</p>
      </>
    );
  }

  function follow(id: number) {
    timer.current = window.setTimeout(async () => {
      try {
        const current = await importsApi.get(id);
        setJob(current);
        if (current.status === 'running') return follow(id);
        setBusy(false);
        if (current.status === 'done') setReport(await importsApi.report(id));
        else setError(current.error ?? 'L’import a échoué.');
      } catch (failure) {
        setBusy(false);
        setError(messageOf(failure));
      }
    }, POLL_MS);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (file === null) return;
    setBusy(true);
    setError(null);
    setReport(null);
    setJob(null);
    setSent({ sent: 0, total: file.size });
    try {
      const started = await uploadImport(file, dryRun, (done, total) => setSent({ sent: done, total }));
      setSent({ sent: file.size, total: file.size });
      setJob(started);
      follow(started.id);
    } catch (failure) {
      setBusy(false);
      setError(messageOf(failure));
    }
  }

  const uploadPercent = sent ? percent(sent.sent, sent.total) : 0;
  const importPercent = job ? (job.status === 'done' ? 100 : percent(job.done, job.total)) : 0;
  return (
    <>
      <PageTitle text="Importer">Importer des contenus</PageTitle>
      <form className="form-narrow card" onSubmit={submit}>
        <p className="hint" id="import-hint">
          Un export WordPress (fichier WXR .xml, « Outils › Exporter »), un export Ghost (.json, « Labs › Export ») ou une sauvegarde Dépêche (.json). Relancer le même import met à jour ce qui a changé, sans
          doublon ; une sauvegarde Dépêche ne se restaure que dans un site vide.
        </p>
        <div className="field">
          <label htmlFor="import-file">Fichier à importer</label>
          <input id="import-file" type="file" accept=".xml,.json,application/json,application/xml,text/xml" aria-describedby="import-hint" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} disabled={busy} />
        </div>
        <div className="field field-check">
          <input id="import-dry-run" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} disabled={busy} />
          <label htmlFor="import-dry-run">Essai à blanc : tout vérifier et compter, sans rien écrire</label>
        </div>
        <button type="submit" className="button-primary" disabled={busy || file === null}>
          Lancer l’import
        </button>
      </form>
      <ErrorMessage message={error} />
      {sent ? (
        <section className="card import-progress" aria-label="Progression">
          <div className="field">
            <label htmlFor="import-upload-progress">Envoi du fichier : {uploadPercent} %</label>
            <progress id="import-upload-progress" max={100} value={uploadPercent}>
              {uploadPercent} %
            </progress>
          </div>
          {job ? (
            <div className="field">
              <label htmlFor="import-job-progress">
                Import ({KIND_LABELS[job.kind]}{job.dryRun ? ', essai à blanc' : ''}) : {job.status === 'done' ? 'terminé' : job.status === 'failed' ? 'échoué' : `${job.phase} ${job.done}/${job.total}`}
              </label>
              <progress id="import-job-progress" max={100} value={importPercent}>
                {importPercent} %
              </progress>
            </div>
          ) : null}
          <p className="visually-hidden" role="status">
            {job?.status === 'done' ? 'Import terminé.' : job?.status === 'failed' ? 'Import échoué.' : ''}
          </p>
        </section>
      ) : null}
      {report ? <ImportReportView report={report} /> : null}
    </>
  );
}
