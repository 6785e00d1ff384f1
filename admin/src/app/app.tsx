/** The admin app: the login screen until someone is logged in, then the screens by URL. */
import { lazy, Suspense } from 'react';
import { Route, Router, Switch } from 'wouter';
import { ArticleListScreen } from '../screens/article-list-screen.js';
import { CommentsScreen } from '../screens/comments-screen.js';
import { ExpiredSessionDialog, LoginScreen } from '../screens/login-screen.js';
import { ImportScreen } from '../screens/import-screen.js';
import { MediaScreen } from '../screens/media-screen.js';
import { NotFoundScreen } from '../screens/not-found-screen.js';
import { PasswordScreen } from '../screens/password-screen.js';
import { RevisionsScreen } from '../screens/revisions-screen.js';
import { SettingsScreen } from '../screens/settings-screen.js';
import { UsersScreen } from '../screens/users-screen.js';
import { editorKey } from '../editor/editor-keys.js';
import { Layout } from './layout.js';
import { useSession } from './session.js';
import { Loading } from '../ui/notice.js';

// The editor carries TipTap and ProseMirror (most of the app's weight): loaded when first opened.
const ArticleEditorScreen = lazy(() => import('../screens/article-editor-screen.js').then((m) => ({ default: m.ArticleEditorScreen })));

/** Every screen of the admin, under /admin/. */
export function App() {
  const { user, loading, expired } = useSession();
  if (loading) return <Loading />;
  if (user === null) return <LoginScreen />;
  return (
    <Router base="/admin">
      <Layout>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/" component={ArticleListScreen} />
            <Route path="/articles/nouveau">{() => <ArticleEditorScreen key={editorKey('nouveau')} id={null} />}</Route>
            <Route path="/articles/:id/versions">{(params) => <RevisionsScreen articleId={Number(params.id)} />}</Route>
            <Route path="/articles/:id">{(params) => <ArticleEditorScreen key={editorKey(params.id)} id={Number(params.id)} />}</Route>
            <Route path="/medias" component={MediaScreen} />
            <Route path="/commentaires" component={CommentsScreen} />
            <Route path="/utilisateurs" component={UsersScreen} />
            <Route path="/reglages" component={SettingsScreen} />
            <Route path="/importer" component={ImportScreen} />
            <Route path="/mot-de-passe" component={PasswordScreen} />
            <Route component={NotFoundScreen} />
          </Switch>
        </Suspense>
        {expired ? <ExpiredSessionDialog /> : null}
      </Layout>
    </Router>
  );
}
