/**
 * A freshly made sign-in link and what to do with it. Only its hash is stored, so this is the one
 * moment it can be seen: the note says so, and how to get another.
 */
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { CopyField } from './CopyField.tsx';
import { SendLinkButton, type LinkToSend } from '../outbox/SendLinkButton.tsx';
import { useT } from '../i18n/LanguageProvider.tsx';

const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

export function SignInLink({ name, url, replaced, email }: { name: string; url: string; replaced: boolean; email?: LinkToSend }) {
  const t = useT();
  return (
    <div data-testid="sign-in-link">
      <p>
        <FormattedMessage id={email ? 'signInLink.byEmail' : 'signInLink.yourself'} values={{ name, strong }} />
        {replaced && ` ${t('signInLink.replaced')}`}
      </p>
      <CopyField label={t('signInLink.label', { name })} value={url} testId="invite-url">
        {email && <SendLinkButton link={email} />}
      </CopyField>
      <p className="muted">{t('signInLink.warning', { name })}</p>
    </div>
  );
}
