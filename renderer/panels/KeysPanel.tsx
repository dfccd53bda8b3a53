import { useTranslation } from 'react-i18next';
import { negotiationKeys } from '../editor/negotiationKeymap';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

function displayKeys(keys: string): string {
  return keys.replace('Mod', isMac ? '⌘' : 'Ctrl').replace('Alt', isMac ? '⌥' : 'Alt').replace('Arrow', '').replaceAll('-', '+');
}

/** Right panel tab: the editor's keys. */
export function KeysPanel() {
  const { t } = useTranslation();
  return (
    <table className="zd-keys">
      <tbody>
        {negotiationKeys.map((entry) => (
          <tr key={entry.keys}><td><kbd>{displayKeys(entry.keys)}</kbd></td><td>{t(entry.action)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
