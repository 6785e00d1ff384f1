/** An import's report: counts per type, then every warning with the id of the item it is about. */
import type { ImportReport } from '../api/types.js';

const TYPE_LABELS: Record<string, string> = {
  authors: 'Auteurs',
  categories: 'Rubriques',
  tags: 'Mots-clés',
  attachments: 'Médias',
  articles: 'Articles',
  pages: 'Pages',
  comments: 'Commentaires',
  redirects: 'Redirections',
  other: 'Autres',
};

const SOURCE_LABELS: Record<string, string> = { 'depeche-backup': 'sauvegarde Dépêche', ghost: 'Ghost' };

/** The report of a finished import. */
export function ImportReportView(props: { report: ImportReport }) {
  const { report } = props;
  const rows = Object.entries(report.counts).filter(([, c]) => c.created + c.updated + c.unchanged + c.skipped > 0);
  const source = SOURCE_LABELS[report.source] ?? (report.source.startsWith('wordpress') ? 'WordPress' : report.source);
  const warnings = report.warnings.length + report.warningsOmitted;
  return (
    <section className="card import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title">{report.dryRun ? `Rapport de l’essai à blanc (${source}) : rien n’a été écrit` : `Rapport d’import (${source})`}</h2>
      {rows.length === 0 ? (
        <p>Le fichier ne contenait rien à importer.</p>
      ) : (
        <table className="import-counts">
          <caption className="visually-hidden">Éléments par type</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Créés</th>
              <th scope="col">Mis à jour</th>
              <th scope="col">Inchangés</th>
              <th scope="col">Ignorés</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([type, c]) => (
              <tr key={type}>
                <th scope="row">{TYPE_LABELS[type] ?? type}</th>
                <td>{c.created}</td>
                <td>{c.updated}</td>
                <td>{c.unchanged}</td>
                <td>{c.skipped}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.externalMedia.length > 0 ? <p>{report.externalMedia.length} image(s) restée(s) à leur adresse d’origine (fichiers non fournis).</p> : null}
      <h3>{warnings === 0 ? 'Aucun avertissement' : `Avertissements (${warnings})`}</h3>
      {report.warnings.length > 0 ? (
        <ul className="import-warnings">
          {report.warnings.map((w, i) => (
            <li key={i}>
              <span className="import-warning-item">
                {w.kind} {w.sourceId}
              </span>{' '}
              : {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      {report.warningsOmitted > 0 ? <p>… et {report.warningsOmitted} autres (rapport complet en ligne de commande avec --report).</p> : null}
    </section>
  );
}
