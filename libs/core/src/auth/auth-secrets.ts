/** Secrets used to sign sessions; shared by every instance (env, or generated once into the database). */
export class AuthSecrets {
  constructor(
    readonly jwtSecret: string,
    readonly portalSecret: string,
  ) {}
}
