/**
 * A freshly made sign-in link and what to do with it. Only its hash is stored, so this is the one
 * moment it can be seen: the note says so, and how to get another.
 */
import { CopyField } from './CopyField.tsx';
import { SendLinkButton, type LinkToSend } from '../outbox/SendLinkButton.tsx';

export function SignInLink({ name, url, replaced, email }: { name: string; url: string; replaced: boolean; email?: LinkToSend }) {
  return (
    <div data-testid="sign-in-link">
      <p>
        Send this link to <strong>{name}</strong>{email ? ': by e-mail from Accord, or yourself in a message' : ' yourself, by email or a message'}. It is <strong>shown only once</strong>: Accord does not keep it.
        {replaced && ' Their previous link has stopped working.'}
      </p>
      <CopyField label={`Sign-in link for ${name}`} value={url} testId="invite-url">
        {email && <SendLinkButton link={email} />}
      </CopyField>
      <p className="muted">Anyone who has the link can sign in as {name}, so send it only to them. If it gets lost, create a new one from the list of people.</p>
    </div>
  );
}
