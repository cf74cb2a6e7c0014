/** The country list lives in shared/ (the server judges country codes in bulk invitations); pages import it from here. */
export * from '../../shared/countries.ts';
