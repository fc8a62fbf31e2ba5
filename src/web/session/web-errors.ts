/** The page needs a signed-in reader and there is none: the filter sends them to sign in. */
export class SignInRequired extends Error {
  override readonly name = 'SignInRequired';
}

/** A state-changing form came without a valid token: it was not sent from one of our pages. */
export class CsrfRejected extends Error {
  override readonly name = 'CsrfRejected';
}
