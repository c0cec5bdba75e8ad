// keytar is an optional native module (it builds only where libsecret is present), so its own
// types may be missing: the part of its API the app uses is declared here, and type-checking
// passes whether or not keytar installed.
declare module 'keytar' {
  interface Credential {
    account: string;
    password: string;
  }
  export function getPassword(service: string, account: string): Promise<string | null>;
  export function setPassword(service: string, account: string, password: string): Promise<void>;
  export function deletePassword(service: string, account: string): Promise<boolean>;
  export function findCredentials(service: string): Promise<Credential[]>;
  const keytar: {
    getPassword: typeof getPassword;
    setPassword: typeof setPassword;
    deletePassword: typeof deletePassword;
    findCredentials: typeof findCredentials;
  };
  export default keytar;
}
