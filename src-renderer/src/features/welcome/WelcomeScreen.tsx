import { useAppStore } from '../../stores/context.js';
import { OpenFile } from './OpenFile.js';
import { RecentList } from './RecentList.js';
import { TemplateGallery } from './TemplateGallery.js';
import '../screens.css';
import './welcome.css';

export function WelcomeScreen(): React.JSX.Element {
  const showWelcome = useAppStore((s) => s.settings?.showWelcome ?? true);
  const saveSetting = useAppStore((s) => s.saveSetting);
  return (
    <section className="screen welcome" aria-labelledby="welcome-title" data-testid="screen-welcome">
      <header className="screen-header">
        <h1 id="welcome-title">Welcome to DevOps Simulator</h1>
        <p className="muted">Design a service topology, break it on purpose, and watch what happens — offline, on your desktop.</p>
      </header>
      <TemplateGallery />
      <div className="welcome-columns">
        <OpenFile />
        <RecentList />
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={showWelcome} onChange={(e) => void saveSetting('showWelcome', e.target.checked, { optimistic: true })} />
        Show this screen when the app starts
      </label>
    </section>
  );
}
