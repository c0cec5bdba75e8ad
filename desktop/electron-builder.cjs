// electron-builder configuration for the desktop app (`npm run dist`). A JavaScript file rather
// than YAML because two parts depend on the release machine's environment:
// - the update feed (IMAGE_DESK_UPDATE_URL): baked into the app and written as `publish`, so the
//   build emits latest*.yml for a generic HTTPS server; without it the app has no updater;
// - code signing and notarization: on only when their credentials are in the environment
//   (see README "Releasing the desktop app"); a build without them is unsigned, never failed.
// Packaging needs the Electron binary, so it runs where the internet is reachable.

const env = process.env;

/** @param {string[]} names */
const allSet = (names) => names.every((name) => Boolean(env[name]));

/** Apple notarization: any one complete set of credentials that @electron/notarize accepts. */
const notarize =
  allSet(['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER']) ||
  allSet(['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) ||
  allSet(['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE']);

/** Windows: Azure Trusted Signing when its account is configured (else CSC_LINK, else unsigned). */
const azureSignOptions = allSet([
  'AZURE_TRUSTED_SIGNING_ENDPOINT',
  'AZURE_TRUSTED_SIGNING_ACCOUNT',
  'AZURE_TRUSTED_SIGNING_PROFILE',
  'AZURE_TRUSTED_SIGNING_PUBLISHER',
])
  ? {
      endpoint: env.AZURE_TRUSTED_SIGNING_ENDPOINT,
      codeSigningAccountName: env.AZURE_TRUSTED_SIGNING_ACCOUNT,
      certificateProfileName: env.AZURE_TRUSTED_SIGNING_PROFILE,
      publisherName: env.AZURE_TRUSTED_SIGNING_PUBLISHER,
    }
  : undefined;

const updateFeedUrl = env.IMAGE_DESK_UPDATE_URL || undefined;
if (updateFeedUrl && !/^https:\/\//.test(updateFeedUrl)) {
  throw new Error(
    `IMAGE_DESK_UPDATE_URL must be an https:// URL (updates are code: they never travel in clear); got "${updateFeedUrl}"`,
  );
}

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.imagedesk.desktop',
  productName: 'Image Desk',
  copyright: 'Copyright © 2026 Image Desk',
  directories: { output: 'dist', buildResources: 'build' },
  // out/ is built by `npm run build:desktop`; source maps stay out of the installer.
  files: ['out/**', '!out/**/*.map', 'package.json'],
  extraMetadata: { imageDesk: { updateFeedUrl: updateFeedUrl ?? null } },
  asar: true,
  // Native modules cannot be loaded from inside the asar archive.
  asarUnpack: ['node_modules/sharp/**', 'node_modules/@img/**', 'node_modules/keytar/**'],
  // sharp and keytar are N-API modules: one binary serves every Node and Electron ABI.
  npmRebuild: false,
  // Flipped in the binary before signing (https://www.electronjs.org/docs/latest/tutorial/fuses).
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  publish: updateFeedUrl ? [{ provider: 'generic', url: updateFeedUrl, channel: 'latest' }] : null,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Graphics',
    icon: 'build/icons',
    maintainer: 'Image Desk <support@image-desk.local>',
    synopsis: 'Batch-upload images to S3 and manage the gallery',
    desktop: {
      entry: {
        Name: 'Image Desk',
        GenericName: 'Image Uploader',
        Comment: 'Batch-upload images to S3 and manage the gallery',
        Categories: 'Graphics;Photography;Network;',
        Keywords: 'image;photo;upload;s3;gallery;',
        StartupWMClass: 'Image Desk',
      },
    },
  },
  deb: { depends: ['libsecret-1-0'] },
  mac: {
    // zip is what electron-updater installs from on macOS; dmg is what people download.
    target: ['dmg', 'zip'],
    category: 'public.app-category.photography',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'resources/entitlements.mac.plist',
    entitlementsInherit: 'resources/entitlements.mac.plist',
    notarize,
  },
  win: {
    target: ['nsis'],
    icon: 'build/icon.png',
    ...(azureSignOptions ? { azureSignOptions } : {}),
  },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};
