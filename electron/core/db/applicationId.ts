/** 'SKVT' in the SQLite header (inside the encrypted page): marks a Sessionkeep vault. */
export const SESSIONKEEP_APPLICATION_ID = 0x534b5654;
